package studio.backprop.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table as a person reads it, before any encoding: named columns, each either numeric (one number per row) or
 * categorical (one word per row, with its levels in the order the CSV loader gives them: sorted, numerically when
 * all are numbers). The data-handling lesson scales and encodes its columns; training reads the same file through
 * {@link CsvLoader}.
 *
 * @param name    what the table is, e.g. "flats.csv"
 * @param columns the columns, in file order
 */
public record ColumnTable(String name, List<Column> columns) {

    /**
     * One column.
     *
     * @param name    its header (or "column 3" without a header)
     * @param numbers the values of a numeric column, or null
     * @param words   the values of a categorical column, or null
     * @param levels  the distinct words of a categorical column in order (empty for a numeric one)
     */
    public record Column(String name, double[] numbers, String[] words, List<String> levels) {

        public Column {
            levels = List.copyOf(levels);
        }

        /** A numeric column. */
        public static Column numeric(String name, double[] numbers) {
            return new Column(name, numbers.clone(), null, List.of());
        }

        /** A categorical column with its ordered levels; every word must be one of them. */
        public static Column categorical(String name, String[] words, List<String> levels) {
            for (String w : words) {
                if (!levels.contains(w)) {
                    throw new IllegalArgumentException("column '" + name + "': '" + w + "' is not one of its levels "
                            + levels);
                }
            }
            return new Column(name, null, words.clone(), levels);
        }

        public boolean isNumeric() {
            return numbers != null;
        }

        public int size() {
            return isNumeric() ? numbers.length : words.length;
        }

        /** The position of row r's word among the levels (its ordinal code). */
        public int level(int r) {
            return levels.indexOf(words[r]);
        }
    }

    public ColumnTable {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(name + ": a table needs at least one column");
        }
        int rows = columns.get(0).size();
        for (Column c : columns) {
            if (c.size() != rows) {
                throw new IllegalArgumentException(name + ": column '" + c.name() + "' has " + c.size()
                        + " rows, the first column " + rows);
            }
        }
    }

    /**
     * A CSV file's columns: numeric where every value is a number, categorical otherwise.
     *
     * @throws DatasetException in words (file, line, column) for a ragged row, a missing value or unreadable text
     */
    public static ColumnTable readCsv(Path file, boolean header, char delimiter) throws DatasetException {
        CsvTable t = CsvTable.read(file, header, delimiter);
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < t.header.size(); c++) {
            if (ColumnCodec.looksNumeric(t, c)) {
                double[] v = new double[t.rows.size()];
                for (int r = 0; r < v.length; r++) {
                    v[r] = ColumnCodec.number(t, r, c);
                }
                columns.add(Column.numeric(t.header.get(c), v));
            } else {
                ColumnCodec codec = ColumnCodec.fit(t, c, ColumnEncoding.ORDINAL);
                String[] words = new String[t.rows.size()];
                for (int r = 0; r < words.length; r++) {
                    words[r] = codec.categories().get(codec.categoryOf(t, r));
                }
                columns.add(Column.categorical(t.header.get(c), words, codec.categories()));
            }
        }
        return new ColumnTable(t.file, columns);
    }

    public int rows() {
        return columns.get(0).size();
    }

    /** The numeric columns, in file order. */
    public List<Column> numeric() {
        return columns.stream().filter(Column::isNumeric).toList();
    }

    /** The categorical columns, in file order. */
    public List<Column> categorical() {
        return columns.stream().filter(c -> !c.isNumeric()).toList();
    }

    /** The column of this name, or null. */
    public Column column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return name + " (" + rows() + " rows: " + Arrays.toString(columns.stream().map(Column::name).toArray()) + ")";
    }
}
