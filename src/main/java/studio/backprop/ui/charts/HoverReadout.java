package studio.backprop.ui.charts;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * The read-out under the mouse: a vertical line at the mouse, a dot on each series at its nearest point, and a box
 * with the x value and every series' value there. Each series is looked up in O(1) (its points are evenly spaced).
 */
final class HoverReadout {

    private HoverReadout() {
    }

    /** The lines of the read-out at data x {@code xv}, first the x value: "epoch 3.5", "train loss  0.2". */
    static List<String> lines(ChartModel m, double xv) {
        List<String> lines = new ArrayList<>();
        lines.add(m.xLabel() + " " + ChartPainter.value(xv, false));
        for (ChartSeries s : m.series()) {
            int i = s.nearest(xv);
            if (i >= 0) {
                lines.add(s.name() + "  " + ChartPainter.value(s.values().get(i), m.percent()));
            }
        }
        return lines;
    }

    static void paint(GraphicsContext g, ChartPainter.Plot p, ChartModel m, AxisScale x, AxisScale y, double hoverX,
                      ChartPainter.Style st, ChartPainter painter) {
        double k = st.k();
        double xv = x.fromPixel(hoverX, p.left(), p.right());
        g.setLineDashes();
        g.setLineWidth(k);
        g.setStroke(st.palette().axis());
        g.strokeLine(Math.floor(hoverX) + 0.5, p.top(), Math.floor(hoverX) + 0.5, p.bottom());
        double below = 0;
        for (ChartSeries s : m.series()) {
            int i = s.nearest(xv);
            if (i < 0) {
                continue;
            }
            double px = x.toPixel(s.x(i), p.left(), p.right());
            double py = y.toPixel(s.values().get(i), p.bottom(), p.top());
            if (!Double.isNaN(py) && py >= p.top() - 1 && py <= p.bottom() + 1) {
                g.setFill(st.palette().color(s));
                double r = 3.5 * k;
                g.fillOval(px - r, py - r, 2 * r, 2 * r);
                below += py > (p.top() + p.bottom()) / 2 ? 1 : -1;
            }
        }
        box(g, p, lines(m, xv), hoverX, below > 0, st, painter);
    }

    /** The box beside the mouse's line, at the top when the points it reads are mostly low (not to hide them). */
    private static void box(GraphicsContext g, ChartPainter.Plot p, List<String> lines, double hoverX, boolean atTop,
                            ChartPainter.Style st, ChartPainter painter) {
        double k = st.k();
        double w = lines.stream().mapToDouble(t -> painter.width(t, st.label())).max().orElse(0) + 12 * k;
        double row = 11 * k * 1.45;
        double h = row * lines.size() + 8 * k;
        double bx = hoverX + 10 * k + w > p.right() ? hoverX - 10 * k - w : hoverX + 10 * k;
        double by = atTop ? p.top() + 8 * k : p.bottom() - h - 8 * k;
        g.setFill(st.palette().background());
        g.fillRect(bx, by, w, h);
        g.setStroke(st.palette().grid());
        g.strokeRect(bx + 0.5, by + 0.5, w - 1, h - 1);
        g.setFont(st.label());
        g.setFill(st.palette().text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < lines.size(); i++) {
            g.fillText(lines.get(i), bx + 6 * k, by + 4 * k + row * i);
        }
    }
}
