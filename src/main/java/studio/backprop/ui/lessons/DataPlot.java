package studio.backprop.ui.lessons;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The data-handling picture: the split of the rows (one cell per row, coloured by part), the rounds of k-fold
 * cross-validation (the validated fold of each round filled), and the table with its scaled and encoded columns.
 */
final class DataPlot extends LessonCanvas {

    private int[] split = new int[0];
    private int[] folds = new int[0];
    private int k = 2;

    DataPlot() {
        super("data-handling", 860, 560);
    }

    void show(int[] newSplit, int[] newFolds, int newK) {
        split = newSplit.clone();
        folds = newFolds.clone();
        k = newK;
        invalidate();
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height, Ink ink, double k2) {
        double s = k2;
        double y = 6 * s;
        y = heading(g, ink, s, "Train / validation / test split of " + split.length + " rows", y);
        int[] counts = new int[3];
        double cell = Math.min(22 * s, (width - 16 * s) / Math.max(1, split.length));
        for (int i = 0; i < split.length; i++) {
            counts[split[i]]++;
            g.setFill(ink.path(split[i]));
            g.fillRect(8 * s + i * cell, y, cell - 2, 16 * s);
        }
        y += 20 * s;
        text(g, ink, s, "train " + counts[0] + " (blue)    validation " + counts[1] + " (red)    test " + counts[2]
                + " (green, never used to train or to choose)", 8 * s, y);
        y += 26 * s;
        y = heading(g, ink, s, k + "-fold cross-validation: round i validates on fold i (filled)", y);
        for (int round = 0; round < k; round++) {
            for (int i = 0; i < folds.length; i++) {
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
        table(g, ink, s, heading(g, ink, s, "Scaling and encoding, per flat", y));
    }

    private static void table(GraphicsContext g, Ink ink, double s, double y) {
        double[] minMax = DataHandlingModel.minMax(DataHandlingModel.AREAS);
        double[] standard = DataHandlingModel.standard(DataHandlingModel.AREAS);
        String[] header = {"area m²", "min-max", "standard", "condition", "ordinal", "one-hot", "thermometer"};
        double[] at = {8, 78, 148, 228, 318, 388, 488};
        for (int c = 0; c < header.length; c++) {
            bold(g, ink, s, header[c], at[c] * s, y);
        }
        y += 16 * s;
        for (int r = 0; r < DataHandlingModel.AREAS.length; r++) {
            String condition = DataHandlingModel.CONDITION_OF.get(r);
            String[] row = {Format.number(DataHandlingModel.AREAS[r]), Format.number(round(minMax[r])),
                    Format.number(round(standard[r])), condition,
                    String.valueOf(DataHandlingModel.ordinal(condition)), bits(DataHandlingModel.oneHot(condition)),
                    bits(DataHandlingModel.thermometer(condition))};
            for (int c = 0; c < row.length; c++) {
                text(g, ink, s, row[c], at[c] * s, y);
            }
            y += 15 * s;
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String bits(float[] bits) {
        StringBuilder b = new StringBuilder();
        for (float v : bits) {
            b.append(b.length() == 0 ? "" : " ").append((int) v);
        }
        return b.toString();
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
