package studio.backprop.ui.cnn;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import studio.backprop.tensor.Tensor;
import studio.backprop.train.TrainingData;
import studio.backprop.ui.export.ScalableCanvas;

/**
 * A strip of the first training samples as thumbnails with their labels; clicking one makes it the chosen input.
 * Only single-channel and three-channel images are drawn (as grey or colour); the chosen one is framed.
 */
final class SampleStrip extends Region {

    /** How many samples the strip offers. */
    static final int COUNT = 40;
    private static final double THUMB = 40;
    private static final double GAP = 4;

    private final CnnViewModel model;
    private final ScalableCanvas canvas = new ScalableCanvas();

    SampleStrip(CnnViewModel model) {
        this.model = model;
        getStyleClass().add("sample-strip");
        getChildren().add(canvas);
        model.sampleProperty().addListener((o, a, b) -> draw());
        model.sourceProperty().addListener((o, a, b) -> draw());
        model.compilationProperty().addListener((o, a, b) -> draw());
        canvas.setOnMouseClicked(e -> {
            int i = (int) ((e.getX() - GAP) / (THUMB + GAP));
            if (i >= 0 && i < shown()) {
                model.chooseSample(i);
            }
        });
        draw();
    }

    private int shown() {
        TrainingData d = model.data();
        return d == null || d.trainX().rank() != 4 ? 0 : Math.min(COUNT, d.trainSize());
    }

    @Override
    protected double computePrefHeight(double width) {
        return THUMB + 20;
    }

    @Override
    protected double computePrefWidth(double height) {
        return GAP + COUNT * (THUMB + GAP);
    }

    void draw() {
        int n = shown();
        canvas.resizeTo(GAP + Math.max(1, n) * (THUMB + GAP), THUMB + 18);
        GraphicsContext gc = canvas.graphics();
        gc.clearRect(0, 0, canvas.logicalWidth(), canvas.logicalHeight());
        if (n == 0) {
            return;
        }
        TrainingData d = model.data();
        Tensor x = d.trainX();
        int h = x.dim(1);
        int w = x.dim(2);
        int c = x.dim(3);
        float[] values = x.contiguous().buffer();
        gc.setImageSmoothing(false);
        gc.setFont(Font.font("System", 10));
        gc.setTextBaseline(VPos.TOP);
        gc.setTextAlign(TextAlignment.CENTER);
        int[] labels = labels(d, n);
        for (int i = 0; i < n; i++) {
            double left = GAP + i * (THUMB + GAP);
            gc.drawImage(thumbnail(values, i, h, w, c), left, 2, THUMB, THUMB);
            boolean chosen = model.sourceProperty().get() == CnnViewModel.Source.SAMPLE
                    && model.sampleProperty().get() == i;
            gc.setStroke(chosen ? Color.rgb(220, 120, 30) : Color.gray(0.7));
            gc.setLineWidth(chosen ? 3 : 0.5);
            gc.strokeRect(left, 2, THUMB, THUMB);
            gc.setFill(Color.gray(0.45));
            if (labels != null) {
                gc.fillText(d.classNames().get(labels[i]), left + THUMB / 2, THUMB + 4);
            }
        }
    }

    private static javafx.scene.image.WritableImage thumbnail(float[] v, int i, int h, int w, int c) {
        if (c == 1) {
            return MapColours.grey(v, i * h * w, h, w);
        }
        javafx.scene.image.WritableImage img = new javafx.scene.image.WritableImage(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int at = ((i * h + y) * w + x) * c;
                img.getPixelWriter().setColor(x, y, Color.color(clamp(v[at]), clamp(v[at + Math.min(1, c - 1)]),
                        clamp(v[at + Math.min(2, c - 1)])));
            }
        }
        return img;
    }

    private static double clamp(float v) {
        return Math.max(0, Math.min(1, v));
    }

    /** The class index of the first n samples (argmax of their one-hot targets), or null for no classes. */
    private static int[] labels(TrainingData d, int n) {
        if (!d.classification() || d.trainY().rank() != 2 || d.trainY().dim(1) != d.classNames().size()) {
            return null;
        }
        int k = d.trainY().dim(1);
        float[] y = d.trainY().contiguous().buffer();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (y[i * k + j] > y[i * k + best]) {
                    best = j;
                }
            }
            out[i] = best;
        }
        return out;
    }
}
