package studio.backprop.train.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import studio.backprop.tensor.Tensor;

/**
 * An immutable C × C confusion matrix. <b>Rows are the true class, columns the predicted class</b>: M[i][j] counts
 * the examples of true class i predicted as j, so the diagonal holds the correct predictions.
 *
 * <p>Per class c, with TP = M[c][c], FP = Σ_i≠c M[i][c] (column minus diagonal), FN = Σ_j≠c M[c][j] (row minus
 * diagonal):
 * <ul>
 *   <li>precision P = TP / (TP + FP), recall R = TP / (TP + FN), support = TP + FN (the row sum);</li>
 *   <li>F1 = 2PR / (P + R), the harmonic mean, weighting precision and recall <i>equally</i>; computed as
 *       2TP / (2TP + FP + FN), which is the same number whenever P and R exist and also covers TP = 0;</li>
 *   <li>accuracy = Σ_c M[c][c] / N.</li>
 * </ul>
 *
 * <p><b>Division by zero.</b> Precision of a class never predicted (TP + FP = 0), recall of a class with no
 * examples (TP + FN = 0) and F1 of a class that appears nowhere (TP + FP + FN = 0) are 0/0: they are returned as
 * {@code NaN}, printed as "n/a", never replaced by a made-up 0 or 1. The macro average is the mean over the classes
 * whose value is defined; the weighted average is Σ support_c · v_c / Σ support_c over the same classes; both are
 * NaN when no class has a defined value. The classification report names every class left out.
 */
public final class ConfusionMatrix {

    private final long[][] counts;
    private final List<String> names;

    private ConfusionMatrix(long[][] counts, List<String> names) {
        this.counts = counts;
        this.names = names;
    }

    /**
     * The matrix of predicted against true class indices, both in 0 .. classes − 1.
     *
     * @throws IllegalArgumentException for empty input, different lengths or an index out of range
     */
    public static ConfusionMatrix of(int[] predicted, int[] actual, int classes) {
        Inputs.classCount("confusion matrix", classes);
        Inputs.sameLength("confusion matrix", predicted.length, actual.length);
        Inputs.notEmpty("confusion matrix", actual.length);
        Inputs.inRange("confusion matrix", "predicted class", predicted, classes);
        Inputs.inRange("confusion matrix", "true class", actual, classes);
        long[][] m = new long[classes][classes];
        for (int i = 0; i < actual.length; i++) {
            m[actual[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(m, null);
    }

    /** The matrix of argmax predictions of an (N × C) score matrix against true class indices; C = columns. */
    public static ConfusionMatrix fromScores(Tensor scores, int[] actual) {
        return of(Labels.argMax(scores), actual, scores.dim(1));
    }

    /** The 2 × 2 matrix of binary scores (N) or (N × 1), ŷ = 1 iff s ≥ threshold; class 0 is the negative. */
    public static ConfusionMatrix binary(Tensor scores, int[] actual, double threshold) {
        Inputs.binaryLabels("confusion matrix", actual);
        return of(Labels.threshold(scores, threshold), actual, 2);
    }

    /**
     * A matrix from counts already tallied, rows true and columns predicted.
     *
     * @throws IllegalArgumentException for a matrix that is not square, a negative count or no examples at all
     */
    public static ConfusionMatrix fromCounts(long[][] counts) {
        int classes = counts.length;
        Inputs.classCount("confusion matrix", classes);
        long[][] copy = new long[classes][];
        long total = 0;
        for (int i = 0; i < classes; i++) {
            if (counts[i].length != classes) {
                throw new IllegalArgumentException("confusion matrix: row " + (i + 1) + " has " + counts[i].length
                        + " counts but the matrix has " + classes + " rows; it must be square");
            }
            for (long v : counts[i]) {
                if (v < 0) {
                    throw new IllegalArgumentException("confusion matrix: count " + v + " in row " + (i + 1)
                            + " is negative");
                }
                total += v;
            }
            copy[i] = counts[i].clone();
        }
        if (total == 0) {
            throw new IllegalArgumentException("confusion matrix: all counts are 0 (no examples)");
        }
        return new ConfusionMatrix(copy, null);
    }

    /** The same counts with a name for each class (shown in tables instead of the index). */
    public ConfusionMatrix withClassNames(List<String> classNames) {
        if (classNames.size() != classes()) {
            throw new IllegalArgumentException("confusion matrix: " + classNames.size() + " class names for "
                    + classes() + " classes");
        }
        return new ConfusionMatrix(counts, Collections.unmodifiableList(new ArrayList<>(classNames)));
    }

    public int classes() {
        return counts.length;
    }

    /** The name of class c, or its index as text when no names were given. */
    public String className(int c) {
        checkClass(c);
        return names == null ? Integer.toString(c) : names.get(c);
    }

    /** Examples of true class {@code actual} predicted as {@code predicted}. */
    public long count(int actual, int predicted) {
        checkClass(actual);
        checkClass(predicted);
        return counts[actual][predicted];
    }

    /** A copy of the counts, rows true and columns predicted. */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    public long total() {
        long n = 0;
        for (long[] row : counts) {
            n += Arrays.stream(row).sum();
        }
        return n;
    }

    public long truePositives(int c) {
        return count(c, c);
    }

    /** Column c without the diagonal: predicted c but truly another class. */
    public long falsePositives(int c) {
        return predictedCount(c) - truePositives(c);
    }

    /** Row c without the diagonal: truly c but predicted as another class. */
    public long falseNegatives(int c) {
        return support(c) - truePositives(c);
    }

    /** Examples whose true class is c (row sum). */
    public long support(int c) {
        checkClass(c);
        return Arrays.stream(counts[c]).sum();
    }

    /** Examples predicted as c (column sum). */
    public long predictedCount(int c) {
        checkClass(c);
        long n = 0;
        for (long[] row : counts) {
            n += row[c];
        }
        return n;
    }

    /** TP / (TP + FP); NaN when class c is never predicted. */
    public double precision(int c) {
        return ratio(truePositives(c), predictedCount(c));
    }

    /** TP / (TP + FN); NaN when class c has no examples. */
    public double recall(int c) {
        return ratio(truePositives(c), support(c));
    }

    /** 2TP / (2TP + FP + FN) = 2PR / (P + R); NaN when class c is neither present nor predicted. */
    public double f1(int c) {
        long tp = truePositives(c);
        return ratio(2 * tp, 2 * tp + falsePositives(c) + falseNegatives(c));
    }

    /** Σ_c M[c][c] / N. */
    public double accuracy() {
        long correct = 0;
        for (int c = 0; c < classes(); c++) {
            correct += counts[c][c];
        }
        return (double) correct / total();
    }

    public double macroPrecision() {
        return macro(Metric.PRECISION);
    }

    public double macroRecall() {
        return macro(Metric.RECALL);
    }

    public double macroF1() {
        return macro(Metric.F1);
    }

    public double weightedPrecision() {
        return weighted(Metric.PRECISION);
    }

    public double weightedRecall() {
        return weighted(Metric.RECALL);
    }

    public double weightedF1() {
        return weighted(Metric.F1);
    }

    /** The per-class measures that take part in the averages. */
    enum Metric {
        PRECISION("precision"), RECALL("recall"), F1("F1");

        final String label;

        Metric(String label) {
            this.label = label;
        }
    }

    double value(Metric metric, int c) {
        return switch (metric) {
            case PRECISION -> precision(c);
            case RECALL -> recall(c);
            case F1 -> f1(c);
        };
    }

    /** Classes whose value of the metric is 0/0 and so left out of its averages. */
    List<Integer> undefined(Metric metric) {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < classes(); c++) {
            if (Double.isNaN(value(metric, c))) {
                out.add(c);
            }
        }
        return out;
    }

    private double macro(Metric metric) {
        double sum = 0;
        int defined = 0;
        for (int c = 0; c < classes(); c++) {
            double v = value(metric, c);
            if (!Double.isNaN(v)) {
                sum += v;
                defined++;
            }
        }
        return defined == 0 ? Double.NaN : sum / defined;
    }

    private double weighted(Metric metric) {
        double sum = 0;
        long weight = 0;
        for (int c = 0; c < classes(); c++) {
            double v = value(metric, c);
            if (!Double.isNaN(v)) {
                sum += support(c) * v;
                weight += support(c);
            }
        }
        return weight == 0 ? Double.NaN : sum / weight;
    }

    /** The matrix as an aligned table with row and column headers (see {@link MetricsText#table}). */
    public String toTable() {
        return MetricsText.table(this);
    }

    /** The classification report (see {@link MetricsText#report}). */
    public String report() {
        return MetricsText.report(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfusionMatrix && Arrays.deepEquals(counts, ((ConfusionMatrix) other).counts)
                && Objects.equals(names, ((ConfusionMatrix) other).names);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return toTable();
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }

    private void checkClass(int c) {
        if (c < 0 || c >= classes()) {
            throw new IllegalArgumentException("confusion matrix: class " + c + " is out of range; with "
                    + classes() + " classes the indices are 0 to " + (classes() - 1));
        }
    }
}
