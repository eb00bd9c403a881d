package studio.backprop.ui.cnn;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.export.ScalableCanvas;

/**
 * A square pad to draw a digit on with the mouse, and beside it the 28 × 28 input the network receives (the drawing
 * scaled into a 20 × 20 box and centred by mass, as MNIST's digits were). While the mouse draws, the input is sent to
 * the trainer a few times a second and once more when the stroke ends, so the probabilities follow the pen.
 */
public final class DigitPad extends Region implements Exportable {

    static final double PAD = 224;
    private static final double PREVIEW = 84;
    private static final double GAP = 12;
    /** Sending the input on every mouse event would flood the trainer's queue; 15 times a second is plenty. */
    private static final long SEND_EVERY_NANOS = 66_000_000L;

    private final CnnViewModel model;
    private final ScalableCanvas canvas = new ScalableCanvas();
    private final DoubleProperty brush = new SimpleDoubleProperty(0.045);
    private long lastSent;

    public DigitPad(CnnViewModel model) {
        this.model = model;
        getStyleClass().add("digit-pad");
        getChildren().add(canvas);
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(e -> {
            model.drawing().end();
            changed(true);
        });
        model.drawnInputProperty().addListener((o, a, b) -> draw());
        draw();
    }

    /** The view model the pad draws into. */
    public CnnViewModel model() {
        return model;
    }

    /** The brush radius as a fraction of the pad's side. */
    public DoubleProperty brushProperty() {
        return brush;
    }

    @Override
    protected double computePrefWidth(double height) {
        return PAD + GAP + PREVIEW + 4;
    }

    @Override
    protected double computePrefHeight(double width) {
        return PAD + 4;
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    private void pressed(MouseEvent e) {
        if (inside(e)) {
            model.drawing().begin(unit(e.getX()), unit(e.getY()), brush.get());
            changed(false);
        }
    }

    private void dragged(MouseEvent e) {
        model.drawing().extend(unit(e.getX()), unit(e.getY()));
        changed(false);
    }

    private boolean inside(MouseEvent e) {
        double s = canvas.pixelScale();
        return e.getX() / s <= PAD + 2 && e.getY() / s <= PAD + 2;
    }

    private double unit(double canvasX) {
        return (canvasX / canvas.pixelScale() - 2) / PAD;
    }

    /** Undoes the last stroke. */
    public void undo() {
        if (model.drawing().undo()) {
            changed(true);
        }
    }

    /** Clears the pad. */
    public void clear() {
        model.drawing().clear();
        changed(true);
    }

    private void changed(boolean always) {
        long now = System.nanoTime();
        if (always || now - lastSent >= SEND_EVERY_NANOS) {
            lastSent = now;
            model.drawingChanged();
        }
        draw();
    }

    void draw() {
        canvas.resizeTo(computePrefWidth(-1), computePrefHeight(-1));
        GraphicsContext gc = canvas.graphics();
        gc.clearRect(0, 0, canvas.logicalWidth(), canvas.logicalHeight());
        gc.setFill(Color.WHITE);
        gc.fillRect(2, 2, PAD, PAD);
        gc.setStroke(Color.gray(0.55));
        gc.setLineWidth(1);
        gc.strokeRect(2, 2, PAD, PAD);
        gc.setStroke(Color.rgb(20, 20, 20));
        gc.setLineCap(StrokeLineCap.ROUND);
        gc.setLineJoin(StrokeLineJoin.ROUND);
        for (double[] s : model.drawing().strokes()) {
            gc.setLineWidth(2 * s[0] * PAD);
            gc.beginPath();
            gc.moveTo(2 + s[1] * PAD, 2 + s[2] * PAD);
            for (int i = 3; i < s.length; i += 2) {
                gc.lineTo(2 + s[i] * PAD, 2 + s[i + 1] * PAD);
            }
            if (s.length == 3) {
                gc.lineTo(2 + s[1] * PAD + 0.01, 2 + s[2] * PAD);
            }
            gc.stroke();
        }
        double px = 2 + PAD + GAP;
        gc.setFont(Font.font("System", 10));
        gc.setTextBaseline(VPos.TOP);
        gc.setTextAlign(TextAlignment.LEFT);
        float[] in = model.drawnInputProperty().get();
        if (in == null) {
            gc.setFill(Color.gray(0.45));
            gc.setTextAlign(TextAlignment.CENTER);
            gc.fillText("Draw a digit here\nwith the mouse: the network\nreads it as you draw.", 2 + PAD / 2,
                    PAD / 2 - 20);
            return;
        }
        gc.setImageSmoothing(false);
        gc.drawImage(MapColours.grey(in, 0, 28, 28), px, 2, PREVIEW, PREVIEW);
        gc.setStroke(Color.gray(0.55));
        gc.setLineWidth(1);
        gc.strokeRect(px, 2, PREVIEW, PREVIEW);
        gc.setFill(Color.gray(0.45));
        gc.fillText("what the\nnetwork gets:\n28×28, the ink\nscaled to 20×20\nand centred\nby its mass", px,
                PREVIEW + 8);
    }

    @Override
    public Node exportNode() {
        return this;
    }

    @Override
    public String exportName() {
        return "drawn-digit";
    }

    @Override
    public Picture prepareExport(double scale, ExportBackground background) {
        canvas.setPixelScale(scale);
        draw();
        return new Picture(this, () -> {
            canvas.setPixelScale(1);
            draw();
        });
    }
}
