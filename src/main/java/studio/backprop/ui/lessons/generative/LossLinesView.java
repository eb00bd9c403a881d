package studio.backprop.ui.lessons.generative;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/** Two loss curves over their own steps on one axis from 0 to the largest value: L_D and L_G of a GAN. */
final class LossLinesView extends CanvasView {

    private float[] first = new float[0];
    private float[] second = new float[0];
    private final String firstName;
    private final String secondName;

    LossLinesView(String firstName, String secondName) {
        super("gan-losses", 380, 220);
        this.firstName = firstName;
        this.secondName = secondName;
        getStyleClass().add("loss-lines");
        setMinSize(200, 140);
    }

    void show(float[] a, float[] b) {
        first = a;
        second = b;
        redraw();
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        double left = 44 * ink().fontScale();
        double top = 26 * ink().fontScale();
        double plotW = w - left - 12;
        double plotH = h - top - 24;
        if (plotW <= 0 || plotH <= 0) {
            return;
        }
        if (first.length + second.length == 0) {
            g.setFill(ink().text());
            g.setFont(ink().font(12));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(firstName + " and " + secondName + " appear here as the networks step", 8, 8);
            return;
        }
        double max = 1e-6;
        for (float v : first) {
            max = Math.max(max, v);
        }
        for (float v : second) {
            max = Math.max(max, v);
        }
        g.setStroke(ink().frame());
        g.setLineWidth(1);
        g.strokeLine(left, top + plotH, left + plotW, top + plotH);
        g.strokeLine(left, top, left, top + plotH);
        g.setFill(ink().text());
        g.setFont(ink().font(11));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(String.format(java.util.Locale.ROOT, "%.2f", max), left - 4, top);
        g.fillText("0", left - 4, top + plotH);
        line(g, first, GanPlaneView.REAL, max, left, top, plotW, plotH);
        line(g, second, GanPlaneView.FAKE, max, left, top, plotW, plotH);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(GanPlaneView.REAL);
        g.fillText("━ " + firstName + last(first), left + 4, 4);
        g.setFill(GanPlaneView.FAKE);
        g.fillText("━ " + secondName + last(second), left + plotW / 2, 4);
    }

    private static String last(float[] values) {
        return values.length == 0 ? "" : String.format(java.util.Locale.ROOT, " %.3f", values[values.length - 1]);
    }

    private static void line(GraphicsContext g, float[] v, Color color, double max, double left, double top,
                             double plotW, double plotH) {
        if (v.length < 2) {
            return;
        }
        g.setStroke(color);
        g.setLineWidth(1.5);
        g.beginPath();
        for (int i = 0; i < v.length; i++) {
            double x = left + plotW * i / (v.length - 1);
            double y = top + plotH * (1 - v[i] / max);
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
    }
}
