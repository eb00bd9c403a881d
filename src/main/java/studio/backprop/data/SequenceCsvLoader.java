package studio.backprop.data;

import java.nio.file.Path;
import java.util.List;
import studio.backprop.tensor.Tensor;

/**
 * A CSV file with a sequence column: each cell holds a whole sequence, its numbers separated by spaces or
 * semicolons ("0.1 0.4 0.9"), steps × features values in step order. The target column holds one number or a
 * sequence of its own. Every row must have the same lengths; a cell that is not numbers is named by line and
 * column.
 */
public final class SequenceCsvLoader {

    private SequenceCsvLoader() {
    }

    /**
     * @param sequenceColumn header name of the sequence column
     * @param targetColumn   header name of the target column
     * @param features       numbers per step (the sequence's values are read step by step)
     */
    public static Dataset load(Path path, char delimiter, String sequenceColumn, String targetColumn, int features)
            throws DatasetException {
        CsvTable table = CsvTable.read(path, true, delimiter);
        int xc = column(table, sequenceColumn);
        int yc = column(table, targetColumn);
        int rows = table.rows.size();
        float[] first = numbers(table, 0, xc);
        if (first.length % features != 0) {
            throw new DatasetException(table.where(0, xc) + ": " + first.length + " numbers do not split into steps of "
                    + features + " features");
        }
        int width = first.length;
        int targetWidth = numbers(table, 0, yc).length;
        float[] xs = new float[rows * width];
        float[] ys = new float[rows * targetWidth];
        for (int r = 0; r < rows; r++) {
            float[] x = numbers(table, r, xc);
            float[] y = numbers(table, r, yc);
            if (x.length != width || y.length != targetWidth) {
                throw new DatasetException(table.where(r, x.length != width ? xc : yc) + ": " + (x.length != width
                        ? x.length + " numbers, the first row has " + width : y.length + " targets, the first row "
                        + "has " + targetWidth) + "; every sequence must have the same length");
            }
            System.arraycopy(x, 0, xs, r * width, width);
            System.arraycopy(y, 0, ys, r * targetWidth, targetWidth);
        }
        return Dataset.regression(path.getFileName().toString(), Tensor.wrap(xs, rows, width / features, features),
                Tensor.wrap(ys, rows, targetWidth), List.of(), List.of());
    }

    private static int column(CsvTable table, String name) throws DatasetException {
        int c = table.header.indexOf(name);
        if (c < 0) {
            throw new DatasetException(table.file + " has no column '" + name + "'; its columns are "
                    + String.join(", ", table.header));
        }
        return c;
    }

    private static float[] numbers(CsvTable table, int row, int column) throws DatasetException {
        String cell = table.rows.get(row)[column].trim();
        String[] parts = cell.isEmpty() ? new String[0] : cell.split("[\\s;]+");
        if (parts.length == 0) {
            throw new DatasetException(table.where(row, column) + " is empty; a sequence needs at least one number");
        }
        float[] v = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Float.parseFloat(parts[i]);
            } catch (NumberFormatException e) {
                v[i] = Float.NaN;
            }
            if (!Float.isFinite(v[i])) {
                throw new DatasetException(table.where(row, column) + ": '" + studio.backprop.tensor.Excerpt.of(parts[i])
                        + "' (value " + (i + 1) + ") is not a finite number");
            }
        }
        return v;
    }
}
