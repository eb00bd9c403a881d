package studio.backprop.data;

import java.util.HashMap;
import java.util.Map;

/**
 * How to read a CSV file; immutable, each {@code with…} method returns a changed copy.
 *
 * <p>Defaults: a header row, comma separator, the last column is the label, numeric columns standardised,
 * categorical columns one-hot, and the task decided by the label column (text → classification, numbers →
 * regression). A column counts as numeric when every value in it is a finite number.
 */
public final class CsvOptions {

    private boolean header = true;
    private char delimiter = ',';
    private String labelName;
    private int labelIndex = -1;
    private ColumnEncoding numeric = ColumnEncoding.STANDARDIZE;
    private ColumnEncoding categorical = ColumnEncoding.ONE_HOT;
    private Map<String, ColumnEncoding> byName = new HashMap<>();
    private Map<Integer, ColumnEncoding> byIndex = new HashMap<>();
    private Boolean classification;

    /** The defaults above. */
    public static CsvOptions defaults() {
        return new CsvOptions();
    }

    /** Whether the first non-blank line names the columns. Without one, columns are "column 1", "column 2", …. */
    public CsvOptions withHeader(boolean hasHeader) {
        CsvOptions o = copy();
        o.header = hasHeader;
        return o;
    }

    public CsvOptions withDelimiter(char separator) {
        CsvOptions o = copy();
        o.delimiter = separator;
        return o;
    }

    /** The label column by its header name. */
    public CsvOptions withLabel(String columnName) {
        CsvOptions o = copy();
        o.labelName = columnName;
        o.labelIndex = -1;
        return o;
    }

    /** The label column by position, counting from 0. */
    public CsvOptions withLabel(int columnIndex) {
        CsvOptions o = copy();
        o.labelIndex = columnIndex;
        o.labelName = null;
        return o;
    }

    /** The encoding of every numeric column without its own: MIN_MAX, STANDARDIZE or RAW. */
    public CsvOptions withNumericEncoding(ColumnEncoding encoding) {
        if (!encoding.isNumeric()) {
            throw new IllegalArgumentException(encoding + " is not an encoding for numbers");
        }
        CsvOptions o = copy();
        o.numeric = encoding;
        return o;
    }

    /** The encoding of every categorical column without its own: ONE_HOT or ORDINAL. */
    public CsvOptions withCategoricalEncoding(ColumnEncoding encoding) {
        if (encoding != ColumnEncoding.ONE_HOT && encoding != ColumnEncoding.ORDINAL) {
            throw new IllegalArgumentException(encoding + " is not an encoding for categories");
        }
        CsvOptions o = copy();
        o.categorical = encoding;
        return o;
    }

    /**
     * One column's encoding, by header name; overrides detection (a numeric-looking column can be made
     * categorical with ONE_HOT, a column left out with IGNORE).
     */
    public CsvOptions withEncoding(String columnName, ColumnEncoding encoding) {
        CsvOptions o = copy();
        o.byName.put(columnName, encoding);
        return o;
    }

    /** One column's encoding, by position counting from 0. */
    public CsvOptions withEncoding(int columnIndex, ColumnEncoding encoding) {
        CsvOptions o = copy();
        o.byIndex.put(columnIndex, encoding);
        return o;
    }

    /** Force the label to be classes (true, e.g. digits 0–9) or numbers to predict (false). */
    public CsvOptions withClassification(boolean classes) {
        CsvOptions o = copy();
        o.classification = classes;
        return o;
    }

    boolean header() {
        return header;
    }

    char delimiter() {
        return delimiter;
    }

    String labelName() {
        return labelName;
    }

    int labelIndex() {
        return labelIndex;
    }

    ColumnEncoding numeric() {
        return numeric;
    }

    ColumnEncoding categorical() {
        return categorical;
    }

    /** The explicit encoding of a column, or null. */
    ColumnEncoding explicit(int index, String name) {
        ColumnEncoding e = byIndex.get(index);
        return e != null ? e : byName.get(name);
    }

    Boolean classification() {
        return classification;
    }

    private CsvOptions copy() {
        CsvOptions o = new CsvOptions();
        o.header = header;
        o.delimiter = delimiter;
        o.labelName = labelName;
        o.labelIndex = labelIndex;
        o.numeric = numeric;
        o.categorical = categorical;
        o.byName = new HashMap<>(byName);
        o.byIndex = new HashMap<>(byIndex);
        o.classification = classification;
        return o;
    }
}
