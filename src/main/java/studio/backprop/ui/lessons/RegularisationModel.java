package studio.backprop.ui.lessons;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.autograd.Variable;
import studio.backprop.autograd.ops.BatchNormOp;
import studio.backprop.autograd.ops.DropoutOp;
import studio.backprop.data.Augmentation;
import studio.backprop.data.Dataset;
import studio.backprop.nn.init.FanInOut;
import studio.backprop.nn.init.Initializer;
import studio.backprop.nn.optim.Adam;
import studio.backprop.nn.optim.Optimizer;
import studio.backprop.nn.optim.Penalty;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * Overfitting and what brings it back: a 784-128-10 ReLU network trained with Adam on a small slice of the digits
 * until it knows its training set by heart, once plainly and once with each remedy (L2, L1, dropout, batch
 * normalisation, augmentation, early stopping), all from the same seed; per epoch the training and validation
 * accuracy, and at the end the first layer's weights. Built from the engine's autograd ops, initialisers,
 * optimiser, penalties, dropout and batch-norm ops and augmentation; it runs on a background thread.
 */
public final class RegularisationModel {

    /** The runs that can be compared. */
    public enum Remedy {
        NONE("no remedy"), L2("L2"), L1("L1"), DROPOUT("dropout"), BATCH_NORM("batch norm"),
        AUGMENTATION("augmentation"), EARLY_STOPPING("early stopping");

        private final String label;

        Remedy(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The settings of the remedies and of training. */
    public record Settings(int epochs, int batchSize, double learningRate, double l2, double l1, double dropout,
                           Augmentation augmentation, int patience, long seed) {

        /** 40 epochs of 50, Adam η = 0.001, L2 λ = 0.001, L1 λ = 0.0001, dropout 0.5, shifts of 2 px, 10°, σ 0.1. */
        public static Settings defaults() {
            return new Settings(40, 50, 0.001, 1e-3, 1e-4, 0.5, new Augmentation(2, 10, 0.1), 5, 1);
        }
    }

    /**
     * One run's history.
     *
     * @param trainAccuracy      per epoch, on the whole training slice (no dropout, no augmentation)
     * @param validationAccuracy per epoch, on the held-out digits
     * @param bestEpoch          the epoch (from 1) with the best validation accuracy; early stopping ends there
     * @param weights            the first layer's weights at the end (the best epoch's for early stopping)
     */
    public record Run(Remedy remedy, double[] trainAccuracy, double[] validationAccuracy, int bestEpoch,
                      float[] weights) {

        /** The validation accuracy the run ends with (early stopping: at its best epoch). */
        public double finalValidation() {
            return validationAccuracy[(remedy == Remedy.EARLY_STOPPING ? bestEpoch : validationAccuracy.length) - 1];
        }

        public double finalTraining() {
            return trainAccuracy[(remedy == Remedy.EARLY_STOPPING ? bestEpoch : trainAccuracy.length) - 1];
        }
    }

    private static final int HIDDEN = 128;

    private final Tensor trainX;
    private final int[] trainLabels;
    private final Tensor validX;
    private final int[] validLabels;

    /** The first {@code trainCount} digits to train on and the next {@code validCount} to validate on. */
    public RegularisationModel(Dataset digits, int trainCount, int validCount) {
        if (trainCount + validCount > digits.size()) {
            throw new IllegalArgumentException("the digits hold " + digits.size() + " images, fewer than "
                    + trainCount + " + " + validCount);
        }
        Dataset train = digits.subset(range(0, trainCount));
        Dataset valid = digits.subset(range(trainCount, trainCount + validCount));
        trainX = train.features();
        trainLabels = train.labels();
        validX = valid.features();
        validLabels = valid.labels();
    }

    private static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }

    /** Trains one run from the seed. */
    public Run train(Remedy remedy, Settings s) {
        Rng rng = new Rng(s.seed());
        Net net = new Net(remedy, rng);
        Optimizer adam = new Adam(s.learningRate());
        if (remedy == Remedy.L2 || remedy == Remedy.L1) {
            adam.setPenalty(new Penalty(remedy == Remedy.L1 ? s.l1() : 0, remedy == Remedy.L2 ? s.l2() : 0));
        }
        int n = trainLabels.length;
        int side = trainX.dim(1);
        double[] trainAcc = new double[s.epochs()];
        double[] validAcc = new double[s.epochs()];
        int best = 1;
        float[] bestWeights = net.w1.value().toArray();
        int epochs = s.epochs();
        for (int e = 0; e < epochs; e++) {
            int[] order = permutation(n, rng);
            for (int start = 0; start < n; start += s.batchSize()) {
                int rows = Math.min(s.batchSize(), n - start);
                Tensor x = rows(trainX, order, start, rows);
                if (remedy == Remedy.AUGMENTATION) {
                    x = s.augmentation().apply(x, rng);
                }
                Variable logits = net.forward(x.reshape(rows, side * side * trainX.dim(3)), true, s.dropout(), rng);
                logits.softmaxCrossEntropy(Variable.constant(oneHot(trainLabels, order, start, rows), "y"))
                        .backward();
                adam.step(net.parameters());
            }
            trainAcc[e] = accuracy(net, trainX, trainLabels);
            validAcc[e] = accuracy(net, validX, validLabels);
            if (validAcc[e] > validAcc[best - 1]) {
                best = e + 1;
                bestWeights = net.w1.value().toArray();
            }
            if (remedy == Remedy.EARLY_STOPPING && e + 1 - best >= s.patience()) {
                epochs = e + 1;
            }
        }
        double[] t = java.util.Arrays.copyOf(trainAcc, epochs);
        double[] v = java.util.Arrays.copyOf(validAcc, epochs);
        return new Run(remedy, t, v, best, remedy == Remedy.EARLY_STOPPING ? bestWeights : net.w1.value().toArray());
    }

    private double accuracy(Net net, Tensor images, int[] labels) {
        int n = labels.length;
        float[] logits = net.forward(images.reshape(n, images.size() / n), false, 0, null).value().toArray();
        int right = 0;
        for (int i = 0; i < n; i++) {
            int arg = 0;
            for (int c = 1; c < 10; c++) {
                if (logits[i * 10 + c] > logits[i * 10 + arg]) {
                    arg = c;
                }
            }
            right += arg == labels[i] ? 1 : 0;
        }
        return (double) right / n;
    }

    private static int[] permutation(int n, Rng rng) {
        int[] p = range(0, n);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static Tensor rows(Tensor images, int[] order, int start, int rows) {
        int[] shape = images.shape().clone();
        int size = images.size() / shape[0];
        float[] all = images.contiguous().buffer();
        float[] out = new float[rows * size];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(all, order[start + r] * size, out, r * size, size);
        }
        shape[0] = rows;
        return Tensor.of(out, shape);
    }

    private static Tensor oneHot(int[] labels, int[] order, int start, int rows) {
        float[] out = new float[rows * 10];
        for (int r = 0; r < rows; r++) {
            out[r * 10 + labels[order[start + r]]] = 1f;
        }
        return Tensor.of(out, rows, 10);
    }

    /** The network: x·W₁ + b₁ → [batch norm] → ReLU → [dropout] → ·W₂ + b₂. */
    private static final class Net {
        final Remedy remedy;
        final Variable w1;
        final Variable b1;
        final Variable w2;
        final Variable b2;
        final Variable gamma = Variable.parameter(Tensor.ones(HIDDEN), "bn/gamma");
        final Variable beta = Variable.parameter(Tensor.zeros(HIDDEN), "bn/beta");
        final Tensor runningMean = Tensor.zeros(HIDDEN);
        final Tensor runningVar = Tensor.ones(HIDDEN);

        Net(Remedy remedy, Rng rng) {
            this.remedy = remedy;
            w1 = Variable.parameter(glorot(784, HIDDEN, rng), "hidden/kernel");
            b1 = Variable.parameter(Tensor.zeros(HIDDEN), "hidden/bias");
            w2 = Variable.parameter(glorot(HIDDEN, 10, rng), "output/kernel");
            b2 = Variable.parameter(Tensor.zeros(10), "output/bias");
        }

        private static Tensor glorot(int in, int out, Rng rng) {
            Tensor t = Tensor.zeros(in, out);
            Initializer.glorotUniform().fill(t, FanInOut.dense(in, out), rng);
            return t;
        }

        List<Variable> parameters() {
            List<Variable> p = new ArrayList<>(List.of(w1, b1, w2, b2));
            if (remedy == Remedy.BATCH_NORM) {
                p.addAll(List.of(gamma, beta));
            }
            return p;
        }

        Variable forward(Tensor x, boolean training, double dropout, Rng rng) {
            Variable h = Variable.constant(x, "x").matMul(w1).add(b1);
            if (remedy == Remedy.BATCH_NORM) {
                h = Variable.apply(new BatchNormOp(runningMean, runningVar, 1e-3f, 0.99f, false, training), h, gamma,
                        beta);
            }
            h = h.relu();
            if (training && remedy == Remedy.DROPOUT) {
                h = Variable.apply(new DropoutOp((float) dropout, true, rng), h);
            }
            return h.matMul(w2).add(b2);
        }
    }
}
