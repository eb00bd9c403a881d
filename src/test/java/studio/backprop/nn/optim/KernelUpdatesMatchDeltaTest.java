package studio.backprop.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every optimiser whose update runs in a vectorised kernel gives, step after step, the bits of its own per-element
 * rule ({@link Optimizer#delta}) applied in the documented order.
 */
class KernelUpdatesMatchDeltaTest {

    @Test
    void kernelsGiveTheBitsOfTheDeltaLoop() {
        List<Optimizer> optimizers = List.of(new RmsProp(0.01), new AdaGrad(0.05), new AdaDelta(),
                new AdaDelta(0.5, 0.9, 1e-6), new Adam(0.003));
        Random random = new Random(31);
        for (Optimizer optimizer : optimizers) {
            for (double decay : new double[] {0, 1e-3}) {
                int n = 5003;
                float[] kernelTheta = new float[n];
                for (int i = 0; i < n; i++) {
                    kernelTheta[i] = (float) random.nextGaussian();
                }
                float[] loopTheta = kernelTheta.clone();
                int buffers = optimizer.bufferNames().size();
                float[][] kernelBuffers = new float[buffers][n];
                float[][] loopBuffers = new float[buffers][n];
                for (int b = 0; b < buffers; b++) {
                    java.util.Arrays.fill(kernelBuffers[b], optimizer.initialValue(b));
                    java.util.Arrays.fill(loopBuffers[b], optimizer.initialValue(b));
                }
                double eta = optimizer.learningRate();
                for (long step = 1; step <= 4; step++) {
                    float[] grad = new float[n];
                    for (int i = 0; i < n; i++) {
                        grad[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3));
                    }
                    optimizer.beginStep(step);
                    assertTrue(optimizer.updateInKernel(kernelTheta, grad, kernelBuffers, eta, eta * decay),
                            optimizer.kind() + " has a kernel");
                    for (int i = 0; i < n; i++) {
                        double old = loopTheta[i];
                        double d = optimizer.delta(grad[i], loopBuffers, i, eta);
                        loopTheta[i] = (float) (old + d - eta * decay * old);
                    }
                    String what = optimizer.describe() + ", decay " + decay + ", step " + step;
                    assertArrayEquals(loopTheta, kernelTheta, what);
                    for (int b = 0; b < buffers; b++) {
                        assertArrayEquals(loopBuffers[b], kernelBuffers[b], what + ", buffer " + b);
                    }
                }
            }
        }
    }
}
