package studio.backprop.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Draws {@link EdgeLabels} on their edges: each edge lit, its label on a white box at a point along the edge. The
 * point is the first of a few fractions of the edge's length (the middle first) where the box overlaps no unit, no
 * earlier label and stays inside the drawing, so crossing edges put their labels at different places. A label that
 * finds no free place is left out and counted (the formula panel and the table still have it).
 */
final class EdgeLabelPainter {

    /** Where along a level edge a label may sit, in the order tried (the middle first). */
    private static final double[] LEVEL = {0.5, 0.44, 0.56, 0.38, 0.62, 0.32, 0.68, 0.26, 0.74};
    /** Where along a sloping edge: away from the middle first, where edges between two layers cross. */
    private static final double[] SLOPING = {0.34, 0.66, 0.3, 0.7, 0.38, 0.62, 0.26, 0.74, 0.44, 0.56, 0.5};
    /** How far a label may sit above or below its point, as a share of its half height (the edge still crosses it). */
    private static final double[] SHIFTS = {0, -0.35, 0.35, -0.7, 0.7, -0.9, 0.9};
    /** Each labelled edge and its label's frame share a colour, so a label is matched to its edge at a glance. */
    private static final Color[] COLOURS = {Color.web("#1f6fb2"), Color.web("#c0392b"), Color.web("#2e8b57"),
        Color.web("#8e44ad"), Color.web("#d35400"), Color.web("#16a085"), Color.web("#7f6a00"),
        Color.web("#c2185b")};
    private static final Font FONT = Font.font(9);
    private static final double LINE = 10.5;

    /** A label drawn, and where. */
    record Placed(String text, Bounds box) {
    }

    private EdgeLabelPainter() {
    }

    /** Lights the labelled edges (drawn before the units, so the units stay on top). */
    static void light(GraphicsContext g, List<EdgeLabels.Label> labels, BiFunction<String, Integer, double[]> centre) {
        g.setLineWidth(1.8);
        for (int i = 0; i < labels.size(); i++) {
            EdgeLabels.Label l = labels.get(i);
            g.setStroke(COLOURS[i % COLOURS.length]);
            double[] p = centre.apply(l.from(), l.fromUnit());
            double[] q = centre.apply(l.to(), l.toUnit());
            if (p != null && q != null) {
                g.strokeLine(p[0], p[1], q[0], q[1]);
            }
        }
    }

    /**
     * Writes the labels of the edges on them.
     *
     * @param centre    the centre of a drawn unit (layer, unit), or null when it is folded away
     * @param circles   the units' circles (centre x, centre y, radius), which labels must not cover
     * @param obstacles what else labels must not cover (titles, folds, the numbers beside small units)
     * @param w         the drawing's width
     * @param h         the drawing's height
     * @return the labels drawn (the left-out ones are not in it)
     */
    static List<Placed> paint(GraphicsContext g, List<EdgeLabels.Label> labels,
                              BiFunction<String, Integer, double[]> centre, List<double[]> circles,
                              List<Bounds> obstacles, double w, double h) {
        List<double[][]> edges = new ArrayList<>();
        for (EdgeLabels.Label l : labels) {
            double[] p = centre.apply(l.from(), l.fromUnit());
            double[] q = centre.apply(l.to(), l.toUnit());
            edges.add(p == null || q == null ? null : new double[][] {p, q});
        }
        List<Bounds> taken = new ArrayList<>(obstacles);
        List<Placed> placed = new ArrayList<>();
        int left = 0;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            if (edges.get(i) != null) {
                order.add(i);
            }
        }
        // level edges take their middles first; sloping ones then find room away from where they cross
        order.sort(java.util.Comparator.comparingDouble(i -> slope(edges.get(i)[0], edges.get(i)[1])));
        for (int i : order) {
            // two lines ("old − step", "= new") where they fit, else three narrower ones
            String[] lines = lines(labels.get(i).text(), 2);
            Bounds box = place(edges.get(i)[0], edges.get(i)[1], width(lines), LINE * lines.length + 3, taken,
                    circles, w, h);
            if (box == null) {
                lines = lines(labels.get(i).text(), 3);
                box = place(edges.get(i)[0], edges.get(i)[1], width(lines), LINE * lines.length + 3, taken, circles,
                        w, h);
            }
            if (box == null) {
                left++;
                continue;
            }
            taken.add(box);
            placed.add(new Placed(labels.get(i).text(), box));
            g.setFill(Color.rgb(255, 255, 255, 0.94));
            g.fillRoundRect(box.getMinX(), box.getMinY(), box.getWidth(), box.getHeight(), 6, 6);
            g.setStroke(COLOURS[i % COLOURS.length]);
            g.setLineWidth(1.2);
            g.strokeRoundRect(box.getMinX(), box.getMinY(), box.getWidth(), box.getHeight(), 6, 6);
            g.setFill(Color.web("#173f66"));
            g.setFont(FONT);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            for (int k = 0; k < lines.length; k++) {
                g.fillText(lines[k], box.getMinX() + box.getWidth() / 2, box.getMinY() + 1.5 + LINE * (k + 0.5));
            }
        }
        if (left > 0) {
            g.setFill(Color.gray(0.35));
            g.setFont(FONT);
            g.setTextAlign(TextAlignment.LEFT);
            g.setFont(Font.font(9));
            g.setTextBaseline(VPos.TOP);
            // above the layer titles, clear of the unit counts at the bottom
            g.fillText(left + " edge label" + (left == 1 ? "" : "s") + " left out for room: the formula beside has "
                    + "every entry", 6, 1, w - 12);
        }
        return placed;
    }

    /**
     * "old − step = new" written as {@code count} short lines: "old − step", "= new" (two) or old, "− step", "= new"
     * (three); one line when it has no "=".
     */
    static String[] lines(String text, int count) {
        int eq = text.lastIndexOf(" = ");
        int op = Math.max(text.indexOf(" − "), text.indexOf(" + "));
        if (eq < 0 || op < 0 || op > eq) {
            return new String[] {text};
        }
        if (count == 2) {
            return new String[] {text.substring(0, eq), text.substring(eq + 1)};
        }
        return new String[] {text.substring(0, op), text.substring(op + 1, eq), text.substring(eq + 1)};
    }

    /** The first free box along the edge p → q (the edge always crossing it), or null. */
    private static Bounds place(double[] p, double[] q, double width, double height, List<Bounds> taken,
                                List<double[]> circles, double w, double h) {
        for (double t : slope(p, q) < 0.05 ? LEVEL : SLOPING) {
            for (double shift : SHIFTS) {
                double x = p[0] + t * (q[0] - p[0]);
                double y = p[1] + t * (q[1] - p[1]) + shift * (height / 2 - 2);
                Bounds box = new BoundingBox(x - width / 2, y - height / 2, width, height);
                if (box.getMinX() < 0 || box.getMaxX() > w || box.getMinY() < 0 || box.getMaxY() > h) {
                    continue;
                }
                if (taken.stream().noneMatch(b -> b.intersects(box)) && circles.stream().noneMatch(c -> covers(box,
                        c))) {
                    return box;
                }
            }
        }
        return null;
    }

    /** |dy/dx| of an edge. */
    private static double slope(double[] p, double[] q) {
        return Math.abs(q[1] - p[1]) / Math.max(1e-9, Math.abs(q[0] - p[0]));
    }

    /** True when the box comes within the circle (x, y, r) plus a pixel. */
    private static boolean covers(Bounds box, double[] c) {
        double nx = Math.max(box.getMinX(), Math.min(c[0], box.getMaxX()));
        double ny = Math.max(box.getMinY(), Math.min(c[1], box.getMaxY()));
        return Math.hypot(nx - c[0], ny - c[1]) < c[2] + 1;
    }

    private static double width(String[] lines) {
        double widest = 0;
        for (String line : lines) {
            Text probe = new Text(line);
            probe.setFont(FONT);
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        return widest + 8;
    }
}
