package studio.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GradientStepTest {

    /** Awkward lengths (below one vector, a vector plus a tail, above the parallel grain) and special values. */
    @Test
    void givesTheBitsOfTheScalarLoopOnAnyThreadCount() {
        Random random = new Random(11);
        for (int n : new int[] {0, 1, 3, 7, 8, 9, 17, 1000, 65_537, 101_770}) {
            float[] theta = new float[n];
            float[] grad = new float[n];
            for (int i = 0; i < n; i++) {
                theta[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4));
                grad[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(9) - 6));
            }
            if (n > 8) {
                theta[3] = -0f;
                grad[4] = Float.NaN;
                theta[5] = Float.POSITIVE_INFINITY;
                theta[6] = Float.MIN_VALUE;
                grad[7] = -Float.MAX_VALUE;
            }
            for (double[] etaDecay : new double[][] {{0.01, 0}, {0.37, 0.0037}, {1e-7, 1e-3}}) {
                float[] expected = theta.clone();
                GradientStep.reference(expected, grad, etaDecay[0], etaDecay[1]);
                for (int threads : new int[] {1, 2, 3}) {
                    float[] actual = theta.clone();
                    Threads.with(threads, () -> {
                        GradientStep.apply(actual, grad, etaDecay[0], etaDecay[1]);
                        return null;
                    });
                    assertArrayEquals(expected, actual, "n=" + n + ", threads=" + threads);
                }
            }
        }
    }

    @Test
    void mismatchedLengthsAreRefusedInWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientStep.apply(new float[3], new float[4], 0.1, 0));
        assertTrue(e.getMessage().contains("same length, got 3 and 4"), e.getMessage());
    }
}
