package studio.backprop.ui.lessons;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import studio.backprop.nn.Activation;

/**
 * Per-layer histograms at step 0: the top row the activations of each layer, the bottom row its weight gradients,
 * all gradient panels on one scale so that vanishing shows as a narrowing spike.
 */
final class InitPlot extends LessonCanvas {

    private static final int BINS = 31;
    private List<InitModel.LayerStats> stats = List.of();
    private Activation activation = Activation.TANH;
    private String title = "";

    InitPlot() {
        super("initialisation-histograms", 900, 460);
    }

    void show(String newTitle, Activation f, List<InitModel.LayerStats> newStats) {
        title = newTitle;
        activation = f;
        stats = List.copyOf(newStats);
        invalidate();
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height, Ink ink, double k) {
        g.setFill(ink.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(Font.font("System", FontWeight.BOLD, 12 * k));
        g.fillText(title, 8 * k, 5 * k);
        if (stats.isEmpty()) {
            return;
        }
        double[] aRange = activationRange();
        double gMax = 0;
        for (InitModel.LayerStats s : stats) {
            for (float v : s.gradients()) {
                gMax = Math.max(gMax, Math.abs(v));
            }
        }
        gMax = gMax > 0 ? gMax : 1;
        int n = stats.size();
        double left = 70 * k;
        double top = 28 * k;
        double cell = (width - left - 8 * k) / n;
        double rowHeight = (height - top - 10 * k) / 2;
        g.setFont(Font.font("System", 10.5 * k));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("activations\n" + Format.number(aRange[0]) + " to\n" + Format.number(aRange[1]), 6 * k,
                top + rowHeight / 2);
        g.fillText("∂L/∂W\n±" + Format.number(gMax), 6 * k, top + rowHeight * 1.5);
        for (int l = 0; l < n; l++) {
            InitModel.LayerStats s = stats.get(l);
            double x = left + l * cell;
            histogram(g, s.activations(), aRange[0], aRange[1], x, top, cell, rowHeight, ink, k, 0,
                    "layer " + (l + 1), "σ = " + Format.number(s.activationStd()));
            histogram(g, s.gradients(), -gMax, gMax, x, top + rowHeight, cell, rowHeight, ink, k, 1, null,
                    "σ = " + Format.number(s.gradientStd()));
        }
    }

    private double[] activationRange() {
        return switch (activation) {
            case TANH, SIGN -> new double[] {-1.05, 1.05};
            case SIGMOID, STEP -> new double[] {-0.05, 1.05};
            default -> {
                double max = 0;
                double min = 0;
                for (InitModel.LayerStats s : stats) {
                    for (float v : s.activations()) {
                        max = Math.max(max, v);
                        min = Math.min(min, v);
                    }
                }
                yield new double[] {min, max > min ? max : min + 1};
            }
        };
    }

    private static void histogram(GraphicsContext g, float[] values, double lo, double hi, double x, double y,
                                  double w, double h, Ink ink, double k, int colour, String heading, String note) {
        int[] counts = new int[BINS];
        int most = 1;
        for (float v : values) {
            int b = (int) Math.floor((v - lo) / (hi - lo) * BINS);
            b = Math.max(0, Math.min(BINS - 1, b));
            most = Math.max(most, ++counts[b]);
        }
        double pad = 4 * k;
        double plotTop = y + 16 * k;
        double plotHeight = h - 32 * k;
        double plotWidth = w - 2 * pad;
        g.setStroke(ink.grid());
        g.setLineWidth(k);
        g.strokeRect(x + pad, plotTop, plotWidth, plotHeight);
        g.setFill(ink.path(colour));
        double bar = plotWidth / BINS;
        for (int b = 0; b < BINS; b++) {
            double bh = plotHeight * counts[b] / most;
            g.fillRect(x + pad + b * bar, plotTop + plotHeight - bh, Math.max(1, bar - 0.5), bh);
        }
        g.setFill(ink.text());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.setFont(Font.font("System", 10 * k));
        if (heading != null) {
            g.fillText(heading, x + w / 2, plotTop - 2 * k);
        }
        g.setTextBaseline(VPos.TOP);
        g.fillText(note, x + w / 2, plotTop + plotHeight + 2 * k);
    }
}
