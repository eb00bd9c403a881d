package studio.backprop.ui.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The drawn digit becomes an MNIST-style input: 20×20 box, centred by mass in 28×28. */
class DigitPreprocessingTest {

    @Test
    void aStrokeInACornerLandsCentredByMassInTheTwentyBox() {
        // an L in the top-left corner of a 40×40 canvas: a vertical bar (x 2..5, y 2..21) and a foot (x 2..13, y 18..21)
        int n = 40;
        float[] ink = new float[n * n];
        for (int y = 2; y < 22; y++) {
            for (int x = 2; x < 6; x++) {
                ink[y * n + x] = 1;
            }
        }
        for (int y = 18; y < 22; y++) {
            for (int x = 2; x < 14; x++) {
                ink[y * n + x] = 1;
            }
        }
        float[] out = DigitPreprocessing.toMnist(ink, n);
        double[] centre = centreOfMass(out);
        assertEquals(14, centre[0], 0.5, "row of the centre of mass");
        assertEquals(14, centre[1], 0.5, "column of the centre of mass");
        int[] box = boundingBox(out);
        assertEquals(20, box[2] - box[0] + 1, "the taller side fills the 20-pixel box");
        assertEquals(12, box[3] - box[1] + 1, "the 12:20 aspect is kept");
        float max = 0;
        for (float v : out) {
            max = Math.max(max, v);
        }
        assertEquals(1f, max, 1e-6f, "the strongest ink is 1");
    }

    @Test
    void aCentredSquareStaysCentredAndFillsTheBox() {
        float[] ink = new float[28 * 28];
        for (int y = 10; y < 14; y++) {
            for (int x = 10; x < 14; x++) {
                ink[y * 28 + x] = 0.5f;
            }
        }
        float[] out = DigitPreprocessing.toMnist(ink, 28);
        assertEquals(4, boundingBox(out)[0]);
        assertEquals(23, boundingBox(out)[2]);
        assertEquals(1f, out[14 * 28 + 14], 1e-6f);
        double[] c = centreOfMass(out);
        assertEquals(14, c[0], 1e-9);
        assertEquals(14, c[1], 1e-9);
    }

    @Test
    void anEmptyCanvasHasNoInput() {
        assertNull(DigitPreprocessing.toMnist(new float[28 * 28], 28));
        assertTrue(new DigitDrawing().isEmpty());
        assertNull(new DigitDrawing().input());
        assertThrows(IllegalArgumentException.class, () -> DigitPreprocessing.toMnist(new float[10], 28));
    }

    @Test
    void aDrawnStrokeBecomesACentredInputAndUndoTakesItBack() {
        DigitDrawing d = new DigitDrawing();
        d.begin(0.7, 0.1, 0.03);
        d.extend(0.75, 0.4);
        d.end();
        float[] in = d.input();
        double[] c = centreOfMass(in);
        assertEquals(14, c[0], 0.5);
        assertEquals(14, c[1], 0.5);
        assertEquals(20, boundingBox(in)[2] - boundingBox(in)[0] + 1);
        assertTrue(d.undo());
        assertTrue(d.isEmpty());
    }

    private static double[] centreOfMass(float[] img) {
        double m = 0;
        double my = 0;
        double mx = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                float v = img[y * 28 + x];
                m += v;
                my += v * (y + 0.5);
                mx += v * (x + 0.5);
            }
        }
        return new double[] {my / m, mx / m};
    }

    /** {top, left, bottom, right} of the ink. */
    private static int[] boundingBox(float[] img) {
        int[] b = {28, 28, -1, -1};
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                if (img[y * 28 + x] > DigitPreprocessing.PAPER) {
                    b[0] = Math.min(b[0], y);
                    b[1] = Math.min(b[1], x);
                    b[2] = Math.max(b[2], y);
                    b[3] = Math.max(b[3], x);
                }
            }
        }
        return b;
    }
}
