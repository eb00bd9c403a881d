package studio.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AdaptiveStepTest {

    @Test
    void kernelGivesTheReferenceBitsForAnyLengthThreadCountAndRule() {
        Random random = new Random(29);
        AdaptiveStep.Constants[] rules = {
            new AdaptiveStep.Constants().squares(0.001, 0.9, 1 - 0.9, 1e-7, 0),
            new AdaptiveStep.Constants().squares(0.01, 1, 1, 1e-7, 1e-4),
            new AdaptiveStep.Constants().adaDelta(1.0, 0.95, 1e-6, 0),
            new AdaptiveStep.Constants().adaDelta(0.5, 0.9, 1e-6, 1e-4)
        };
        for (int n : new int[] {1, 7, 8, 9, 16, 31, 33, 100, 40_001}) {
            for (AdaptiveStep.Constants k : rules) {
                float[] theta = new float[n];
                float[] grad = new float[n];
                float[] squares = new float[n];
                float[] updates = new float[n];
                for (int i = 0; i < n; i++) {
                    theta[i] = (float) random.nextGaussian();
                    grad[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4));
                    squares[i] = (float) Math.abs(random.nextGaussian() * 1e-3);
                    updates[i] = (float) Math.abs(random.nextGaussian() * 1e-5);
                }
                float[] refTheta = theta.clone();
                float[] refSquares = squares.clone();
                float[] refUpdates = updates.clone();
                AdaptiveStep.reference(refTheta, grad, refSquares, refUpdates, k);
                for (int threads : new int[] {1, 2, 3}) {
                    float[] t = theta.clone();
                    float[] s = squares.clone();
                    float[] u = updates.clone();
                    Threads.with(threads, () -> {
                        AdaptiveStep.apply(t, grad, s, u, k);
                        return null;
                    });
                    String what = "n=" + n + " adaDelta=" + k.adaDelta + " a=" + k.a + " threads=" + threads;
                    assertArrayEquals(refTheta, t, what);
                    assertArrayEquals(refSquares, s, what);
                    assertArrayEquals(refUpdates, u, what);
                }
            }
        }
    }

    @Test
    void arraysOfDifferentLengthsAreRefusedInWords() {
        assertThrows(IllegalArgumentException.class, () -> AdaptiveStep.apply(new float[3], new float[3],
                new float[2], null, new AdaptiveStep.Constants().squares(0.1, 0.9, 0.1, 1e-7, 0)));
        assertThrows(IllegalArgumentException.class, () -> AdaptiveStep.apply(new float[3], new float[3],
                new float[3], null, new AdaptiveStep.Constants().adaDelta(1, 0.95, 1e-6, 0)));
    }
}
