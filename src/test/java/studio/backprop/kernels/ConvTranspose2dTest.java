package studio.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.backprop.kernels.KernelTestSupport.assertClose;
import static studio.backprop.kernels.KernelTestSupport.assertGradient;
import static studio.backprop.kernels.KernelTestSupport.assertSameForAllThreadCounts;
import static studio.backprop.kernels.KernelTestSupport.dot;
import static studio.backprop.kernels.KernelTestSupport.random;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ConvTranspose2dTest {

    /** Transposed shape: input (n, h, w, cin), output (n, outH, outW, cout), output padding below the stride. */
    private record Case(int n, int h, int w, int cin, int cout, ConvGeometry g, int opH, int opW) {
        int outH() {
            return ConvTranspose2d.outH(h, g, opH);
        }

        int outW() {
            return ConvTranspose2d.outW(w, g, opW);
        }

        int inSize() {
            return n * h * w * cin;
        }

        int outSize() {
            return n * outH() * outW() * cout;
        }

        int weightSize() {
            return g.kernelH() * g.kernelW() * cout * cin;
        }
    }

    private static final Case[] CASES = {
        new Case(1, 1, 1, 1, 1, ConvGeometry.square(1, 1, 0), 0, 0),
        new Case(3, 3, 3, 3, 17, ConvGeometry.square(3, 2, 0), 1, 0),
        new Case(1, 7, 5, 17, 3, new ConvGeometry(3, 2, 2, 3, 1, 0, 2, 1, 1, 1), 1, 2),
        new Case(2, 4, 4, 1, 3, ConvGeometry.square(3, 1, 1, 2), 0, 0),
        new Case(3, 2, 13, 3, 1, new ConvGeometry(1, 5, 3, 1, 0, 0, 1, 2, 1, 1), 2, 0),
    };

    @Test
    void outputSizeFollowsTheTransposedFormula() {
        assertEquals(7, ConvTranspose2d.outH(3, ConvGeometry.square(3, 2, 0), 0));
        assertEquals(8, ConvTranspose2d.outH(3, ConvGeometry.square(3, 2, 0), 1));
        assertEquals(8, ConvTranspose2d.outW(4, ConvGeometry.same(3, 3, 2, 2, 1, 1), 1));
        assertEquals(5, ConvTranspose2d.outH(3, ConvGeometry.square(3, 1, 0), 0));
    }

    @Test
    void everyPassMatchesItsReference() {
        Random rnd = new Random(11);
        for (Case c : CASES) {
            float[] x = random(rnd, c.inSize());
            float[] w = random(rnd, c.weightSize());
            float[] b = random(rnd, c.cout());
            float[] dy = random(rnd, c.outSize());
            float[] expected = new float[c.outSize()];
            float[] actual = new float[c.outSize()];
            ConvTranspose2d.forwardReference(x, c.n, c.h, c.w, c.cin, w, b, c.cout, c.g, c.opH, c.opW, expected);
            ConvTranspose2d.forward(x, c.n, c.h, c.w, c.cin, w, b, c.cout, c.g, c.opH, c.opW, null, actual);
            assertClose(expected, actual, 1e-5, "transpose forward " + c);
            float[] dxStart = random(rnd, c.inSize());
            float[] dxExpected = dxStart.clone();
            float[] dxActual = dxStart.clone();
            ConvTranspose2d.backwardInputReference(dy, c.n, c.h, c.w, c.cin, w, c.cout, c.g, c.opH, c.opW,
                    dxExpected, true);
            ConvTranspose2d.backwardInput(dy, c.n, c.h, c.w, c.cin, w, c.cout, c.g, c.opH, c.opW, null, dxActual,
                    true);
            assertClose(dxExpected, dxActual, 1e-5, "transpose backward input " + c);
            float[] dwExpected = new float[c.weightSize()];
            float[] dwActual = new float[c.weightSize()];
            ConvTranspose2d.backwardWeightReference(x, dy, c.n, c.h, c.w, c.cin, c.cout, c.g, c.opH, c.opW,
                    dwExpected, false);
            ConvTranspose2d.backwardWeight(x, dy, c.n, c.h, c.w, c.cin, c.cout, c.g, c.opH, c.opW, null, dwActual,
                    false);
            assertClose(dwExpected, dwActual, 1e-5, "transpose backward weight " + c);
        }
    }

    @Test
    void forwardIsConvolutionBackwardInputWithTheSameWeights() {
        Random rnd = new Random(12);
        for (Case c : CASES) {
            float[] x = random(rnd, c.inSize());
            float[] w = random(rnd, c.weightSize());
            float[] transposed = new float[c.outSize()];
            float[] adjoint = new float[c.outSize()];
            ConvTranspose2d.forward(x, c.n, c.h, c.w, c.cin, w, null, c.cout, c.g, c.opH, c.opW, null, transposed);
            // Keras (kh, kw, cout, cin) is the HWIO layout of the convolution from cout to cin channels.
            Conv2d.backwardInput(x, c.n, c.outH(), c.outW(), c.cout, w, c.cin, c.g, null, adjoint, false);
            assertArrayEquals(adjoint, transposed, "transpose forward = conv backward input for " + c);
        }
    }

    @Test
    void backwardInputIsTheAdjointOfForward() {
        Random rnd = new Random(13);
        for (Case c : CASES) {
            float[] x = random(rnd, c.inSize());
            float[] w = random(rnd, c.weightSize());
            float[] y = random(rnd, c.outSize());
            float[] tx = new float[c.outSize()];
            float[] ty = new float[c.inSize()];
            ConvTranspose2d.forward(x, c.n, c.h, c.w, c.cin, w, null, c.cout, c.g, c.opH, c.opW, null, tx);
            ConvTranspose2d.backwardInput(y, c.n, c.h, c.w, c.cin, w, c.cout, c.g, c.opH, c.opW, null, ty, false);
            double lhs = dot(tx, y);
            assertEquals(lhs, dot(x, ty), 1e-4 * (1 + Math.abs(lhs)), "adjoint for " + c);
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Random rnd = new Random(14);
        for (Case c : new Case[] {CASES[1], CASES[2]}) {
            float[] x = random(rnd, c.inSize());
            float[] w = random(rnd, c.weightSize());
            float[] b = random(rnd, c.cout());
            float[] r = random(rnd, c.outSize());
            float[] y = new float[c.outSize()];
            float[] dx = new float[c.inSize()];
            float[] dw = new float[c.weightSize()];
            float[] db = new float[c.cout()];
            ConvTranspose2d.backwardInput(r, c.n, c.h, c.w, c.cin, w, c.cout, c.g, c.opH, c.opW, null, dx, false);
            ConvTranspose2d.backwardWeight(x, r, c.n, c.h, c.w, c.cin, c.cout, c.g, c.opH, c.opW, null, dw, false);
            ConvTranspose2d.backwardBias(r, c.n, c.outH(), c.outW(), c.cout, db, false);
            assertGradient("transpose dx", x, dx, v -> {
                ConvTranspose2d.forward(v, c.n, c.h, c.w, c.cin, w, b, c.cout, c.g, c.opH, c.opW, null, y);
                return dot(y, r);
            }, 0.05f, 2e-3, 40, rnd);
            assertGradient("transpose dw", w, dw, v -> {
                ConvTranspose2d.forward(x, c.n, c.h, c.w, c.cin, v, b, c.cout, c.g, c.opH, c.opW, null, y);
                return dot(y, r);
            }, 0.05f, 2e-3, 40, rnd);
            assertGradient("transpose db", b, db, v -> {
                ConvTranspose2d.forward(x, c.n, c.h, c.w, c.cin, w, v, c.cout, c.g, c.opH, c.opW, null, y);
                return dot(y, r);
            }, 0.05f, 2e-3, 40, rnd);
        }
    }

    @Test
    void everyPassIsBitIdenticalForAnyThreadCount() {
        Random rnd = new Random(15);
        Case c = CASES[1];
        float[] x = random(rnd, c.inSize());
        float[] w = random(rnd, c.weightSize());
        float[] dy = random(rnd, c.outSize());
        float[] ws = new float[ConvTranspose2d.workspaceSize(c.n, c.h, c.w, c.cin, c.cout, c.g, c.opH, c.opW)];
        assertSameForAllThreadCounts("transpose forward", () -> {
            float[] y = new float[c.outSize()];
            ConvTranspose2d.forward(x, c.n, c.h, c.w, c.cin, w, null, c.cout, c.g, c.opH, c.opW, ws, y);
            return y;
        });
        assertSameForAllThreadCounts("transpose backward input", () -> {
            float[] dx = new float[c.inSize()];
            ConvTranspose2d.backwardInput(dy, c.n, c.h, c.w, c.cin, w, c.cout, c.g, c.opH, c.opW, ws, dx, false);
            return dx;
        });
        assertSameForAllThreadCounts("transpose backward weight", () -> {
            float[] dw = new float[c.weightSize()];
            ConvTranspose2d.backwardWeight(x, dy, c.n, c.h, c.w, c.cin, c.cout, c.g, c.opH, c.opW, ws, dw, false);
            return dw;
        });
    }
}
