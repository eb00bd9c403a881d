package studio.backprop.ui.lessons;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import studio.backprop.data.ColumnTable.Column;
import studio.backprop.data.Thermometer;

/**
 * The data-handling picture: the split of the rows (one cell per row, coloured by part), the rounds of k-fold
 * cross-validation (the validated fold of each round filled), and the first rows of the table with a numeric column
 * scaled (min-max and standard, over the whole column) and a categorical column encoded (ordinal, one-hot and
 * thermometer).
 */
final class DataPlot extends LessonCanvas {

    /** Cells drawn per row of the split and fold strips; a longer table shows its first rows and says so. */
    static final int MAX_CELLS = 60;
    /** Table rows drawn. */
    static final int TABLE_ROWS = 12;

    private int[] split = new int[0];
    private int[] folds = new int[0];
    private int k = 2;
    private String source = "";
    private Column numeric;
    private Column categorical;
    private boolean sortedLevels;

    DataPlot() {
        super("data-handling", 860, 560);
    }

    /**
     * @param newSplit    the part of every row (0 train, 1 validation, 2 test)
     * @param newFolds    the fold of every row
     * @param tableName   what the table is, for the heading
     * @param numericCol  the numeric column to scale, or null
     * @param categoryCol the categorical column to encode, or null
     * @param sorted      true when the levels were sorted for want of a meaningful order (a CSV file's words)
     */
    void show(int[] newSplit, int[] newFolds, int newK, String tableName, Column numericCol, Column categoryCol,
              boolean sorted) {
        split = newSplit.clone();
        folds = newFolds.clone();
        k = newK;
        source = tableName;
        numeric = numericCol;
        categorical = categoryCol;
        sortedLevels = sorted;
        invalidate();
    }

    /** The categorical column as encoded, with its levels in the order the codes use (for tests), or null. */
    Column categorical() {
        return categorical;
    }

    /** The part of every row as drawn (for tests). */
    int[] split() {
        return split.clone();
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height, Ink ink, double s) {
        double y = 6 * s;
        int shown = Math.min(MAX_CELLS, split.length);
        String first = shown < split.length ? " (the first " + shown + " shown)" : "";
        y = heading(g, ink, s, "Train / validation / test split of " + split.length + " rows" + first, y);
        int[] counts = new int[3];
        for (int part : split) {
            counts[part]++;
        }
        double cell = Math.min(22 * s, (width - 16 * s) / Math.max(1, shown));
        for (int i = 0; i < shown; i++) {
            g.setFill(ink.path(split[i]));
            g.fillRect(8 * s + i * cell, y, cell - 2, 16 * s);
        }
        y += 20 * s;
        if (shown < split.length) {
            y = overview(g, ink, s, width, y);
        }
        text(g, ink, s, "train " + counts[0] + " (blue)    validation " + counts[1] + " (red)    test " + counts[2]
                + " (green, never used to train or to choose)", 8 * s, y);
        y += 26 * s;
        y = heading(g, ink, s, k + "-fold cross-validation: round i validates on fold i (filled)" + first, y);
        for (int round = 0; round < k; round++) {
            for (int i = 0; i < shown; i++) {
                double x = 8 * s + i * cell;
                g.setStroke(ink.path(3));
                g.setLineWidth(s);
                if (folds[i] == round) {
                    g.setFill(ink.path(3));
                    g.fillRect(x, y, cell - 2, 12 * s);
                } else {
                    g.strokeRect(x + 0.5, y + 0.5, cell - 3, 12 * s - 1);
                }
            }
            y += 15 * s;
        }
        y += 14 * s;
        int rows = numeric != null ? numeric.size() : categorical != null ? categorical.size() : 0;
        String firstRows = rows > TABLE_ROWS ? ": the first " + TABLE_ROWS + " of " + rows + " rows" : "";
        table(g, ink, s, heading(g, ink, s, "Scaling and encoding of " + source + firstRows, y));
    }

    /** Every row as a thin line across the width, so a long table's held-out rows show wherever they are. */
    private double overview(GraphicsContext g, Ink ink, double s, double width, double y) {
        text(g, ink, s, "all " + split.length + " rows, in order:", 8 * s, y);
        double x0 = 8 * s + TextWidth.of("all " + split.length + " rows, in order: ", Font.font("System", 11.5 * s));
        double w = Math.max(40 * s, width - x0 - 8 * s);
        double each = w / split.length;
        for (int i = 0; i < split.length; i++) {
            g.setFill(ink.path(split[i]));
            g.fillRect(x0 + i * each, y + 2 * s, Math.max(each, 1), 10 * s);
        }
        return y + 18 * s;
    }

    private void table(GraphicsContext g, Ink ink, double s, double y) {
        List<String> header = new ArrayList<>(List.of("row"));
        List<List<String>> cells = new ArrayList<>();
        int rows = Math.min(TABLE_ROWS, numeric != null ? numeric.size() : categorical != null ? categorical.size()
                : 0);
        for (int r = 0; r < rows; r++) {
            cells.add(new ArrayList<>(List.of(String.valueOf(r + 1))));
        }
        if (numeric != null) {
            header.addAll(List.of(numeric.name(), "min-max", "standard"));
            double[] minMax = DataHandlingModel.minMax(numeric.numbers());
            double[] standard = DataHandlingModel.standard(numeric.numbers());
            for (int r = 0; r < rows; r++) {
                cells.get(r).addAll(List.of(Format.number(round(numeric.numbers()[r])),
                        Format.number(round(minMax[r])), Format.number(round(standard[r]))));
            }
        }
        if (categorical != null) {
            header.addAll(List.of(categorical.name(), "ordinal", "one-hot", "thermometer"));
            int levels = categorical.levels().size();
            for (int r = 0; r < rows; r++) {
                int level = categorical.level(r);
                float[] oneHot = new float[levels];
                oneHot[level] = 1;
                cells.get(r).addAll(List.of(categorical.words()[r], String.valueOf(level), bits(oneHot),
                        bits(Thermometer.encode(level, levels))));
            }
        }
        if (categorical != null) {
            List<String> levels = categorical.levels();
            String order = String.join(" < ", levels.size() > 12 ? levels.subList(0, 12) : levels)
                    + (levels.size() > 12 ? " < …" : "");
            text(g, ink, s, "Levels of " + categorical.name() + ", in the order the codes use: " + order
                    + (sortedLevels ? " (sorted: a CSV file cannot say which order is meant)" : ""),
                    8 * s, y + (22 + 15 * rows) * s);
        }
        double x = 8 * s;
        Font bold = Font.font("System", FontWeight.BOLD, 12 * s);
        Font plain = Font.font("System", 11.5 * s);
        for (int c = 0; c < header.size(); c++) {
            double w = TextWidth.of(header.get(c), bold);
            bold(g, ink, s, header.get(c), x, y);
            for (int r = 0; r < rows; r++) {
                text(g, ink, s, cells.get(r).get(c), x, y + (16 + 15 * r) * s);
                w = Math.max(w, TextWidth.of(cells.get(r).get(c), plain));
            }
            x += w + 16 * s;
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** "0 1 0 0"; more than 16 bits are cut with an ellipsis. */
    private static String bits(float[] bits) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(16, bits.length); i++) {
            b.append(b.length() == 0 ? "" : " ").append((int) bits[i]);
        }
        return bits.length > 16 ? b + " …" : b.toString();
    }

    private static double heading(GraphicsContext g, Ink ink, double s, String text, double y) {
        bold(g, ink, s, text, 8 * s, y);
        return y + 18 * s;
    }

    private static void bold(GraphicsContext g, Ink ink, double s, String text, double x, double y) {
        g.setFont(Font.font("System", FontWeight.BOLD, 12 * s));
        g.setFill(ink.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(text, x, y);
    }

    private static void text(GraphicsContext g, Ink ink, double s, String text, double x, double y) {
        g.setFont(Font.font("System", 11.5 * s));
        g.setFill(ink.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(text, x, y);
    }
}
