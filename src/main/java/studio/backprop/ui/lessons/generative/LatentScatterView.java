package studio.backprop.ui.lessons.generative;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/** The codes of labelled digits as points of the plane (PCA for codes above 2-D), coloured by class. */
final class LatentScatterView extends CanvasView {

    private float[] points = new float[0];
    private int[] labels = new int[0];
    private String caption = "";

    LatentScatterView() {
        super("vae-latent-codes", 420, 420);
    }

    void show(float[] xy, int[] classes, String text) {
        points = xy;
        labels = classes;
        caption = text;
        redraw();
    }

    int points() {
        return labels.length;
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        int n = Math.min(labels.length, points.length / 2);
        if (n == 0) {
            return;
        }
        double extent = 1e-6;
        for (int i = 0; i < 2 * n; i++) {
            extent = Math.max(extent, Math.abs(points[i]));
        }
        double legend = 24 * ink().fontScale();
        double top = 22 * ink().fontScale();
        double side = Math.min(w, h - top - legend) - 8;
        double left = (w - side) / 2;
        double scale = side / (2 * extent * 1.06); // a margin, so the outermost dots are whole
        g.setStroke(ink().frame());
        g.strokeRect(left, top, side, side);
        g.strokeLine(left + side / 2, top, left + side / 2, top + side);
        g.strokeLine(left, top + side / 2, left + side, top + side / 2);
        for (int i = 0; i < n; i++) {
            g.setFill(LessonPictures.CLASSES[Math.floorMod(labels[i], 10)]);
            g.fillOval(left + side / 2 + points[2 * i] * scale - 2.5, top + side / 2 - points[2 * i + 1] * scale
                    - 2.5, 5, 5);
        }
        g.setFont(ink().font(12));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(ink().text());
        g.fillText(caption, 6, 4);
        double x = left;
        for (int c = 0; c < 10; c++) {
            g.setFill(LessonPictures.CLASSES[c]);
            g.fillOval(x, top + side + 8, 9, 9);
            g.setFill(ink().text());
            g.fillText(String.valueOf(c), x + 12, top + side + 5);
            x += side / 10;
        }
    }
}
