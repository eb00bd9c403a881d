package studio.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Vector API GEMM's split over B panels (a batch of rows through a wide layer): the same bits for every thread
 * count as on one thread, and the naive reference's values within rounding.
 */
class GemmColumnSplitTest {

    @Test
    void shortWideProductsSplitOverColumnsWithTheSameBitsForAnyThreadCount() {
        assumeTrue(Gemm.vectorAvailable(), "the Vector API module is not loaded");
        SplittableRandom rnd = new SplittableRandom(17);
        // k = 300 uses two k-blocks; n = 130 ends in a partial panel; m = 61 ends in a partial row group.
        int[][] shapes = {{64, 128, 784}, {61, 130, 300}, {128, 200, 200}};
        for (int[] shape : shapes) {
            int m = shape[0];
            int n = shape[1];
            int k = shape[2];
            int panels = (n + GemmVector.NR - 1) / GemmVector.NR;
            assertTrue(Threads.with(2, () -> GemmVector.splitsColumns(m, n, k, GemmVector.NR, panels)),
                    m + "×" + n + "×" + k + " should split over columns on two threads");
            for (int t = 0; t < 8; t++) {
                boolean transA = (t & 1) != 0;
                boolean transB = (t & 2) != 0;
                boolean accumulate = (t & 4) != 0;
                float[] a = random(rnd, m * k);
                float[] b = random(rnd, k * n);
                float[] c0 = random(rnd, m * n);
                float[] reference = c0.clone();
                Gemm.gemmReference(transA, transB, m, n, k, a, 0, b, 0, reference, 0, accumulate);
                float[] expected = null;
                for (int threads : new int[] {1, 2, 3, 4, 7}) {
                    float[] c = c0.clone();
                    Threads.with(threads, () -> {
                        Gemm.gemmVector(transA, transB, m, n, k, a, 0, b, 0, c, 0, accumulate);
                        return null;
                    });
                    if (expected == null) {
                        expected = c;
                        for (int i = 0; i < c.length; i++) {
                            assertEquals(reference[i], c[i], 1e-3f * (1 + Math.abs(reference[i])),
                                    "element " + i + " of " + m + "×" + n + "×" + k);
                        }
                    } else {
                        assertArrayEquals(expected, c, m + "×" + n + "×" + k + " on " + threads + " threads, transA="
                                + transA + ", transB=" + transB + ", accumulate=" + accumulate);
                    }
                }
            }
        }
    }

    @Test
    void tallOrNarrowOrSingleThreadedProductsKeepTheRowSplit() {
        assumeTrue(Gemm.vectorAvailable(), "the Vector API module is not loaded");
        int nr = GemmVector.NR;
        assertFalse(Threads.with(2, () -> GemmVector.splitsColumns(784, 128, 64, nr, 4)), "tall C");
        assertFalse(Threads.with(2, () -> GemmVector.splitsColumns(64, 84, 120, nr, 3)), "three panels");
        assertFalse(Threads.with(2, () -> GemmVector.splitsColumns(8, 128, 16, nr, 4)), "too little work");
        assertFalse(Threads.with(1, () -> GemmVector.splitsColumns(64, 128, 784, nr, 4)), "one thread");
    }

    private static float[] random(SplittableRandom rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return x;
    }
}
