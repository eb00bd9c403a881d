package studio.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static studio.backprop.kernels.KernelTestSupport.assertClose;
import static studio.backprop.kernels.KernelTestSupport.assertSameForAllThreadCounts;
import static studio.backprop.kernels.KernelTestSupport.random;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The direct few-channel convolution kernels against the direct-loop references of {@link Conv2d}. */
class ConvDirectTest {

    /** Stride-1 shapes the direct kernels take: LeNet's two layers and awkward paddings, dilations and widths. */
    private static final List<ConvCases> CASES = List.of(
            new ConvCases(3, 28, 28, 1, 6, ConvGeometry.same(5, 5, 1, 1, 1, 1)),
            new ConvCases(2, 14, 14, 6, 16, ConvGeometry.square(5, 1, 0)),
            new ConvCases(2, 7, 9, 3, 5, new ConvGeometry(3, 2, 1, 1, 2, 1, 0, 1, 1, 2)),
            new ConvCases(1, 3, 40, 2, 1, ConvGeometry.square(3, 1, 1)),
            new ConvCases(3, 5, 5, 16, 32, ConvGeometry.square(3, 1, 2)),
            new ConvCases(2, 1, 6, 5, 3, new ConvGeometry(1, 3, 1, 1, 0, 0, 1, 1, 1, 1)),
            new ConvCases(2, 9, 4, 7, 9, ConvGeometry.square(2, 1, 0, 3)),
            new ConvCases(1, 2, 2, 1, 1, ConvGeometry.square(2, 1, 1)),
            new ConvCases(2, 8, 8, 13, 14, ConvGeometry.square(3, 1, 1)),
            // Images whose gradient is shorter than a vector: the weight gradient must not read past dy's end.
            new ConvCases(2, 3, 3, 2, 2, ConvGeometry.square(2, 1, 0)),
            new ConvCases(5, 2, 2, 3, 1, ConvGeometry.square(2, 1, 0)),
            // Sixteen channels (a vector's worth on AVX-512, two on AVX2) in rows of 2, 7 and 10 pixels.
            new ConvCases(2, 3, 3, 16, 16, ConvGeometry.square(2, 1, 0)),
            new ConvCases(3, 9, 11, 3, 16, ConvGeometry.square(5, 1, 1)));

    @BeforeEach
    void vectorKernelsInUse() {
        assumeTrue(Gemm.vectorInUse(), "the direct kernels need the Vector API");
    }

    @Test
    void aChannelGetsTheSameBitsWhicheverStripCoversIt() {
        // 6 channels take a strip of six, 8 one of eight, 14 one of eight and one of six, 16 two of eight: the
        // channels they share must come out bit for bit the same.
        Random rnd = new Random(31);
        ConvGeometry g = ConvGeometry.square(5, 1, 0);
        int n = 2;
        int h = 12;
        int cin = 3;
        int taps = 25;
        int out = (h - 4) * (h - 4);
        for (int[] pair : new int[][] {{6, 8}, {14, 16}, {5, 6}}) {
            int few = pair[0];
            int more = pair[1];
            float[] x = random(rnd, n * h * h * cin);
            float[] wide = random(rnd, taps * cin * more);
            float[] narrow = new float[taps * cin * few];
            for (int row = 0; row < taps * cin; row++) {
                System.arraycopy(wide, row * more, narrow, row * few, few);
            }
            float[] yFew = new float[n * out * few];
            float[] yMore = new float[n * out * more];
            Conv2d.forward(x, n, h, h, cin, narrow, null, few, g, null, yFew);
            Conv2d.forward(x, n, h, h, cin, wide, null, more, g, null, yMore);
            for (int pixel = 0; pixel < n * out; pixel++) {
                for (int co = 0; co < few; co++) {
                    assertEquals(Float.floatToIntBits(yMore[pixel * more + co]),
                            Float.floatToIntBits(yFew[pixel * few + co]),
                            few + " vs " + more + " channels, pixel " + pixel + ", channel " + co);
                }
            }
        }
    }

    @Test
    void casesTakeTheDirectPathAndOthersDoNot() {
        for (ConvCases c : CASES) {
            assertTrue(Conv2d.direct(c.cin(), c.cout(), c.g()), c.toString());
        }
        assertFalse(Conv2d.direct(3, 3, ConvGeometry.square(3, 2, 1)), "stride 2");
        assertFalse(Conv2d.direct(3, 3, ConvGeometry.square(3, 1, 3)), "padding wider than the window");
        assertFalse(Conv2d.direct(64, 64, ConvGeometry.square(3, 1, 1)), "many channels");
        assertFalse(Conv2d.direct(3, 3, ConvGeometry.square(1, 1, 0)), "pointwise");
    }

    @Test
    void forwardMatchesReference() {
        Random rnd = new Random(11);
        for (ConvCases c : CASES) {
            float[] x = random(rnd, c.inSize());
            float[] w = random(rnd, c.weightSize());
            float[] b = random(rnd, c.cout());
            float[] expected = new float[c.outSize()];
            float[] actual = new float[c.outSize()];
            Conv2d.forwardReference(x, c.n(), c.h(), c.w(), c.cin(), w, b, c.cout(), c.g(), expected);
            Conv2d.forward(x, c.n(), c.h(), c.w(), c.cin(), w, b, c.cout(), c.g(), null, actual);
            assertClose(expected, actual, 1e-5, "forward " + c);
            Conv2d.forwardReference(x, c.n(), c.h(), c.w(), c.cin(), w, null, c.cout(), c.g(), expected);
            Conv2d.forward(x, c.n(), c.h(), c.w(), c.cin(), w, null, c.cout(), c.g(), null, actual);
            assertClose(expected, actual, 1e-5, "forward without bias " + c);
        }
    }

    @Test
    void backwardInputMatchesReferenceWithAndWithoutAccumulation() {
        Random rnd = new Random(12);
        for (ConvCases c : CASES) {
            float[] dy = random(rnd, c.outSize());
            float[] w = random(rnd, c.weightSize());
            for (boolean acc : new boolean[] {false, true}) {
                float[] start = random(rnd, c.inSize());
                float[] expected = start.clone();
                float[] actual = start.clone();
                Conv2d.backwardInputReference(dy, c.n(), c.h(), c.w(), c.cin(), w, c.cout(), c.g(), expected, acc);
                Conv2d.backwardInput(dy, c.n(), c.h(), c.w(), c.cin(), w, c.cout(), c.g(), null, actual, acc);
                assertClose(expected, actual, 1e-5, "backward input acc=" + acc + " " + c);
            }
        }
    }

    @Test
    void backwardWeightMatchesReferenceWithAndWithoutAccumulation() {
        Random rnd = new Random(13);
        for (ConvCases c : CASES) {
            float[] x = random(rnd, c.inSize());
            float[] dy = random(rnd, c.outSize());
            for (boolean acc : new boolean[] {false, true}) {
                float[] start = random(rnd, c.weightSize());
                float[] expected = start.clone();
                float[] actual = start.clone();
                Conv2d.backwardWeightReference(x, dy, c.n(), c.h(), c.w(), c.cin(), c.cout(), c.g(), expected, acc);
                Conv2d.backwardWeight(x, dy, c.n(), c.h(), c.w(), c.cin(), c.cout(), c.g(), null, actual, acc);
                assertClose(expected, actual, 1e-4, "backward weight acc=" + acc + " " + c);
            }
        }
    }

    @Test
    void everyPassIsBitIdenticalForAnyThreadCount() {
        Random rnd = new Random(14);
        for (ConvCases c : List.of(CASES.get(0), CASES.get(1), CASES.get(2), CASES.get(9), CASES.get(10),
                CASES.get(11), CASES.get(12), new ConvCases(37, 11, 11, 3, 7, ConvGeometry.square(3, 1, 1)))) {
            float[] x = random(rnd, c.inSize());
            float[] w = random(rnd, c.weightSize());
            float[] b = random(rnd, c.cout());
            float[] dy = random(rnd, c.outSize());
            assertSameForAllThreadCounts("direct forward " + c, () -> {
                float[] y = new float[c.outSize()];
                Conv2d.forward(x, c.n(), c.h(), c.w(), c.cin(), w, b, c.cout(), c.g(), null, y);
                return y;
            });
            assertSameForAllThreadCounts("direct backward input " + c, () -> {
                float[] dx = new float[c.inSize()];
                Conv2d.backwardInput(dy, c.n(), c.h(), c.w(), c.cin(), w, c.cout(), c.g(), null, dx, false);
                return dx;
            });
            assertSameForAllThreadCounts("direct backward weight " + c, () -> {
                float[] dw = new float[c.weightSize()];
                Conv2d.backwardWeight(x, dy, c.n(), c.h(), c.w(), c.cin(), c.cout(), c.g(), null, dw, false);
                return dw;
            });
        }
    }
}
