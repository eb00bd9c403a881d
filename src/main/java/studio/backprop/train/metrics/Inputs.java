package studio.backprop.train.metrics;

import studio.backprop.tensor.Shapes;
import studio.backprop.tensor.Tensor;

/**
 * Checks and conversions shared by the metrics. Every refusal names the metric and the offending value in words,
 * counting rows from 1 and class indices from 0, as the loss functions do.
 */
final class Inputs {

    private Inputs() {
    }

    static void notEmpty(String metric, int n) {
        if (n == 0) {
            throw new IllegalArgumentException(metric + ": the input is empty (no examples); it needs at least one");
        }
    }

    static void sameLength(String metric, int predictions, int targets) {
        if (predictions != targets) {
            throw new IllegalArgumentException(metric + ": " + predictions + " predictions but " + targets
                    + " targets; every prediction needs exactly one target");
        }
    }

    static void classCount(String metric, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException(metric + ": needs at least one class, got " + classes);
        }
    }

    /** Every index in 0 .. classes − 1. {@code what} is "predicted class" or "true class". */
    static void inRange(String metric, String what, int[] indices, int classes) {
        for (int r = 0; r < indices.length; r++) {
            int c = indices[r];
            if (c < 0 || c >= classes) {
                throw new IllegalArgumentException(metric + ": " + what + " " + c + " at row " + (r + 1)
                        + " is out of range; with " + classes + " classes the indices are 0 to " + (classes - 1));
            }
        }
    }

    /** Class indices cannot be negative even when the number of classes is open. */
    static void nonNegative(String metric, String what, int[] indices) {
        for (int r = 0; r < indices.length; r++) {
            if (indices[r] < 0) {
                throw new IllegalArgumentException(metric + ": " + what + " " + indices[r] + " at row " + (r + 1)
                        + " is negative; class indices start at 0");
            }
        }
    }

    /** Binary labels: 0 (negative) or 1 (positive). */
    static void binaryLabels(String metric, int[] labels) {
        for (int r = 0; r < labels.length; r++) {
            if (labels[r] != 0 && labels[r] != 1) {
                throw new IllegalArgumentException(metric + ": label " + labels[r] + " at row " + (r + 1)
                        + " is not 0 or 1; binary labels are 0 (negative) and 1 (positive)");
            }
        }
    }

    static void finite(String metric, String what, double[] values) {
        for (int r = 0; r < values.length; r++) {
            if (!Double.isFinite(values[r])) {
                throw new IllegalArgumentException(metric + ": " + what + " " + values[r] + " at row " + (r + 1)
                        + " is not a finite number");
            }
        }
    }

    static void finiteThreshold(String metric, double threshold) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException(metric + ": the threshold must be a finite number, got " + threshold);
        }
    }

    /** The rows of an (N × C) score matrix as doubles, checked finite (an argmax over NaN means nothing). */
    static double[] scoreMatrix(String metric, Tensor scores) {
        if (scores.rank() != 2) {
            throw new IllegalArgumentException(metric + ": scores must be a matrix (N × classes), got shape "
                    + Shapes.str(scores.shape()));
        }
        double[] values = scores.toDoubleArray();
        int classes = scores.dim(1);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(metric + ": score " + values[i] + " at row " + (i / classes + 1)
                        + ", column " + (i % classes + 1) + " is not a finite number");
            }
        }
        return values;
    }

    /** Binary scores of shape (N) or (N × 1) as doubles, checked finite. */
    static double[] binaryScores(String metric, Tensor scores) {
        boolean column = scores.rank() == 2 && scores.dim(1) == 1;
        if (scores.rank() != 1 && !column) {
            throw new IllegalArgumentException(metric + ": binary scores must have shape (N) or (N × 1), got "
                    + Shapes.str(scores.shape()) + "; for one score per class use the multi-class form");
        }
        double[] values = scores.toDoubleArray();
        finite(metric, "score", values);
        return values;
    }

    /**
     * Class indices from a target tensor: (N) or (N × 1) whole numbers, or (N × classes) one-hot rows (each row
     * exactly one 1 and zeros elsewhere). The range against {@code classes} is checked too.
     */
    static int[] targets(String metric, Tensor targets, int classes) {
        int[] shape = targets.shape();
        float[] values = targets.toArray();
        int[] out;
        if (shape.length == 1 || shape.length == 2 && shape[1] == 1) {
            out = wholeNumbers(metric, values);
        } else if (shape.length == 2 && shape[1] == classes) {
            out = oneHotRows(metric, values, classes);
        } else {
            throw new IllegalArgumentException(metric + ": targets must be class indices (N) or (N × 1), or one-hot"
                    + " rows (N × " + classes + "), got shape " + Shapes.str(shape));
        }
        inRange(metric, "true class", out, classes);
        return out;
    }

    private static int[] wholeNumbers(String metric, float[] values) {
        int[] out = new int[values.length];
        for (int r = 0; r < values.length; r++) {
            float v = values[r];
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(metric + ": target " + v + " at row " + (r + 1)
                        + " is not a class index (a whole number)");
            }
            out[r] = (int) v;
        }
        return out;
    }

    private static int[] oneHotRows(String metric, float[] values, int classes) {
        int rows = values.length / classes;
        int[] out = new int[rows];
        for (int r = 0; r < rows; r++) {
            int hot = -1;
            for (int c = 0; c < classes; c++) {
                float v = values[r * classes + c];
                boolean second = v == 1f && hot >= 0;
                if (v != 0f && v != 1f || second) {
                    throw new IllegalArgumentException(metric + ": target row " + (r + 1)
                            + " is not one-hot (it needs exactly one 1 and zeros elsewhere)");
                }
                hot = v == 1f ? c : hot;
            }
            if (hot < 0) {
                throw new IllegalArgumentException(metric + ": target row " + (r + 1)
                        + " is all zeros; a one-hot row needs exactly one 1");
            }
            out[r] = hot;
        }
        return out;
    }
}
