package studio.backprop.train;

import studio.backprop.nn.perceptron.LabelConvention;
import studio.backprop.nn.perceptron.PerceptronConfig;
import studio.backprop.nn.perceptron.PerceptronTrainer;
import studio.backprop.nn.perceptron.TrainingSet;
import studio.backprop.nn.perceptron.Vec;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.TrainingPlan;
import studio.backprop.spec.WeightsSpec;
import studio.backprop.tensor.ShapeException;

/**
 * Sets up the perceptron learning rule for a document whose optimizer is "perceptron": the unit's label
 * convention, η, the given starting weights (zeros otherwise), the sample order and the epoch cap.
 */
public final class PerceptronRun {

    private PerceptronRun() {
    }

    /**
     * @throws ShapeException if the data's targets are not one label per sample, or the weights do not fit
     */
    public static PerceptronTrainer trainer(Compilation c, TrainingData data) {
        LayerSpec unit = c.document().layers().get(0);
        LabelConvention labels = "-1/+1".equals(unit.setting("labels")) ? LabelConvention.MINUS_ONE_PLUS_ONE
                : LabelConvention.ZERO_ONE;
        int n = data.trainSize();
        int features = data.trainX().size() / n;
        if (data.trainY().size() != n) {
            throw new ShapeException("the perceptron needs one label per sample; the targets have shape "
                    + studio.backprop.tensor.Shapes.str(data.trainY().shape()));
        }
        double[][] x = new double[n][features];
        int[] y = new int[n];
        float[] fx = data.trainX().contiguous().buffer();
        float[] fy = data.trainY().contiguous().buffer();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < features; j++) {
                x[i][j] = fx[i * features + j];
            }
            y[i] = Math.round(fy[i]);
        }
        String eta = c.document().optimizer().get("learning_rate", "1");
        PerceptronConfig config = PerceptronConfig.defaults().withLearningRate(Double.parseDouble(eta.trim()))
                .withLabels(labels).withEpochCap(c.plan().epochs());
        config = withWeights(config, c, unit.name(), features);
        TrainingPlan plan = c.plan();
        config = switch (plan.order()) {
            case LISTED -> config.withListedOrder();
            case SHUFFLED -> config.withShuffledOrder(plan.seed());
            case EXPLICIT -> config.withOrderOneBased(plan.explicitOrder().stream().mapToInt(Integer::intValue)
                    .toArray());
        };
        try {
            return new PerceptronTrainer(TrainingSet.of(x, y), config);
        } catch (IllegalArgumentException e) {
            throw new DataResolutionException(e.getMessage(), e);
        }
    }

    private static PerceptronConfig withWeights(PerceptronConfig config, Compilation c, String unit, int features) {
        double[] w = null;
        double b = 0;
        for (WeightsSpec spec : c.document().weights()) {
            if (!spec.layer().equals(unit)) {
                continue;
            }
            if (spec.role().equals("kernel")) {
                w = spec.values();
            } else if (spec.role().equals("bias")) {
                b = spec.values()[0];
            }
        }
        if (w == null) {
            return b == 0 ? config : config.withInitialWeights(Vec.zeros(features), b);
        }
        if (w.length != features) {
            throw new ShapeException("the perceptron '" + unit + "' is given " + w.length + " weights but the data has "
                    + features + " inputs");
        }
        return config.withInitialWeights(Vec.of(w), b);
    }
}
