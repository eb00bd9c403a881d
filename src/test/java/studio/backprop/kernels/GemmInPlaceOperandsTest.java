package studio.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Vector API GEMM reads full panels of a plain B where they are stored instead of packing them. The same
 * product with B stored transposed (always packed) must give the same bits, with A stored either way, on any
 * thread count, and the naive reference's values within rounding.
 */
class GemmInPlaceOperandsTest {

    /**
     * m, n, k: a batch of 64 through a wide layer, the weight gradient of that layer (k = 64 rows of a 128-wide B
     * stay in L1), partial row panels and a partial B panel (packed), a tall C whose narrow B stays in L1, a
     * one-vector-wide C, and a tall C whose plain B is packed (a row of B at a time across its six panels, each
     * thread its own panels) over three k-blocks.
     */
    private static final int[][] SHAPES = {
        {64, 128, 784}, {784, 128, 64}, {101, 70, 250}, {300, 64, 64}, {61, 130, 300}, {96, 16, 40},
        {300, 192, 530}
    };

    @BeforeEach
    void needsTheVectorModule() {
        assumeTrue(Gemm.vectorAvailable(), "the Vector API module is not loaded");
    }

    @Test
    void theShapeRuleReadsBInPlaceOnlyWherePackingCostsMore() {
        assertTrue(GemmVector.readsBInPlace(false, 64, 128, 784), "batch of 64 through a wide layer");
        assertTrue(GemmVector.readsBInPlace(false, 784, 128, 64), "short k-block of a 128-wide B");
        assertFalse(GemmVector.readsBInPlace(true, 64, 128, 784), "B transposed");
        assertFalse(GemmVector.readsBInPlace(false, 1024, 1024, 1024), "rows 4 KB apart share L1 sets");
        assertFalse(GemmVector.readsBInPlace(false, 512, 512, 512), "512 rows 2 KB apart share L1 sets");
        assertTrue(GemmVector.readsBInPlace(false, 256, 256, 256), "all 256 rows of C fit one A block");
    }

    @Test
    void inPlaceAndPackedOperandsGiveTheSameBitsOnAnyThreadCount() {
        SplittableRandom rnd = new SplittableRandom(23);
        for (int[] shape : SHAPES) {
            int m = shape[0];
            int n = shape[1];
            int k = shape[2];
            float[] a = random(rnd, m * k);
            float[] b = random(rnd, k * n);
            float[] aT = KernelTestSupport.transpose(a, m, k);
            float[] bT = KernelTestSupport.transpose(b, k, n);
            float[] c0 = random(rnd, m * n);
            for (boolean accumulate : new boolean[] {false, true}) {
                float[] reference = c0.clone();
                Gemm.gemmReference(false, false, m, n, k, a, 0, b, 0, reference, 0, accumulate);
                float[] packed = product(1, false, true, m, n, k, a, bT, c0, accumulate);
                for (int i = 0; i < packed.length; i++) {
                    assertEquals(reference[i], packed[i], 1e-3f * (1 + Math.abs(reference[i])),
                            "element " + i + " of " + m + "×" + n + "×" + k);
                }
                for (int threads : new int[] {1, 2, 3}) {
                    String where = m + "×" + n + "×" + k + " on " + threads + " threads, accumulate=" + accumulate;
                    assertArrayEquals(packed, product(threads, true, false, m, n, k, aT, b, c0, accumulate),
                            "B plain, A transposed: " + where);
                    assertArrayEquals(packed, product(threads, false, false, m, n, k, a, b, c0, accumulate),
                            "B plain: " + where);
                    assertArrayEquals(packed, product(threads, true, true, m, n, k, aT, bT, c0, accumulate),
                            "B packed, A transposed: " + where);
                }
            }
        }
    }

    private static float[] product(int threads, boolean transA, boolean transB, int m, int n, int k, float[] a,
                                   float[] b, float[] c0, boolean accumulate) {
        float[] c = c0.clone();
        Threads.with(threads, () -> {
            Gemm.gemmVector(transA, transB, m, n, k, a, 0, b, 0, c, 0, accumulate);
            return null;
        });
        return c;
    }

    private static float[] random(SplittableRandom rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return x;
    }
}
