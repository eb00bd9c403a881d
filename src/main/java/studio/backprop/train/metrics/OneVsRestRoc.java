package studio.backprop.train.metrics;

import studio.backprop.tensor.Tensor;

/**
 * One-vs-rest ROC for multi-class scores: for each class c, column c of the (N × C) score matrix is a binary score
 * for "true class is c" against every other class, giving its own {@link RocCurve} and AUC_c. The macro AUC is the
 * unweighted mean (1/C) Σ_c AUC_c.
 *
 * <p>Scores may be probabilities or logits: each column is swept on its own, so only the order within a column
 * matters. Every class needs at least one example of its own and one of another class, otherwise its ROC does not
 * exist and the input is refused in words.
 */
public final class OneVsRestRoc {

    private final RocCurve[] curves;

    private OneVsRestRoc(RocCurve[] curves) {
        this.curves = curves;
    }

    /**
     * The per-class curves of an (N × C) score matrix against true class indices.
     *
     * @throws IllegalArgumentException for empty input, different lengths, a class out of range, a score that is
     *                                  not finite, or a class with no examples (or only examples)
     */
    public static OneVsRestRoc of(Tensor scores, int[] actual) {
        double[] values = Inputs.scoreMatrix("one-vs-rest ROC", scores);
        int n = scores.dim(0);
        int classes = scores.dim(1);
        Inputs.sameLength("one-vs-rest ROC", n, actual.length);
        Inputs.notEmpty("one-vs-rest ROC", n);
        Inputs.inRange("one-vs-rest ROC", "true class", actual, classes);
        RocCurve[] curves = new RocCurve[classes];
        for (int c = 0; c < classes; c++) {
            int[] labels = new int[n];
            double[] column = new double[n];
            int present = 0;
            for (int i = 0; i < n; i++) {
                labels[i] = actual[i] == c ? 1 : 0;
                present += labels[i];
                column[i] = values[i * classes + c];
            }
            checkPresent(c, present, n);
            curves[c] = RocCurve.of(column, labels);
        }
        return new OneVsRestRoc(curves);
    }

    /** As {@link #of(Tensor, int[])} with targets as indices (N), (N × 1) or one-hot rows (N × C). */
    public static OneVsRestRoc of(Tensor scores, Tensor targets) {
        Inputs.scoreMatrix("one-vs-rest ROC", scores);
        return of(scores, Inputs.targets("one-vs-rest ROC", targets, scores.dim(1)));
    }

    private static void checkPresent(int c, int present, int n) {
        if (present == 0) {
            throw new IllegalArgumentException("one-vs-rest ROC for class " + c + " needs examples of class " + c
                    + " and of other classes; none of the " + n + " labels is " + c);
        }
        if (present == n) {
            throw new IllegalArgumentException("one-vs-rest ROC for class " + c + " needs examples of class " + c
                    + " and of other classes; all " + n + " labels are " + c);
        }
    }

    public int classes() {
        return curves.length;
    }

    /** The ROC of class c against the rest. */
    public RocCurve curve(int c) {
        if (c < 0 || c >= curves.length) {
            throw new IllegalArgumentException("one-vs-rest ROC: class " + c + " is out of range; with "
                    + curves.length + " classes the indices are 0 to " + (curves.length - 1));
        }
        return curves[c];
    }

    public double auc(int c) {
        return curve(c).auc();
    }

    /** (1/C) Σ_c AUC_c. */
    public double macroAuc() {
        double sum = 0;
        for (RocCurve curve : curves) {
            sum += curve.auc();
        }
        return sum / curves.length;
    }
}
