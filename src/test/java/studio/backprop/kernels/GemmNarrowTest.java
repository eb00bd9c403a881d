package studio.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static studio.backprop.kernels.KernelTestSupport.assertMatchesReference;
import static studio.backprop.kernels.KernelTestSupport.assertSameForAllThreadCounts;
import static studio.backprop.kernels.KernelTestSupport.random;

import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The narrow small-product path of {@link Gemm#gemm} against the naive reference. */
class GemmNarrowTest {

    private static final int[][] SHAPES = {
        {500, 4, 2}, {500, 4, 4}, {4, 4, 500}, {2, 4, 500}, {500, 2, 4}, {3, 2, 1}, {7, 5, 3}, {6, 16, 9},
        {13, 15, 17}, {2, 3, 1000}, {1000, 9, 1}, {5, 16, 1}, {64, 10, 128}, {128, 10, 64}, {21, 7, 5}
    };

    @BeforeEach
    void vectorKernelsInUse() {
        assumeTrue(Gemm.vectorInUse(), "the narrow path is part of the Vector API kernels");
    }

    @Test
    void everyTransposeAndOffsetMatchesTheReference() {
        Random rnd = new Random(21);
        for (int[] s : SHAPES) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            assertTrue(GemmNarrow.applies(m, n, k), m + "×" + n + "×" + k);
            for (int variant = 0; variant < 8; variant++) {
                // Called directly: Gemm.gemm sends some of these shapes to GemmSmall.
                assertMatchesReference(GemmNarrow::gemm, (variant & 1) != 0, (variant & 2) != 0,
                        (variant & 4) != 0, m, n, k, variant, rnd);
            }
        }
    }

    @Test
    void aRowGetsTheSameBitsWhicheverGroupOfRowsCoversIt() {
        // 21 rows: two groups of eight, one of four, one alone; each row must equal the row computed on its own.
        Random rnd = new Random(23);
        int m = 21;
        int n = 7;
        int k = 40;
        for (boolean transA : new boolean[] {false, true}) {
            float[] a = random(rnd, m * k);
            float[] b = random(rnd, k * n);
            float[] all = new float[m * n];
            GemmNarrow.gemm(transA, false, m, n, k, a, 0, b, 0, all, 0, false);
            for (int i = 0; i < m; i++) {
                float[] row = new float[k];
                for (int p = 0; p < k; p++) {
                    row[p] = transA ? a[p * m + i] : a[i * k + p];
                }
                float[] alone = new float[n];
                GemmNarrow.gemm(false, false, 1, n, k, row, 0, b, 0, alone, 0, false);
                float[] inGroup = java.util.Arrays.copyOfRange(all, i * n, (i + 1) * n);
                assertArrayEquals(alone, inGroup, "row " + i + (transA ? " of Aᵀ" : ""));
            }
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Random rnd = new Random(22);
        float[] a = random(rnd, 500 * 4);
        float[] b = random(rnd, 4 * 4);
        assertSameForAllThreadCounts("narrow gemm", () -> {
            float[] c = new float[500 * 4];
            Gemm.gemm(false, false, 500, 4, 4, a, 0, b, 0, c, 0, false);
            return c;
        });
    }
}
