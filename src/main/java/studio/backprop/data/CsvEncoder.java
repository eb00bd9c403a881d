package studio.backprop.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import studio.backprop.tensor.Excerpt;
import studio.backprop.tensor.MemoryBudget;
import studio.backprop.tensor.Tensor;

/**
 * The column encodings fitted on a training CSV (scaling constants, category lists, label classes), applied
 * identically to new files: a validation or test file is scaled with the training min/max or mean/std, never
 * its own. A new file must have the same columns; a category or class the training file lacked is an error.
 */
public final class CsvEncoder {

    private final CsvOptions options;
    private final List<String> header;
    private final List<ColumnCodec> features;
    private final ColumnCodec label;
    private final boolean classification;

    CsvEncoder(CsvOptions options, List<String> header, List<ColumnCodec> features, ColumnCodec label,
            boolean classification) {
        this.options = options;
        this.header = List.copyOf(header);
        this.features = List.copyOf(features);
        this.label = label;
        this.classification = classification;
    }

    /** Reads another file with the same columns, encoded exactly as the training file was. */
    public Dataset load(Path file) throws DatasetException {
        CsvTable t = CsvTable.read(file, options.header(), options.delimiter());
        if (!t.header.equals(header)) {
            throw new DatasetException(t.file + ": columns " + t.header + " differ from the training file's "
                    + header);
        }
        return encode(t, CsvLoader.baseName(t.file));
    }

    /** One line per feature column and the label, e.g. "age: standardised (mean 38.2, std 12.1)". */
    public List<String> describeColumns() {
        List<String> lines = new ArrayList<>();
        for (ColumnCodec c : features) {
            lines.add(c.describe());
        }
        lines.add(label.name + ": label, " + (classification ? "classes " + String.join(", ", label.categories())
                : "number to predict"));
        return lines;
    }

    /** The names of the encoded feature values (one-hot columns as "column=category"). */
    public List<String> featureNames() {
        List<String> names = new ArrayList<>();
        for (ColumnCodec c : features) {
            names.addAll(c.outputNames());
        }
        return names;
    }

    /** Class names in label order (empty for regression). */
    public List<String> classNames() {
        return classification ? label.categories() : List.of();
    }

    /** " (column 'id' alone one-hot encodes to 30,000)" for the widest column, or "". */
    private String widest() {
        ColumnCodec w = features.stream().max(java.util.Comparator.comparingInt(ColumnCodec::width)).orElse(null);
        return w == null || w.width() < 2 ? "" : " (column '" + Excerpt.of(w.name) + "' alone one-hot encodes to "
                + MemoryBudget.count(w.width()) + ")";
    }

    Dataset encode(CsvTable t, String name) throws DatasetException {
        int n = t.rows.size();
        List<String> names = featureNames();
        int width = names.size();
        String memory = MemoryBudget.problem(MemoryBudget.product(n, width, 2 * MemoryBudget.FLOAT_BYTES));
        if (memory != null) {
            throw new DatasetException(t.file + ": " + MemoryBudget.count(n) + " rows encode to "
                    + MemoryBudget.count(width) + " feature columns" + widest() + "; " + memory + "; mark a "
                    + "column with many distinct values 'ignore' or 'ordinal' instead of one-hot");
        }
        float[] x = new float[n * width];
        int[] classes = new int[n];
        float[] values = new float[n];
        for (int r = 0; r < n; r++) {
            int at = r * width;
            for (ColumnCodec c : features) {
                c.encode(t, r, x, at);
                at += c.width();
            }
            if (classification) {
                classes[r] = label.categoryOf(t, r);
            } else {
                values[r] = (float) ColumnCodec.number(t, r, label.column);
            }
        }
        Tensor features = Tensor.wrap(x, n, width);
        if (classification) {
            return Dataset.classification(name, features, classes, label.categories(), names);
        }
        return Dataset.regression(name, features, Tensor.wrap(values, n, 1), names, List.of(label.name));
    }
}
