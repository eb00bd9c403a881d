package studio.backprop.train.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import studio.backprop.train.metrics.ConfusionMatrix.Metric;

/**
 * Plain-text rendering for the command line: fixed-width columns, right-aligned numbers, 4 decimals, a 0/0 value
 * shown as "n/a". Line ends are '\n'.
 */
public final class MetricsText {

    private static final String CORNER = "true \\ predicted";
    private static final String[] REPORT_HEADER = {"precision", "recall", "f1", "support"};

    private MetricsText() {
    }

    /** A number with 4 decimals (decimal point regardless of locale), or "n/a" for NaN. */
    public static String number(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
    }

    /**
     * The confusion matrix as a table: a title line stating the orientation, a header row of predicted classes,
     * then one row per true class.
     */
    public static String table(ConfusionMatrix m) {
        int k = m.classes();
        int first = CORNER.length();
        int width = 1;
        for (int c = 0; c < k; c++) {
            first = Math.max(first, m.className(c).length());
            width = Math.max(width, m.className(c).length());
            for (int p = 0; p < k; p++) {
                width = Math.max(width, Long.toString(m.count(c, p)).length());
            }
        }
        StringBuilder out = new StringBuilder("confusion matrix (rows: true class, columns: predicted class)\n");
        out.append(left(CORNER, first));
        for (int p = 0; p < k; p++) {
            out.append("  ").append(right(m.className(p), width));
        }
        out.append('\n');
        for (int c = 0; c < k; c++) {
            out.append(left(m.className(c), first));
            for (int p = 0; p < k; p++) {
                out.append("  ").append(right(Long.toString(m.count(c, p)), width));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * The classification report: per class precision, recall, F1 and support; then accuracy and the macro and
     * weighted averages; then a note naming each class whose value is 0/0 and left out of an average.
     */
    public static String report(ConfusionMatrix m) {
        List<String[]> rows = new ArrayList<>();
        for (int c = 0; c < m.classes(); c++) {
            rows.add(new String[] {m.className(c), number(m.precision(c)), number(m.recall(c)), number(m.f1(c)),
                Long.toString(m.support(c))});
        }
        rows.add(null);
        String n = Long.toString(m.total());
        rows.add(new String[] {"accuracy", "", "", number(m.accuracy()), n});
        rows.add(new String[] {"macro avg", number(m.macroPrecision()), number(m.macroRecall()),
            number(m.macroF1()), n});
        rows.add(new String[] {"weighted avg", number(m.weightedPrecision()), number(m.weightedRecall()),
            number(m.weightedF1()), n});
        StringBuilder out = new StringBuilder(render(rows));
        for (Metric metric : Metric.values()) {
            out.append(note(m, metric));
        }
        return out.toString();
    }

    private static String render(List<String[]> rows) {
        int first = "class".length();
        int width = 6;
        for (String[] row : rows) {
            if (row != null) {
                first = Math.max(first, row[0].length());
                for (int i = 1; i < row.length; i++) {
                    width = Math.max(width, row[i].length());
                }
            }
        }
        for (String h : REPORT_HEADER) {
            width = Math.max(width, h.length());
        }
        StringBuilder out = new StringBuilder(left("class", first));
        for (String h : REPORT_HEADER) {
            out.append("  ").append(right(h, width));
        }
        out.append('\n');
        for (String[] row : rows) {
            if (row == null) {
                out.append('\n');
                continue;
            }
            out.append(left(row[0], first));
            for (int i = 1; i < row.length; i++) {
                out.append("  ").append(right(row[i], width));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String note(ConfusionMatrix m, Metric metric) {
        List<Integer> undefined = m.undefined(metric);
        if (undefined.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (int c : undefined) {
            names.add(m.className(c));
        }
        String why = switch (metric) {
            case PRECISION -> "never predicted";
            case RECALL -> "no true examples";
            case F1 -> "neither present nor predicted";
        };
        return "note: " + metric.label + " is n/a (0/0, " + why + ") for class" + (names.size() == 1 ? " " : "es ")
                + String.join(", ", names) + "; the " + metric.label + " averages leave "
                + (names.size() == 1 ? "it" : "them") + " out\n";
    }

    private static String left(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    private static String right(String s, int width) {
        return " ".repeat(width - s.length()) + s;
    }
}
