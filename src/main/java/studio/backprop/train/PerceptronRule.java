package studio.backprop.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.backprop.nn.Parameter;
import studio.backprop.nn.optim.OptimizerState;
import studio.backprop.nn.perceptron.LabelConvention;
import studio.backprop.nn.perceptron.PerceptronUpdate;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.Compilation;
import studio.backprop.tensor.Tensor;
import studio.backprop.train.StepRecord.Kind;
import studio.backprop.train.StepRecord.NodeRecord;
import studio.backprop.train.StepRecord.PerceptronRow;
import studio.backprop.train.TrainingSnapshot.TensorCopy;

/**
 * The perceptron learning rule on the one unit of a perceptron document, one sample after another:
 * <pre>
 *   z = w·x + b,  ŷ = threshold(z),  then, when the update form fires,  w ← w + c·x,  b ← b + c
 * </pre>
 * with step(0) = 0 for labels 0/1 and sign(0) = +1 for labels −1/+1, and the update form of the layer's
 * {@code update} setting ({@link PerceptronUpdate}): c = η(y − ŷ) when ŷ ≠ y (the default), c = ηy when ŷ ≠ y, or
 * c = ηy whenever y·z ≤ 0. A batch of several samples is presented one
 * sample at a time, each seeing the weights the previous one left. Training has converged after an epoch without
 * any update. The loss of a step is the fraction of its samples that were misclassified.
 */
public final class PerceptronRule implements StepRule {

    private final Parameter kernel;
    private final Parameter bias;
    private final LabelConvention labels;
    private final PerceptronUpdate update;
    private final double initialEta;
    private double eta;
    private boolean updatedThisEpoch;
    private Tensor output;
    private final List<PerceptronRow> rows = new ArrayList<>();

    public PerceptronRule(Compilation c) {
        String unit = c.network().nodes().get(0).name();
        this.kernel = c.network().parameters().stream().filter(p -> p.name().equals(unit + "/kernel")).findFirst()
                .orElseThrow();
        this.bias = c.network().parameters().stream().filter(p -> p.name().equals(unit + "/bias")).findFirst()
                .orElseThrow();
        this.labels = c.outputKind() == studio.backprop.nn.loss.OutputKind.SCORE
                ? LabelConvention.MINUS_ONE_PLUS_ONE : LabelConvention.ZERO_ONE;
        this.update = PerceptronUpdate.byId(c.document().layers().get(0).settings().getOrDefault("update",
                PerceptronUpdate.ERROR.id()));
        if (!update.worksWith(labels)) {
            throw new IllegalArgumentException("update = " + update.id() + " needs labels = -1/+1");
        }
        this.initialEta = etaOf(c.document().optimizer());
        this.eta = initialEta;
    }

    private static double etaOf(ComponentSpec spec) {
        try {
            return Double.parseDouble(spec.get("learning_rate", "1").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the perceptron's learning_rate must be a number, not '"
                    + spec.get("learning_rate", "") + "'");
        }
    }

    /**
     * Checks that every target is one of the unit's two labels.
     *
     * @param y targets (N, 1)
     * @throws IllegalArgumentException naming the first sample (from 1) whose label is not
     */
    public void requireLabels(Tensor y) {
        float[] ys = y.contiguous().buffer();
        for (int i = 0; i < ys.length; i++) {
            if (ys[i] != Math.round(ys[i]) || !labels.contains(Math.round(ys[i]))) {
                throw new IllegalArgumentException("sample " + (i + 1) + " has the label " + plain(ys[i])
                        + ", which is not in " + labels.setNotation() + "; give the data labels "
                        + labels.setNotation() + " or change the Perceptron's labels setting");
            }
        }
    }

    private static String plain(float v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** The update form the unit uses. */
    public PerceptronUpdate update() {
        return update;
    }

    /** The labels the unit uses. */
    public LabelConvention labels() {
        return labels;
    }

    @Override
    public float step(Tensor x, Tensor y) {
        int n = x.dim(0);
        int features = x.size() / n;
        float[] xs = x.contiguous().buffer();
        float[] ys = y.contiguous().buffer();
        float[] w = kernel.value().buffer();
        float[] b = bias.value().buffer();
        if (output == null || output.dim(0) != n) {
            output = Tensor.zeros(n, 1);
        }
        rows.clear();
        int mistakes = 0;
        for (int i = 0; i < n; i++) {
            float[] xi = java.util.Arrays.copyOfRange(xs, i * features, (i + 1) * features);
            double z = b[0];
            for (int j = 0; j < features; j++) {
                z += (double) w[j] * xi[j];
            }
            int predicted = labels.output(z);
            int label = Math.round(ys[i]);
            if (!labels.contains(label)) {
                throw new IllegalArgumentException("sample " + (i + 1) + " of the batch has the label " + ys[i]
                        + "; this perceptron's labels are " + labels.setNotation());
            }
            int error = label - predicted;
            float[] wBefore = w.clone();
            float bBefore = b[0];
            boolean fires = update.fires(z, predicted, label);
            mistakes += error != 0 ? 1 : 0;
            if (fires) {
                updatedThisEpoch = true;
                double change = update.factor(eta, predicted, label);
                for (int j = 0; j < features; j++) {
                    w[j] = (float) (w[j] + change * xi[j]);
                }
                b[0] = (float) (b[0] + change);
            }
            output.buffer()[i] = predicted;
            rows.add(new PerceptronRow(-1, xi, z, predicted, label, error, fires, wBefore, bBefore,
                    w.clone(), b[0]));
        }
        return (float) mistakes / n;
    }

    /** Numbers the rows of the last step by their samples (1-based), as the loop knows them. */
    void numberRows(int[] samples) {
        for (int i = 0; i < rows.size() && i < samples.length; i++) {
            PerceptronRow r = rows.get(i);
            rows.set(i, new PerceptronRow(samples[i] + 1, r.x(), r.z(), r.predicted(), r.label(), r.error(),
                    r.updated(), r.weightsBefore(), r.biasBefore(), r.weightsAfter(), r.biasAfter()));
        }
    }

    @Override
    public Tensor output() {
        return output;
    }

    @Override
    public double learningRate() {
        return eta;
    }

    @Override
    public void setLearningRate(double eta) {
        this.eta = eta;
    }

    @Override
    public void reset() {
        eta = initialEta;
        updatedThisEpoch = false;
        rows.clear();
    }

    @Override
    public boolean endEpoch() {
        boolean converged = !updatedThisEpoch;
        updatedThisEpoch = false;
        return converged;
    }

    @Override
    public void reconfigure(ComponentSpec optimizer) {
        if (!optimizer.type().trim().equalsIgnoreCase("perceptron")) {
            throw new IllegalArgumentException("a Perceptron unit is trained by the perceptron rule only");
        }
        double next = etaOf(optimizer);
        if (!(next > 0) || Double.isInfinite(next)) {
            throw new IllegalArgumentException("the perceptron's learning rate must be a positive number, not "
                    + next);
        }
        eta = next;
    }

    @Override
    public Object stepState() {
        return updatedThisEpoch;
    }

    @Override
    public void restoreStepState(Object state) {
        updatedThisEpoch = state instanceof Boolean updated && updated;
    }

    @Override
    public String describe() {
        return "perceptron rule (η = " + eta + ", labels " + labels.setNotation() + ", " + update.formula() + ")";
    }

    @Override
    public OptimizerState exportState() {
        return null;
    }

    @Override
    public void importState(OptimizerState state) {
        // the rule keeps no state besides w and b, which the checkpoint holds
    }

    @Override
    public List<NodeRecord> recordNodes(Map<String, TensorCopy> before) {
        if (rows.isEmpty()) {
            return List.of();
        }
        PerceptronRow last = rows.get(rows.size() - 1);
        String unit = kernel.name().substring(0, kernel.name().indexOf('/'));
        List<NodeRecord> nodes = new ArrayList<>();
        nodes.add(leaf("input", "input", Kind.DATA, new TensorCopy(new int[] {1, last.x().length}, last.x())));
        nodes.add(leaf(kernel.name(), unit, Kind.PARAMETER, before.get(kernel.name())));
        nodes.add(leaf(bias.name(), unit, Kind.PARAMETER, before.get(bias.name())));
        nodes.add(new NodeRecord(unit + "/z", unit, "affine", Kind.OP, "z = w·x + b",
                List.of("input", kernel.name(), bias.name()), false, scalar(last.z()), null));
        String threshold = labels == LabelConvention.ZERO_ONE ? "step" : "sign";
        nodes.add(new NodeRecord(unit + "/" + threshold, unit, threshold, Kind.OP,
                labels == LabelConvention.ZERO_ONE ? "ŷ = step(z): 1 if z > 0, else 0" : "ŷ = sign(z): +1 if z ≥ 0, else −1",
                List.of(unit + "/z"), false, scalar(last.predicted()), null));
        nodes.add(leaf("target", "target", Kind.DATA, scalar(last.label())));
        nodes.add(new NodeRecord("error", "loss", "sub", Kind.OP, "e = y − ŷ", List.of("target", unit + "/"
                + threshold), false, scalar(last.error()), null));
        if (update == PerceptronUpdate.MARGIN) {
            nodes.add(new NodeRecord(unit + "/margin", unit, "mul", Kind.OP, "m = y·z; update when m ≤ 0",
                    List.of("target", unit + "/z"), false, scalar(last.label() * last.z()), null));
        }
        return nodes;
    }

    private static NodeRecord leaf(String name, String layer, Kind kind, TensorCopy value) {
        return new NodeRecord(name, layer, kind == Kind.PARAMETER ? "parameter" : name, kind, "", List.of(), false,
                value, null);
    }

    private static TensorCopy scalar(double v) {
        return new TensorCopy(new int[] {1, 1}, new float[] {(float) v});
    }

    @Override
    public List<PerceptronRow> perceptronRows() {
        return List.copyOf(rows);
    }

    @Override
    public Map<String, TensorCopy> gradients() {
        return new LinkedHashMap<>();
    }

    @Override
    public String firstNonFinite() {
        return kernel.name().substring(0, kernel.name().indexOf('/'));
    }
}
