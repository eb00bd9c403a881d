package studio.backprop.ui.lessons.sequence;

import java.util.Locale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The one-unit RNN unrolled over its steps: for each t a column x_t → h_t → y_t, the state arrow h_{t−1} → h_t
 * labelled with w_h, and the numbers of that step (z_t, h_t, y_t) written on the boxes.
 */
final class UnrolledRnnView extends LessonCanvas {

    private SequenceLessons.Unrolled values;

    UnrolledRnnView() {
        super("unrolled-rnn", 620, 300);
    }

    void show(SequenceLessons.Unrolled u) {
        values = u;
        redraw();
    }

    @Override
    void paint(GraphicsContext g, double w, double h) {
        if (values == null) {
            return;
        }
        SequenceLessons.Unrolled u = values;
        g.setFill(ink());
        left(g, String.format(Locale.ROOT, "h_t = σ(%.2f·x_t %s·h_(t−1) %s),   y_t = %.2f·h_t %s,   h_0 = 0",
                u.wx(), signed(u.wh()), signed(u.b()), u.wy(), signed(u.c())), 6, 12, 13);
        int steps = u.x().length;
        double colW = (w - 80) / steps;
        double yRow = 60;
        double hRow = h / 2 + 10;
        double xRow = h - 40;
        double box = Math.min(colW * 0.6, 110);
        double h0x = 40;
        drawBox(g, h0x, hRow, 50, "h_0", "0", Color.gray(0.85));
        for (int t = 0; t < steps; t++) {
            double cx = 80 + colW * (t + 0.5);
            drawArrow(g, cx, xRow - 16, cx, hRow + 24);
            drawArrow(g, cx, hRow - 24, cx, yRow + 16);
            double fromX = t == 0 ? h0x + 25 : 80 + colW * (t - 0.5) + box / 2;
            drawArrow(g, fromX, hRow, cx - box / 2, hRow);
            g.setFill(faint());
            centred(g, String.format(Locale.ROOT, "w_h = %.2f", u.wh()), (fromX + cx - box / 2) / 2, hRow - 12, 10);
            drawBox(g, cx, xRow, box, "x_" + (t + 1), fmt(u.x()[t]), Color.rgb(222, 235, 247));
            drawBox(g, cx, hRow, box, "h_" + (t + 1), fmt(u.h()[t]), Color.rgb(254, 224, 210));
            drawBox(g, cx, yRow, box, "y_" + (t + 1), fmt(u.y()[t]), Color.rgb(229, 245, 224));
            g.setFill(faint());
            left(g, "z_" + (t + 1) + " = " + fmt(u.z()[t]), cx + 8, hRow + 40, 10);
        }
    }

    private void drawBox(GraphicsContext g, double cx, double cy, double width, String name, String value,
                         Color fill) {
        g.setFill(fill);
        g.fillRoundRect(cx - width / 2, cy - 16, width, 32, 8, 8);
        g.setStroke(Color.gray(0.35));
        g.setLineWidth(1);
        g.strokeRoundRect(cx - width / 2, cy - 16, width, 32, 8, 8);
        g.setFill(Color.gray(0.1));
        centred(g, name + " = " + value, cx, cy, 12);
    }

    private void drawArrow(GraphicsContext g, double x1, double y1, double x2, double y2) {
        g.setStroke(faint());
        g.setLineWidth(1.5);
        g.strokeLine(x1, y1, x2, y2);
        double a = Math.atan2(y2 - y1, x2 - x1);
        g.strokeLine(x2, y2, x2 - 7 * Math.cos(a - 0.4), y2 - 7 * Math.sin(a - 0.4));
        g.strokeLine(x2, y2, x2 - 7 * Math.cos(a + 0.4), y2 - 7 * Math.sin(a + 0.4));
    }

    /** "+ 0.10" or "− 1.00", to follow a term. */
    private static String signed(double v) {
        return String.format(Locale.ROOT, "%s %.2f", v < 0 ? "−" : "+", Math.abs(v));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
