package studio.backprop.ui.lessons.generative;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/** Rows of input, code (a diverging heatmap) and reconstruction, one row per chosen digit. */
final class ReconstructionView extends CanvasView {

    private float[] inputs = new float[0];
    private float[] codes = new float[0];
    private float[] outputs = new float[0];
    private int rows;
    private String note = "Open an autoencoder (the buttons above) and press Play.";

    ReconstructionView() {
        super("autoencoder-reconstructions", 420, 520);
    }

    void show(float[] in, float[] code, float[] out, int count) {
        inputs = in;
        codes = code;
        outputs = out;
        rows = count;
        note = "";
        redraw();
    }

    /** How many digits are drawn (0 while a note is shown). */
    int rows() {
        return rows;
    }

    void showNote(String text) {
        note = text;
        rows = 0;
        redraw();
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        g.setFont(ink().font(12));
        g.setFill(ink().text());
        g.setTextBaseline(VPos.TOP);
        if (rows == 0) {
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(note, 10, 10);
            return;
        }
        double header = 8 + 16 * ink().fontScale();
        double size = Math.max(10, Math.min((h - header - 8) / rows - 8, (w - 40) / 3));
        double gap = (w - 3 * size) / 4;
        String[] titles = {"input", "code", "reconstruction"};
        g.setTextAlign(TextAlignment.CENTER);
        for (int c = 0; c < 3; c++) {
            g.fillText(titles[c], gap + c * (size + gap) + size / 2, 4);
        }
        int codeSize = codes.length / rows;
        for (int r = 0; r < rows; r++) {
            double y = header + r * (size + 8);
            LessonPictures.digit(g, inputs, r * LessonDigits.PIXELS, gap, y, size);
            LessonPictures.code(g, codes, r * codeSize, codeSize, 2 * gap + size, y, size);
            LessonPictures.digit(g, outputs, r * LessonDigits.PIXELS, 3 * gap + 2 * size, y, size);
        }
    }
}
