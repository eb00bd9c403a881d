package studio.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static studio.backprop.kernels.KernelTestSupport.assertMatchesReference;
import static studio.backprop.kernels.KernelTestSupport.assertSameForAllThreadCounts;
import static studio.backprop.kernels.KernelTestSupport.random;

import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The packed-rows, stacked-rows and outer-products paths of {@link Gemm#gemm} against the naive reference. */
class GemmSmallTest {

    @BeforeEach
    void vectorKernelsInUse() {
        assumeTrue(Gemm.vectorInUse(), "the small-product paths are part of the Vector API kernels");
    }

    @Test
    void packedRowsMatchTheReference() {
        int lanes = GemmSmall.LANES;
        Random rnd = new Random(31);
        // m×n×k with n dividing the lane count and k ≤ n: m not a multiple of the rows per vector, and m just
        // large enough for one vector.
        int[][] shapes = {{500, 4, 2}, {500, 4, 4}, {500, 4, 1}, {500, 2, 2}, {300, 1, 1},
            {99, lanes / 2, lanes / 2}, {lanes / 4, 4, 3}, {lanes / 2, 2, 1}};
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            assertTrue(GemmSmall.packedRowsApply(false, m, n, k), m + "×" + n + "×" + k);
            for (int variant = 0; variant < 4; variant++) {
                compare(false, (variant & 1) != 0, (variant & 2) != 0, m, n, k, variant, rnd);
            }
            // (Products under Gemm.TINY_MACS multiply-adds run the reference's loops instead.)
            for (boolean transB : new boolean[] {false, true}) {
                if ((long) m * n * k >= Gemm.TINY_MACS) {
                    assertSameBitsAsAnFmaChain(transB, m, n, k, rnd);
                }
            }
        }
    }

    /**
     * Products with k between n and 2n go to the general kernels now (their two-vector rearrange boxed every
     * vector); they give the same bits, the FMA chain from zero in p order.
     */
    @Test
    void productsLongerThanTheirWidthLeaveThePackedRows() {
        int lanes = GemmSmall.LANES;
        Random rnd = new Random(37);
        int[][] shapes = {{501, 4, 8}, {77, 2, 4}, {301, 1, 2}, {lanes, 1, 2}, {99, lanes / 2, lanes}, {32, 8, 10}};
        for (int[] s : shapes) {
            assertFalse(GemmSmall.packedRowsApply(false, s[0], s[1], s[2]), s[0] + "×" + s[1] + "×" + s[2]);
            for (boolean transB : new boolean[] {false, true}) {
                if ((long) s[0] * s[1] * s[2] >= Gemm.TINY_MACS) {
                    assertSameBitsAsAnFmaChain(transB, s[0], s[1], s[2], rnd);
                }
            }
        }
    }

    /** Every lane of the packed rows is the FMA chain from zero in p order, whichever way the rows are cut. */
    private static void assertSameBitsAsAnFmaChain(boolean transB, int m, int n, int k, Random rnd) {
        float[] a = random(rnd, m * k);
        float[] b = random(rnd, k * n);
        float[] c = random(rnd, m * n);
        float[] before = c.clone();
        Gemm.gemm(false, transB, m, n, k, a, 0, b, 0, c, 0, true);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    sum = Math.fma(a[i * k + p], transB ? b[j * k + p] : b[p * n + j], sum);
                }
                assertEquals(before[i * n + j] + sum, c[i * n + j], 0f, m + "×" + n + "×" + k + " at " + i + ", " + j);
            }
        }
    }

    @Test
    void stackedRowsMatchTheReference() {
        Random rnd = new Random(34);
        int lanes = GemmSmall.LANES;
        // Aᵀ·B with the wider operand's columns dividing the lanes and at most four columns in the other: A or B
        // the wider, an odd number of chunks, rows left over at the end, and Z's last vector past the array.
        int[][] shapes = {{4, 4, 500}, {4, 1, 500}, {2, 4, 500}, {2, 4, 333}, {1, 1, 257}, {8, 2, 64},
            {1, 4, 37}, {lanes / 2, 4, 1000}, {3, lanes / 2, 90}, {4, 4, 65}};
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            assertTrue(GemmSmall.stackedRowsApply(true, false, m, n, k), m + "×" + n + "×" + k);
            compare(true, false, false, m, n, k, 0, rnd);
            compare(true, false, true, m, n, k, 3, rnd);
        }
    }

    @Test
    void outerProductsMatchTheReference() {
        Random rnd = new Random(32);
        // Aᵀ·B with m·n ≤ lanes where the stacked rows do not apply: one or several groups of p per vector, k not
        // a multiple of the groups.
        int[][] shapes = {{3, 5, 100}, {1, 3, 999}, {3, 3, 200}, {5, 3, 77}};
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            if (m * n > GemmSmall.LANES) {
                continue;
            }
            assertTrue(GemmSmall.outerProductsApply(true, false, m, n, k), m + "×" + n + "×" + k);
            assertTrue(!GemmSmall.stackedRowsApply(true, false, m, n, k), m + "×" + n + "×" + k);
            compare(true, false, false, m, n, k, 0, rnd);
            compare(true, false, true, m, n, k, 3, rnd);
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Random rnd = new Random(33);
        float[] a = random(rnd, 500 * 4);
        float[] b = random(rnd, 500 * 4);
        assertSameForAllThreadCounts("small gemm", () -> {
            float[] c = new float[500 * 4 + 16];
            Gemm.gemm(false, true, 500, 4, 4, a, 0, b, 0, c, 0, false);
            Gemm.gemm(true, false, 4, 4, 500, a, 0, b, 0, c, 2000, false);
            return c;
        });
    }

    private static void compare(boolean transA, boolean transB, boolean accumulate, int m, int n, int k, int shift,
                                Random rnd) {
        assertMatchesReference(Gemm::gemm, transA, transB, accumulate, m, n, k, shift, rnd);
    }
}
