package studio.backprop.train.metrics;

import java.util.Arrays;
import studio.backprop.tensor.Shapes;
import studio.backprop.tensor.Tensor;

/**
 * Running classification metrics for evaluation in batches: {@link #add} the scores of one batch with its
 * targets, then ask for the confusion matrix, accuracy or curves of everything added. The confusion counts are
 * whole numbers and the curves are built from all stored scores in arrival order, so the results are exactly those
 * of the all-at-once methods ({@link ConfusionMatrix#fromScores}, {@link RocCurve#of}, ...) on the concatenated
 * batches.
 *
 * <p>Two kinds: {@link #multiClass(int)} takes (N × C) probabilities or logits, predicting by argmax (ties to the
 * lowest index); {@link #binary(double)} takes scores (N) or (N × 1), predicting class 1 iff s ≥ threshold.
 * A refused batch leaves the accumulator unchanged. The scores are kept (4 bytes each) for the curves.
 */
public final class ClassificationAccumulator {

    private final int classes;
    private final boolean binary;
    private final double threshold;
    private final long[][] counts;
    private float[] scores = new float[64];
    private int[] labels = new int[16];
    private int size;

    private ClassificationAccumulator(int classes, boolean binary, double threshold) {
        this.classes = classes;
        this.binary = binary;
        this.threshold = threshold;
        this.counts = new long[classes][classes];
    }

    /** For (N × classes) scores and true class indices 0 .. classes − 1. */
    public static ClassificationAccumulator multiClass(int classes) {
        Inputs.classCount("classification metrics", classes);
        return new ClassificationAccumulator(classes, false, Double.NaN);
    }

    /** For binary probabilities with the course threshold: class 1 iff p ≥ 0.5. */
    public static ClassificationAccumulator binary() {
        return binary(Labels.DEFAULT_THRESHOLD);
    }

    /** For binary scores with class 1 iff s ≥ threshold (0 suits logits). */
    public static ClassificationAccumulator binary(double threshold) {
        Inputs.finiteThreshold("classification metrics", threshold);
        return new ClassificationAccumulator(2, true, threshold);
    }

    /** Adds one batch: scores and the true class index of each row (0/1 for binary). */
    public void add(Tensor batchScores, int[] targets) {
        int[] predicted = predict(batchScores, targets.length);
        if (binary) {
            Inputs.binaryLabels("classification metrics", targets);
        } else {
            Inputs.inRange("classification metrics", "true class", targets, classes);
        }
        store(batchScores.toArray(), targets);
        for (int i = 0; i < targets.length; i++) {
            counts[targets[i]][predicted[i]]++;
        }
    }

    /** Adds one batch with targets as indices (N), (N × 1), or one-hot rows (N × C). */
    public void add(Tensor batchScores, Tensor targets) {
        add(batchScores, Inputs.targets("classification metrics", targets, classes));
    }

    private int[] predict(Tensor batchScores, int targets) {
        if (binary) {
            int[] predicted = Labels.threshold(Inputs.binaryScores("classification metrics", batchScores),
                    threshold);
            Inputs.sameLength("classification metrics", predicted.length, targets);
            return predicted;
        }
        if (batchScores.rank() != 2 || batchScores.dim(1) != classes) {
            throw new IllegalArgumentException("classification metrics: scores must be (N × " + classes
                    + "), got shape " + Shapes.str(batchScores.shape()));
        }
        Inputs.sameLength("classification metrics", batchScores.dim(0), targets);
        return batchScores.dim(0) == 0 ? new int[0] : Labels.argMax(batchScores);
    }

    private void store(float[] batch, int[] targets) {
        int width = binary ? 1 : classes;
        if ((size + targets.length) * (long) width > scores.length || size + targets.length > labels.length) {
            int capacity = Math.max(2 * labels.length, size + targets.length);
            scores = Arrays.copyOf(scores, Math.multiplyExact(capacity, width));
            labels = Arrays.copyOf(labels, capacity);
        }
        System.arraycopy(batch, 0, scores, size * width, batch.length);
        System.arraycopy(targets, 0, labels, size, targets.length);
        size += targets.length;
    }

    /** Examples added so far. */
    public long count() {
        return size;
    }

    /** The confusion matrix of everything added (rows true, columns predicted). */
    public ConfusionMatrix confusionMatrix() {
        requireData();
        return ConfusionMatrix.fromCounts(counts);
    }

    public double accuracy() {
        return confusionMatrix().accuracy();
    }

    /** The ROC of everything added (binary only). */
    public RocCurve roc() {
        requireKind(true, "roc()");
        return RocCurve.of(storedScores(), storedLabels());
    }

    /** The precision–recall curve of everything added (binary only). */
    public PrecisionRecallCurve precisionRecall() {
        requireKind(true, "precisionRecall()");
        return PrecisionRecallCurve.of(storedScores(), storedLabels());
    }

    /** One-vs-rest ROC of everything added (multi-class only). */
    public OneVsRestRoc oneVsRest() {
        requireKind(false, "oneVsRest()");
        return OneVsRestRoc.of(Tensor.of(Arrays.copyOf(scores, size * classes), size, classes), storedLabels());
    }

    private double[] storedScores() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = scores[i];
        }
        return out;
    }

    private int[] storedLabels() {
        return Arrays.copyOf(labels, size);
    }

    private void requireKind(boolean wantBinary, String method) {
        if (binary != wantBinary) {
            throw new IllegalStateException("classification metrics: " + method + " is for "
                    + (wantBinary ? "binary" : "multi-class") + " scores; this accumulator is "
                    + (binary ? "binary" : "multi-class with " + classes + " classes"));
        }
        requireData();
    }

    private void requireData() {
        if (size == 0) {
            throw new IllegalStateException("classification metrics: nothing added yet (the input is empty)");
        }
    }
}
