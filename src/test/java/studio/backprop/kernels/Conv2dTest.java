package studio.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.backprop.kernels.KernelTestSupport.assertClose;
import static studio.backprop.kernels.KernelTestSupport.assertGradient;
import static studio.backprop.kernels.KernelTestSupport.assertSameForAllThreadCounts;
import static studio.backprop.kernels.KernelTestSupport.dot;
import static studio.backprop.kernels.KernelTestSupport.random;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Conv2dTest {

    private static final double TOL = 1e-5;

    @Test
    void forwardMatchesReference() {
        Random rnd = new Random(1);
        for (ConvCases c : ConvCases.ALL) {
            float[] x = random(rnd, c.inSize());
            float[] w = random(rnd, c.weightSize());
            float[] b = random(rnd, c.cout());
            float[] expected = new float[c.outSize()];
            float[] actual = new float[c.outSize()];
            Conv2d.forwardReference(x, c.n(), c.h(), c.w(), c.cin(), w, b, c.cout(), c.g(), expected);
            float[] ws = new float[Conv2d.workspaceSize(c.n(), c.h(), c.w(), c.cin(), c.g())];
            Conv2d.forward(x, c.n(), c.h(), c.w(), c.cin(), w, b, c.cout(), c.g(), ws, actual);
            assertClose(expected, actual, TOL, "forward " + c);
            Conv2d.forward(x, c.n(), c.h(), c.w(), c.cin(), w, null, c.cout(), c.g(), null, actual);
            Conv2d.forwardReference(x, c.n(), c.h(), c.w(), c.cin(), w, null, c.cout(), c.g(), expected);
            assertClose(expected, actual, TOL, "forward without bias " + c);
        }
    }

    @Test
    void backwardInputMatchesReferenceWithAndWithoutAccumulation() {
        Random rnd = new Random(2);
        for (ConvCases c : ConvCases.ALL) {
            float[] dy = random(rnd, c.outSize());
            float[] w = random(rnd, c.weightSize());
            for (boolean acc : new boolean[] {false, true}) {
                float[] start = random(rnd, c.inSize());
                float[] expected = start.clone();
                float[] actual = start.clone();
                Conv2d.backwardInputReference(dy, c.n(), c.h(), c.w(), c.cin(), w, c.cout(), c.g(), expected, acc);
                Conv2d.backwardInput(dy, c.n(), c.h(), c.w(), c.cin(), w, c.cout(), c.g(), null, actual, acc);
                assertClose(expected, actual, TOL, "backward input acc=" + acc + " " + c);
            }
        }
    }

    @Test
    void backwardWeightMatchesReferenceWithAndWithoutAccumulation() {
        Random rnd = new Random(3);
        for (ConvCases c : ConvCases.ALL) {
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
    void backwardBiasMatchesReferenceWithAndWithoutAccumulation() {
        Random rnd = new Random(4);
        for (ConvCases c : ConvCases.ALL) {
            float[] dy = random(rnd, c.outSize());
            for (boolean acc : new boolean[] {false, true}) {
                float[] start = random(rnd, c.cout());
                float[] expected = start.clone();
                float[] actual = start.clone();
                Conv2d.backwardBiasReference(dy, c.n(), c.outH(), c.outW(), c.cout(), expected, acc);
                Conv2d.backwardBias(dy, c.n(), c.outH(), c.outW(), c.cout(), actual, acc);
                assertClose(expected, actual, TOL, "backward bias acc=" + acc + " " + c);
            }
        }
    }

    @Test
    void backwardInputIsTheAdjointOfForward() {
        Random rnd = new Random(5);
        for (ConvCases c : ConvCases.ALL) {
            float[] x = random(rnd, c.inSize());
            float[] w = random(rnd, c.weightSize());
            float[] y = random(rnd, c.outSize());
            float[] convX = new float[c.outSize()];
            float[] adjY = new float[c.inSize()];
            Conv2d.forward(x, c.n(), c.h(), c.w(), c.cin(), w, null, c.cout(), c.g(), null, convX);
            Conv2d.backwardInput(y, c.n(), c.h(), c.w(), c.cin(), w, c.cout(), c.g(), null, adjY, false);
            double lhs = dot(convX, y);
            double rhs = dot(x, adjY);
            assertEquals(lhs, rhs, 1e-4 * (1 + Math.abs(lhs)), "⟨conv(x), y⟩ = ⟨x, convᵀ(y)⟩ for " + c);
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Random rnd = new Random(6);
        ConvCases[] cases = {ConvCases.ALL.get(2), ConvCases.ALL.get(4), ConvCases.ALL.get(10)};
        for (ConvCases c : cases) {
            float[] x = random(rnd, c.inSize());
            float[] w = random(rnd, c.weightSize());
            float[] b = random(rnd, c.cout());
            float[] r = random(rnd, c.outSize());
            float[] y = new float[c.outSize()];
            KernelTestSupport.Loss byX = v -> {
                Conv2d.forward(v, c.n(), c.h(), c.w(), c.cin(), w, b, c.cout(), c.g(), null, y);
                return dot(y, r);
            };
            KernelTestSupport.Loss byW = v -> {
                Conv2d.forward(x, c.n(), c.h(), c.w(), c.cin(), v, b, c.cout(), c.g(), null, y);
                return dot(y, r);
            };
            KernelTestSupport.Loss byB = v -> {
                Conv2d.forward(x, c.n(), c.h(), c.w(), c.cin(), w, v, c.cout(), c.g(), null, y);
                return dot(y, r);
            };
            float[] dx = new float[c.inSize()];
            float[] dw = new float[c.weightSize()];
            float[] db = new float[c.cout()];
            Conv2d.backwardInput(r, c.n(), c.h(), c.w(), c.cin(), w, c.cout(), c.g(), null, dx, false);
            Conv2d.backwardWeight(x, r, c.n(), c.h(), c.w(), c.cin(), c.cout(), c.g(), null, dw, false);
            Conv2d.backwardBias(r, c.n(), c.outH(), c.outW(), c.cout(), db, false);
            assertGradient("conv2d dx " + c, x, dx, byX, 0.05f, 2e-3, 40, rnd);
            assertGradient("conv2d dw " + c, w, dw, byW, 0.05f, 2e-3, 40, rnd);
            assertGradient("conv2d db " + c, b, db, byB, 0.05f, 2e-3, 40, rnd);
        }
    }

    @Test
    void multiImageChunksMatchReference() {
        Random rnd = new Random(7);
        ConvCases c = new ConvCases(3, 48, 48, 48, 2, ConvGeometry.square(3, 1, 1));
        float[] x = random(rnd, c.inSize());
        float[] w = random(rnd, c.weightSize());
        float[] dy = random(rnd, c.outSize());
        float[] expected = new float[c.outSize()];
        float[] actual = new float[c.outSize()];
        Conv2d.forwardReference(x, c.n(), c.h(), c.w(), c.cin(), w, null, c.cout(), c.g(), expected);
        Conv2d.forward(x, c.n(), c.h(), c.w(), c.cin(), w, null, c.cout(), c.g(), null, actual);
        assertClose(expected, actual, 1e-4, "forward over several chunks");
        float[] dwExpected = new float[c.weightSize()];
        float[] dwActual = new float[c.weightSize()];
        Conv2d.backwardWeightReference(x, dy, c.n(), c.h(), c.w(), c.cin(), c.cout(), c.g(), dwExpected, false);
        Conv2d.backwardWeight(x, dy, c.n(), c.h(), c.w(), c.cin(), c.cout(), c.g(), null, dwActual, false);
        assertClose(dwExpected, dwActual, 1e-3, "backward weight over several chunks");
    }

    @Test
    void everyPassIsBitIdenticalForAnyThreadCount() {
        Random rnd = new Random(8);
        ConvCases c = new ConvCases(3, 13, 13, 3, 17, new ConvGeometry(3, 3, 2, 1, 1, 0, 1, 1, 1, 1));
        float[] x = random(rnd, c.inSize());
        float[] w = random(rnd, c.weightSize());
        float[] b = random(rnd, c.cout());
        float[] dy = random(rnd, c.outSize());
        float[] ws = new float[Conv2d.workspaceSize(c.n(), c.h(), c.w(), c.cin(), c.g())];
        assertSameForAllThreadCounts("conv2d forward", () -> {
            float[] y = new float[c.outSize()];
            Conv2d.forward(x, c.n(), c.h(), c.w(), c.cin(), w, b, c.cout(), c.g(), ws, y);
            return y;
        });
        assertSameForAllThreadCounts("conv2d backward input", () -> {
            float[] dx = new float[c.inSize()];
            Conv2d.backwardInput(dy, c.n(), c.h(), c.w(), c.cin(), w, c.cout(), c.g(), ws, dx, false);
            return dx;
        });
        assertSameForAllThreadCounts("conv2d backward weight", () -> {
            float[] dw = new float[c.weightSize()];
            Conv2d.backwardWeight(x, dy, c.n(), c.h(), c.w(), c.cin(), c.cout(), c.g(), ws, dw, false);
            return dw;
        });
        assertSameForAllThreadCounts("conv2d backward bias", () -> {
            float[] db = new float[c.cout()];
            Conv2d.backwardBias(dy, c.n(), c.outH(), c.outW(), c.cout(), db, false);
            return db;
        });
    }
}
