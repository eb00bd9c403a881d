package studio.backprop.ui.lessons.generative;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** Drawing shared by the generative lessons: a digit in grey levels, a code as a diverging heatmap. */
final class LessonPictures {

    /** Ten colours that stay apart, for classes 0–9. */
    static final Color[] CLASSES = {Color.rgb(31, 119, 180), Color.rgb(255, 127, 14), Color.rgb(44, 160, 44),
        Color.rgb(214, 39, 40), Color.rgb(148, 103, 189), Color.rgb(140, 86, 75), Color.rgb(227, 119, 194),
        Color.rgb(127, 127, 127), Color.rgb(188, 189, 34), Color.rgb(23, 190, 207)};

    private LessonPictures() {
    }

    /** 784 values from {@code offset} as a 28×28 image, black ink (1) on white (0), in a square of {@code size}. */
    static void digit(GraphicsContext g, float[] values, int offset, double x, double y, double size) {
        double cell = size / 28;
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                double v = Math.max(0, Math.min(1, values[offset + r * 28 + c]));
                g.setFill(Color.gray(1 - v));
                g.fillRect(x + c * cell, y + r * cell, cell + 0.3, cell + 0.3);
            }
        }
        g.setStroke(Color.gray(0.75));
        g.setLineWidth(1);
        g.strokeRect(x, y, size, size);
    }

    /**
     * {@code n} code values from {@code offset} as a grid of cells (as square as it goes), blue for negative, white
     * for 0, red for positive, each scaled by the largest |value| of the code.
     */
    static void code(GraphicsContext g, float[] values, int offset, int n, double x, double y, double size) {
        int cols = (int) Math.ceil(Math.sqrt(n));
        int rows = (int) Math.ceil(n / (double) cols);
        double cell = size / Math.max(cols, rows);
        double max = 1e-9;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.abs(values[offset + i]));
        }
        for (int i = 0; i < n; i++) {
            g.setFill(diverging(values[offset + i] / max));
            g.fillRect(x + (i % cols) * cell, y + (i / cols) * cell, cell, cell);
        }
        g.setStroke(Color.gray(0.75));
        g.strokeRect(x, y, cols * cell, rows * cell);
    }

    /** t in [−1, 1]: blue … white … red. */
    static Color diverging(double t) {
        double s = Math.max(-1, Math.min(1, t));
        return s >= 0 ? Color.WHITE.interpolate(Color.rgb(202, 0, 32), s)
                : Color.WHITE.interpolate(Color.rgb(5, 113, 176), -s);
    }
}
