package studio.backprop.ui.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * Where a chart's legend goes, and its drawing. A legend must not hide a curve nor be cut by the chart's edge, so
 * the places are tried in this order and the first that fits is taken:
 * <ol>
 * <li>a corner inside the plot that covers no data, with each series' latest value, then with names alone;</li>
 * <li>the title's row, right of the title (outside the plot, costing it nothing);</li>
 * <li>rows between the title and the plot (the plot gets shorter), as long as the plot keeps half of its
 * height;</li>
 * <li>a column right of the plot, the plot giving up some width;</li>
 * <li>only in a chart too small for all of these: the corner that covers the least data, with names alone, kept
 * inside the chart.</li>
 * </ol>
 * Names alone are shortened by the words the title already says ("train loss" in the Loss chart reads "train").
 */
final class ChartLegend {

    /** The least share of its height the plot keeps when the legend takes rows above it. */
    private static final double KEEP_HEIGHT = 0.5;
    /** The least share of its width the plot keeps when the legend takes a column beside it. */
    private static final double KEEP_WIDTH = 0.5;

    /** Where the legend was put: its box, the texts, how many per row, and the plot that remains. */
    record Placement(Rectangle2D box, List<String> texts, int perRow, double entryWidth, boolean inside,
                     ChartPainter.Plot plot) {
    }

    private final ChartPainter painter;

    ChartLegend(ChartPainter painter) {
        this.painter = painter;
    }

    /**
     * Chooses the legend's place for the series with points.
     *
     * @param plot       the plot with no legend outside it
     * @param titleRight x where the title ends, in the title's row
     * @param w          the chart's width
     * @return null when no series has a point yet
     */
    Placement place(ChartPainter.Plot plot, double titleRight, double w, ChartModel m, ChartPainter.Style st,
                    Map<String, Envelope> envelopes, AxisScale x, AxisScale y) {
        List<ChartSeries> shown = shown(m);
        if (shown.isEmpty()) {
            return null;
        }
        double k = st.k();
        List<String> full = shown.stream().map(s -> s.name() + (s.role() == SeriesRole.RATE_FUTURE ? ""
                : "  " + ChartPainter.value(s.values().last(), m.percent()))).toList();
        String common = commonRunPrefix(shown);
        List<String> names = shown.stream().map(s -> s.overlaid() ? s.name().substring(common.length())
                : shortName(s.name(), m.title())).toList();
        for (List<String> texts : List.of(full, names)) {
            double boxW = entryWidth(texts, st);
            double boxH = rowHeight(st) * texts.size() + 6 * k;
            if (boxW + 12 * k <= plot.width() && boxH + 12 * k <= plot.bottom() - plot.top()) {
                for (Rectangle2D corner : corners(plot, boxW, boxH, k)) {
                    if (!covers(corner, plot, m, envelopes, x, y, k)) {
                        return new Placement(corner, texts, 1, boxW, true, plot);
                    }
                }
            }
        }
        double gap = 12 * k;
        for (List<String> texts : List.of(full, names)) {
            double entryW = entryWidth(texts, st);
            double rowW = entryW * texts.size();
            if (titleRight + gap + rowW <= w - 8 * k) {
                Rectangle2D box = new Rectangle2D(w - 8 * k - rowW, 8 * k, rowW, rowHeight(st) + 6 * k);
                return new Placement(box, texts, texts.size(), entryW, false, plot);
            }
        }
        double entryW = entryWidth(names, st);
        int perRow = (int) Math.max(1, Math.min(names.size(), Math.floor((w - 16 * k) / entryW)));
        int rows = (names.size() + perRow - 1) / perRow;
        double bandH = rows * rowHeight(st) + 6 * k;
        double height = plot.bottom() - plot.top();
        if (perRow * entryW <= w - 16 * k && height - bandH - 2 * k >= KEEP_HEIGHT * height) {
            Rectangle2D box = new Rectangle2D(8 * k, plot.top() - 4 * k, perRow * entryW, bandH);
            ChartPainter.Plot lower = new ChartPainter.Plot(plot.left(), plot.top() + bandH + 2 * k, plot.right(),
                    plot.bottom());
            return new Placement(box, names, perRow, entryW, false, lower);
        }
        // a column right of the plot, which gives up some of its width instead of its height
        double columnH = rowHeight(st) * names.size() + 6 * k;
        if (plot.width() - entryW - gap >= KEEP_WIDTH * plot.width() && columnH <= plot.bottom() - plot.top()) {
            Rectangle2D box = new Rectangle2D(plot.right() - entryW, plot.top(), entryW, columnH);
            ChartPainter.Plot narrower = new ChartPainter.Plot(plot.left(), plot.top(), plot.right() - entryW - gap,
                    plot.bottom());
            return new Placement(box, names, 1, entryW, false, narrower);
        }
        return leastCovered(plot, names, entryW, m, st, envelopes, x, y);
    }

    private Placement leastCovered(ChartPainter.Plot plot, List<String> names, double entryW, ChartModel m,
                                   ChartPainter.Style st, Map<String, Envelope> envelopes, AxisScale x,
                                   AxisScale y) {
        double k = st.k();
        double boxW = Math.min(entryW, plot.width() - 4 * k);
        double boxH = Math.min(rowHeight(st) * names.size() + 6 * k, plot.bottom() - plot.top());
        Rectangle2D best = null;
        double fewest = Double.MAX_VALUE;
        for (Rectangle2D corner : corners(plot, boxW, boxH, k)) {
            double covered = coveredColumns(corner, plot, m, envelopes, y);
            if (covered < fewest) {
                fewest = covered;
                best = corner;
            }
        }
        return new Placement(best, names, 1, boxW, true, plot);
    }

    /** The four inside corners, in the order they are preferred: top right, bottom right, top left, bottom left. */
    private static List<Rectangle2D> corners(ChartPainter.Plot p, double w, double h, double k) {
        double m = 6 * k;
        double left = Math.max(p.left() + 2, p.left() + m);
        double right = Math.max(left, p.right() - m - w);
        double top = p.top() + m;
        double bottom = Math.max(top, p.bottom() - m - h);
        return List.of(new Rectangle2D(right, top, w, h), new Rectangle2D(right, bottom, w, h),
                new Rectangle2D(left, top, w, h), new Rectangle2D(left, bottom, w, h));
    }

    /**
     * True when a drawn curve passes through {@code box}: for series drawn point by point, any segment between
     * consecutive points (or a lone point's marker); for long series, any pixel column's span of values.
     */
    static boolean covers(Rectangle2D box, ChartPainter.Plot p, ChartModel m, Map<String, Envelope> envelopes,
                          AxisScale x, AxisScale y, double k) {
        Rectangle2D grown = new Rectangle2D(box.getMinX() - 2 * k, box.getMinY() - 2 * k, box.getWidth() + 4 * k,
                box.getHeight() + 4 * k);
        for (ChartSeries s : m.series()) {
            Envelope e = envelopes.get(s.name());
            if (e == null || s.values().size() == 0) {
                continue;
            }
            if (s.values().size() <= e.columns()) {
                if (segmentsCross(grown, s, p, x, y)) {
                    return true;
                }
            } else if (coveredColumns(grown, p, e, y) > 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean segmentsCross(Rectangle2D r, ChartSeries s, ChartPainter.Plot p, AxisScale x,
                                         AxisScale y) {
        double[] previous = null;
        for (int i = 0; i < s.values().size(); i++) {
            double py = y.toPixel(s.values().get(i), p.bottom(), p.top());
            if (Double.isNaN(py)) {
                previous = null;
                continue;
            }
            double[] point = {x.toPixel(s.x(i), p.left(), p.right()), py};
            if (r.contains(point[0], point[1]) || previous != null && crosses(r, previous, point)) {
                return true;
            }
            previous = point;
        }
        return false;
    }

    /** Whether the segment a–b passes through the rectangle (clipped against it, Liang–Barsky). */
    private static boolean crosses(Rectangle2D r, double[] a, double[] b) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {a[0] - r.getMinX(), r.getMaxX() - a[0], a[1] - r.getMinY(), r.getMaxY() - a[1]};
        double t0 = 0;
        double t1 = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return false;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        return t0 <= t1;
    }

    private static double coveredColumns(Rectangle2D r, ChartPainter.Plot p, ChartModel m,
                                         Map<String, Envelope> envelopes, AxisScale y) {
        double n = 0;
        for (ChartSeries s : m.series()) {
            Envelope e = envelopes.get(s.name());
            if (e != null) {
                n += coveredColumns(r, p, e, y);
            }
        }
        return n;
    }

    /** How many pixel columns of the envelope have values inside the rectangle's rows. */
    private static int coveredColumns(Rectangle2D r, ChartPainter.Plot p, Envelope e, AxisScale y) {
        int n = 0;
        int from = Math.max(0, (int) Math.floor(r.getMinX() - p.left()));
        int to = Math.min(e.columns(), (int) Math.ceil(r.getMaxX() - p.left()));
        for (int c = from; c < to; c++) {
            if (e.count(c) > 0) {
                double top = y.toPixel(e.max(c), p.bottom(), p.top());
                double bottom = y.toPixel(y.log() ? e.minPositive(c) : e.min(c), p.bottom(), p.top());
                if (top <= r.getMaxY() && bottom >= r.getMinY()) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Draws the legend where {@link #place} put it. */
    void draw(GraphicsContext g, Placement at, ChartModel m, ChartPainter.Style st) {
        double k = st.k();
        List<ChartSeries> shown = shown(m);
        g.setFont(st.label());
        g.setFill(st.palette().background().deriveColor(0, 1, 1, 0.85));
        g.fillRect(at.box().getMinX(), at.box().getMinY(), at.box().getWidth(), at.box().getHeight());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < shown.size(); i++) {
            double x0 = at.box().getMinX() + (i % at.perRow()) * at.entryWidth();
            double cy = at.box().getMinY() + 3 * k + rowHeight(st) * (i / at.perRow() + 0.5);
            ChartPainter.lineStyle(g, shown.get(i), st);
            if (shown.get(i).role() == SeriesRole.STEP && !shown.get(i).overlaid()) {
                g.setStroke(st.palette().color(SeriesRole.STEP).deriveColor(0, 1, 1, 0.5));
                g.setLineWidth(2 * k);
            }
            g.strokeLine(x0 + 6 * k, cy, x0 + 24 * k, cy);
            g.setFill(st.palette().text());
            g.fillText(fitted(at.texts().get(i), at.entryWidth() - 34 * k, st), x0 + 28 * k, cy);
        }
        g.setLineDashes();
    }

    /** The text, ended with "…" where it must be cut to fit (only in the last-resort place). */
    private String fitted(String text, double room, ChartPainter.Style st) {
        if (painter.width(text, st.label()) <= room + 0.5) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && painter.width(cut + "…", st.label()) > room) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    private double entryWidth(List<String> texts, ChartPainter.Style st) {
        return texts.stream().mapToDouble(t -> painter.width(t, st.label())).max().orElse(0) + 34 * st.k();
    }

    private static double rowHeight(ChartPainter.Style st) {
        return 11 * st.k() * 1.5;
    }

    private static List<ChartSeries> shown(ChartModel m) {
        return m.series().stream().filter(s -> s.values().size() > 0).toList();
    }

    /**
     * The words all kept runs' names begin with, up to and including a " · " ("xor · " of "xor · adam η=0.01" and
     * "xor · sgd η=0.1"): names alone leave it out, so that many runs fit. Empty unless two or more runs are shown.
     */
    static String commonRunPrefix(List<ChartSeries> shown) {
        List<String> runs = shown.stream().filter(ChartSeries::overlaid).map(ChartSeries::name).toList();
        if (runs.size() < 2) {
            return "";
        }
        String prefix = runs.get(0);
        for (String name : runs) {
            int n = 0;
            while (n < Math.min(prefix.length(), name.length()) && prefix.charAt(n) == name.charAt(n)) {
                n++;
            }
            prefix = prefix.substring(0, n);
        }
        int cut = prefix.lastIndexOf(" · ");
        if (cut < 0) {
            return "";
        }
        String candidate = prefix.substring(0, cut + 3);
        // a name that would be left empty keeps the whole prefix
        return runs.stream().anyMatch(r -> r.length() == candidate.length()) ? "" : candidate;
    }

    /** "train loss" in the chart titled "Loss" reads "train"; a name made only of the title's words stays whole. */
    static String shortName(String name, String title) {
        List<String> titleWords = Arrays.asList(title.toLowerCase(Locale.ROOT).split("\\s+"));
        List<String> kept = new ArrayList<>();
        for (String word : name.split("\\s+")) {
            if (!titleWords.contains(word.toLowerCase(Locale.ROOT))) {
                kept.add(word);
            }
        }
        return kept.isEmpty() ? name : String.join(" ", kept);
    }
}
