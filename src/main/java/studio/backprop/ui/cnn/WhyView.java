package studio.backprop.ui.cnn;

import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import studio.backprop.train.InputAttribution;

/**
 * Why the network chose its class, over the input: the input; the saliency |∂S/∂x| laid over it (where a small
 * change moves the winning score most); Grad-CAM of the last convolution laid over it (which regions the class's
 * evidence comes from); and the adversarial input of the fast gradient sign method with what the network now says.
 */
public final class WhyView extends CanvasPanel {

    private static final double TILE = 168;
    private static final double GAP = 18;
    private static final double MARGIN = 12;
    private static final Font TITLE = Font.font("System", 13);
    private static final Font SMALL = Font.font("System", 11);

    private final WhyViewModel model;

    public WhyView(WhyViewModel model) {
        this.model = model;
        getStyleClass().add("why-this-class");
        model.attributionProperty().addListener((o, a, b) -> draw());
        draw();
    }

    @Override
    protected double computePrefWidth(double height) {
        return canvas.logicalWidth();
    }

    @Override
    protected double computePrefHeight(double width) {
        return canvas.logicalHeight();
    }

    @Override
    protected void layoutChildren() {
    }

    @Override
    protected void paintNow() {
        canvas.resizeTo(2 * MARGIN + 4 * TILE + 3 * GAP, 2 * MARGIN + TILE + 120);
        GraphicsContext gc = canvas.graphics();
        gc.clearRect(0, 0, canvas.logicalWidth(), canvas.logicalHeight());
        gc.setTextBaseline(VPos.TOP);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setImageSmoothing(false);
        InputAttribution a = model.attributionProperty().get();
        int[] shape = model.inputShape();
        if (a == null || shape == null || shape.length != 3) {
            text(gc, TITLE, "The explanation appears when the trainer has answered for the chosen input.", MARGIN,
                    MARGIN);
            requestLayout();
            return;
        }
        int h = shape[0];
        int w = shape[1];
        int c = shape[2];
        double y = MARGIN + 20;
        List<String> names = model.classNames();
        text(gc, TITLE, "input: the network says " + label(names, a.predicted()) + percent(a.probabilities(),
                a.predicted()), MARGIN, MARGIN);
        double x = MARGIN;
        gc.drawImage(grey(a.input(), h, w, c), x, y, TILE, TILE);
        caption(gc, x, y, "the input");
        x += TILE + GAP;
        gc.drawImage(grey(a.input(), h, w, c), x, y, TILE, TILE);
        gc.drawImage(heat(magnitude(a.saliency(), h, w, c), h, w), x, y, TILE, TILE);
        caption(gc, x, y, "saliency |∂S/∂x| of class " + label(names, a.predicted()));
        x += TILE + GAP;
        gc.drawImage(grey(a.input(), h, w, c), x, y, TILE, TILE);
        if (a.gradCam() != null) {
            gc.setImageSmoothing(true);
            gc.drawImage(heat(a.gradCam(), a.camHeight(), a.camWidth()), x, y, TILE, TILE);
            gc.setImageSmoothing(false);
            caption(gc, x, y, "Grad-CAM on " + a.camLayer() + " (" + a.camHeight() + "×" + a.camWidth() + ")");
        } else {
            caption(gc, x, y, "Grad-CAM needs a convolution layer");
        }
        x += TILE + GAP;
        gc.drawImage(grey(a.adversarial(), h, w, c), x, y, TILE, TILE);
        caption(gc, x, y, String.format(Locale.ROOT, "FGSM, ε = %.3f", a.epsilon()));
        double ty = y + TILE + 36;
        boolean flipped = a.adversarialPredicted() != a.predicted();
        text(gc, TITLE, "After the fast gradient sign method (x + ε·sign ∂L/∂x) the network says "
                + label(names, a.adversarialPredicted()) + percent(a.adversarialProbabilities(),
                a.adversarialPredicted()) + ":", MARGIN, ty);
        text(gc, TITLE, flipped ? "the prediction flipped, though the digit looks the same to us."
                : "no flip yet; raise ε.", MARGIN, ty + 18);
        text(gc, SMALL, "Saliency: where a small change of the input moves the winning score most.", MARGIN, ty + 42);
        text(gc, SMALL, "Grad-CAM: the regions of the last convolution whose features raise the class's score "
                + "(its map stretched over the input).", MARGIN, ty + 58);
        requestLayout();
    }

    private void caption(GraphicsContext gc, double x, double y, String s) {
        gc.setStroke(Color.gray(0.6));
        gc.setLineWidth(0.5);
        gc.strokeRect(x, y, TILE, TILE);
        text(gc, SMALL, s, x, y + TILE + 4);
    }

    private static String label(List<String> names, int k) {
        return k < names.size() ? names.get(k) : "class " + (k + 1);
    }

    private static String percent(float[] p, int k) {
        return String.format(Locale.ROOT, " (%.1f%%)", 100 * p[k]);
    }

    /** Per pixel, the mean over channels of |v|. */
    static float[] magnitude(float[] v, int h, int w, int c) {
        float[] out = new float[h * w];
        for (int i = 0; i < h * w; i++) {
            for (int k = 0; k < c; k++) {
                out[i] += Math.abs(v[i * c + k]) / c;
            }
        }
        return out;
    }

    private static WritableImage grey(float[] v, int h, int w, int c) {
        float[] mean = new float[h * w];
        for (int i = 0; i < h * w; i++) {
            for (int k = 0; k < c; k++) {
                mean[i] += v[i * c + k] / c;
            }
        }
        return MapColours.grey(mean, 0, h, w);
    }

    /** Values ≥ 0 as a translucent red overlay, opaque where they are largest. */
    private static WritableImage heat(float[] v, int h, int w) {
        float max = 1e-12f;
        for (float f : v) {
            max = Math.max(max, f);
        }
        WritableImage img = new WritableImage(w, h);
        PixelWriter pw = img.getPixelWriter();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double t = Math.max(0, v[y * w + x] / max);
                pw.setColor(x, y, Color.rgb(230, (int) (40 + 160 * t), 20, 0.85 * t));
            }
        }
        return img;
    }

    private void text(GraphicsContext gc, Font font, String s, double x, double y) {
        gc.setFont(font);
        gc.setFill(ink);
        gc.fillText(s, x, y);
    }

    /** The attribution drawn now (null before any), for tests. */
    public InputAttribution shown() {
        return model.attributionProperty().get();
    }

    @Override
    public String exportName() {
        return "why-this-class";
    }
}
