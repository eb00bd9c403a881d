package studio.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ReduceAndSoftmaxKernelTest {

    private static final int[][] SPLITS = {{1, 1, 1}, {1, 7, 1}, {3, 5, 2}, {13, 1, 17}, {2, 1000, 33}, {400, 97, 1},
        {1, 64, 128}, {1, 500, 4}, {1, 1, 9}, {1, 3, 3000}, {1, 37, 13}, {1, 2, 70}, {1, 64, 10},
        // sums of 64 values or more run as four partial sums: lengths not a multiple of four, and narrow columns
        // whose last rows cannot be loaded as a whole vector
        {1, 203, 2}, {1, 67, 3}, {3, 70, 5}, {1, 501, 1}, {1, 63, 4}};

    @Test
    void sumAndMaxMatchTheirReferences() {
        Random random = new Random(4);
        for (int[] s : SPLITS) {
            int n = s[0] * s[1] * s[2];
            float[] x = ElementwiseKernelTest.randomPositive(random, n);
            float[] fast = new float[s[0] * s[2]];
            float[] slow = new float[fast.length];
            Reduce.sum(x, s[0], s[1], s[2], fast, false);
            Reduce.sumReference(x, s[0], s[1], s[2], slow, false);
            assertArrayEquals(slow, fast);
            Reduce.sum(x, s[0], s[1], s[2], fast, true);
            Reduce.sumReference(x, s[0], s[1], s[2], slow, true);
            assertArrayEquals(slow, fast, "accumulating");
            int[] fastIdx = new int[fast.length];
            int[] slowIdx = new int[fast.length];
            Reduce.max(x, s[0], s[1], s[2], fast, fastIdx);
            Reduce.maxReference(x, s[0], s[1], s[2], slow, slowIdx);
            assertArrayEquals(slow, fast);
            assertArrayEquals(slowIdx, fastIdx);
        }
    }

    @Test
    void longSumsAddFourInterleavedPartialSums() {
        // 1e20, 1, −1e20, 1: in index order (1e20 + 1) − 1e20 + 1 = 1; as partials r mod 4 the sum is
        // (1e20 + 1) + (−1e20 + 1) = 0, since each 1 is lost against 1e20 in double.
        float[] x = new float[Reduce.SPLIT_FROM];
        x[0] = 1e20f;
        x[1] = 1f;
        x[2] = -1e20f;
        x[3] = 1f;
        assertEquals(1.0, Reduce.total(x, 0, 4, 1), "a short sum runs in index order");
        assertEquals(0.0, Reduce.total(x, 0, Reduce.SPLIT_FROM, 1), "a long one as four partial sums");
        float[] out = new float[1];
        Reduce.sum(x, 1, x.length, 1, out, false);
        assertEquals(0f, out[0]);
        float[] columns = new float[2];
        float[] twoColumns = new float[2 * x.length];
        for (int r = 0; r < x.length; r++) {
            twoColumns[2 * r] = x[r];
            twoColumns[2 * r + 1] = x[r];
        }
        Reduce.sum(twoColumns, 1, x.length, 2, columns, false);
        assertArrayEquals(new float[] {0f, 0f}, columns, "bias-gradient column sums in the same order");
    }

    @Test
    void broadcastAlongCopiesEachValueAlongItsRun() {
        Random random = new Random(10);
        for (int[] s : SPLITS) {
            int n = s[0] * s[1] * s[2];
            float[] dy = ElementwiseKernelTest.randomPositive(random, s[0] * s[2]);
            float[] start = ElementwiseKernelTest.randomPositive(random, n);
            for (boolean accumulate : new boolean[] {false, true}) {
                float[] fast = start.clone();
                float[] slow = start.clone();
                Reduce.broadcastAlong(dy, s[0], s[1], s[2], fast, accumulate);
                for (int o = 0; o < s[0]; o++) {
                    for (int r = 0; r < s[1]; r++) {
                        for (int i = 0; i < s[2]; i++) {
                            int at = (o * s[1] + r) * s[2] + i;
                            float g = dy[o * s[2] + i];
                            slow[at] = accumulate ? slow[at] + g : g;
                        }
                    }
                }
                assertArrayEquals(slow, fast, java.util.Arrays.toString(s) + (accumulate ? " accumulating" : ""));
            }
        }
    }

    @Test
    void argMaxTiesGoToTheLowestIndex() {
        float[] out = new float[1];
        int[] idx = new int[1];
        Reduce.max(new float[] {1f, 5f, 5f, 2f}, 1, 4, 1, out, idx);
        assertEquals(1, idx[0]);
    }

    @Test
    void softmaxMatchesTheTextbookFormulaInDouble() {
        Random random = new Random(5);
        for (int cols : new int[] {1, 2, 10, 17, 1000}) {
            float[] x = new float[7 * cols];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (random.nextGaussian() * 10);
            }
            float[] fast = new float[x.length];
            float[] slow = new float[x.length];
            Softmax.forward(x, 7, cols, fast);
            Softmax.forwardReference(x, 7, cols, slow);
            assertArrayEquals(slow, fast, 1e-6f);
        }
    }

    @Test
    void logSoftmaxHandsOverTheProbabilitiesItsExponentialsMake() {
        Random random = new Random(8);
        for (int cols : new int[] {1, 2, 10, 17, 1000}) {
            int rows = 7;
            float[] x = new float[rows * cols];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (random.nextGaussian() * 10);
            }
            float[] alone = new float[x.length];
            float[] withProbabilities = new float[x.length];
            double[] p = new double[x.length];
            Softmax.logForward(x, rows, cols, alone);
            Softmax.logForward(x, rows, cols, withProbabilities, p);
            assertArrayEquals(alone, withProbabilities, "log-probabilities unchanged");
            float[] textbook = new float[x.length];
            Softmax.forwardReference(x, rows, cols, textbook);
            for (int r = 0; r < rows; r++) {
                double sum = 0;
                for (int j = 0; j < cols; j++) {
                    int i = r * cols + j;
                    assertEquals(textbook[i], p[i], 1e-7, "p at " + i);
                    // log p is rounded to float: e^(log p) is off by up to |log p| float ulps, relatively.
                    double logP = withProbabilities[i];
                    assertEquals(Math.exp(logP), p[i], p[i] * 1.2e-7 * (1 + Math.abs(logP)) + 1e-38,
                            "p = e^(log p) at " + i);
                    sum += p[i];
                }
                assertEquals(1.0, sum, 1e-12, "row " + r);
            }
        }
    }

    @Test
    void softmaxNeverOverflowsOnHugeLogits() {
        float[] y = new float[3];
        Softmax.forward(new float[] {1000f, 1000f, -1000f}, 1, 3, y);
        assertArrayEquals(new float[] {0.5f, 0.5f, 0f}, y, 1e-7f);
    }

    @Test
    void reductionsAreBitIdenticalWhateverTheThreadCount() {
        Random random = new Random(6);
        float[] x = ElementwiseKernelTest.randomPositive(random, 512 * 300);
        float[] one = Threads.with(1, () -> reduceAll(x));
        for (int t : new int[] {2, 3, 7}) {
            assertArrayEquals(one, Threads.with(t, () -> reduceAll(x)), t + " threads");
        }
    }

    private static float[] reduceAll(float[] x) {
        float[] sums = new float[512];
        Reduce.sum(x, 512, 300, 1, sums, false);
        float[] cols = new float[300];
        Reduce.sum(x, 1, 512, 300, cols, false);
        float[] soft = new float[x.length];
        Softmax.forward(x, 512, 300, soft);
        float[] all = new float[512 + 300 + soft.length];
        System.arraycopy(sums, 0, all, 0, 512);
        System.arraycopy(cols, 0, all, 512, 300);
        System.arraycopy(soft, 0, all, 812, soft.length);
        return all;
    }
}
