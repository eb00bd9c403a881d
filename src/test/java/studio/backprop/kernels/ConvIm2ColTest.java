package studio.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.backprop.kernels.KernelTestSupport.assertClose;
import static studio.backprop.kernels.KernelTestSupport.assertSameForAllThreadCounts;
import static studio.backprop.kernels.KernelTestSupport.dot;
import static studio.backprop.kernels.KernelTestSupport.random;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ConvIm2ColTest {

    @Test
    void im2colMatchesReferenceAndTheBatchMatchesImageByImage() {
        Random rnd = new Random(21);
        for (ConvCases c : ConvCases.ALL) {
            int cols = (int) Im2Col.colsSize(c.h(), c.w(), c.cin(), c.g());
            int image = c.h() * c.w() * c.cin();
            float[] x = random(rnd, c.inSize());
            float[] batch = new float[c.n() * cols];
            Im2Col.im2colBatch(x, 0, c.n(), c.h(), c.w(), c.cin(), c.g(), batch, 0);
            for (int b = 0; b < c.n(); b++) {
                float[] expected = new float[cols + 3];
                float[] actual = new float[cols + 3];
                Im2Col.im2colReference(x, b * image, c.h(), c.w(), c.cin(), c.g(), expected, 3);
                Im2Col.im2col(x, b * image, c.h(), c.w(), c.cin(), c.g(), actual, 3);
                assertArrayEquals(expected, actual, "im2col image " + b + " of " + c);
                for (int i = 0; i < cols; i++) {
                    assertEquals(expected[3 + i], batch[b * cols + i], "batched im2col " + c);
                }
            }
        }
    }

    @Test
    void col2imMatchesReferenceAndIsTheAdjointOfIm2col() {
        Random rnd = new Random(22);
        for (ConvCases c : ConvCases.ALL) {
            int cols = (int) Im2Col.colsSize(c.h(), c.w(), c.cin(), c.g());
            int image = c.h() * c.w() * c.cin();
            float[] x = random(rnd, image);
            float[] m = random(rnd, cols);
            for (boolean acc : new boolean[] {false, true}) {
                float[] start = random(rnd, image);
                float[] expected = start.clone();
                float[] actual = start.clone();
                Im2Col.col2imReference(m, 0, c.h(), c.w(), c.cin(), c.g(), expected, 0, acc);
                Im2Col.col2im(m, 0, c.h(), c.w(), c.cin(), c.g(), actual, 0, acc);
                assertClose(expected, actual, 1e-6, "col2im acc=" + acc + " " + c);
            }
            float[] colsOfX = new float[cols];
            float[] back = new float[image];
            Im2Col.im2col(x, 0, c.h(), c.w(), c.cin(), c.g(), colsOfX, 0);
            Im2Col.col2im(m, 0, c.h(), c.w(), c.cin(), c.g(), back, 0, false);
            double lhs = dot(colsOfX, m);
            assertEquals(lhs, dot(x, back), 1e-5 * (1 + Math.abs(lhs)), "⟨im2col(x), m⟩ = ⟨x, col2im(m)⟩ " + c);
        }
    }

    @Test
    void bothDirectionsAreBitIdenticalForAnyThreadCount() {
        Random rnd = new Random(23);
        ConvCases c = new ConvCases(3, 13, 13, 3, 1, ConvGeometry.square(3, 1, 1, 2));
        int cols = (int) Im2Col.colsSize(c.h(), c.w(), c.cin(), c.g());
        float[] x = random(rnd, c.inSize());
        float[] m = random(rnd, c.n() * cols);
        assertSameForAllThreadCounts("im2col", () -> {
            float[] out = new float[c.n() * cols];
            Im2Col.im2colBatch(x, 0, c.n(), c.h(), c.w(), c.cin(), c.g(), out, 0);
            return out;
        });
        assertSameForAllThreadCounts("col2im", () -> {
            float[] out = new float[c.inSize()];
            Im2Col.col2imBatch(m, 0, c.n(), c.h(), c.w(), c.cin(), c.g(), out, 0, false);
            return out;
        });
    }
}
