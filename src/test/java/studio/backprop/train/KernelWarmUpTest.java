package studio.backprop.train;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import studio.backprop.kernels.Gemm;

/** The app's background warm-up: it trains, runs once at a time, and yields as soon as real training begins. */
class KernelWarmUpTest {

    @Test
    void trainsInTheBackgroundAndStopsWhenTrainingBegins() throws InterruptedException {
        assumeTrue(Gemm.VECTOR.equals(Gemm.implementation()), "the Vector API kernels are not in use");
        KernelWarmUp warmUp = KernelWarmUp.start();
        assertNotNull(warmUp);
        assertNull(KernelWarmUp.start(), "a second warm-up while one runs");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (warmUp.steps() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(warmUp.steps() > 0, "no step trained within a minute");
        KernelWarmUp.stopForTraining();
        assertTrue(warmUp.await(30_000), "the warm-up went on after training began");
        int total = KernelWarmUp.LENET_STEPS + KernelWarmUp.TINY_STEPS + KernelWarmUp.MLP_STEPS;
        assertTrue(warmUp.steps() < total, "it stopped early, after " + warmUp.steps() + " of " + total + " steps");
        assertNotNull(KernelWarmUp.start(), "a finished warm-up leaves room for another");
        KernelWarmUp.stopForTraining();
    }
}
