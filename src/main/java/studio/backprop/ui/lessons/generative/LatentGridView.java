package studio.backprop.ui.lessons.generative;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/** A side × side grid of digits decoded from evenly spaced points of a 2-D latent plane (z₂ grows upwards). */
final class LatentGridView extends CanvasView {

    private float[] images = new float[0];
    private int side;
    private double extent;

    LatentGridView() {
        super("vae-latent-grid", 460, 460);
    }

    void show(float[] decoded, int gridSide, double halfWidth) {
        images = decoded;
        side = gridSide;
        extent = halfWidth;
        redraw();
    }

    boolean drawn() {
        return side > 0;
    }

    /** The codes of the grid, row by row from the top: (side², 2), over [−extent, extent]². */
    static float[] codes(int side, double extent) {
        float[] z = new float[side * side * 2];
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                z[2 * (r * side + c)] = (float) (-extent + 2 * extent * c / (side - 1));
                z[2 * (r * side + c) + 1] = (float) (extent - 2 * extent * r / (side - 1));
            }
        }
        return z;
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        if (side == 0 || images.length < side * side * LessonDigits.PIXELS) {
            return;
        }
        double top = 22 * ink().fontScale();
        double size = Math.min(w - 8, h - top - 4) / side;
        double left = (w - size * side) / 2;
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                LessonPictures.digit(g, images, (r * side + c) * LessonDigits.PIXELS, left + c * size, top + r * size,
                        size);
            }
        }
        g.setFill(ink().text());
        g.setFont(ink().font(12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(String.format(java.util.Locale.ROOT, "decoded from z over [−%.1f, %.1f]², z₁ → right, z₂ → up",
                extent, extent), left, 4);
    }
}
