package studio.backprop.ui.lessons.generative;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.export.ScalableCanvas;

/**
 * The GAN Lab picture: the discriminator's verdict as a heatmap (green where it says "real", purple where it says
 * "fake", white at ½), the real points in green, the generated points in purple, and at each generated point an
 * arrow along −∂L_G/∂x, where the generator's next step pushes it.
 */
final class GanPlaneView extends Region implements Exportable {

    static final Color REAL = Color.rgb(27, 158, 119);
    static final Color FAKE = Color.rgb(117, 80, 171);
    private final ScalableCanvas canvas = new ScalableCanvas();
    private GanFrame frame;

    GanPlaneView() {
        getStyleClass().add("gan-plane");
        getChildren().add(canvas);
        setMinSize(240, 240);
        setPrefSize(460, 460);
    }

    void show(GanFrame next) {
        frame = next;
        draw();
    }

    @Override
    protected void layoutChildren() {
        if (canvas.resizeTo(getWidth(), getHeight())) {
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.graphics();
        double w = canvas.logicalWidth();
        double h = canvas.logicalHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        double side = Math.min(w, h) - 16;
        if (frame == null || side <= 0) {
            return;
        }
        double left = (w - side) / 2;
        double top = (h - side) / 2;
        int n = frame.grid();
        double cell = side / n;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                g.setFill(verdict(frame.realProbability()[r * n + c]));
                g.fillRect(left + c * cell, top + r * cell, cell + 0.5, cell + 0.5);
            }
        }
        g.setStroke(Color.gray(0.6));
        g.setLineWidth(1);
        g.strokeRect(left, top, side, side);
        double scale = side / (2 * frame.extent());
        double cx = left + side / 2;
        double cy = top + side / 2;
        dots(g, frame.real(), REAL, cx, cy, scale);
        dots(g, frame.fake(), FAKE, cx, cy, scale);
        arrows(g, cx, cy, scale);
        g.setFill(Color.gray(0.2));
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("step " + frame.step() + " · " + frame.phase(), left + 6, top + 6);
    }

    /** White at ½, green towards "real" (1), purple towards "fake" (0). */
    static Color verdict(double p) {
        double t = Math.min(1, Math.abs(p - 0.5) * 2);
        Color towards = p >= 0.5 ? REAL : FAKE;
        return Color.WHITE.interpolate(towards, 0.55 * t);
    }

    private static void dots(GraphicsContext g, float[] xy, Color color, double cx, double cy, double scale) {
        g.setFill(color);
        for (int i = 0; i + 1 < xy.length; i += 2) {
            g.fillOval(cx + xy[i] * scale - 2.5, cy - xy[i + 1] * scale - 2.5, 5, 5);
        }
    }

    private void arrows(GraphicsContext g, double cx, double cy, double scale) {
        float[] a = frame.arrows();
        float[] p = frame.fake();
        double longest = 1e-12;
        for (int i = 0; i + 1 < a.length; i += 2) {
            longest = Math.max(longest, Math.hypot(a[i], a[i + 1]));
        }
        g.setStroke(FAKE.darker());
        g.setLineWidth(1);
        for (int i = 0; i + 1 < a.length; i += 6) {
            double x = cx + p[i] * scale;
            double y = cy - p[i + 1] * scale;
            double dx = a[i] / longest * 18;
            double dy = -a[i + 1] / longest * 18;
            g.strokeLine(x, y, x + dx, y + dy);
        }
    }

    @Override
    public javafx.scene.Node exportNode() {
        return this;
    }

    @Override
    public String exportName() {
        return "gan-plane";
    }

    @Override
    public Picture prepareExport(double scale, ExportBackground background) {
        canvas.setPixelScale(scale);
        draw();
        return new Picture(this, () -> {
            canvas.setPixelScale(1);
            draw();
        });
    }
}
