package studio.backprop.ui.lessons.sequence;

import java.util.List;
import java.util.Locale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * A matrix as coloured cells with a title and row and column labels: blue for negative, red for positive, white
 * for 0 (scaled to the largest magnitude), or white to dark for values in [0, 1] such as attention weights. Small
 * matrices show their numbers in the cells.
 */
final class MatrixHeatmap extends LessonCanvas {

    private String title = "";
    private float[][] values = new float[0][0];
    private List<String> rowLabels = List.of();
    private List<String> columnLabels = List.of();
    private boolean unitRange;

    MatrixHeatmap(String exportName) {
        super(exportName, 320, 240);
    }

    /**
     * @param unitRange values lie in [0, 1] (weights, gates): one colour from white to dark
     */
    void show(String newTitle, float[][] matrix, List<String> rows, List<String> columns, boolean unitRange) {
        this.title = newTitle;
        this.values = matrix;
        this.rowLabels = rows;
        this.columnLabels = columns;
        this.unitRange = unitRange;
        redraw();
    }

    String title() {
        return title;
    }

    @Override
    void paint(GraphicsContext g, double w, double h) {
        g.setFill(ink());
        left(g, title, 6, 12, 13);
        if (values.length == 0 || values[0].length == 0) {
            return;
        }
        int rows = values.length;
        int cols = values[0].length;
        double labelW = 64;
        double top = 44;
        double cell = Math.min((w - labelW - 8) / cols, (h - top - 6) / rows);
        double max = 1e-12;
        for (float[] row : values) {
            for (float v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        boolean numbers = cell >= 30;
        for (int c = 0; c < cols && c < columnLabels.size(); c++) {
            g.setFill(ink());
            centred(g, columnLabels.get(c), labelW + cell * (c + 0.5), top - 10, 11);
        }
        for (int r = 0; r < rows; r++) {
            g.setFill(ink());
            if (r < rowLabels.size()) {
                left(g, rowLabels.get(r), 4, top + cell * (r + 0.5), 11);
            }
            for (int c = 0; c < cols; c++) {
                float v = values[r][c];
                g.setFill(colour(v, max));
                g.fillRect(labelW + cell * c, top + cell * r, cell - 1, cell - 1);
                if (numbers) {
                    double strength = unitRange ? v : Math.abs(v) / max;
                    g.setFill(strength > 0.55 ? Color.WHITE : Color.gray(0.1));
                    centred(g, String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.0f" : "%.2f", v),
                            labelW + cell * (c + 0.5), top + cell * (r + 0.5), Math.min(12, cell / 3.2));
                }
            }
        }
    }

    private Color colour(float v, double max) {
        if (unitRange) {
            double t = Math.max(0, Math.min(1, v));
            return Color.color(1 - 0.85 * t, 1 - 0.6 * t, 1 - 0.25 * t);
        }
        double t = Math.min(1, Math.abs(v) / max);
        return v >= 0 ? Color.color(1, 1 - 0.75 * t, 1 - 0.8 * t) : Color.color(1 - 0.8 * t, 1 - 0.6 * t, 1);
    }
}
