package studio.backprop.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import studio.backprop.tensor.Excerpt;

/** One CSV column's encoding fitted on the training file, applied unchanged to any later file. */
final class ColumnCodec {

    private static final Set<String> MISSING = Set.of("", "na", "n/a", "nan", "null", "?");

    final String name;
    final int column;
    final ColumnEncoding encoding;
    private final double offset;
    private final double scale;
    private final List<String> categories;

    private ColumnCodec(String name, int column, ColumnEncoding encoding, double offset, double scale,
            List<String> categories) {
        this.name = name;
        this.column = column;
        this.encoding = encoding;
        this.offset = offset;
        this.scale = scale;
        this.categories = List.copyOf(categories);
    }

    static ColumnCodec fit(CsvTable t, int column, ColumnEncoding encoding) throws DatasetException {
        String name = t.header.get(column);
        if (!encoding.isNumeric()) {
            return new ColumnCodec(name, column, encoding, 0, 1, categories(t, column));
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double[] values = new double[t.rows.size()];
        for (int r = 0; r < values.length; r++) {
            values[r] = number(t, r, column);
            min = Math.min(min, values[r]);
            max = Math.max(max, values[r]);
            sum += values[r];
        }
        if (encoding == ColumnEncoding.MIN_MAX) {
            return new ColumnCodec(name, column, encoding, min, max - min, List.of());
        }
        if (encoding == ColumnEncoding.RAW) {
            return new ColumnCodec(name, column, encoding, 0, 1, List.of());
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new ColumnCodec(name, column, encoding, mean, Math.sqrt(squares / values.length), List.of());
    }

    /** True when every present value of the column is a finite number (missing values are judged later). */
    static boolean looksNumeric(CsvTable t, int column) {
        for (String[] row : t.rows) {
            if (!isMissing(row[column]) && parse(row[column]) == null) {
                return false;
            }
        }
        return true;
    }

    int width() {
        return encoding == ColumnEncoding.ONE_HOT ? categories.size() : 1;
    }

    List<String> outputNames() {
        if (encoding != ColumnEncoding.ONE_HOT) {
            return List.of(name);
        }
        List<String> names = new ArrayList<>();
        for (String c : categories) {
            names.add(name + "=" + c);
        }
        return names;
    }

    List<String> categories() {
        return categories;
    }

    /** Writes the encoded values of row r at out[at …]. */
    void encode(CsvTable t, int r, float[] out, int at) throws DatasetException {
        switch (encoding) {
            case ONE_HOT:
                out[at + categoryOf(t, r)] = 1f;
                break;
            case ORDINAL:
                out[at] = categoryOf(t, r);
                break;
            default:
                double v = number(t, r, column) - offset;
                out[at] = (float) (scale == 0 ? (encoding == ColumnEncoding.MIN_MAX ? 0 : v) : v / scale);
        }
    }

    /** The category index of row r; a category the training file did not have is an error. */
    int categoryOf(CsvTable t, int r) throws DatasetException {
        String value = present(t, r, column);
        int index = categories.indexOf(value);
        if (index < 0) {
            throw new DatasetException(t.where(r, column) + ": '" + Excerpt.of(value) + "' was not in the training data"
                    + " (known: " + Excerpt.of(String.join(", ", categories), 200) + ")");
        }
        return index;
    }

    /** "age: standardised (mean 38.2, std 12.1)" and the like, for the UI. */
    String describe() {
        switch (encoding) {
            case MIN_MAX:
                return name + ": min-max scaled (min " + num(offset) + ", max " + num(offset + scale) + ")";
            case STANDARDIZE:
                return name + ": standardised (mean " + num(offset) + ", std " + num(scale) + ")";
            case RAW:
                return name + ": number as written";
            case ONE_HOT:
                return name + ": one-hot (" + String.join(", ", categories) + ")";
            default:
                return name + ": ordinal (" + String.join(" < ", categories) + ")";
        }
    }

    static double number(CsvTable t, int r, int column) throws DatasetException {
        String value = present(t, r, column);
        Double v = parse(value);
        if (v == null) {
            throw new DatasetException(t.where(r, column) + ": '" + Excerpt.of(value) + "' is not a number");
        }
        return v;
    }

    private static String present(CsvTable t, int r, int column) throws DatasetException {
        String value = t.rows.get(r)[column];
        if (isMissing(value)) {
            throw new DatasetException(t.where(r, column) + ": missing value"
                    + (value.isEmpty() ? "" : " ('" + Excerpt.of(value) + "')"));
        }
        return value;
    }

    private static boolean isMissing(String value) {
        return MISSING.contains(value.trim().toLowerCase(Locale.ROOT));
    }

    private static Double parse(String value) {
        try {
            double v = Double.parseDouble(value);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Distinct values, sorted numerically when all are numbers, otherwise as text. */
    private static List<String> categories(CsvTable t, int column) throws DatasetException {
        boolean numeric = looksNumeric(t, column);
        Comparator<String> order = numeric
                ? Comparator.<String>comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder();
        TreeSet<String> distinct = new TreeSet<>(order);
        for (int r = 0; r < t.rows.size(); r++) {
            distinct.add(present(t, r, column));
        }
        return new ArrayList<>(distinct);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
