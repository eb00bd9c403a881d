package studio.backprop.ui.lessons;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Several named series over a common x (a step, an epoch, an input value), each a coloured line, with axes and a
 * legend: the race's f over the steps, a lesson's curves against each other.
 */
class SeriesPlot extends LessonCanvas {

    /** One line: its name, its colour index in the ink's path colours, and its points. */
    record Series(String label, int colour, double[] xs, double[] ys, boolean dashed) {
    }

    /** A shaded interval of x with a short label: a dead or saturated region of an activation. */
    record Band(double from, double to, String label, boolean strong) {
    }

    private List<Series> series = List.of();
    private List<Band> bands = List.of();
    private String title = "";
    private String xName = "x";
    private String yName = "y";
    private double[] yRange;

    SeriesPlot(String exportName, double prefWidth, double prefHeight) {
        super(exportName, prefWidth, prefHeight);
    }

    /**
     * Shows the series; {@code yRange} = {min, max} fixes the value axis (null fits it to the finite values).
     */
    void show(String newTitle, String newXName, String newYName, List<Series> newSeries, double[] yRange) {
        title = newTitle;
        xName = newXName;
        yName = newYName;
        series = List.copyOf(newSeries);
        bands = List.of();
        this.yRange = yRange == null ? null : yRange.clone();
        invalidate();
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height, Ink ink, double k) {
        double[] range = ranges();
        Frame frame = new Frame(48 * k, 26 * k, Math.max(10, width - 58 * k), Math.max(10, height - 60 * k),
                range[0], range[1], range[2], range[3]);
        frame.clip(g);
        drawBands(g, frame, ink, k);
        if (range[2] < 0 && range[3] > 0) {
            g.setStroke(ink.grid());
            g.setLineWidth(k);
            g.strokeLine(frame.left(), frame.py(0), frame.left() + frame.width(), frame.py(0));
        }
        g.restore();
        frame.drawAxes(g, ink, k, xName, yName);
        frame.clip(g);
        for (Series s : series) {
            g.setStroke(ink.path(s.colour()));
            g.setLineWidth(1.8 * k);
            g.setLineDashes(s.dashed() ? new double[] {6 * k, 4 * k} : null);
            g.beginPath();
            boolean drawing = false;
            for (int i = 0; i < s.xs().length; i++) {
                double span = range[3] - range[2];
                double y = Math.max(range[2] - 10 * span, Math.min(range[3] + 10 * span, s.ys()[i]));
                if (!Double.isFinite(s.ys()[i])) {
                    drawing = false;
                    continue;
                }
                if (drawing) {
                    g.lineTo(frame.px(s.xs()[i]), frame.py(y));
                } else {
                    g.moveTo(frame.px(s.xs()[i]), frame.py(y));
                    drawing = true;
                }
            }
            g.stroke();
        }
        g.setLineDashes(null);
        g.restore();
        drawLegend(g, frame, ink, k);
        g.setFill(ink.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(Font.font("System", FontWeight.BOLD, 12 * k));
        g.fillText(title, 8 * k, 5 * k);
    }

    /** Shades intervals of x (set after {@link #show}, cleared by the next show). */
    void setBands(List<Band> newBands) {
        bands = List.copyOf(newBands);
        invalidate();
    }

    private void drawBands(GraphicsContext g, Frame frame, Ink ink, double k) {
        g.setFont(Font.font("System", 10 * k));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        for (Band b : bands) {
            double x0 = frame.px(b.from());
            double x1 = frame.px(b.to());
            Color c = b.strong() ? Color.rgb(214, 39, 40) : Color.rgb(230, 160, 0);
            g.setFill(c.deriveColor(0, 1, 1, ink.dark() ? 0.22 : 0.13));
            g.fillRect(x0, frame.top(), Math.max(1, x1 - x0), frame.height());
            g.setFill(ink.text());
            if (x1 - x0 > TextWidth.of(b.label(), g.getFont())) {
                g.fillText(b.label(), (x0 + x1) / 2, frame.top() + frame.height() - 3 * k);
            }
        }
    }

    /** {xMin, xMax, yMin, yMax} over the finite points (or the fixed value range). */
    private double[] ranges() {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.xs().length; i++) {
                if (Double.isFinite(s.ys()[i])) {
                    xMin = Math.min(xMin, s.xs()[i]);
                    xMax = Math.max(xMax, s.xs()[i]);
                    yMin = Math.min(yMin, s.ys()[i]);
                    yMax = Math.max(yMax, s.ys()[i]);
                }
            }
        }
        if (!(xMax > xMin)) {
            xMin = Double.isFinite(xMin) ? xMin - 1 : 0;
            xMax = xMin + 2;
        }
        if (yRange != null) {
            yMin = yRange[0];
            yMax = yRange[1];
        }
        if (!(yMax > yMin)) {
            yMin = Double.isFinite(yMin) ? yMin - 1 : 0;
            yMax = yMin + 2;
        }
        double pad = 0.05 * (yMax - yMin);
        return new double[] {xMin, xMax, yRange != null ? yMin : yMin - pad, yRange != null ? yMax : yMax + pad};
    }

    private void drawLegend(GraphicsContext g, Frame frame, Ink ink, double k) {
        Font font = Font.font("System", 10.5 * k);
        g.setFont(font);
        double row = 14 * k;
        double width = 0;
        for (Series s : series) {
            width = Math.max(width, TextWidth.of(s.label(), font));
        }
        if (series.isEmpty()) {
            return;
        }
        width += 24 * k;
        double x = frame.left() + frame.width() - width - 6 * k;
        double y = frame.top() + 6 * k;
        g.setFill(ink.background().deriveColor(0, 1, 1, 0.85));
        g.fillRect(x, y, width, row * series.size() + 6 * k);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            double cy = y + 3 * k + row * (i + 0.5);
            Color c = ink.path(s.colour());
            g.setStroke(c);
            g.setLineWidth(2.5 * k);
            g.setLineDashes(s.dashed() ? new double[] {4 * k, 3 * k} : null);
            g.strokeLine(x + 4 * k, cy, x + 18 * k, cy);
            g.setLineDashes(null);
            g.setFill(ink.text());
            g.fillText(s.label(), x + 22 * k, cy);
        }
    }
}
