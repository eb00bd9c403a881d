package studio.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Vector API GEMM reading A's rows in place ({@link GemmDirectKernels}): the same bits as the packed path
 * (the same product with A stored transposed, which is always packed), for every thread count, and the naive
 * reference's values within rounding.
 */
class GemmDirectATest {

    @Test
    void rowsReadInPlaceGiveThePackedPathsBits() {
        assumeTrue(Gemm.vectorAvailable(), "the Vector API module is not loaded");
        Random rnd = new Random(29);
        // 64 = 5 panels of 12 and one of 4; 61 ends in one row (packed on the spot); 20 = 12 + 8; 70 ends in 10
        // rows (padded to 12); k = 300, 520 and 784 take several k-blocks; n = 130 and 40 end in partial panels.
        int[][] shapes = {{64, 128, 784}, {61, 130, 300}, {20, 32, 256}, {70, 40, 257}, {8, 33, 5}, {4, 64, 1},
            {144, 17, 520}, {12, 96, 96}, {288, 40, 300}};
        for (int[] shape : shapes) {
            int m = shape[0];
            int n = shape[1];
            int k = shape[2];
            assertTrue(GemmVector.readsAInPlace(false, m, n, k), m + "×" + n + "×" + k + " should read A in place");
            for (boolean transB : new boolean[] {false, true}) {
                for (boolean accumulate : new boolean[] {false, true}) {
                    float[] a = KernelTestSupport.random(rnd, m * k);
                    float[] aT = KernelTestSupport.transpose(a, m, k);
                    float[] b = KernelTestSupport.random(rnd, k * n);
                    float[] c0 = KernelTestSupport.random(rnd, m * n);
                    float[] reference = c0.clone();
                    Gemm.gemmReference(false, transB, m, n, k, a, 0, b, 0, reference, 0, accumulate);
                    String what = m + "×" + n + "×" + k + ", transB=" + transB + ", accumulate=" + accumulate;
                    for (int threads : new int[] {1, 2, 3}) {
                        float[] direct = c0.clone();
                        float[] packed = c0.clone();
                        Threads.with(threads, () -> {
                            Gemm.gemmVector(false, transB, m, n, k, a, 0, b, 0, direct, 0, accumulate);
                            Gemm.gemmVector(true, transB, m, n, k, aT, 0, b, 0, packed, 0, accumulate);
                            return null;
                        });
                        assertArrayEquals(packed, direct, what + " on " + threads + " threads");
                        for (int i = 0; i < direct.length; i++) {
                            assertEquals(reference[i], direct[i], 1e-3f * (1 + Math.abs(reference[i])),
                                    "element " + i + " of " + what);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aIsPackedWhenItIsTransposedTallNarrowOrItsRowsShareL1Sets() {
        assertFalse(GemmVector.readsAInPlace(true, 64, 128, 784), "A stored transposed");
        assertFalse(GemmVector.readsAInPlace(false, GemmVector.MC + 1, 128, 784), "more rows than a packed block");
        assertFalse(GemmVector.readsAInPlace(false, 64, 16, 784), "one-vector-wide C");
        assertFalse(GemmVector.readsAInPlace(false, 64, 128, 1024), "rows 4 KB apart");
        assertFalse(GemmVector.readsAInPlace(false, 64, 128, 512), "rows 2 KB apart: two sets");
        assertTrue(GemmVector.readsAInPlace(false, 64, 128, 256), "rows 1 KB apart: four sets");
    }
}
