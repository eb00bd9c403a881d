package studio.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AdamStepTest {

    @Test
    void kernelGivesTheReferenceBitsForAnyLengthAndThreadCount() {
        Random random = new Random(23);
        for (int n : new int[] {1, 7, 8, 9, 16, 31, 33, 100, 40_001}) {
            for (double decay : new double[] {0, 1e-4}) {
                float[] theta = new float[n];
                float[] grad = new float[n];
                float[] first = new float[n];
                float[] second = new float[n];
                for (int i = 0; i < n; i++) {
                    theta[i] = (float) random.nextGaussian();
                    grad[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4));
                    first[i] = (float) (random.nextGaussian() * 0.01);
                    second[i] = (float) Math.abs(random.nextGaussian() * 1e-4);
                }
                // Step 3 of β₁ = 0.9, β₂ = 0.999: c₁ = 1 − 0.9³, c₂ = 1 − 0.999³.
                AdamStep.Constants k = new AdamStep.Constants().set(0.001, 0.9, 0.999, 1e-7, 1 - Math.pow(0.9, 3),
                        1 - Math.pow(0.999, 3), decay);
                float[] refTheta = theta.clone();
                float[] refFirst = first.clone();
                float[] refSecond = second.clone();
                AdamStep.reference(refTheta, grad, refFirst, refSecond, k);
                for (int threads : new int[] {1, 2, 3}) {
                    float[] t = theta.clone();
                    float[] m = first.clone();
                    float[] v = second.clone();
                    Threads.with(threads, () -> {
                        AdamStep.apply(t, grad, m, v, k);
                        return null;
                    });
                    String what = "n=" + n + " decay=" + decay + " threads=" + threads;
                    assertArrayEquals(refTheta, t, what);
                    assertArrayEquals(refFirst, m, what);
                    assertArrayEquals(refSecond, v, what);
                }
            }
        }
    }

    @Test
    void arraysOfDifferentLengthsAreRefusedInWords() {
        assertThrows(IllegalArgumentException.class, () -> AdamStep.apply(new float[3], new float[3],
                new float[3], new float[2], new AdamStep.Constants().set(0.1, 0.9, 0.999, 1e-7, 0.1, 0.001, 0)));
    }
}
