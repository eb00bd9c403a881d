package studio.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MomentumStepTest {

    @Test
    void kernelGivesTheReferenceBitsForAnyLengthAndThreadCount() {
        Random random = new Random(17);
        for (int n : new int[] {1, 7, 8, 9, 16, 31, 33, 100, 70_001}) {
            for (boolean nesterov : new boolean[] {false, true}) {
                for (double decay : new double[] {0, 1e-4}) {
                    float[] theta = new float[n];
                    float[] grad = new float[n];
                    float[] velocity = new float[n];
                    for (int i = 0; i < n; i++) {
                        theta[i] = (float) random.nextGaussian();
                        grad[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3));
                        velocity[i] = (float) (random.nextGaussian() * 0.1);
                    }
                    float[] refTheta = theta.clone();
                    float[] refVelocity = velocity.clone();
                    MomentumStep.reference(refTheta, grad, refVelocity, 0.05, 0.9, nesterov, decay);
                    for (int threads : new int[] {1, 2, 3}) {
                        float[] t = theta.clone();
                        float[] v = velocity.clone();
                        Threads.with(threads, () -> {
                            MomentumStep.apply(t, grad, v, 0.05, 0.9, nesterov, decay);
                            return null;
                        });
                        String what = "n=" + n + " nesterov=" + nesterov + " decay=" + decay + " threads=" + threads;
                        assertArrayEquals(refTheta, t, what);
                        assertArrayEquals(refVelocity, v, what);
                    }
                }
            }
        }
    }

    @Test
    void arraysOfDifferentLengthsAreRefusedInWords() {
        assertThrows(IllegalArgumentException.class,
                () -> MomentumStep.apply(new float[3], new float[3], new float[2], 0.1, 0.9, false, 0));
    }
}
