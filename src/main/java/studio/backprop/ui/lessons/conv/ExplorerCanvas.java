package studio.backprop.ui.lessons.conv;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import studio.backprop.kernels.ConvGeometry;
import studio.backprop.ui.lessons.conv.ConvResult.Term;

/**
 * Draws an explorer example: the input with its padding (grey), the kernel, and the output filled up to the
 * window's position; the window's taps are outlined on the input and the current output element on the output.
 * Values are shaded (negative blue, positive orange, per grid) and written in the cells when they are large enough.
 */
final class ExplorerCanvas extends Region {

    private static final Color WINDOW = Color.web("#d62728");
    private static final Color PAD = Color.web("#e6e6e6");
    private static final double MAX_CELL = 44;
    private final Canvas canvas = new Canvas();
    private ConvResult result;
    private int position;

    ExplorerCanvas() {
        getChildren().add(canvas);
        setMinSize(200, 160);
        setPrefSize(760, 420);
    }

    void show(ConvResult r, int at) {
        result = r;
        position = at;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (result == null || canvas.getWidth() < 10) {
            return;
        }
        ConvSettings s = result.settings();
        ConvGeometry g = result.geometry();
        boolean padded = s.operation() != ConvOperation.TRANSPOSED && s.operation() != ConvOperation.UPSAMPLE;
        int top = padded ? g.padTop() : 0;
        int left = padded ? g.padLeft() : 0;
        int inRows = s.input().length + top + (padded ? g.padBottom() : 0);
        int inCols = s.input()[0].length + left + (padded ? g.padRight() : 0);
        float[][] kernel = s.operation() == ConvOperation.CONVOLUTION ? ConvComputation.flip(s.kernel()) : s.kernel();
        boolean showKernel = s.operation().usesKernel();
        int columns = inCols + result.outW() + (showKernel ? kernel[0].length + 2 : 0) + 2;
        int rows = Math.max(inRows, result.outH());
        double cell = Math.min(MAX_CELL, Math.min((canvas.getWidth() - 20) / columns,
                (canvas.getHeight() - 40) / rows));
        double y0 = 28;
        double x = 10;
        int current = Math.min(position, result.outH() * result.outW() - 1);
        List<Term> taps = result.termsAt(current / result.outW(), current % result.outW());
        label(gc, "input" + (top + left > 0 || inRows > s.input().length ? " (grey: padding)" : ""), x, cell);
        grid(gc, s.input(), x, y0, cell, top, left, inRows, inCols, -1);
        for (Term t : taps) {
            outline(gc, x + (t.col() + left) * cell, y0 + (t.row() + top) * cell, cell, WINDOW);
        }
        x += (inCols + 1) * cell;
        if (showKernel) {
            label(gc, s.operation() == ConvOperation.CONVOLUTION ? "kernel, flipped" : "kernel", x, cell);
            grid(gc, kernel, x, y0, cell, 0, 0, kernel.length, kernel[0].length, -1);
            x += (kernel[0].length + 1) * cell;
        }
        label(gc, "output " + result.outH() + "×" + result.outW(), x, cell);
        grid(gc, result.output(), x, y0, cell, 0, 0, result.outH(), result.outW(), current);
        outline(gc, x + (current % result.outW()) * cell, y0 + (current / result.outW()) * cell, cell, WINDOW);
    }

    private void label(GraphicsContext gc, String text, double x, double cell) {
        gc.setFill(Color.web("#333333"));
        gc.setFont(Font.font(13));
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.BASELINE);
        gc.fillText(text, x, 20);
    }

    /** A matrix drawn at (x, y), offset by padding cells; only the first {@code upTo}+1 cells shown when ≥ 0. */
    private void grid(GraphicsContext gc, float[][] m, double x, double y, double cell, int top, int left, int rows,
                      int cols, int upTo) {
        double max = 1e-9;
        for (float[] r : m) {
            for (float v : r) {
                max = Math.max(max, Math.abs(v));
            }
        }
        gc.setFont(Font.font(Math.max(8, Math.min(14, cell * 0.36))));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int r = i - top;
                int c = j - left;
                boolean inside = r >= 0 && r < m.length && c >= 0 && c < m[0].length;
                boolean shown = upTo < 0 || r * m[0].length + c <= upTo;
                double cx = x + j * cell;
                double cy = y + i * cell;
                gc.setFill(!inside ? PAD : shown ? shade(m[r][c] / max) : Color.WHITE);
                gc.fillRect(cx, cy, cell, cell);
                gc.setStroke(Color.web("#b0b0b0"));
                gc.setLineWidth(1);
                gc.strokeRect(cx + 0.5, cy + 0.5, cell - 1, cell - 1);
                if (cell >= 18 && (inside ? shown : true)) {
                    float v = inside ? m[r][c] : 0f;
                    gc.setFill(inside ? Color.BLACK : Color.GRAY);
                    gc.fillText(Arithmetic.num(Math.round(v * 100f) / 100f), cx + cell / 2, cy + cell / 2, cell - 2);
                }
            }
        }
    }

    private static Color shade(double t) {
        double a = Math.min(1, Math.abs(t)) * 0.55;
        return t >= 0 ? Color.color(1, 1 - a * 0.55, 1 - a) : Color.color(1 - a, 1 - a * 0.45, 1);
    }

    private static void outline(GraphicsContext gc, double x, double y, double cell, Color colour) {
        gc.setStroke(colour);
        gc.setLineWidth(2.5);
        gc.strokeRect(x + 1.5, y + 1.5, cell - 3, cell - 3);
    }
}
