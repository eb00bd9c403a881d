package studio.backprop.train;

import studio.backprop.kernels.Gemm;
import studio.backprop.kernels.KernelPool;
import studio.backprop.nn.Activation;
import studio.backprop.nn.Network;
import studio.backprop.nn.StandardNetworks;
import studio.backprop.nn.TrainingStep;
import studio.backprop.nn.layers.Dense;
import studio.backprop.nn.loss.CategoricalCrossEntropy;
import studio.backprop.nn.loss.Loss;
import studio.backprop.nn.loss.MeanSquaredError;
import studio.backprop.nn.optim.Adam;
import studio.backprop.nn.optim.Optimizer;
import studio.backprop.nn.optim.Sgd;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * Trains three small networks on random data in the background while the app starts, so that the JIT has compiled
 * the engine's vector kernels before the user's first run.
 *
 * <p>Until C2 compiles a kernel, it runs as C1 code, where every Vector API operation allocates its result: ten to a
 * hundred times slower. On a 2-core machine C2 needed 3.6 s of compile time for a LeNet-5 run and compiled the
 * kernels only as they turned hot, so the lecture's 665-step LeNet-5 run (5 epochs of the digits) spent its first
 * four seconds almost entirely in such code (in a profile of {@code backprop train}, 332 of those seconds' 368
 * samples). In the app, three seconds after Play, the run had reached step 19 without the warm-up and step 573 with
 * it.
 *
 * <p>The networks are the shapes of the samples a lecture opens: LeNet-5 with momentum, the Playground's small tanh
 * network with Adam, and a 784-128-10 MLP with plain SGD. The kernels run on the warm-up's own thread
 * ({@link KernelPool#inline}), so it never takes the pool's threads. It stops after a fixed number of steps, or
 * as soon as real training begins ({@link #stopForTraining}), so it never slows a run down by more than the step it
 * is in. Results of any training do not depend on it: compiled or not, every kernel computes the same bits.
 */
public final class KernelWarmUp {

    /** Steps of each network: enough for the kernels' loops to reach C2's thresholds. */
    static final int LENET_STEPS = 250;
    static final int TINY_STEPS = 3000;
    static final int MLP_STEPS = 200;

    private static volatile KernelWarmUp running;

    private final Thread thread;
    private volatile boolean stopped;
    private volatile int steps;

    private KernelWarmUp() {
        thread = new Thread(this::run, "backprop-kernel-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
    }

    /**
     * Starts the warm-up on a daemon thread, unless the Vector API kernels are not in use (then there is nothing to
     * compile) or one is already running.
     *
     * @return the warm-up started, or null
     */
    public static synchronized KernelWarmUp start() {
        if (!Gemm.VECTOR.equals(Gemm.implementation()) || running != null) {
            return null;
        }
        KernelWarmUp warmUp = new KernelWarmUp();
        running = warmUp;
        warmUp.thread.start();
        return warmUp;
    }

    /** Stops a running warm-up after its current step: real training needs the cores. Cheap when none runs. */
    public static void stopForTraining() {
        KernelWarmUp warmUp = running;
        if (warmUp != null) {
            warmUp.stopped = true;
        }
    }

    /** Steps trained so far, over all three networks. */
    public int steps() {
        return steps;
    }

    /** Waits up to {@code millis} for the warm-up to end; true if it has. */
    public boolean await(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }

    private void run() {
        try {
            KernelPool.inline(() -> {
                train(StandardNetworks.leNet5(), new int[] {28, 28, 1}, 10, 64, CategoricalCrossEntropy.fromLogits(),
                        new Sgd(0.05, 0.9, false), LENET_STEPS);
                train(Network.builder(2).add(new Dense("h1", 8, Activation.TANH))
                        .add(new Dense("h2", 8, Activation.TANH)).add(new Dense("out", 1, Activation.TANH)).build(),
                        new int[] {2}, 1, 500, new MeanSquaredError(), new Adam(0.01), TINY_STEPS);
                train(StandardNetworks.mnistMlp(), new int[] {784}, 10, 64,
                        CategoricalCrossEntropy.fromLogits(), new Sgd(0.05), MLP_STEPS);
                return null;
            });
        } catch (RuntimeException | OutOfMemoryError e) {
            // Only a warm-up: whatever went wrong here, training itself will meet and report properly.
        } finally {
            synchronized (KernelWarmUp.class) {
                if (running == this) {
                    running = null;
                }
            }
        }
    }

    private void train(Network net, int[] sample, int outputs, int batch, Loss loss, Optimizer optimizer,
                       int count) {
        Rng rng = new Rng(7);
        net.build(rng);
        int[] shape = new int[sample.length + 1];
        shape[0] = batch;
        System.arraycopy(sample, 0, shape, 1, sample.length);
        Tensor x = Tensor.uniform(rng, 0f, 1f, shape);
        Tensor y = Tensor.zeros(batch, outputs);
        for (int i = 0; i < batch; i++) {
            y.set(1f, i, i % outputs);
        }
        TrainingStep step = new TrainingStep(net, loss, optimizer, rng);
        for (int i = 0; i < count && !stopped; i++) {
            step.run(x, y);
            steps++;
        }
    }
}
