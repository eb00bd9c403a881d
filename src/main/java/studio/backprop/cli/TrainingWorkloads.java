package studio.backprop.cli;

import java.lang.management.ManagementFactory;
import studio.backprop.nn.Activation;
import studio.backprop.nn.Network;
import studio.backprop.nn.StandardNetworks;
import studio.backprop.nn.TrainingStep;
import studio.backprop.nn.layers.Dense;
import studio.backprop.nn.layers.LstmCell;
import studio.backprop.nn.layers.Recurrent;
import studio.backprop.nn.layers.TimeDistributedDense;
import studio.backprop.nn.layers.TransformerEncoderBlock;
import studio.backprop.nn.loss.CategoricalCrossEntropy;
import studio.backprop.nn.loss.Loss;
import studio.backprop.nn.loss.MeanSquaredError;
import studio.backprop.nn.optim.Sgd;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * The training workloads of the benchmark: full training steps (forward, loss, backward, SGD update) through
 * {@link TrainingStep}, on random data of the right shapes (speed does not depend on the values).
 */
final class TrainingWorkloads {

    /**
     * Steps per second, seconds per 60,000 samples and heap bytes allocated per step on the training thread, over
     * the fastest of the measurement windows.
     */
    record Result(String name, long steps, double seconds, int batch, double bytesPerStep) {

        double stepsPerSecond() {
            return steps / seconds;
        }

        double secondsPerEpoch() {
            return 60_000.0 / batch / stepsPerSecond();
        }
    }

    /** Measurement windows per workload; the fastest is reported. */
    private static final int WINDOWS = 3;

    /**
     * Heap bytes per step below which a warm-up window counts as compiled: above the few hundred bytes of reading
     * the counter, far below the kilobytes per step of a kernel whose vectors are still boxed.
     */
    private static final long SETTLED_BYTES_PER_STEP = 1024;

    private TrainingWorkloads() {
    }

    /** MLP 784-128-10 (ReLU, softmax cross-entropy), batch 64. */
    static Result mlp(double budgetSeconds) {
        Network net = StandardNetworks.mnistMlp();
        return run("MLP 784-128-10, batch 64", net, CategoricalCrossEntropy.fromLogits(), 64, new int[] {784}, 10,
                budgetSeconds, 0);
    }

    /** LeNet-5 on 28×28×1: conv 6@5×5 (same) → pool → conv 16@5×5 → pool → 120 → 84 → 10, batch 64. */
    static Result lenet(double budgetSeconds) {
        Network net = StandardNetworks.leNet5();
        return run("LeNet-5, batch 64", net, CategoricalCrossEntropy.fromLogits(), 64, new int[] {28, 28, 1}, 10,
                budgetSeconds, 0);
    }

    /** The Playground-sized 2-4-4-1 tanh MLP, full batch of 500 points, MSE. */
    static Result tinyMlp(double budgetSeconds) {
        Network net = Network.builder(2).add(new Dense("h1", 4, Activation.TANH))
                .add(new Dense("h2", 4, Activation.TANH)).add(new Dense("out", 1, Activation.TANH)).build();
        return run("2-4-4-1 tanh, full batch of 500", net, new MeanSquaredError(), 500, new int[] {2}, 1,
                budgetSeconds, 1);
    }

    /** An LSTM of 64 units over 20 steps of 8 features, its last state to 10 logits, batch 32. */
    static Result lstm(double budgetSeconds) {
        Network net = Network.builder(20, 8)
                .add(new Recurrent("lstm", new LstmCell(64, true, false), false))
                .add(new Dense("logits", 10, Activation.LINEAR)).build();
        return run("LSTM 64 units, 20 steps, batch 32", net, CategoricalCrossEntropy.fromLogits(), 32,
                new int[] {20, 8}, 10, budgetSeconds, 0);
    }

    /** One transformer encoder block (4 heads of 8, feed-forward 64) on 16 steps of 32, 10 logits a step. */
    static Result transformerBlock(double budgetSeconds) {
        Network net = Network.builder(16, 32)
                .add(new TransformerEncoderBlock("block", 4, 8, 64, false, 1e-5))
                .add(new TimeDistributedDense("logits", 10, Activation.LINEAR, true)).build();
        return run("transformer block, 16×32, batch 32", net, CategoricalCrossEntropy.fromLogits(), 32,
                new int[] {16, 32}, 10, budgetSeconds, 0);
    }

    /**
     * Trains on pre-generated batches until the time budget is spent (after the warm-up of {@link #warmUp}) and
     * counts what one step costs in the fastest of three equal windows.
     *
     * @param batchesInData how many distinct batches to cycle through (0: enough for a 60,000-sample epoch)
     */
    private static Result run(String name, Network net, Loss loss, int batch, int[] sample, int classes,
                              double budgetSeconds, int batchesInData) {
        Rng rng = new Rng(1);
        net.build(rng);
        int batches = batchesInData > 0 ? batchesInData : Math.max(1, Math.min(60_000 / batch, 100));
        Tensor[] xs = new Tensor[batches];
        Tensor[] ys = new Tensor[batches];
        for (int b = 0; b < batches; b++) {
            xs[b] = Tensor.uniform(rng, 0f, 1f, prepend(batch, sample));
            // A class per output row: one per sample, or one per step for a sequence output.
            int rowsPerSample = Math.max(1, sizeOf(net.outputShape()) / classes);
            ys[b] = oneHot(rng, batch * rowsPerSample, classes).reshape(prepend(batch, net.outputShape()));
        }
        TrainingStep step = new TrainingStep(net, loss, new Sgd(0.01), rng);
        int i = warmUp(step, xs, ys, budgetSeconds);
        // Three equal windows, keeping the fastest: on a shared machine one window can lose its cores to
        // another process (or its JIT threads), and the fastest is the closest to what the engine can do.
        Result best = null;
        // Reading the counter allocates a few hundred bytes itself; that much is taken off every window (with
        // a few hundred steps per window it would otherwise show as bytes per step).
        long probe = allocatedBytes();
        long counterCost = allocatedBytes() - probe;
        for (int window = 0; window < WINDOWS; window++) {
            long bytesBefore = allocatedBytes();
            long start = System.nanoTime();
            long end = start + (long) (budgetSeconds * 1e9 / WINDOWS);
            long steps = 0;
            long now;
            do {
                step.run(xs[i % batches], ys[i % batches]);
                i++;
                steps++;
                now = System.nanoTime();
            } while (now < end);
            double bytes = Math.max(0, allocatedBytes() - bytesBefore - counterCost) / (double) steps;
            Result r = new Result(name, steps, (now - start) / 1e9, batch, bytes);
            if (best == null || r.stepsPerSecond() > best.stepsPerSecond()) {
                best = r;
            }
        }
        return best;
    }

    /**
     * Trains for at least half the budget and then until the step rate stops rising and the steps stop
     * allocating (C2 still compiling the kernels shows as a rising rate, and as heap copies of every vector while
     * the Vector API runs uncompiled; on a busy machine that takes several times longer), at most five budgets.
     *
     * @return the number of steps taken
     */
    private static int warmUp(TrainingStep step, Tensor[] xs, Tensor[] ys, double budgetSeconds) {
        long start = System.nanoTime();
        long minEnd = start + (long) (budgetSeconds * 0.5e9);
        long maxEnd = start + (long) (budgetSeconds * 5e9);
        long window = Math.max(1, (long) (budgetSeconds * 0.1e9));
        int i = 0;
        double previousRate = 0;
        while (true) {
            long bytesBefore = allocatedBytes();
            long t0 = System.nanoTime();
            int steps = 0;
            do {
                step.run(xs[i % xs.length], ys[i % ys.length]);
                i++;
                steps++;
            } while (System.nanoTime() - t0 < window);
            long now = System.nanoTime();
            double rate = steps / (double) (now - t0);
            boolean compiled = bytesBefore < 0 || allocatedBytes() - bytesBefore <= SETTLED_BYTES_PER_STEP * steps;
            boolean settled = rate <= previousRate * 1.05 && compiled;
            previousRate = Math.max(previousRate, rate);
            if (now >= maxEnd || (now >= minEnd && settled)) {
                return i;
            }
        }
    }

    private static Tensor oneHot(Rng rng, int rows, int classes) {
        Tensor y = Tensor.zeros(rows, classes);
        for (int r = 0; r < rows; r++) {
            y.buffer()[r * classes + (classes == 1 ? 0 : rng.nextInt(classes))] = classes == 1
                    ? (float) (rng.nextDouble() * 2 - 1) : 1f;
        }
        return y;
    }

    private static int sizeOf(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    private static int[] prepend(int first, int[] rest) {
        int[] s = new int[rest.length + 1];
        s[0] = first;
        System.arraycopy(rest, 0, s, 1, rest.length);
        return s;
    }

    /** Heap bytes allocated so far by the calling thread (-1 when the JVM cannot tell). */
    static long allocatedBytes() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (bean instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()) {
            return sun.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }
}
