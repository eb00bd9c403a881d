package studio.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import studio.backprop.kernels.Elementwise.BinaryOp;

class ElementwiseKernelTest {

    private static final int[][][] SHAPE_PAIRS = {
        {{1}, {1}}, {{7}, {7}}, {{13, 17}, {13, 17}}, {{13, 17}, {17}}, {{13, 17}, {13, 1}}, {{3, 1, 5}, {1, 4, 1}},
        {{2, 3, 4}, {}}, {{1, 1}, {5, 1}}, {{64, 128}, {128}}, {{65537}, {65537}}, {{300, 301}, {301}}, {{4, 1, 3, 2}, {5, 1, 2}},
        {{500, 4}, {4}}, {{7, 63}, {63}}, {{30000, 3}, {3}}, {{2, 5, 2}, {2}}
    };

    @Test
    void everyBroadcastPatternMatchesTheReferenceWalker() {
        Random random = new Random(1);
        for (int[][] pair : SHAPE_PAIRS) {
            for (BinaryOp op : BinaryOp.values()) {
                int[] out = broadcast(pair[0], pair[1]);
                float[] a = randomPositive(random, Elementwise.sizeOf(pair[0]));
                float[] b = randomPositive(random, Elementwise.sizeOf(pair[1]));
                int[] as = strides(pair[0], out);
                int[] bs = strides(pair[1], out);
                float[] fast = new float[Elementwise.sizeOf(out)];
                float[] slow = new float[fast.length];
                Elementwise.binary(op, a, 0, as, b, 0, bs, out, fast, 0);
                Elementwise.binaryReference(op, a, 0, as, b, 0, bs, out, slow, 0);
                assertArrayEquals(slow, fast, op + " on " + java.util.Arrays.deepToString(pair));
            }
        }
    }

    @Test
    void offsetsAndInPlaceOutputsMatchTheReference() {
        Random random = new Random(6);
        int[][][] pairs = {{{500, 4}, {4}}, {{37, 5}, {37, 5}}, {{9, 70}, {70}}};
        for (int[][] pair : pairs) {
            for (BinaryOp op : BinaryOp.values()) {
                int[] out = broadcast(pair[0], pair[1]);
                int n = Elementwise.sizeOf(out);
                int[] as = strides(pair[0], out);
                int[] bs = strides(pair[1], out);
                float[] b = randomPositive(random, 2 + Elementwise.sizeOf(pair[1]));
                // Shifted: a, b and out each start at a different offset.
                float[] a = randomPositive(random, 3 + n);
                float[] fast = new float[5 + n];
                float[] slow = new float[5 + n];
                Elementwise.binary(op, a, 3, as, b, 2, bs, out, fast, 5);
                Elementwise.binaryReference(op, a, 3, as, b, 2, bs, out, slow, 5);
                assertArrayEquals(slow, fast, "offsets: " + op + " on " + java.util.Arrays.deepToString(pair));
                // In place: out is a, at the same offset.
                float[] inPlace = a.clone();
                float[] expected = a.clone();
                Elementwise.binary(op, inPlace, 3, as, b, 2, bs, out, inPlace, 3);
                Elementwise.binaryReference(op, a, 3, as, b, 2, bs, out, expected, 3);
                assertArrayEquals(expected, inPlace, "in place: " + op + " on " + java.util.Arrays.deepToString(pair));
            }
        }
    }

    @Test
    void aBiasAddedToEachRowKeepsSignedZerosNansAndInfinities() {
        float[] special = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e-45f, -3.5f};
        Random random = new Random(9);
        for (int inner : new int[] {64, 80, 131}) {
            int rows = 5;
            float[] a = new float[rows * inner];
            float[] b = new float[inner];
            for (int i = 0; i < a.length; i++) {
                a[i] = special[random.nextInt(special.length)];
            }
            for (int j = 0; j < inner; j++) {
                b[j] = special[random.nextInt(special.length)];
            }
            int[] out = {rows, inner};
            int[] as = strides(out, out);
            int[] bs = strides(new int[] {inner}, out);
            float[] fast = new float[a.length];
            float[] slow = new float[a.length];
            Elementwise.binary(BinaryOp.ADD, a, 0, as, b, 0, bs, out, fast, 0);
            Elementwise.binaryReference(BinaryOp.ADD, a, 0, as, b, 0, bs, out, slow, 0);
            assertArrayEquals(slow, fast, "rows of " + inner);
        }
    }

    @Test
    void functionsSaidToKeepValuesFiniteDoOnExtremeInputs() {
        // The forward guard skips these functions' outputs, so a finite input must never give a non-finite one.
        float[] extremes = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, 1e-30f, 1f, -1f, 88.8f, -88.8f, 1e30f,
            -1e30f, Float.MAX_VALUE, -Float.MAX_VALUE};
        for (UnaryFn f : UnaryFn.values()) {
            if (!f.finiteFromFinite()) {
                continue;
            }
            for (float x : extremes) {
                for (float alpha : new float[] {0f, 1f, Float.MAX_VALUE}) {
                    float y = f.apply(x, alpha);
                    assertTrue(Float.isFinite(y), f + "(" + x + ") = " + y);
                    float[] out = new float[1];
                    Elementwise.map(f, alpha, new float[] {x}, 0, out, 0, 1);
                    assertTrue(Float.isFinite(out[0]), f + " kernel at " + x);
                }
            }
        }
        assertFalse(UnaryFn.EXP.finiteFromFinite());
        assertFalse(UnaryFn.SQUARE.finiteFromFinite());
    }

    @Test
    void mapMatchesItsReferenceForEveryFunction() {
        Random random = new Random(2);
        float[] x = randomPositive(random, 70001);
        for (UnaryFn f : UnaryFn.values()) {
            float[] fast = new float[x.length];
            float[] slow = new float[x.length];
            Elementwise.map(f, 0.5f, x, 0, fast, 0, x.length);
            Elementwise.mapReference(f, 0.5f, x, 0, slow, 0, x.length);
            assertArrayEquals(slow, fast, f.name());
        }
    }

    /** Signed values, zeros of both signs, NaN and infinities, at lengths around the vector width. */
    private static float[] awkward(Random random, int n) {
        float[] special = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
            -Float.MIN_VALUE, 1e-30f, -1e30f};
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextInt(5) == 0 ? special[random.nextInt(special.length)] : random.nextFloat() * 8f - 4f;
        }
        return v;
    }

    @Test
    void mapAndMapBackwardMatchTheReferencesOnSpecialValues() {
        Random random = new Random(4);
        for (int n : new int[] {1, 7, 15, 16, 17, 33, 70001}) {
            float[] x = awkward(random, n);
            float[] dy = awkward(random, n);
            for (UnaryFn f : UnaryFn.values()) {
                float[] y = new float[n];
                float[] yRef = new float[n];
                Elementwise.map(f, 0.5f, x, 0, y, 0, n);
                Elementwise.mapReference(f, 0.5f, x, 0, yRef, 0, n);
                assertArrayEquals(yRef, y, f + " forward, n=" + n);
                for (boolean acc : new boolean[] {false, true}) {
                    float[] start = awkward(random, n);
                    float[] dx = start.clone();
                    float[] dxRef = start.clone();
                    Elementwise.mapBackward(f, 0.5f, x, y, dy, dx, n, acc);
                    Elementwise.mapBackwardReference(f, 0.5f, x, y, dy, dxRef, n, acc);
                    assertArrayEquals(dxRef, dx, f + " backward acc=" + acc + ", n=" + n);
                }
            }
        }
    }

    @Test
    void allFiniteFindsEveryNonFiniteValueAtAnyPosition() {
        for (int n : new int[] {1, 5, 16, 17, 40}) {
            float[] d = new float[n];
            java.util.Arrays.fill(d, Float.MAX_VALUE);
            assertEquals(true, Elementwise.allFinite(d), "all finite, n=" + n);
            for (int i = 0; i < n; i++) {
                for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
                    d[i] = bad;
                    assertEquals(false, Elementwise.allFinite(d), bad + " at " + i + ", n=" + n);
                }
                d[i] = -Float.MAX_VALUE;
            }
        }
    }

    @Test
    void resultsAreBitIdenticalWhateverTheThreadCount() {
        Random random = new Random(3);
        float[] a = randomPositive(random, 300 * 301);
        float[] b = randomPositive(random, 301);
        int[] out = {300, 301};
        float[] one = Threads.with(1, () -> run(a, b, out));
        for (int t : new int[] {2, 3, 7}) {
            assertArrayEquals(one, Threads.with(t, () -> run(a, b, out)), t + " threads");
        }
    }

    @Test
    void mapBackwardMultipliesByTheDerivative() {
        float[] x = {-1f, 0f, 2f};
        float[] y = new float[3];
        Elementwise.map(UnaryFn.RELU, 0f, x, 0, y, 0, 3);
        float[] dx = {10f, 10f, 10f};
        Elementwise.mapBackward(UnaryFn.RELU, 0f, x, y, new float[] {1f, 1f, 1f}, dx, 3, true);
        assertArrayEquals(new float[] {10f, 10f, 11f}, dx, "ReLU'(0) = 0 by convention");
        Elementwise.mapBackward(UnaryFn.LEAKY_RELU, 0.1f, x, y, new float[] {1f, 1f, 1f}, dx, 3, false);
        assertArrayEquals(new float[] {0.1f, 0.1f, 1f}, dx, "leaky ReLU'(0) = α by convention");
        assertEquals(0f, UnaryFn.STEP.derivative(0f, 0f, 0f));
    }

    private static float[] run(float[] a, float[] b, int[] out) {
        float[] y = new float[Elementwise.sizeOf(out)];
        Elementwise.binary(BinaryOp.MUL, a, 0, strides(new int[] {300, 301}, out), b, 0,
                strides(new int[] {301}, out), out, y, 0);
        Elementwise.map(UnaryFn.TANH, 0f, y, 0, y, 0, y.length);
        return y;
    }

    static float[] randomPositive(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = 0.1f + random.nextFloat() * 2f;
        }
        return v;
    }

    static int[] broadcast(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            out[i] = Math.max(da, db);
        }
        return out;
    }

    static int[] strides(int[] shape, int[] out) {
        int[] dense = Elementwise.contiguousStrides(shape);
        int[] s = new int[out.length];
        int shift = out.length - shape.length;
        for (int i = 0; i < out.length; i++) {
            int src = i - shift;
            s[i] = src < 0 || shape[src] == 1 ? 0 : dense[src];
        }
        return s;
    }
}
