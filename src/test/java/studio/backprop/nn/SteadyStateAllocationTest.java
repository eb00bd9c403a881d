package studio.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import studio.backprop.kernels.Threads;
import studio.backprop.autograd.ops.Pool2dOp;
import studio.backprop.nn.layers.Conv2D;
import studio.backprop.nn.layers.Conv2DTranspose;
import studio.backprop.nn.layers.Dense;
import studio.backprop.nn.layers.Flatten;
import studio.backprop.nn.layers.GlobalPooling2D;
import studio.backprop.nn.layers.LstmCell;
import studio.backprop.nn.layers.Padding;
import studio.backprop.nn.layers.Pooling2D;
import studio.backprop.nn.layers.Recurrent;
import studio.backprop.nn.layers.TimeDistributedDense;
import studio.backprop.nn.layers.TransformerEncoderBlock;
import studio.backprop.nn.layers.UpSampling2D;
import studio.backprop.nn.loss.CategoricalCrossEntropy;
import studio.backprop.nn.loss.Loss;
import studio.backprop.nn.loss.Losses;
import studio.backprop.nn.loss.MeanSquaredError;
import studio.backprop.nn.optim.AdaDelta;
import studio.backprop.nn.optim.Adam;
import studio.backprop.nn.optim.Optimizer;
import studio.backprop.nn.optim.RmsProp;
import studio.backprop.nn.optim.Sgd;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.GanCompiler;
import studio.backprop.spec.GanFormat;
import studio.backprop.train.GanRun;
import studio.backprop.train.GanSessions;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * Once compiled, a training step of the benchmark's MLP 784-128-10 (batch 64), of the 2-4-4-1 tanh network (full
 * batch of 500), of its transformer block, of its LSTM and of its convolutional autoencoder allocates nothing on
 * the training thread.
 *
 * <p>The JIT needs a while to compile the kernels (longer on a busy machine), and before that the Vector API
 * allocates a copy of every vector. So the steps run in windows, and the test passes at the first window whose
 * heap allocation stays under a generous bound; it fails only when no window does within a large step budget.
 * Nothing here depends on time.
 */
class SteadyStateAllocationTest {

    /** Well above the counter's own few hundred bytes, far below one boxed vector per parameter vector. */
    private static final double BYTES_PER_STEP_BOUND = 256;
    /**
     * On two threads: below one lambda a step (24-56 bytes each), above the counter's own bytes spread over a
     * window.
     */
    private static final double SPLIT_BYTES_PER_STEP_BOUND = 16;
    private static final int STEPS_PER_WINDOW = 100;
    /**
     * Windows before giving up. Late in the full suite C2's queue is long and the tiny network's steps are cheap,
     * so it gets many more windows than the MLP.
     */
    private static final int MLP_WINDOWS = 80;
    private static final int TINY_WINDOWS = 600;
    /**
     * Least time to wait for C2 before giving up, however many windows that takes. Windows are counted in steps,
     * so the faster the steps, the less time the compiler gets, and late in the full suite its queue is long:
     * after the batch GEMM got faster, the AdaDelta windows twice ran out at 1.8 MB a step. Waiting is not a
     * timing assertion: what is tested is the allocation once compiled.
     */
    private static final long MIN_WAIT_NANOS = 20_000_000_000L;

    @Test
    void mlpStepsAllocateNothingOnceCompiled() {
        Network net = Network.builder(784).add(new Dense("hidden", 128, Activation.RELU))
                .add(new Dense("logits", 10, Activation.LINEAR)).build();
        assertSteadyStateAllocatesNothing("MLP 784-128-10", net, CategoricalCrossEntropy.fromLogits(), 64, 784, 10,
                MLP_WINDOWS, new Sgd(0.001));
    }

    /**
     * The same MLP under Adam, Nesterov momentum, RMSProp and AdaDelta, whose updates run in vectorised kernels of
     * their own (storing half vectors through a mask once boxed every vector there: 20-30 bytes per parameter).
     */
    @Test
    void adaptiveOptimiserStepsAllocateNothingOnceCompiled() {
        for (Optimizer optimizer : new Optimizer[] {new Adam(0.001), new Sgd(0.01, 0.9, true), new RmsProp(0.001), new AdaDelta()}) {
            Network net = Network.builder(784).add(new Dense("hidden", 128, Activation.RELU))
                    .add(new Dense("logits", 10, Activation.LINEAR)).build();
            assertSteadyStateAllocatesNothing("MLP 784-128-10, " + optimizer.kind(), net,
                    CategoricalCrossEntropy.fromLogits(), 64, 784, 10, MLP_WINDOWS, optimizer);
        }
    }

    /**
     * The tiny network trained after the MLP, as the benchmark does: with C2's default trap limit the tanh kernel
     * was then compiled with a non-constant species and its stores boxed (107,904 B/step); see the pom's jit.flags.
     */
    @Test
    void tinyTanhStepsAllocateNothingOnceCompiled() {
        mlpStepsAllocateNothingOnceCompiled();
        Network net = Network.builder(2).add(new Dense("h1", 4, Activation.TANH))
                .add(new Dense("h2", 4, Activation.TANH)).add(new Dense("out", 1, Activation.TANH)).build();
        assertSteadyStateAllocatesNothing("2-4-4-1 tanh", net, new MeanSquaredError(), 500, 2, 1,
                TINY_WINDOWS, new Sgd(0.001));
    }

    /**
     * The benchmark's sequence rows: a transformer encoder block (its attention's permutes made a view per call
     * and its small batched products a record and a lambda: 70 KB a step) and an LSTM.
     */
    @Test
    void sequenceModelStepsAllocateNothingOnceCompiled() {
        Network block = Network.builder(16, 32)
                .add(new TransformerEncoderBlock("block", 4, 8, 64, false, 1e-5))
                .add(new TimeDistributedDense("logits", 10, Activation.LINEAR, true)).build();
        assertSteadyStateAllocatesNothing("transformer block", block, CategoricalCrossEntropy.fromLogits(),
                new int[] {32, 16, 32}, new int[] {32, 16, 10}, MLP_WINDOWS, new Sgd(0.01));
        Network lstm = Network.builder(20, 8)
                .add(new Recurrent("lstm", new LstmCell(64, true, false), false))
                .add(new Dense("logits", 10, Activation.LINEAR)).build();
        assertSteadyStateAllocatesNothing("LSTM 64", lstm, CategoricalCrossEntropy.fromLogits(),
                new int[] {32, 20, 8}, new int[] {32, 10}, MLP_WINDOWS, new Sgd(0.01));
    }

    /**
     * The sample convolutional autoencoder, the benchmark's (two convolutions with pooling, two stride-2 transposed
     * convolutions), on a batch of 8 to keep the windows short: col2im built its argument message on every call and
     * the transposed convolution's backward an array of four dimensions (663 bytes a step on a batch of 64).
     */
    @Test
    void convolutionalAutoencoderStepsAllocateNothingOnceCompiled() throws Exception {
        Path file = Path.of("samples", "conv-autoencoder-digits.bps");
        Network net = DocumentCompiler.compile(DocumentFormat.read(Files.readString(file), file.toString())).network();
        assertSteadyStateAllocatesNothing("conv autoencoder", net, Losses.byName("binary_cross_entropy"),
                new int[] {8, 28, 28, 1}, new int[] {8, 28, 28, 1}, MLP_WINDOWS, new Sgd(0.01));
    }

    /**
     * The sample ring GAN as the app trains it (one network's update a step), held to the two-thread bound: checking
     * that the batch still fits the recorded graphs copied the batch's shape on every step (24 bytes a step in the
     * benchmark's GAN).
     */
    @Test
    void ganStepsAllocateNothingOnceCompiled() throws Exception {
        Path file = Path.of("samples", "gan-ring.bpgan");
        GanRun run = GanSessions.prepare(GanCompiler.compile(GanFormat.read(Files.readString(file), file.toString())));
        assertWindowsAllocateNothing("ring GAN", run::step, TINY_WINDOWS, 2);
    }

    /**
     * The sequence rows, the convolutional autoencoder, average pooling, upsampling and global pooling with the
     * kernel pool's second thread: every loop that splits used to build a capturing lambda on the training thread
     * (56-991 bytes a step on the benchmark's rows); the kernels that split now reuse a loop body per thread.
     */
    @Test
    void splitLoopsAllocateNothingOnTwoThreads() {
        Network block = Network.builder(16, 32)
                .add(new TransformerEncoderBlock("block", 4, 8, 64, false, 1e-5))
                .add(new TimeDistributedDense("logits", 10, Activation.LINEAR, true)).build();
        assertSteadyStateAllocatesNothing("transformer block", block, CategoricalCrossEntropy.fromLogits(),
                new int[] {32, 16, 32}, new int[] {32, 16, 10}, MLP_WINDOWS, new Sgd(0.01), 2);
        Network lstm = Network.builder(20, 8)
                .add(new Recurrent("lstm", new LstmCell(64, true, false), false))
                .add(new Dense("logits", 10, Activation.LINEAR)).build();
        assertSteadyStateAllocatesNothing("LSTM 64", lstm, CategoricalCrossEntropy.fromLogits(),
                new int[] {32, 20, 8}, new int[] {32, 10}, MLP_WINDOWS, new Sgd(0.01), 2);
        Network autoencoder = Network.builder(28, 28, 1)
                .add(new Conv2D("enc1", 16, 3, 1, Padding.SAME, Activation.RELU))
                .add(new Pooling2D("code", Pool2dOp.Kind.MAX, 2))
                .add(new Conv2DTranspose("dec1", 16, 3, 2, Padding.SAME, 0, true, Activation.RELU))
                .add(new Conv2D("reconstruction", 1, 3, 1, Padding.SAME, Activation.SIGMOID)).build();
        assertSteadyStateAllocatesNothing("conv autoencoder", autoencoder, Losses.byName("binary_cross_entropy"),
                new int[] {32, 28, 28, 1}, new int[] {32, 28, 28, 1}, MLP_WINDOWS, new Sgd(0.01), 2);
        Network upAndGlobal = Network.builder(14, 14, 1)
                .add(new UpSampling2D("up", 2))
                .add(new Conv2D("conv", 8, 3, 1, Padding.SAME, Activation.RELU))
                .add(new GlobalPooling2D("global", true))
                .add(new Dense("logits", 10, Activation.LINEAR)).build();
        Network classic = Network.builder(28, 28, 1)
                .add(new Conv2D("c1", 6, 5, 1, Padding.SAME, Activation.SIGMOID))
                .add(new Pooling2D("s2", Pool2dOp.Kind.AVG, 2))
                .add(new Flatten("flat"))
                .add(new Dense("logits", 10, Activation.LINEAR)).build();
        assertSteadyStateAllocatesNothing("LeNet-5's average pooling", classic, CategoricalCrossEntropy.fromLogits(),
                new int[] {32, 28, 28, 1}, new int[] {32, 10}, MLP_WINDOWS, new Sgd(0.01), 2);
        assertSteadyStateAllocatesNothing("upsampling and global max pooling", upAndGlobal,
                CategoricalCrossEntropy.fromLogits(), new int[] {32, 14, 14, 1}, new int[] {32, 10}, MLP_WINDOWS,
                new Sgd(0.01), 2);
    }

    private static void assertSteadyStateAllocatesNothing(String name, Network net, Loss loss, int batch,
                                                          int inputs, int outputs, int windows,
                                                          Optimizer optimizer) {
        assertSteadyStateAllocatesNothing(name, net, loss, new int[] {batch, inputs}, new int[] {batch, outputs},
                windows, optimizer);
    }

    private static void assertSteadyStateAllocatesNothing(String name, Network net, Loss loss, int[] xShape,
                                                          int[] yShape, int windows, Optimizer optimizer) {
        assertSteadyStateAllocatesNothing(name, net, loss, xShape, yShape, windows, optimizer, 1);
    }

    private static void assertSteadyStateAllocatesNothing(String name, Network net, Loss loss, int[] xShape,
                                                          int[] yShape, int windows, Optimizer optimizer,
                                                          int threads) {
        assumeTrue(allocatedBytes() >= 0, "this JVM cannot count a thread's allocations");
        Rng rng = new Rng(3);
        net.build(rng);
        Tensor[] xs = {Tensor.uniform(rng, 0f, 1f, xShape), Tensor.uniform(rng, 0f, 1f, xShape)};
        Tensor[] ys = {Tensor.uniform(rng, 0f, 1f, yShape), Tensor.uniform(rng, 0f, 1f, yShape)};
        TrainingStep step = new TrainingStep(net, loss, optimizer, rng);
        int[] at = {0};
        assertWindowsAllocateNothing(name, () -> {
            int i = at[0]++ & 1;
            step.run(xs[i], ys[i]);
        }, windows, threads);
    }

    /**
     * Runs {@code step} in windows of {@link #STEPS_PER_WINDOW} until one allocates at most the bound per step on
     * the training thread (256 bytes on one thread, 16 on more), and fails if none does.
     */
    private static void assertWindowsAllocateNothing(String name, Runnable step, int windows, int threads) {
        assumeTrue(allocatedBytes() >= 0, "this JVM cannot count a thread's allocations");
        double bound = threads == 1 ? BYTES_PER_STEP_BOUND : SPLIT_BYTES_PER_STEP_BOUND;
        double lowest = Threads.with(threads, () -> {
            double best = Double.MAX_VALUE;
            long start = System.nanoTime();
            for (int window = 0; best > bound
                    && (window < windows || System.nanoTime() - start < MIN_WAIT_NANOS); window++) {
                long before = allocatedBytes();
                for (int i = 0; i < STEPS_PER_WINDOW; i++) {
                    step.run();
                }
                best = Math.min(best, (allocatedBytes() - before) / (double) STEPS_PER_WINDOW);
            }
            return best;
        });
        assertTrue(lowest <= bound, name + " on " + threads + " thread(s): each window of "
                + STEPS_PER_WINDOW
                + " steps allocated at least " + Math.round(lowest) + " bytes per step on the training thread");
    }

    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported()) {
            return bean.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }
}
