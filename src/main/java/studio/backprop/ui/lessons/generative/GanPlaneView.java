package studio.backprop.ui.lessons.generative;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The GAN Lab picture: the discriminator's verdict as a heatmap (green where it says "real", purple where it says
 * "fake", white at ½), the real points in green, the generated points in purple, and at each generated point an
 * arrow along −∂L_G/∂x, where the generator's next step pushes it.
 */
final class GanPlaneView extends CanvasView {

    static final Color REAL = Color.rgb(27, 158, 119);
    static final Color FAKE = Color.rgb(117, 80, 171);
    private GanFrame frame;

    GanPlaneView() {
        super("gan-plane", 460, 460);
        setMinSize(240, 240);
    }

    void show(GanFrame next) {
        frame = next;
        redraw();
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        double side = Math.min(w, h) - 16;
        if (frame == null || side <= 0) {
            return;
        }
        if (frame.digits()) {
            paintDigits(g, w, h);
            return;
        }
        double left = (w - side) / 2;
        double top = (h - side) / 2;
        int n = frame.grid();
        double cell = side / n;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                g.setFill(verdict(frame.realProbability()[r * n + c], ink().background()));
                g.fillRect(left + c * cell, top + r * cell, cell + 0.5, cell + 0.5);
            }
        }
        g.setStroke(ink().frame());
        g.setLineWidth(1);
        g.strokeRect(left, top, side, side);
        double scale = side / (2 * frame.extent());
        double cx = left + side / 2;
        double cy = top + side / 2;
        dots(g, frame.real(), REAL, cx, cy, scale);
        dots(g, frame.fake(), FAKE, cx, cy, scale);
        arrows(g, cx, cy, scale);
        g.setFill(ink().text());
        g.setFont(ink().font(12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("step " + frame.step() + " · " + frame.phase(), left + 6, top + 6);
    }

    /** The background at ½, green towards "real" (1), purple towards "fake" (0). */
    static Color verdict(double p, Color background) {
        double t = Math.min(1, Math.abs(p - 0.5) * 2);
        Color towards = p >= 0.5 ? REAL : FAKE;
        return background.interpolate(towards, 0.55 * t);
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
        g.setStroke(ink().dark() ? FAKE.brighter() : FAKE.darker());
        g.setLineWidth(1);
        for (int i = 0; i + 1 < a.length; i += 6) {
            double x = cx + p[i] * scale;
            double y = cy - p[i + 1] * scale;
            double dx = a[i] / longest * 18;
            double dy = -a[i + 1] / longest * 18;
            g.strokeLine(x, y, x + dx, y + dy);
        }
    }

    /**
     * A GAN of digits: the generated digits for fixed codes in a square grid, each framed in the colour of the
     * discriminator's verdict (green: it says real, purple: fake, thicker the surer), the step above.
     */
    private void paintDigits(GraphicsContext g, double w, double h) {
        int count = frame.fake().length / LessonDigits.PIXELS;
        int across = (int) Math.ceil(Math.sqrt(count));
        double top = 10 + 22 * ink().fontScale();
        double cell = Math.min(w - 16, h - top - 8) / across;
        double left = (w - cell * across) / 2;
        for (int i = 0; i < count; i++) {
            double x = left + (i % across) * cell;
            double y = top + (i / across) * cell;
            double p = frame.realProbability()[i];
            LessonPictures.digit(g, frame.fake(), i * LessonDigits.PIXELS, x + 3, y + 3, cell - 6);
            g.setStroke(p >= 0.5 ? REAL : FAKE);
            g.setLineWidth(1 + 3 * Math.min(1, Math.abs(p - 0.5) * 2));
            g.strokeRect(x + 1.5, y + 1.5, cell - 3, cell - 3);
        }
        g.setLineWidth(1);
        g.setFill(ink().text());
        g.setFont(ink().font(12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("step " + frame.step() + " · " + frame.phase() + " · G(z) for " + count + " codes; frame: D says "
                + "real (green) or fake (purple)", left, 6);
    }
}
