package studio.backprop.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import studio.backprop.data.Dataset;
import studio.backprop.data.Split;
import studio.backprop.tensor.Tensor;
import studio.backprop.train.TrainingData;

/** Conversions between datasets, drawable points, training data and inline rows (for {@link DatasetViewModel}). */
final class PointSets {

    private static final List<String> XY = List.of("x1", "x2");

    private PointSets() {
    }

    /** The points of a two-feature split, training first, then test. */
    static List<DataPoint> points(Split split) {
        List<DataPoint> out = new ArrayList<>();
        add(out, split.train(), false);
        add(out, split.validation(), false);
        add(out, split.test(), true);
        return List.copyOf(out);
    }

    /**
     * The points of two-feature training data (a saved session): the training rows, then the validation rows as
     * test points; the class of a row is read from its targets as {@link #label} reads it.
     */
    static List<DataPoint> points(TrainingData data) {
        List<DataPoint> out = new ArrayList<>();
        add(out, data.trainX(), data.trainY(), false);
        add(out, data.validX(), data.validY(), true);
        return List.copyOf(out);
    }

    private static void add(List<DataPoint> out, Tensor x, Tensor y, boolean test) {
        if (x == null || y == null) {
            return;
        }
        float[] xy = x.contiguous().buffer();
        float[] targets = y.contiguous().buffer();
        int n = x.shape()[0];
        double[] row = new double[targets.length / n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < row.length; j++) {
                row[j] = targets[i * row.length + j];
            }
            out.add(new DataPoint(xy[2 * i], xy[2 * i + 1], label(row), test));
        }
    }

    private static void add(List<DataPoint> out, Dataset d, boolean test) {
        if (d.size() == 0) {
            return;
        }
        float[] xy = d.features().contiguous().buffer();
        int[] labels = d.labels();
        for (int i = 0; i < labels.length; i++) {
            out.add(new DataPoint(xy[2 * i], xy[2 * i + 1], labels[i], test));
        }
    }

    /** The training (test = false) or test points as a classification set; null when there are none. */
    static Dataset dataset(List<DataPoint> points, boolean test, List<String> classNames) {
        List<DataPoint> chosen = points.stream().filter(p -> p.test() == test).toList();
        if (chosen.isEmpty()) {
            return null;
        }
        float[] xy = new float[2 * chosen.size()];
        int[] labels = new int[chosen.size()];
        for (int i = 0; i < labels.length; i++) {
            xy[2 * i] = (float) chosen.get(i).x();
            xy[2 * i + 1] = (float) chosen.get(i).y();
            labels[i] = chosen.get(i).label();
        }
        return Dataset.classification(test ? "test" : "train", Tensor.wrap(xy, labels.length, 2), labels,
                classNames, XY);
    }

    /** Training data from a train and an optional test set: one 0/1 column for two classes and one output. */
    static TrainingData trainingData(Dataset train, Dataset test, int outputUnits) {
        boolean oneColumn = outputUnits == 1 && train.classCount() == 2;
        Tensor testY = test == null ? null : oneColumn ? test.binaryTargets() : test.targets();
        return new TrainingData(train.features(), oneColumn ? train.binaryTargets() : train.targets(),
                test == null ? null : test.features(), testY, train.classNames());
    }

    /** Rows "x1, x2 -> label" (two classes) or "x1, x2 -> one-hot" (more), one per line. */
    static String inlineRows(List<DataPoint> points, int classes) {
        StringBuilder sb = new StringBuilder();
        for (DataPoint p : points) {
            sb.append(number(p.x())).append(", ").append(number(p.y())).append(" -> ");
            if (classes <= 2) {
                sb.append(p.label());
            } else {
                for (int k = 0; k < classes; k++) {
                    sb.append(k == 0 ? "" : ", ").append(k == p.label() ? 1 : 0);
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * Inline rows read as points of the plane.
     *
     * @param signLabels whether the classes were written -1 and +1 (rather than 0 and 1)
     */
    record Rows(List<DataPoint> points, boolean signLabels) {
    }

    /**
     * Parses inline rows "x1, x2 -> target" into points (all training). A target must name a class: one number
     * 0 or 1 (or -1 and +1), or a one-hot row; rows with other targets (a regression) are refused, saying so.
     */
    static Rows parseRows(String rows) {
        List<DataPoint> out = new ArrayList<>();
        boolean sign = false;
        int line = 0;
        for (String text : rows.split("\n")) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            String[] parts = text.split("->");
            double[] in = parts.length == 2 ? numbers(parts[0], line) : new double[0];
            if (in.length != 2) {
                throw new IllegalArgumentException("row " + line + " ('" + text.trim() + "') must read "
                        + "'x1, x2 -> label'");
            }
            double[] target = numbers(parts[1], line);
            if (!isClass(target)) {
                throw new IllegalArgumentException("row " + line + " ('" + text.trim() + "') has targets that are "
                        + "numbers, not a class (0 or 1, -1 or +1, or one-hot): the panel draws classes, and the "
                        + "network trains on these rows as they are");
            }
            sign |= target.length == 1 && target[0] == -1;
            out.add(new DataPoint(in[0], in[1], label(target), false));
        }
        return new Rows(List.copyOf(out), sign);
    }

    /** True for 0, 1, -1 alone, or a row of zeros with a single one. */
    private static boolean isClass(double[] target) {
        if (target.length == 1) {
            return target[0] == 0 || target[0] == 1 || target[0] == -1;
        }
        int ones = 0;
        for (double t : target) {
            if (t == 1) {
                ones++;
            } else if (t != 0) {
                return false;
            }
        }
        return ones == 1;
    }

    /** The class of a target row: the largest entry (the first of equals), or 1 when a single entry exceeds 0.5. */
    private static int label(double[] target) {
        if (target.length == 1) {
            return target[0] > 0.5 ? 1 : 0;
        }
        int best = 0;
        for (int k = 1; k < target.length; k++) {
            best = target[k] > target[best] ? k : best;
        }
        return best;
    }

    private static double[] numbers(String text, int line) {
        String[] parts = text.trim().split("[,\\s]+");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("row " + line + ": '" + parts[i] + "' is not a number", e);
            }
        }
        return out;
    }

    /** Up to four decimals, no trailing zeros: "1.25", "-0.0417", "3". */
    static String number(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }
}
