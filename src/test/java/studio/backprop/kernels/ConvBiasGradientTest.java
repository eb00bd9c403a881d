package studio.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bias gradient's vectorised column sums give the bits of the scalar chunked double sums. */
class ConvBiasGradientTest {

    @Test
    void columnSumsAreTheScalarDoubleSumsForAnyChannelCountAndThreadCount() {
        Random random = new Random(21);
        int[][] shapes = {{1, 1, 1, 1}, {2, 3, 5, 6}, {64, 28, 28, 6}, {3, 7, 9, 7}, {5, 4, 4, 8}, {2, 5, 5, 9},
            {64, 10, 10, 16}, {1, 70, 61, 17}, {2, 2, 3, 33}, {1, 1, 2, 6}, {1, 2, 1, 7}, {1, 1, 3, 5}};
        for (int[] s : shapes) {
            int rows = s[0] * s[1] * s[2];
            int cout = s[3];
            float[] dy = new float[rows * cout];
            for (int i = 0; i < dy.length; i++) {
                dy[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3));
            }
            for (boolean accumulate : new boolean[] {false, true}) {
                float[] expected = new float[cout];
                java.util.Arrays.fill(expected, 0.25f);
                chunkedScalar(dy, rows, cout, expected, accumulate);
                for (int threads : new int[] {1, 2, 3}) {
                    float[] actual = new float[cout];
                    java.util.Arrays.fill(actual, 0.25f);
                    Threads.with(threads, () -> {
                        Conv2d.backwardBias(dy, s[0], s[1], s[2], cout, actual, accumulate);
                        return null;
                    });
                    assertArrayEquals(expected, actual, java.util.Arrays.toString(s) + " threads=" + threads);
                }
            }
        }
    }

    /** The documented order: rows in chunks of 4096 summed in double, then the chunk sums in order. */
    private static void chunkedScalar(float[] dy, int rows, int cout, float[] db, boolean accumulate) {
        for (int co = 0; co < cout; co++) {
            double total = 0;
            for (int r0 = 0; r0 < rows; r0 += 4096) {
                double chunk = 0;
                for (int r = r0; r < Math.min(rows, r0 + 4096); r++) {
                    chunk += dy[r * cout + co];
                }
                total += chunk;
            }
            db[co] = (float) (accumulate ? db[co] + total : total);
        }
    }
}
