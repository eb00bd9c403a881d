package studio.backprop.ui.lessons.generative;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/** A code the user edits (heatmap) and what the decoder makes of it. */
final class EditedCodeView extends CanvasView {

    private float[] code = new float[0];
    private float[] decoded = new float[0];

    EditedCodeView() {
        super("autoencoder-edited-code", 320, 180);
    }

    void show(float[] editedCode, float[] decodedImage) {
        code = editedCode;
        decoded = decodedImage;
        redraw();
    }

    boolean decoded() {
        return decoded.length > 0;
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        if (code.length == 0 || decoded.length < LessonDigits.PIXELS) {
            return;
        }
        double header = 8 + 16 * ink().fontScale();
        double size = Math.min(h - header - 6, (w - 36) / 2);
        g.setFont(ink().font(12));
        g.setFill(ink().text());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText("edited code", 12 + size / 2, 4);
        g.fillText("decoder's output", 24 + size * 1.5, 4);
        LessonPictures.code(g, code, 0, code.length, 12, header, size);
        LessonPictures.digit(g, decoded, 0, 24 + size, header, size);
    }
}
