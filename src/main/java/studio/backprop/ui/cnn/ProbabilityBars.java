package studio.backprop.ui.cnn;

import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** The class probabilities for the chosen input as horizontal bars, the winning class in orange. */
public final class ProbabilityBars extends CanvasPanel {

    private static final double ROW = 18;
    private static final double WIDTH = 310;

    private final CnnViewModel model;

    public ProbabilityBars(CnnViewModel model) {
        this.model = model;
        getStyleClass().add("class-probabilities");
        model.outputsProperty().addListener((o, a, b) -> draw());
        draw();
    }

    @Override
    protected double computePrefWidth(double height) {
        return WIDTH;
    }

    @Override
    protected double computePrefHeight(double width) {
        return canvas.logicalHeight();
    }

    @Override
    protected void paintNow() {
        float[] p = model.probabilities();
        List<String> names = model.classNames();
        int rows = p == null ? 1 : p.length;
        canvas.resizeTo(WIDTH, 26 + rows * ROW);
        GraphicsContext gc = canvas.graphics();
        gc.clearRect(0, 0, canvas.logicalWidth(), canvas.logicalHeight());
        gc.setTextBaseline(VPos.TOP);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFont(Font.font("System", 12));
        gc.setFill(ink);
        if (p == null) {
            gc.fillText("No prediction yet: the probabilities appear when the trainer answers.", 4, 4);
            requestLayout();
            return;
        }
        int best = FeatureMapsView.argMax(p);
        String source = model.sourceProperty().get() == CnnViewModel.Source.DRAWING ? "the drawn digit"
                : "sample " + (model.sampleProperty().get() + 1);
        gc.fillText("Probabilities for " + source + ": " + label(names, best, p.length) + " wins", 4, 4);
        double barW = WIDTH - 100;
        for (int k = 0; k < p.length; k++) {
            double y = 26 + k * ROW;
            gc.setFill(ink);
            gc.setFont(Font.font("System", 11));
            gc.fillText(label(names, k, p.length), 4, y + 1);
            gc.setFill(Color.gray(0.85));
            gc.fillRect(40, y + 2, barW, ROW - 6);
            gc.setFill(k == best ? Color.rgb(220, 120, 30) : Color.rgb(48, 64, 140));
            gc.fillRect(40, y + 2, Math.max(1, barW * p[k]), ROW - 6);
            gc.setFill(ink);
            gc.fillText(String.format(Locale.ROOT, "%.1f%%", 100 * p[k]), 46 + barW, y + 1);
        }
        requestLayout();
    }

    private static String label(List<String> names, int k, int n) {
        return names.size() == n ? names.get(k) : "class " + (k + 1);
    }

    /** The probabilities drawn now (null before any), for tests. */
    public float[] shown() {
        return model.probabilities();
    }

    @Override
    public String exportName() {
        return "class-probabilities";
    }
}
