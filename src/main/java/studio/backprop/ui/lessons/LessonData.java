package studio.backprop.ui.lessons;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import studio.backprop.data.ColumnTable;
import studio.backprop.data.ColumnTable.Column;
import studio.backprop.data.Dataset;
import studio.backprop.data.DatasetException;
import studio.backprop.data.SampleData;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.DataFolder;

/**
 * The table the data-handling lesson works on, with the open document's split settings: the document's CSV table
 * or its digits when it has one, otherwise a built-in table of twelve flats.
 *
 * @param table      the columns
 * @param fromFile   true when the table is the open document's data
 * @param validation the document's validation fraction (0.15 for the flats)
 * @param test       the document's test fraction (0.15 for the flats)
 * @param last       the document's {@code split = last}
 * @param seed       the document's training seed (1 for the flats)
 */
record LessonData(ColumnTable table, boolean fromFile, double validation, double test, boolean last, long seed) {

    /** The flats' condition levels, lowest first. */
    static final List<String> CONDITIONS = DataHandlingModel.CONDITIONS;

    /** The built-in table: floor area and condition of twelve flats. */
    static LessonData flats() {
        double[] areas = DataHandlingModel.AREAS;
        String[] conditions = DataHandlingModel.CONDITION_OF.toArray(String[]::new);
        return new LessonData(new ColumnTable("twelve flats", List.of(Column.numeric("area m²", areas),
                Column.categorical("condition", conditions, CONDITIONS))), false, 0.15, 0.15, false, 1);
    }

    /** True when the document's data is a table the lesson can show: a CSV file or the bundled digits. */
    static boolean readable(NetworkDocument doc) {
        String source = doc.data().type().trim().toLowerCase(Locale.ROOT);
        return source.equals("csv") || source.equals("mnist");
    }

    /**
     * The document's own table. Runs off the JavaFX thread (the digits take a moment to read).
     *
     * @param base the folder the document's data paths are relative to
     * @throws IllegalArgumentException in words when the data cannot be read, or lies outside {@code base}
     */
    static LessonData of(NetworkDocument doc, Path base) {
        ComponentSpec data = doc.data();
        ColumnTable table;
        try {
            if (data.type().trim().equalsIgnoreCase("mnist")) {
                table = digits(SampleData.mnist10k(), count(data));
            } else {
                if (!DataFolder.outside(doc, base).isEmpty()) {
                    throw new IllegalArgumentException("the document's table lies outside its folder; the lesson "
                            + "reads only data beside the network file");
                }
                String file = data.get("file", "").trim();
                if (file.isEmpty()) {
                    throw new IllegalArgumentException("[data csv] names no file");
                }
                table = ColumnTable.readCsv(base.resolve(file), !data.get("header", "true").trim()
                        .equalsIgnoreCase("false"), delimiter(data.get("delimiter", ",")));
            }
        } catch (DatasetException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new LessonData(table, true, 0, 0, false, 1).withPlanOf(doc);
    }

    /** The same table with the document's validation and test fractions, split order and seed. */
    LessonData withPlanOf(NetworkDocument doc) {
        ComponentSpec t = doc.training();
        return new LessonData(table, fromFile, fraction(t.get("validation")), fraction(t.get("test")),
                "last".equals(t.get("split", "shuffled").trim()), seed(t.get("seed", "1")));
    }

    /** The digits as a table: each image's digit (a category) and its mean ink and centre pixel (numbers). */
    static ColumnTable digits(Dataset all, int count) {
        int n = Math.min(count, all.size());
        float[] pixels = all.features().contiguous().buffer();
        int[] shape = all.features().shape();
        int size = pixels.length / all.size();
        int centreAt = shape.length == 4 ? (shape[1] / 2 * shape[2] + shape[2] / 2) * shape[3] : size / 2;
        double[] ink = new double[n];
        double[] centre = new double[n];
        String[] digit = new String[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int p = 0; p < size; p++) {
                sum += pixels[i * size + p];
            }
            ink[i] = sum / size;
            centre[i] = pixels[i * size + centreAt];
            digit[i] = String.valueOf(all.label(i));
        }
        List<String> levels = new ArrayList<>();
        for (int d = 0; d < all.classCount(); d++) {
            levels.add(String.valueOf(d));
        }
        return new ColumnTable("the digits (" + n + ")", List.of(Column.categorical("digit", digit, levels),
                Column.numeric("mean ink", ink), Column.numeric("centre pixel", centre)));
    }

    private static int count(ComponentSpec data) {
        try {
            return Math.max(1, Integer.parseInt(data.get("count", "10000").trim()));
        } catch (NumberFormatException e) {
            return 10000;
        }
    }

    private static char delimiter(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return t.equals("tab") || text.equals("\t") ? '\t' : t.isEmpty() ? ',' : t.charAt(0);
    }

    private static double fraction(String text) {
        try {
            double v = text == null ? 0 : Double.parseDouble(text.trim());
            return v >= 0 && v < 1 ? v : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long seed(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
