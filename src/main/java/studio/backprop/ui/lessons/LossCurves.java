package studio.backprop.ui.lessons;

import studio.backprop.autograd.Variable;
import studio.backprop.nn.loss.Loss;
import studio.backprop.nn.loss.Losses;
import studio.backprop.nn.loss.OutputKind;
import studio.backprop.nn.loss.Reduction;
import studio.backprop.tensor.Tensor;

/**
 * One of the engine's losses for a single output against the prediction, for the target of class 0 and of class 1,
 * with the gradient ∂L/∂prediction it sends back (by autograd).
 *
 * <p>The prediction runs over what the loss reads: a probability in (0, 1) for the cross-entropies on
 * probabilities, a logit or a score from −4 to 4 for the losses on logits and for hinge, a value from −0.5 to 1.5
 * for MSE and MAE. Class 0 and 1 are the targets 0 and 1, except for hinge, whose targets are −1 and +1. Categorical
 * losses see two outputs (1 − p, p) or logits (0, z) with one-hot targets, and the curve follows the second output.
 * All points are one batch with sum reduction, so each point's gradient is its own derivative.
 *
 * @param predictions the prediction axis
 * @param loss        L(prediction) for class 0 and class 1: loss[0][i], loss[1][i]
 * @param gradient    ∂L/∂prediction for class 0 and class 1
 */
public record LossCurves(String name, String axis, double[] predictions, double[][] loss, double[][] gradient) {

    /** The curves of the loss called {@code name} (one of {@link Losses#names()}) at {@code n} points. */
    public static LossCurves compute(String name, int n) {
        Loss loss = Losses.byName(name).withReduction(Reduction.SUM);
        OutputKind kind = loss.outputKind();
        boolean categorical = name.startsWith("categorical") || name.equals("kl_divergence");
        boolean probabilities = kind == OutputKind.PROBABILITY || name.equals("kl_divergence");
        double from = probabilities ? 0.005 : kind == OutputKind.VALUE ? -0.5 : -4;
        double to = probabilities ? 0.995 : kind == OutputKind.VALUE ? 1.5 : 4;
        double[] predictions = new double[n];
        for (int i = 0; i < n; i++) {
            predictions[i] = from + (to - from) * i / (n - 1);
        }
        double[][] values = new double[2][];
        double[][] slopes = new double[2][];
        for (int c = 0; c < 2; c++) {
            float target = kind == OutputKind.SCORE ? 2 * c - 1 : c;
            double[][] both = perPoint(loss, kind, categorical, predictions, target);
            values[c] = both[0];
            slopes[c] = both[1];
        }
        String axis = probabilities ? "predicted probability p" : switch (kind) {
            case PROBABILITY -> "predicted probability p";
            case LOGIT -> "logit z";
            case SCORE -> "score s";
            case VALUE -> "prediction ŷ";
        };
        return new LossCurves(loss.displayName(), axis, predictions, values, slopes);
    }

    /**
     * Each point's own loss and its derivative with respect to the prediction. The derivative comes from one backward
     * pass over all points as one batch (sum reduction keeps them apart); a categorical loss sees the prediction p as
     * the outputs (1 − p, p), or the logit z as (0, z), built inside the graph so the derivative is the whole one.
     */
    private static double[][] perPoint(Loss loss, OutputKind kind, boolean categorical, double[] predictions,
                                       float target) {
        int n = predictions.length;
        float[] p = new float[n];
        for (int i = 0; i < n; i++) {
            p[i] = (float) predictions[i];
        }
        Variable prediction = Variable.parameter(Tensor.of(p, n, 1), "prediction");
        loss.compute(outputs(prediction, kind, categorical), targets(n, categorical, target)).backward();
        double[] values = new double[n];
        double[] slopes = new double[n];
        for (int i = 0; i < n; i++) {
            Variable one = Variable.constant(Tensor.of(new float[] {p[i]}, 1, 1), "prediction");
            values[i] = loss.compute(outputs(one, kind, categorical), targets(1, categorical, target)).value().item();
            slopes[i] = prediction.grad().get(i, 0);
        }
        return new double[][] {values, slopes};
    }

    private static Variable outputs(Variable prediction, OutputKind kind, boolean categorical) {
        if (!categorical) {
            return prediction;
        }
        Variable first = kind == OutputKind.LOGIT ? prediction.mul(0f) : prediction.affine(-1f, 1f);
        return Variable.concat(1, first, prediction);
    }

    private static Variable targets(int n, boolean categorical, float target) {
        int width = categorical ? 2 : 1;
        float[] t = new float[n * width];
        for (int i = 0; i < n; i++) {
            if (categorical) {
                t[2 * i + (int) target] = 1f;
            } else {
                t[i] = target;
            }
        }
        return Variable.constant(Tensor.of(t, n, width), "target");
    }
}
