package studio.backprop.ui.training;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;

/** Where the Playground drawing puts each neuron's thumbnail, and which weight line or neuron a point hits. */
final class NetworkLayout {

    /** The side of a neuron's heatmap and the gap between two, when there is room for them. */
    static final double THUMB = 36;
    static final double GAP = 9;
    /** The smallest heatmap side: below it the column no longer shrinks to fit the height. */
    static final double MIN_THUMB = 14;
    static final double HEADER = 44;
    static final double LEFT = 34;
    static final double RIGHT = 30;
    static final double BOTTOM = 10;
    private static final double LINE_HIT = 4;

    /** What the pointer is over: a neuron (to = -1), or the weight from neuron {@code from} to {@code to}. */
    record Hit(int column, int from, int to) {
        boolean line() {
            return to >= 0;
        }
    }

    private final List<NeuronColumn> columns;
    private final double width;
    private final double height;
    private final double thumb;
    private final double gap;

    private final double header;
    private final double left;

    /**
     * A layout for {@code width × height} with the headers and input labels {@code typeScale} times their size;
     * when the tallest column does not fit, heatmaps and gaps shrink.
     */
    NetworkLayout(List<NeuronColumn> columns, double width, double height, double typeScale) {
        this.columns = columns;
        this.width = width;
        this.height = height;
        this.header = HEADER * typeScale;
        this.left = LEFT * typeScale;
        int most = columns.stream().mapToInt(NeuronColumn::units).max().orElse(1);
        double needed = most * THUMB + (most - 1) * GAP;
        double k = Math.min(1, Math.max(MIN_THUMB / THUMB, (height - header - BOTTOM) / needed));
        this.thumb = THUMB * k;
        this.gap = GAP * k;
    }

    /** The side of a heatmap in this layout. */
    double thumb() {
        return thumb;
    }

    double centerX(int column) {
        double span = width - left - RIGHT - thumb;
        return left + thumb / 2 + (columns.size() == 1 ? 0 : column * span / (columns.size() - 1));
    }

    double centerY(int column, int unit) {
        int units = columns.get(column).units();
        double total = units * thumb + (units - 1) * gap;
        double top = header + Math.max(0, (height - header - BOTTOM - total) / 2);
        return top + unit * (thumb + gap) + thumb / 2;
    }

    Rectangle2D box(int column, int unit) {
        return new Rectangle2D(centerX(column) - thumb / 2, centerY(column, unit) - thumb / 2, thumb, thumb);
    }

    Point2D lineStart(int column, int from) {
        return new Point2D(centerX(column - 1) + thumb / 2, centerY(column - 1, from));
    }

    Point2D lineEnd(int column, int to) {
        return new Point2D(centerX(column) - thumb / 2, centerY(column, to));
    }

    /** The point a fraction {@code t} of the way along a weight line. */
    Point2D linePoint(int column, int from, int to, double t) {
        Point2D a = lineStart(column, from);
        return a.add(lineEnd(column, to).subtract(a).multiply(t));
    }

    /** The preferred height for the tallest column. */
    static double preferredHeight(List<NeuronColumn> columns) {
        int most = columns.stream().mapToInt(NeuronColumn::units).max().orElse(1);
        return HEADER + most * THUMB + (most - 1) * GAP + BOTTOM + 8;
    }

    /** The neuron under (x, y), else the nearest weight line within a few pixels, else null. */
    Hit hit(double x, double y) {
        for (int c = 0; c < columns.size(); c++) {
            for (int u = 0; u < columns.get(c).units(); u++) {
                if (box(c, u).contains(x, y)) {
                    return new Hit(c, u, -1);
                }
            }
        }
        Hit best = null;
        double bestDistance = LINE_HIT;
        for (int c = 1; c < columns.size(); c++) {
            if (x < centerX(c - 1) || x > centerX(c)) {
                continue;
            }
            for (int from = 0; from < columns.get(c - 1).units(); from++) {
                for (int to = 0; to < columns.get(c).units(); to++) {
                    double d = distance(lineStart(c, from), lineEnd(c, to), x, y);
                    if (d <= bestDistance) {
                        bestDistance = d;
                        best = new Hit(c, from, to);
                    }
                }
            }
        }
        return best;
    }

    private static double distance(Point2D a, Point2D b, double x, double y) {
        Point2D ab = b.subtract(a);
        double t = Math.max(0, Math.min(1, new Point2D(x, y).subtract(a).dotProduct(ab) / ab.dotProduct(ab)));
        return a.add(ab.multiply(t)).distance(x, y);
    }
}
