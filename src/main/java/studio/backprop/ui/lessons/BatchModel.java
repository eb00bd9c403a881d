package studio.backprop.ui.lessons;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.autograd.Variable;
import studio.backprop.data.Batches;
import studio.backprop.kernels.UnaryFn;
import studio.backprop.nn.loss.Loss;
import studio.backprop.nn.loss.Losses;
import studio.backprop.nn.optim.Sgd;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * Batch, mini-batch and stochastic gradient descent on the same two-parameter model, a sigmoid unit
 * p = σ(w·x + b) with the engine's binary cross-entropy from logits, on real data ({@link InkData}). The three runs
 * start at the same (w, b), use the same η and the same seed, draw their batches through the engine's shuffled
 * batch iterator, and step with its SGD; each path is recorded with the loss on the whole data at every point, and
 * the whole-data loss over a (w, b) window gives the contour they move on.
 */
public final class BatchModel {

    /** The three ways of batching, in the order shown. */
    public enum Way {
        BATCH("batch (all samples)"), MINI_BATCH("mini-batch"), STOCHASTIC("stochastic (one sample)");

        private final String label;

        Way(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The (w, b) window of the contour. */
    public static final double W_MIN = -3;
    public static final double W_MAX = 9;
    public static final double B_MIN = -6;
    public static final double B_MAX = 6;

    private final Loss loss = Losses.byName("binary_cross_entropy_from_logits");
    private double eta = 0.5;
    private int steps = 60;
    private int miniBatch = 32;
    private long seed = 1;
    private double[] start = {-2, 4};

    public double eta() {
        return eta;
    }

    public void setEta(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("the learning rate η must be a finite number > 0, e.g. 0.5; got "
                    + value);
        }
        eta = value;
    }

    public int steps() {
        return steps;
    }

    /** The number of updates each way makes: 1 to 5,000. */
    public void setSteps(int value) {
        if (value < 1 || value > 5000) {
            throw new IllegalArgumentException("the number of updates must be from 1 to 5000; got " + value);
        }
        steps = value;
    }

    public int miniBatch() {
        return miniBatch;
    }

    /** The mini-batch size, 2 or more. */
    public void setMiniBatch(int value) {
        if (value < 2) {
            throw new IllegalArgumentException("a mini-batch holds 2 samples or more; got " + value
                    + " (1 is the stochastic run)");
        }
        miniBatch = value;
    }

    public long seed() {
        return seed;
    }

    public void setSeed(long value) {
        seed = value;
    }

    public double[] start() {
        return start.clone();
    }

    public void setStart(double w, double b) {
        start = new double[] {w, b};
    }

    /** The three runs, in the order of {@link Way}. */
    public List<DescentPath> run(InkData data) {
        List<DescentPath> paths = new ArrayList<>();
        for (Way way : Way.values()) {
            int size = switch (way) {
                case BATCH -> data.data().size();
                case MINI_BATCH -> Math.min(miniBatch, data.data().size());
                case STOCHASTIC -> 1;
            };
            paths.add(descend(data, size));
        }
        return paths;
    }

    private DescentPath descend(InkData data, int batchSize) {
        Variable w = Variable.parameter(Tensor.of(new float[] {(float) start[0]}, 1, 1), "w");
        Variable b = Variable.parameter(Tensor.vector((float) start[1]), "b");
        Sgd sgd = new Sgd(eta);
        Batches batches = Batches.shuffled(data.data(), batchSize, new Rng(seed));
        Variable allX = Variable.constant(data.data().features(), "x");
        Variable allY = Variable.constant(data.data().targets(), "y");
        List<double[]> points = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        points.add(new double[] {start[0], start[1]});
        values.add(wholeLoss(w, b, allX, allY));
        int batch = batches.batchCount();
        for (int k = 0; k < steps; k++) {
            if (batch == batches.batchCount()) {
                batches.startEpoch();
                batch = 0;
            }
            int rows = batches.batchRows(batch);
            Tensor x = batches.newFeatures(rows);
            Tensor y = batches.newTargets(rows);
            batches.fill(batch++, x, y);
            Variable logits = Variable.constant(x, "x").matMul(w).add(b);
            loss.compute(logits, Variable.constant(y, "y")).backward();
            sgd.step(List.of(w, b));
            points.add(new double[] {w.value().get(0, 0), b.value().get(0)});
            values.add(wholeLoss(w, b, allX, allY));
        }
        return new DescentPath(points, values, DescentPath.Stop.MAX_ITERATIONS, steps);
    }

    private double wholeLoss(Variable w, Variable b, Variable x, Variable y) {
        Variable wc = Variable.constant(w.value(), "w");
        Variable bc = Variable.constant(b.value(), "b");
        return loss.compute(x.matMul(wc).add(bc), y).value().item();
    }

    /**
     * The whole-data loss at the centres of an n × n grid over the (w, b) window, in one pass of element-wise engine
     * ops: for logits z = x·w + b (samples × grid points), BCE = softplus(z) − y·z, the form of binary cross-entropy
     * on logits that never takes the log of 0, averaged over the samples.
     */
    public float[] lossGrid(InkData data, int n) {
        float[] ws = ContourGrid.cellXs(n, W_MIN, W_MAX);
        float[] bs = ContourGrid.cellYs(n, B_MIN, B_MAX);
        Variable x = Variable.constant(data.data().features(), "x");
        Variable y = Variable.constant(data.data().targets(), "y");
        Variable row = Variable.constant(Tensor.of(java.util.Arrays.copyOf(ws, n), 1, n), "w");
        float[] out = new float[n * n];
        for (int j = 0; j < n; j++) {
            // one row of the grid at a time: samples × n logits, so memory stays at one row's worth
            Variable z = x.matMul(row).add(bs[j * n]);
            float[] mean = z.map(UnaryFn.SOFTPLUS).sub(y.mul(z)).mean(0, false).value().toArray();
            System.arraycopy(mean, 0, out, j * n, n);
        }
        return out;
    }
}
