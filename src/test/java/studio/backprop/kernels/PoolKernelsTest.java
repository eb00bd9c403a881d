package studio.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static studio.backprop.kernels.KernelTestSupport.assertClose;
import static studio.backprop.kernels.KernelTestSupport.assertGradient;
import static studio.backprop.kernels.KernelTestSupport.assertSameForAllThreadCounts;
import static studio.backprop.kernels.KernelTestSupport.distinct;
import static studio.backprop.kernels.KernelTestSupport.dot;
import static studio.backprop.kernels.KernelTestSupport.random;

import java.util.List;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PoolKernelsTest {

    private record Case(int n, int h, int w, int c, ConvGeometry g) {
        int inSize() {
            return n * h * w * c;
        }

        int outSize() {
            return n * g.outH(h) * g.outW(w) * c;
        }
    }

    private static final List<Case> CASES = List.of(
            new Case(1, 1, 1, 1, ConvGeometry.square(1, 1, 0)),
            new Case(3, 7, 7, 3, ConvGeometry.square(2, 2, 0)),
            new Case(1, 13, 7, 17, ConvGeometry.square(3, 2, 1)),
            new Case(2, 13, 13, 1, new ConvGeometry(3, 2, 3, 2, 1, 0, 0, 1, 1, 1)),
            new Case(3, 7, 13, 3, ConvGeometry.square(3, 1, 2, 2)),
            new Case(1, 1, 1, 3, ConvGeometry.square(3, 1, 1)));

    @Test
    void forwardPassesMatchReferences() {
        Random rnd = new Random(31);
        for (Case c : CASES) {
            float[] x = random(rnd, c.inSize());
            float[] expected = new float[c.outSize()];
            float[] actual = new float[c.outSize()];
            int[] argExpected = new int[c.outSize()];
            int[] argActual = new int[c.outSize()];
            Pool2dReference.maxForward(x, c.n, c.h, c.w, c.c, c.g, expected, argExpected);
            Pool2d.maxForward(x, c.n, c.h, c.w, c.c, c.g, actual, argActual);
            assertArrayEquals(expected, actual, "max " + c);
            assertArrayEquals(argExpected, argActual, "argmax " + c);
            Pool2dReference.avgForward(x, c.n, c.h, c.w, c.c, c.g, expected);
            Pool2d.avgForward(x, c.n, c.h, c.w, c.c, c.g, actual);
            assertClose(expected, actual, 1e-6, "average " + c);
            Pool2dReference.l2Forward(x, c.n, c.h, c.w, c.c, c.g, expected);
            Pool2d.l2Forward(x, c.n, c.h, c.w, c.c, c.g, actual);
            assertClose(expected, actual, 1e-6, "L2 " + c);
        }
    }

    @Test
    void maxPoolingKeepsTheFirstOfTiesAndNaNLikeTheReference() {
        Random rnd = new Random(33);
        float[] values = {0f, -0f, 1f, 1f, 2f, Float.NaN, -1f};
        List<Case> cases = List.of(new Case(3, 28, 28, 6, ConvGeometry.square(2, 2, 0)),
                new Case(2, 7, 9, 3, ConvGeometry.square(2, 2, 0)),
                new Case(2, 10, 10, 16, ConvGeometry.square(2, 2, 0)),
                new Case(1, 5, 33, 1, ConvGeometry.square(2, 2, 0)),
                new Case(2, 6, 5, 17, ConvGeometry.square(2, 2, 0)),
                new Case(2, 7, 7, 5, ConvGeometry.same(2, 2, 2, 2, 1, 1)),
                new Case(2, 9, 11, 5, ConvGeometry.square(3, 1, 0, 2)),
                new Case(2, 9, 11, 5, ConvGeometry.square(3, 2, 1)));
        for (Case c : cases) {
            float[] x = new float[c.inSize()];
            for (int i = 0; i < x.length; i++) {
                x[i] = values[rnd.nextInt(values.length)];
            }
            float[] expected = new float[c.outSize()];
            float[] actual = new float[c.outSize()];
            int[] argExpected = new int[c.outSize()];
            int[] argActual = new int[c.outSize()];
            Pool2dReference.maxForward(x, c.n, c.h, c.w, c.c, c.g, expected, argExpected);
            Pool2d.maxForward(x, c.n, c.h, c.w, c.c, c.g, actual, argActual);
            assertArrayEquals(expected, actual, "max " + c);
            assertArrayEquals(argExpected, argActual, "argmax " + c);
        }
    }

    @Test
    void backwardPassesMatchReferences() {
        Random rnd = new Random(32);
        for (Case c : CASES) {
            float[] x = random(rnd, c.inSize());
            float[] y = new float[c.outSize()];
            int[] arg = new int[c.outSize()];
            float[] dy = random(rnd, c.outSize());
            float[] start = random(rnd, c.inSize());
            Pool2d.maxForward(x, c.n, c.h, c.w, c.c, c.g, y, arg);
            float[] e = start.clone();
            float[] a = start.clone();
            Pool2dReference.maxBackward(dy, arg, c.n, c.h, c.w, c.c, c.g, e, true);
            Pool2d.maxBackward(dy, arg, c.n, c.h, c.w, c.c, c.g, a, true);
            assertClose(e, a, 1e-6, "max backward " + c);
            Pool2dReference.avgBackward(dy, c.n, c.h, c.w, c.c, c.g, e, false);
            Pool2d.avgBackward(dy, c.n, c.h, c.w, c.c, c.g, a, false);
            assertClose(e, a, 1e-6, "average backward " + c);
            Pool2d.l2Forward(x, c.n, c.h, c.w, c.c, c.g, y);
            Pool2dReference.l2Backward(x, y, dy, c.n, c.h, c.w, c.c, c.g, e, false);
            Pool2d.l2Backward(x, y, dy, c.n, c.h, c.w, c.c, c.g, a, false);
            assertClose(e, a, 1e-5, "L2 backward " + c);
        }
    }

    @Test
    void maxPoolTiesGoToTheFirstTapAndPaddingIsNeverChosen() {
        float[] x = {-3, -3, -3, -3};
        float[] y = new float[4];
        int[] arg = new int[4];
        Pool2d.maxForward(x, 1, 2, 2, 1, new ConvGeometry(2, 2, 1, 1, 1, 0, 1, 0, 1, 1), y, arg);
        assertArrayEquals(new float[] {-3, -3, -3, -3}, y);
        assertArrayEquals(new int[] {0, 0, 0, 0}, arg);
    }

    @Test
    void averagePoolCountsOnlyInImageTaps() {
        float[] y = new float[4];
        Pool2d.avgForward(new float[] {1, 2, 3, 4}, 1, 2, 2, 1, new ConvGeometry(2, 2, 1, 1, 1, 0, 1, 0, 1, 1), y);
        assertArrayEquals(new float[] {1, 1.5f, 2, 2.5f}, y);
    }

    @Test
    void maxUnpoolPutsValuesBackWhereTheyCameFrom() {
        float[] x = {1, 1, 2, 4, 5, 6, 7, 8, 3, 2, 1, 0, 1, 2, 3, 4};
        float[] pooled = new float[4];
        int[] arg = new int[4];
        ConvGeometry g = ConvGeometry.square(2, 2, 0);
        Pool2d.maxForward(x, 1, 4, 4, 1, g, pooled, arg);
        float[] up = new float[16];
        Pool2d.maxUnpool(pooled, arg, 1, 4, 4, 1, g, up);
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 6, 0, 8, 3, 0, 0, 0, 0, 0, 0, 4}, up);
    }

    @Test
    void poolGradientsMatchFiniteDifferences() {
        Random rnd = new Random(33);
        for (Case c : List.of(CASES.get(2), CASES.get(3))) {
            float[] x = distinct(rnd, c.inSize());
            float[] r = random(rnd, c.outSize());
            float[] y = new float[c.outSize()];
            int[] arg = new int[c.outSize()];
            float[] dx = new float[c.inSize()];
            Pool2d.maxForward(x, c.n, c.h, c.w, c.c, c.g, y, arg);
            Pool2d.maxBackward(r, arg, c.n, c.h, c.w, c.c, c.g, dx, false);
            assertGradient("max pool " + c, x, dx, v -> {
                Pool2d.maxForward(v, c.n, c.h, c.w, c.c, c.g, y, arg);
                return dot(y, r);
            }, 0.01f, 1e-2, 60, rnd);
            Pool2d.avgBackward(r, c.n, c.h, c.w, c.c, c.g, dx, false);
            assertGradient("average pool " + c, x, dx, v -> {
                Pool2d.avgForward(v, c.n, c.h, c.w, c.c, c.g, y);
                return dot(y, r);
            }, 0.01f, 1e-2, 60, rnd);
            Pool2d.l2Forward(x, c.n, c.h, c.w, c.c, c.g, y);
            Pool2d.l2Backward(x, y, r, c.n, c.h, c.w, c.c, c.g, dx, false);
            assertGradient("L2 pool " + c, x, dx, v -> {
                Pool2d.l2Forward(v, c.n, c.h, c.w, c.c, c.g, y);
                return dot(y, r);
            }, 0.01f, 1e-2, 60, rnd);
        }
    }

    @Test
    void globalPoolsMatchReferenceAndFiniteDifferences() {
        Random rnd = new Random(34);
        int n = 3;
        int h = 7;
        int w = 5;
        int c = 17;
        float[] x = distinct(rnd, n * h * w * c);
        float[] r = random(rnd, n * c);
        float[] y = new float[n * c];
        float[] ref = new float[n * c];
        int[] arg = new int[n * c];
        float[] dx = new float[x.length];
        GlobalPool.avgForward(x, n, h, w, c, y);
        GlobalPool.avgForwardReference(x, n, h, w, c, ref);
        assertClose(ref, y, 1e-6, "global average");
        GlobalPool.avgBackward(r, n, h, w, c, dx, false);
        assertGradient("global average", x, dx, v -> {
            GlobalPool.avgForward(v, n, h, w, c, y);
            return dot(y, r);
        }, 0.01f, 1e-2, 60, rnd);
        GlobalPool.maxForward(x, n, h, w, c, y, arg);
        for (int i = 0; i < y.length; i++) {
            float best = Float.NEGATIVE_INFINITY;
            for (int p = 0; p < h * w; p++) {
                best = Math.max(best, x[((i / c) * h * w + p) * c + i % c]);
            }
            assertArrayEquals(new float[] {best}, new float[] {y[i]}, "global max " + i);
        }
        GlobalPool.maxBackward(r, arg, n, h, w, c, dx, false);
        assertGradient("global max", x, dx, v -> {
            GlobalPool.maxForward(v, n, h, w, c, y, arg);
            return dot(y, r);
        }, 0.01f, 1e-2, 60, rnd);
    }

    @Test
    void upsampleMatchesReferenceAndFiniteDifferences() {
        Random rnd = new Random(35);
        int n = 3;
        int h = 3;
        int w = 7;
        int c = 3;
        int fh = 2;
        int fw = 3;
        float[] x = random(rnd, n * h * w * c);
        float[] r = random(rnd, n * h * fh * w * fw * c);
        float[] y = new float[r.length];
        float[] ref = new float[r.length];
        Upsample.nearestForward(x, n, h, w, c, fh, fw, y);
        Upsample.nearestForwardReference(x, n, h, w, c, fh, fw, ref);
        assertArrayEquals(ref, y);
        float[] dx = random(rnd, x.length);
        float[] dxRef = dx.clone();
        Upsample.nearestBackward(r, n, h, w, c, fh, fw, dx, true);
        Upsample.nearestBackwardReference(r, n, h, w, c, fh, fw, dxRef, true);
        assertClose(dxRef, dx, 1e-6, "upsample backward");
        Upsample.nearestBackward(r, n, h, w, c, fh, fw, dx, false);
        assertGradient("upsample", x, dx, v -> {
            Upsample.nearestForward(v, n, h, w, c, fh, fw, y);
            return dot(y, r);
        }, 0.05f, 2e-3, 60, rnd);
    }

    @Test
    void everyPoolIsBitIdenticalForAnyThreadCount() {
        Random rnd = new Random(36);
        Case c = new Case(3, 13, 13, 17, ConvGeometry.square(3, 2, 1));
        float[] x = random(rnd, c.inSize());
        float[] dy = random(rnd, c.outSize());
        float[] y = new float[c.outSize()];
        int[] arg = new int[c.outSize()];
        Pool2d.l2Forward(x, c.n, c.h, c.w, c.c, c.g, y);
        float[] l2 = y.clone();
        Pool2d.maxForward(x, c.n, c.h, c.w, c.c, c.g, y, arg);
        assertSameForAllThreadCounts("max pool", () -> {
            float[] out = new float[c.outSize()];
            Pool2d.maxForward(x, c.n, c.h, c.w, c.c, c.g, out, new int[c.outSize()]);
            return out;
        });
        assertSameForAllThreadCounts("average pool", () -> {
            float[] out = new float[c.outSize()];
            Pool2d.avgForward(x, c.n, c.h, c.w, c.c, c.g, out);
            return out;
        });
        assertSameForAllThreadCounts("max pool backward", () -> {
            float[] dx = new float[c.inSize()];
            Pool2d.maxBackward(dy, arg, c.n, c.h, c.w, c.c, c.g, dx, false);
            return dx;
        });
        assertSameForAllThreadCounts("average pool backward", () -> {
            float[] dx = new float[c.inSize()];
            Pool2d.avgBackward(dy, c.n, c.h, c.w, c.c, c.g, dx, false);
            return dx;
        });
        assertSameForAllThreadCounts("L2 pool backward", () -> {
            float[] dx = new float[c.inSize()];
            Pool2d.l2Backward(x, l2, dy, c.n, c.h, c.w, c.c, c.g, dx, false);
            return dx;
        });
        assertSameForAllThreadCounts("upsample backward", () -> {
            float[] dx = new float[c.inSize()];
            Upsample.nearestBackward(random(new Random(1), c.inSize() * 4), c.n, c.h, c.w, c.c, 2, 2, dx, false);
            return dx;
        });
        assertSameForAllThreadCounts("global average", () -> {
            float[] out = new float[c.n * c.c];
            GlobalPool.avgForward(x, c.n, c.h, c.w, c.c, out);
            return out;
        });
        assertSameForAllThreadCounts("global average backward", () -> {
            float[] dx = new float[c.inSize()];
            GlobalPool.avgBackward(random(new Random(2), c.n * c.c), c.n, c.h, c.w, c.c, dx, false);
            return dx;
        });
        assertSameForAllThreadCounts("global max and its backward", () -> {
            float[] out = new float[c.n * c.c];
            int[] globalArg = new int[c.n * c.c];
            GlobalPool.maxForward(x, c.n, c.h, c.w, c.c, out, globalArg);
            float[] dx = new float[c.inSize()];
            GlobalPool.maxBackward(random(new Random(3), c.n * c.c), globalArg, c.n, c.h, c.w, c.c, dx, false);
            float[] both = Arrays.copyOf(out, out.length + dx.length);
            System.arraycopy(dx, 0, both, out.length, dx.length);
            return both;
        });
        assertSameForAllThreadCounts("upsample forward", () -> {
            float[] up = new float[c.inSize() * 4];
            Upsample.nearestForward(x, c.n, c.h, c.w, c.c, 2, 2, up);
            return up;
        });
    }
}
