package studio.backprop.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tables from CSV files: one row per sample, one column the label, the others features (shape (N, F) after
 * encoding; see {@link CsvOptions} for the choices and {@link ColumnEncoding} for the formulas).
 *
 * <p>Classification labels become classes named by their values, sorted (numerically when all are numbers);
 * regression labels become a target column. Missing values ("", NA, N/A, NaN, null, ?), text in a numeric
 * column, ragged rows and unclosed quotes are errors naming the file, the line (counting every line of the
 * file from 1, the header included) and the column. Nothing is returned unless the whole file is good.
 */
public final class CsvLoader {

    private CsvLoader() {
    }

    /** The file as a dataset named after it ("iris.csv" → "iris"). */
    public static Dataset load(Path file, CsvOptions options) throws DatasetException {
        return fit(file, options).dataset();
    }

    /** The file as a dataset, with the fitted encoder for reading further files the same way. */
    public static CsvFit fit(Path file, CsvOptions options) throws DatasetException {
        CsvTable t = CsvTable.read(file, options.header(), options.delimiter());
        int labelColumn = labelColumn(t, options);
        List<ColumnCodec> features = new ArrayList<>();
        for (int c = 0; c < t.header.size(); c++) {
            if (c == labelColumn) {
                continue;
            }
            ColumnEncoding encoding = options.explicit(c, t.header.get(c));
            if (encoding == null) {
                encoding = ColumnCodec.looksNumeric(t, c) ? options.numeric() : options.categorical();
            }
            if (encoding != ColumnEncoding.IGNORE) {
                features.add(ColumnCodec.fit(t, c, encoding));
            }
        }
        if (features.isEmpty()) {
            throw new DatasetException(t.file + ": no feature columns are left besides the label '"
                    + t.header.get(labelColumn) + "'");
        }
        Boolean forced = options.classification();
        boolean classification = forced != null ? forced : !ColumnCodec.looksNumeric(t, labelColumn);
        ColumnCodec label = ColumnCodec.fit(t, labelColumn,
                classification ? ColumnEncoding.ONE_HOT : ColumnEncoding.RAW);
        if (classification && label.categories().size() < 2) {
            throw new DatasetException(t.file + ": the label column '" + label.name + "' has only one class ('"
                    + label.categories().get(0) + "'); a classifier needs two or more");
        }
        CsvEncoder encoder = new CsvEncoder(options, t.header, features, label, classification);
        return new CsvFit(encoder.encode(t, baseName(t.file)), encoder);
    }

    static String baseName(String file) {
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    private static int labelColumn(CsvTable t, CsvOptions options) throws DatasetException {
        if (options.labelName() != null) {
            int index = t.header.indexOf(options.labelName());
            if (index < 0) {
                throw new DatasetException(t.file + ": no column named '" + options.labelName() + "' for the label;"
                        + " the columns are " + t.header);
            }
            return index;
        }
        int index = options.labelIndex() < 0 ? t.header.size() - 1 : options.labelIndex();
        if (index >= t.header.size()) {
            throw new DatasetException(t.file + ": label column " + (index + 1) + " asked for, but rows have only "
                    + t.header.size() + " columns");
        }
        return index;
    }
}
