package studio.backprop.ui.cnn;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * How each layer's weights, gradients and updates are distributed over the training steps (bands: the 0–100, 7–93,
 * 16–84 and 31–69 percent ranges; a line: the median), and each layer's update-to-weight ratio ‖Δθ‖ / ‖θ‖ per step
 * on a log scale. Gradients that vanish show as bands shrinking to zero in the first layers; gradients that explode
 * as bands and ratios growing by orders of magnitude.
 */
public final class DistributionsView extends CanvasPanel {

    private static final double MARGIN = 12;
    private static final double CHART_H = 64;
    private static final Font TITLE = Font.font("System", 13);
    private static final Font SMALL = Font.font("System", 10);
    private static final Color[] LINES = {
        Color.rgb(48, 64, 140), Color.rgb(220, 120, 30), Color.rgb(30, 140, 140), Color.rgb(180, 30, 40),
        Color.rgb(110, 160, 40), Color.rgb(130, 60, 160), Color.rgb(120, 120, 120), Color.rgb(200, 90, 160)
    };

    private final WeightsViewModel model;

    public DistributionsView(WeightsViewModel model) {
        this.model = model;
        getStyleClass().add("weight-distributions");
        model.changesProperty().addListener((o, a, b) -> draw());
        widthProperty().addListener((o, a, b) -> draw());
        draw();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 900;
    }

    @Override
    protected double computePrefHeight(double width) {
        return canvas.logicalHeight() > 0 ? canvas.logicalHeight() : 300;
    }

    @Override
    protected void layoutChildren() {
    }

    @Override
    protected void paintNow() {
        double width = getWidth() > 0 ? getWidth() : computePrefWidth(-1);
        WeightHistory h = model.history();
        List<String> names = h.names().stream().filter(n -> !n.endsWith("/bias")).toList();
        double height = MARGIN + 22 + names.size() * (CHART_H + 30) + 40 + 180 + MARGIN;
        canvas.resizeTo(width, height);
        GraphicsContext gc = canvas.graphics();
        gc.clearRect(0, 0, width, height);
        gc.setTextBaseline(VPos.TOP);
        gc.setTextAlign(TextAlignment.LEFT);
        double y = MARGIN;
        text(gc, TITLE, "Distributions over training steps: weights, gradients ∂L/∂w of the step's batch, updates "
                + "Δw since the previous picture", MARGIN, y);
        y += 22;
        double w = (width - 2 * MARGIN - 2 * 16) / 3;
        for (String name : names) {
            bands(gc, MARGIN, y, w, name + " · weights", h.weights(name));
            bands(gc, MARGIN + w + 16, y, w, name + " · gradients", h.gradients(name));
            bands(gc, MARGIN + 2 * (w + 16), y, w, name + " · updates", h.updates(name));
            y += CHART_H + 30;
        }
        ratios(gc, MARGIN, y + 10, width - 2 * MARGIN, h);
        requestLayout();
    }

    private void bands(GraphicsContext gc, double x, double y, double w, String title, List<WeightHistory.Point> pts) {
        text(gc, SMALL, title, x, y);
        double top = y + 14;
        gc.setStroke(Color.gray(0.6));
        gc.setLineWidth(0.5);
        gc.strokeRect(x, top, w, CHART_H);
        if (pts.size() < 2) {
            text(gc, SMALL, pts.isEmpty() ? "no step yet" : "one point so far", x + 6, top + CHART_H / 2 - 6);
            return;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (WeightHistory.Point p : pts) {
            lo = Math.min(lo, p.quantiles()[0]);
            hi = Math.max(hi, p.quantiles()[Quantiles.LEVELS.length - 1]);
        }
        if (!(hi - lo > 1e-9 * Math.max(Math.abs(hi), Math.abs(lo)))) {
            double pad = Math.max(1e-12, Math.abs(lo) * 1e-3);
            lo -= pad;
            hi += pad;
        }
        int n = pts.size();
        double[] xs = new double[2 * n];
        double[] ys = new double[2 * n];
        for (int band = 0; band < 4; band++) {
            for (int i = 0; i < n; i++) {
                double px = x + w * i / (n - 1);
                xs[i] = px;
                xs[2 * n - 1 - i] = px;
                ys[i] = top + CHART_H * (hi - pts.get(i).quantiles()[band]) / (hi - lo);
                ys[2 * n - 1 - i] = top + CHART_H * (hi - pts.get(i).quantiles()[8 - band]) / (hi - lo);
            }
            gc.setFill(Color.rgb(48, 64, 140, 0.18 + 0.12 * band));
            gc.fillPolygon(xs, ys, 2 * n);
        }
        gc.setStroke(Color.rgb(20, 18, 60));
        gc.setLineWidth(1);
        gc.beginPath();
        for (int i = 0; i < n; i++) {
            double px = x + w * i / (n - 1);
            double py = top + CHART_H * (hi - pts.get(i).quantiles()[4]) / (hi - lo);
            if (i == 0) {
                gc.moveTo(px, py);
            } else {
                gc.lineTo(px, py);
            }
        }
        gc.stroke();
        text(gc, SMALL, FeatureMapsView.number(hi), x + 2, top + 1);
        text(gc, SMALL, FeatureMapsView.number(lo), x + 2, top + CHART_H - 12);
        gc.setTextAlign(TextAlignment.RIGHT);
        text(gc, SMALL, "steps " + pts.get(0).step() + "–" + pts.get(n - 1).step(), x + w, top + CHART_H + 1);
        gc.setTextAlign(TextAlignment.LEFT);
    }

    private void ratios(GraphicsContext gc, double x, double y, double w, WeightHistory h) {
        text(gc, TITLE, "Update-to-weight ratio ‖Δw‖ / ‖w‖ per step, log scale (about 10⁻³ is the usual healthy "
                + "size; far below: the layer barely learns; far above: it is unstable)", x, y);
        double top = y + 22;
        double ch = 150;
        double left = x + 44;
        double cw = w - 44 - 140;
        gc.setStroke(Color.gray(0.6));
        gc.setLineWidth(0.5);
        gc.strokeRect(left, top, cw, ch);
        List<String> names = h.ratioNames().stream().filter(n -> !n.endsWith("/bias")).toList();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (String n : names) {
            for (WeightHistory.Ratio r : h.ratios(n)) {
                first = Math.min(first, r.step());
                last = Math.max(last, r.step());
            }
        }
        double loExp = -7;
        double hiExp = 0;
        for (int e = (int) loExp; e <= hiExp; e++) {
            double py = top + ch * (hiExp - e) / (hiExp - loExp);
            gc.setStroke(e == -3 ? Color.rgb(220, 120, 30, 0.8) : Color.gray(0.85));
            gc.strokeLine(left, py, left + cw, py);
            text(gc, SMALL, "1e" + e, x, py - 6);
        }
        if (first >= last) {
            text(gc, SMALL, "The ratios appear after two steps.", left + 8, top + 8);
            return;
        }
        for (int k = 0; k < names.size(); k++) {
            Color c = LINES[k % LINES.length];
            gc.setStroke(c);
            gc.setLineWidth(1.2);
            gc.beginPath();
            boolean started = false;
            for (WeightHistory.Ratio r : h.ratios(names.get(k))) {
                double e = Math.log10(Math.max(1e-7, Math.min(1, r.value())));
                double px = left + cw * (r.step() - first) / (double) (last - first);
                double py = top + ch * (hiExp - e) / (hiExp - loExp);
                if (started) {
                    gc.lineTo(px, py);
                } else {
                    gc.moveTo(px, py);
                    started = true;
                }
            }
            gc.stroke();
            gc.setFill(c);
            gc.fillRect(left + cw + 10, top + k * 14 + 4, 10, 3);
            text(gc, SMALL, names.get(k), left + cw + 24, top + k * 14);
        }
        text(gc, SMALL, "step " + first, left, top + ch + 2);
        gc.setTextAlign(TextAlignment.RIGHT);
        text(gc, SMALL, "step " + last, left + cw, top + ch + 2);
        gc.setTextAlign(TextAlignment.LEFT);
    }

    private void text(GraphicsContext gc, Font font, String s, double x, double y) {
        gc.setFont(font);
        gc.setFill(ink);
        gc.fillText(s, x, y);
    }

    @Override
    public String exportName() {
        return "weight-distributions";
    }
}
