package studio.backprop.ui.lessons.sequence;

import java.util.Locale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * ‖∂L/∂h_t‖ against the time step t on a logarithmic axis, one line per recurrent weight w: flat for w = 1,
 * falling towards early steps for w &lt; 1 (vanishing), rising for w &gt; 1 (exploding). Beside each line, the
 * whole gradient's norm and what clipping by norm makes of it.
 */
final class GradientFlowChart extends LessonCanvas {

    private static final Color[] LINES = {Color.rgb(33, 102, 172), Color.rgb(103, 169, 207), Color.rgb(90, 90, 90),
        Color.rgb(239, 138, 98), Color.rgb(178, 24, 43)};

    private SequenceLessons.GradientFlow flow;

    GradientFlowChart() {
        super("gradient-per-step", 620, 300);
    }

    void show(SequenceLessons.GradientFlow newFlow) {
        flow = newFlow;
        redraw();
    }

    @Override
    void paint(GraphicsContext g, double w, double h) {
        g.setFill(ink());
        left(g, "‖∂L/∂h_t‖ per time step (log scale), L = Σ h_T, linear state, recurrent weight w·I", 6, 12, 13);
        if (flow == null) {
            return;
        }
        double left = 56;
        double right = w - 230;
        double top = 34;
        double bottom = h - 30;
        int steps = flow.perStep()[0].length;
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (double[] line : flow.perStep()) {
            for (double v : line) {
                double l = Math.log10(Math.max(v, 1e-12));
                lo = Math.min(lo, l);
                hi = Math.max(hi, l);
            }
        }
        lo = Math.floor(lo);
        hi = Math.max(lo + 1, Math.ceil(hi));
        g.setStroke(faint());
        g.setLineWidth(1);
        g.strokeLine(left, top, left, bottom);
        g.strokeLine(left, bottom, right, bottom);
        for (int e = (int) lo; e <= hi; e++) {
            double y = bottom - (e - lo) / (hi - lo) * (bottom - top);
            g.setFill(ink());
            left(g, "1e" + e, 8, y, 10);
            g.setStroke(faint().deriveColor(0, 1, 1, 0.3));
            g.strokeLine(left, y, right, y);
        }
        for (int t = 0; t < steps; t++) {
            g.setFill(ink());
            centred(g, "t" + (t + 1), x(t, steps, left, right), bottom + 12, 10);
        }
        for (int k = 0; k < flow.weights().length; k++) {
            g.setStroke(LINES[k % LINES.length]);
            g.setLineWidth(2);
            double[] line = flow.perStep()[k];
            for (int t = 1; t < steps; t++) {
                g.strokeLine(x(t - 1, steps, left, right), y(line[t - 1], lo, hi, top, bottom),
                        x(t, steps, left, right), y(line[t], lo, hi, top, bottom));
            }
            double total = flow.totalNorm()[k];
            double clipped = Math.min(total, flow.clipNorm());
            g.setFill(LINES[k % LINES.length]);
            left(g, String.format(Locale.ROOT, "w = %.2f   ‖∇U‖ = %.3g → %.3g", flow.weights()[k], total, clipped),
                    right + 14, top + 10 + 20 * k, 12);
        }
        g.setFill(ink());
        left(g, String.format(Locale.ROOT, "clipped to norm %.3g", flow.clipNorm()), right + 14,
                top + 20 + 20 * flow.weights().length, 12);
    }

    private static double x(int t, int steps, double left, double right) {
        return left + (right - left) * (steps == 1 ? 0.5 : (double) t / (steps - 1));
    }

    private static double y(double v, double lo, double hi, double top, double bottom) {
        double l = Math.log10(Math.max(v, 1e-12));
        return bottom - (l - lo) / (hi - lo) * (bottom - top);
    }
}
