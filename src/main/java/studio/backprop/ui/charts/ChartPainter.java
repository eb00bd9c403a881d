package studio.backprop.ui.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link ChartModel} onto a canvas: grid, tick labels, the series (from their per-column envelopes, so at
 * most four vertices per pixel column), the legend and the hover read-out.
 *
 * <p>Thread: the JavaFX application thread.
 */
final class ChartPainter {

    /** The plot area inside the canvas. */
    record Plot(double left, double top, double right, double bottom) {
        double width() {
            return right - left;
        }
    }

    private final Text measure = new Text();
    private final ChartLegend legend = new ChartLegend(this);
    private int vertices;
    private ChartLayout layout;

    /** Style of one painting: size factor (presenter mode) and colours. */
    record Style(double k, ChartPalette palette) {
        Font label() {
            return Font.font("System", 11 * k);
        }

        Font title() {
            return Font.font("System", FontWeight.BOLD, 13 * k);
        }
    }

    /**
     * Paints the whole chart.
     *
     * @param hoverX the mouse's x in the canvas, or NaN
     * @return the vertices of all series lines drawn (bounded by four per pixel column per series)
     */
    /** Suffix of the envelope keys for a plot narrowed by a legend beside it. */
    private static final String NARROW = "\u0000beside";

    int paint(GraphicsContext g, double w, double h, ChartModel m, Map<String, Envelope> envelopes, boolean log,
              Style st, double hoverX) {
        vertices = 0;
        layout = null;
        g.clearRect(0, 0, w, h);
        Rectangle2D title = title(g, m.title() + (log ? "  (log scale)" : ""), w, st);
        Plot base = plot(w, h, st);
        if (base.width() < 10 || base.bottom() - base.top() < 10) {
            return 0;
        }
        int columns = (int) Math.floor(base.width());
        AxisScale x = AxisScale.fromZero(m.xMax());
        for (ChartSeries s : m.series()) {
            envelopes.computeIfAbsent(s.name(), n -> new Envelope()).update(s.values(), s.x0(), s.dx(), x.lo(),
                    x.hi(), columns);
        }
        double[] range = yRange(m, envelopes, log);
        AxisScale y = !log && m.unitRange() ? new AxisScale(0, 1, false) : AxisScale.fit(range[0], range[1], log);
        ChartLegend.Placement legendAt = legend.place(base, title.getMaxX(), w, m, st, envelopes, x, y);
        Plot p = legendAt == null ? base : legendAt.plot();
        Map<String, Envelope> drawn = envelopes;
        if (Math.floor(p.width()) != columns) {
            // the legend took a column beside the plot: envelopes of the narrower plot's pixel columns, kept apart
            // so that neither set is scanned again from the start on every frame
            drawn = new java.util.HashMap<>();
            for (ChartSeries s : m.series()) {
                Envelope e = envelopes.computeIfAbsent(s.name() + NARROW, n -> new Envelope());
                e.update(s.values(), s.x0(), s.dx(), x.lo(), x.hi(), (int) Math.floor(p.width()));
                drawn.put(s.name(), e);
            }
        }
        axes(g, p, x, y, m, st);
        boolean drawable = !Double.isNaN(range[1]);
        g.save();
        g.beginPath();
        g.rect(p.left(), p.top() - 2, p.width() + 2, p.bottom() - p.top() + 4);
        g.clip();
        for (ChartSeries s : m.series()) {
            drawSeries(g, s, drawn.get(s.name()), x, y, p, st);
        }
        g.restore();
        if (!drawable) {
            placeholder(g, p, st, m.empty() || !log ? m.placeholder() : "Nothing above zero to show on a log scale");
        }
        if (legendAt != null) {
            legend.draw(g, legendAt, m, st);
        }
        layout = new ChartLayout(title, legendAt == null ? null : legendAt.box(),
                new Rectangle2D(p.left(), p.top(), p.width(), p.bottom() - p.top()),
                legendAt != null && legendAt.inside(),
                legendAt != null && ChartLegend.covers(legendAt.box(), p, m, drawn, x, y, 0));
        if (!Double.isNaN(hoverX) && hoverX >= p.left() && hoverX <= p.right() && !m.empty()) {
            HoverReadout.paint(g, p, m, x, y, hoverX, st, this);
        }
        return vertices;
    }

    /**
     * Draws the title at the top left, in the title font when it fits the chart's width, smaller (down to the
     * label size) when not, and cut with "…" only when even that is too wide.
     *
     * @return the title's box
     */
    private Rectangle2D title(GraphicsContext g, String text, double w, Style st) {
        double pad = 8 * st.k();
        double room = Math.max(10, w - 2 * pad);
        Font font = st.title();
        while (width(text, font) > room && font.getSize() > st.label().getSize()) {
            font = Font.font(font.getFamily(), FontWeight.BOLD, Math.max(st.label().getSize(), font.getSize() - 1));
        }
        String shown = text;
        while (shown.length() > 1 && width(shown, font) > room) {
            shown = shown.substring(0, shown.length() - 2) + "…";
        }
        g.setFont(font);
        g.setFill(st.palette().text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(shown, pad, pad);
        return new Rectangle2D(pad, pad, width(shown, font), font.getSize() * 1.3);
    }

    /** Where the last paint put the title, the legend and the plot (for layout checks); null before a paint. */
    ChartLayout layout() {
        return layout;
    }

    Plot plot(double w, double h, Style st) {
        double k = st.k();
        double pad = 8 * k;
        double fs = 11 * k;
        double left = pad + width("-0.0000", st.label()) + 6 * k;
        // one row below the plot: the tick labels, with the axis' name at its right end
        return new Plot(left, pad + 13 * k * 1.5 + 4 * k, w - pad - 4 * k, h - pad - fs * 1.5);
    }

    /** Lowest and highest value drawn (lowest positive on a log axis), NaN when nothing is drawable. */
    private static double[] yRange(ChartModel m, Map<String, Envelope> envelopes, boolean log) {
        double lo = Double.NaN;
        double hi = Double.NaN;
        for (ChartSeries s : m.series()) {
            Envelope e = envelopes.get(s.name());
            for (int c = 0; c < e.columns(); c++) {
                if (e.count(c) == 0) {
                    continue;
                }
                double a = log ? e.minPositive(c) : e.min(c);
                if (!Double.isNaN(a)) {
                    lo = Double.isNaN(lo) ? a : Math.min(lo, a);
                    hi = Double.isNaN(hi) ? e.max(c) : Math.max(hi, e.max(c));
                }
            }
        }
        return new double[] {lo, hi};
    }

    private void axes(GraphicsContext g, Plot p, AxisScale x, AxisScale y, ChartModel m, Style st) {
        double k = st.k();
        g.setFont(st.label());
        g.setLineWidth(Math.max(1, k * 0.8));
        g.setLineDashes();
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        // as many y ticks as the plot's height has room for, up to five
        int yTicks = (int) Math.max(2, Math.min(5, (p.bottom() - p.top()) / (st.label().getSize() * 1.6)));
        for (double t : y.ticks(yTicks)) {
            double py = snap(y.toPixel(t, p.bottom(), p.top()));
            gridLine(g, st, p.left(), py, p.right(), py);
            g.setFill(st.palette().text());
            g.fillText(AxisScale.label(t, m.percent()), p.left() - 5 * k, py);
        }
        g.setTextBaseline(VPos.TOP);
        int xTicks = Math.max(2, (int) (p.width() / (70 * k)));
        List<Double> ticks = x.ticks(xTicks);
        double nameLeft = axisName(g, p, x, ticks, m.xLabel(), st);
        g.setTextAlign(TextAlignment.CENTER);
        for (double t : ticks) {
            double px = snap(x.toPixel(t, p.left(), p.right()));
            gridLine(g, st, px, p.top(), px, p.bottom());
            String label = AxisScale.label(t, false);
            // a tick label that would run into the axis' name is left out (its grid line stays)
            if (px + width(label, st.label()) / 2 + 6 * k < nameLeft) {
                g.setFill(st.palette().text());
                g.fillText(label, px, p.bottom() + 4 * k);
            }
        }
        g.setStroke(st.palette().axis());
        g.strokeLine(snap(p.left()), p.top(), snap(p.left()), snap(p.bottom()));
        g.strokeLine(snap(p.left()), snap(p.bottom()), p.right(), snap(p.bottom()));
    }

    /**
     * Writes the x axis' name in the tick row: before the first tick label ("epoch  0   50") when the left margin
     * has room for it, otherwise at the row's right end.
     *
     * @return where the name begins, for the tick labels to keep clear of it (infinity when it is on the left)
     */
    private double axisName(GraphicsContext g, Plot p, AxisScale x, List<Double> ticks, String name, Style st) {
        double k = st.k();
        double nameW = width(name, st.label());
        double firstLeft = ticks.isEmpty() ? p.left() : x.toPixel(ticks.get(0), p.left(), p.right())
                - width(AxisScale.label(ticks.get(0), false), st.label()) / 2;
        double right = Math.min(p.left(), firstLeft) - 6 * k;
        g.setFill(st.palette().axis());
        g.setTextAlign(TextAlignment.RIGHT);
        if (right - nameW >= 4 * k) {
            g.fillText(name, right, p.bottom() + 4 * k);
            return Double.POSITIVE_INFINITY;
        }
        g.fillText(name, p.right(), p.bottom() + 4 * k);
        return p.right() - nameW;
    }

    private static void gridLine(GraphicsContext g, Style st, double x1, double y1, double x2, double y2) {
        g.setStroke(st.palette().grid());
        g.strokeLine(x1, y1, x2, y2);
    }

    private static double snap(double v) {
        return Math.floor(v) + 0.5;
    }

    /**
     * Stroke colour, width and dashes of a series. A kept run's series is drawn in its run's colour: per-epoch
     * training values solid, validation values dashed, per-step values thin.
     */
    static void lineStyle(GraphicsContext g, ChartSeries s, Style st) {
        if (!s.overlaid()) {
            lineStyle(g, s.role(), st);
            return;
        }
        double k = st.k();
        g.setStroke(st.palette().run(s.ink()));
        g.setLineWidth(s.role() == SeriesRole.STEP ? 1.2 * k : 2 * k);
        if (s.role() == SeriesRole.VALIDATION) {
            g.setLineDashes(7 * k, 4 * k);
        } else {
            g.setLineDashes();
        }
    }

    /** Stroke colour, width and dashes of a series of the current run. */
    static void lineStyle(GraphicsContext g, SeriesRole role, Style st) {
        Color c = st.palette().color(role);
        double k = st.k();
        g.setStroke(role == SeriesRole.STEP ? c.deriveColor(0, 1, 1, 0.35) : c);
        g.setLineWidth(role == SeriesRole.STEP ? k : 2 * k);
        if (role == SeriesRole.RATE_FUTURE) {
            g.setLineDashes(6 * k, 4 * k);
        } else {
            g.setLineDashes();
        }
    }

    private void drawSeries(GraphicsContext g, ChartSeries s, Envelope e, AxisScale x, AxisScale y, Plot p,
                            Style st) {
        lineStyle(g, s, st);
        g.beginPath();
        List<double[]> markers = new ArrayList<>();
        if (s.values().size() <= e.columns()) {
            drawPoints(g, s, x, y, p, markers);
        } else {
            drawEnvelope(g, e, y, p);
        }
        g.stroke();
        g.setLineDashes();
        if (s.role() != SeriesRole.STEP && markers.size() <= e.columns() / 8) {
            g.setFill(g.getStroke());
            double r = 2.5 * st.k();
            for (double[] m : markers) {
                g.fillOval(m[0] - r, m[1] - r, 2 * r, 2 * r);
            }
        }
    }

    /** Few points: each at its exact place, with a gap where a value cannot be drawn. */
    private void drawPoints(GraphicsContext g, ChartSeries s, AxisScale x, AxisScale y, Plot p,
                            List<double[]> markers) {
        float[] values = s.values().values();
        boolean pen = false;
        for (int i = 0; i < s.values().size(); i++) {
            double px = x.toPixel(s.x(i), p.left(), p.right());
            double py = y.toPixel(values[i], p.bottom(), p.top());
            if (Double.isNaN(py) || px > p.right() + 1) {
                pen = false;
                continue;
            }
            vertex(g, px, py, pen);
            pen = true;
            markers.add(new double[] {px, py});
        }
    }

    /** Many points: per pixel column its first, lowest, highest and last value. */
    private void drawEnvelope(GraphicsContext g, Envelope e, AxisScale y, Plot p) {
        boolean pen = false;
        boolean log = y.log();
        for (int c = 0; c < e.columns(); c++) {
            if (e.count(c) == 0) {
                continue;
            }
            float lo = log ? e.minPositive(c) : e.min(c);
            if (Float.isNaN(lo)) {
                pen = false;
                continue;
            }
            double px = p.left() + c + 0.5;
            float first = log && !(e.first(c) > 0) ? lo : e.first(c);
            float last = log && !(e.last(c) > 0) ? lo : e.last(c);
            vertex(g, px, y.toPixel(first, p.bottom(), p.top()), pen);
            pen = true;
            if (e.count(c) > 1) {
                vertex(g, px, y.toPixel(lo, p.bottom(), p.top()), true);
                vertex(g, px, y.toPixel(e.max(c), p.bottom(), p.top()), true);
                vertex(g, px, y.toPixel(last, p.bottom(), p.top()), true);
            }
        }
    }

    private void vertex(GraphicsContext g, double px, double py, boolean line) {
        if (line) {
            g.lineTo(px, py);
        } else {
            g.moveTo(px, py);
        }
        vertices++;
    }

    /** The text of an empty chart, centred in the plot and wrapped at spaces to the plot's width. */
    private void placeholder(GraphicsContext g, Plot p, Style st, String text) {
        g.setFont(st.label());
        g.setFill(st.palette().axis());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        double room = Math.max(20, p.right() - p.left() - 8);
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : text.split(" ")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && width(longer, st.label()) > room) {
                lines.add(line);
                line = word;
            } else {
                line = longer;
            }
        }
        lines.add(line);
        double lineHeight = st.label().getSize() * 1.3;
        // a small chart (large presenter type) keeps the lines that fit in the plot and ends with "…"
        int fit = Math.max(1, (int) ((p.bottom() - p.top()) / lineHeight));
        if (lines.size() > fit) {
            List<String> kept = new ArrayList<>(lines.subList(0, fit));
            kept.set(fit - 1, kept.get(fit - 1) + "…");
            lines = kept;
        }
        double y = (p.top() + p.bottom()) / 2 - (lines.size() - 1) * lineHeight / 2;
        g.save();
        g.beginPath();
        g.rect(p.left(), p.top(), p.right() - p.left(), p.bottom() - p.top());
        g.clip();
        for (String l : lines) {
            g.fillText(l, (p.left() + p.right()) / 2, y);
            y += lineHeight;
        }
        g.restore();
    }

    /** A value as the legend and read-out show it. */
    static String value(double v, boolean percent) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return percent ? String.format(Locale.ROOT, "%.1f%%", v * 100) : String.format(Locale.ROOT, "%.4g", v);
    }

    double width(String text, Font font) {
        measure.setFont(font);
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }
}
