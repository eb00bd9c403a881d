package studio.backprop.ui.cnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import studio.backprop.train.TrainingSnapshot.TensorCopy;

/**
 * The network's weights as pictures: every convolution kernel (kh, kw, Cin, filters) as small images, one per filter
 * and input channel or summed over the input channels; the first dense layer of a network reading a flattened square
 * image (a digits MLP) as one image per unit; and one chosen weight matrix as a heatmap that says which axis is
 * which. Weights are coloured blue (negative), white (zero), red (positive), symmetric per parameter.
 */
public final class KernelsView extends CanvasPanel {

    private static final double MARGIN = 12;
    private static final double GAP = 4;
    private static final Font TITLE = Font.font("System", 13);
    private static final Font SMALL = Font.font("System", 10);
    /** At most this many units of a dense layer are drawn as images. */
    static final int MAX_TILES = 64;

    private final WeightsViewModel model;

    public KernelsView(WeightsViewModel model) {
        this.model = model;
        getStyleClass().add("kernels");
        model.changesProperty().addListener((o, a, b) -> draw());
        model.summedOverChannelsProperty().addListener((o, a, b) -> draw());
        model.matrixProperty().addListener((o, a, b) -> draw());
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

    /** The rank-2 parameters that can be drawn as a matrix (dense kernels), in the network's order. */
    public List<String> matrices() {
        List<String> out = new ArrayList<>();
        model.parameters().forEach((name, t) -> {
            if (t.shape().length == 2) {
                out.add(name);
            }
        });
        return out;
    }

    @Override
    protected void paintNow() {
        double width = getWidth() > 0 ? getWidth() : computePrefWidth(-1);
        double h = paint(null, width);
        canvas.resizeTo(width, h);
        paint(canvas.graphics(), width);
        requestLayout();
    }

    private double paint(GraphicsContext gc, double width) {
        if (gc != null) {
            gc.clearRect(0, 0, width, canvas.logicalHeight());
            gc.setTextBaseline(VPos.TOP);
            gc.setTextAlign(TextAlignment.LEFT);
            gc.setImageSmoothing(false);
        }
        Map<String, TensorCopy> params = model.parameters();
        double y = MARGIN;
        if (params.isEmpty()) {
            text(gc, TITLE, "The weights appear when the trainer has answered (a session must be open).", MARGIN, y);
            return 50;
        }
        for (Map.Entry<String, TensorCopy> e : params.entrySet()) {
            if (e.getValue().shape().length == 4) {
                y = convKernels(gc, width, y, e.getKey(), e.getValue());
            }
        }
        int[] image = inputImage(model.inputShape());
        for (Map.Entry<String, TensorCopy> e : params.entrySet()) {
            int[] s = e.getValue().shape();
            if (image != null && s.length == 2 && s[0] == image[0] * image[1]) {
                y = unitImages(gc, width, y, e.getKey(), e.getValue(), image[0], image[1]);
                break;
            }
        }
        String chosen = model.matrixProperty().get();
        List<String> matrices = matrices();
        if (chosen == null || !params.containsKey(chosen)) {
            chosen = matrices.isEmpty() ? null : matrices.get(0);
        }
        if (chosen != null) {
            y = matrix(gc, width, y, chosen, params.get(chosen));
        }
        return y + MARGIN;
    }

    private double convKernels(GraphicsContext gc, double width, double y, String name, TensorCopy t) {
        int kh = t.shape()[0];
        int kw = t.shape()[1];
        int cin = t.shape()[2];
        int filters = t.shape()[3];
        boolean summed = model.summedOverChannelsProperty().get() && cin > 1;
        int rows = summed ? 1 : cin;
        float[][][] images = new float[rows][filters][];
        double m = 1e-12;
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < filters; f++) {
                float[] img = new float[kh * kw];
                for (int p = 0; p < kh * kw; p++) {
                    for (int c = summed ? 0 : r; c < (summed ? cin : r + 1); c++) {
                        img[p] += t.values()[(p * cin + c) * filters + f];
                    }
                    m = Math.max(m, Math.abs(img[p]));
                }
                images[r][f] = img;
            }
        }
        text(gc, TITLE, name + " · " + kh + "×" + kw + " kernels · columns: filters 1–" + filters + " · rows: "
                + (summed ? "summed over the " + cin + " input channels" : cin == 1 ? "the one input channel"
                : "input channels 1–" + cin)
                + " · largest |w| " + FeatureMapsView.number(m), MARGIN, y);
        y += 20;
        double tile = Math.max(18, Math.min(44, (width - 2 * MARGIN - 30) / filters - GAP));
        for (int r = 0; r < rows; r++) {
            text(gc, SMALL, summed ? "Σ" : String.valueOf(r + 1), MARGIN, y + tile / 2 - 6);
            for (int f = 0; f < filters; f++) {
                double x = MARGIN + 24 + f * (tile + GAP);
                if (gc != null) {
                    gc.drawImage(image(images[r][f], kh, kw, m), x, y, tile, tile);
                    gc.setStroke(Color.gray(0.6));
                    gc.setLineWidth(0.5);
                    gc.strokeRect(x, y, tile, tile);
                }
            }
            y += tile + GAP;
        }
        return y + 12;
    }

    /**
     * {height, width} of the network's input read as one grey image (H × W × 1, or a vector whose length is a square
     * of at least 8 × 8, as a flattened digit), or null when it is not one.
     */
    static int[] inputImage(int[] input) {
        if (input.length == 3 && input[2] == 1) {
            return new int[] {input[0], input[1]};
        }
        int side = input.length == 1 ? (int) Math.round(Math.sqrt(input[0])) : 0;
        return side >= 8 && side * side == input[0] ? new int[] {side, side} : null;
    }

    private double unitImages(GraphicsContext gc, double width, double y, String name, TensorCopy t, int ih,
                              int iw) {
        int in = t.shape()[0];
        int units = t.shape()[1];
        int shown = Math.min(units, MAX_TILES);
        text(gc, TITLE, name + " · each unit's " + in + " input weights as a " + ih + "×" + iw + " image"
                + (shown < units ? " (units 1–" + shown + " of " + units + ")" : "")
                + " · red: ink there raises the unit, blue: lowers it", MARGIN, y);
        y += 20;
        double tile = 56;
        int perRow = Math.max(1, (int) ((width - 2 * MARGIN) / (tile + GAP)));
        for (int u = 0; u < shown; u++) {
            float[] img = new float[in];
            double m = 1e-12;
            for (int i = 0; i < in; i++) {
                img[i] = t.values()[i * units + u];
                m = Math.max(m, Math.abs(img[i]));
            }
            double x = MARGIN + (u % perRow) * (tile + GAP);
            double top = y + (u / perRow) * (tile + GAP);
            if (gc != null) {
                gc.drawImage(image(img, ih, iw, m), x, top, tile * iw / Math.max(ih, iw), tile * ih / Math.max(ih, iw));
            }
        }
        return y + ((shown + perRow - 1) / perRow) * (tile + GAP) + 12;
    }

    private double matrix(GraphicsContext gc, double width, double y, String name, TensorCopy t) {
        int rows = t.shape()[0];
        int cols = t.shape()[1];
        double m = 1e-12;
        for (float v : t.values()) {
            m = Math.max(m, Math.abs(v));
        }
        text(gc, TITLE, name + " as a matrix: rows = inputs (" + rows + "), columns = outputs (" + cols
                + "); W[i][j] is the weight from input i to unit j · largest |w| " + FeatureMapsView.number(m),
                MARGIN, y);
        y += 20;
        double w = Math.min(width - 2 * MARGIN - 60, Math.max(cols * 4.0, 320));
        double h = Math.min(360, Math.max(rows * 2.0, 120));
        text(gc, SMALL, "↓ inputs", MARGIN, y + h / 2);
        if (gc != null) {
            gc.drawImage(image(t.values(), rows, cols, m), MARGIN + 46, y, w, h);
            gc.setStroke(Color.gray(0.6));
            gc.setLineWidth(0.5);
            gc.strokeRect(MARGIN + 46, y, w, h);
        }
        text(gc, SMALL, "outputs →  (1 … " + cols + ")", MARGIN + 46, y + h + 3);
        return y + h + 20;
    }

    /** An h × w image of row-major values coloured blue–white–red over [−m, m]. */
    static WritableImage image(float[] values, int h, int w, double m) {
        WritableImage img = new WritableImage(w, h);
        PixelWriter pw = img.getPixelWriter();
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                pw.setColor(c, r, MapColours.of(values[r * w + c], -m, m));
            }
        }
        return img;
    }

    private void text(GraphicsContext gc, Font font, String s, double x, double y) {
        if (gc != null) {
            gc.setFont(font);
            gc.setFill(ink);
            gc.fillText(s, x, y);
        }
    }

    @Override
    public String exportName() {
        return "kernels";
    }
}
