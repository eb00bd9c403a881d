package studio.backprop.cli;

import studio.backprop.autograd.ops.Pool2dOp;
import studio.backprop.data.TargetDistributions;
import studio.backprop.nn.Activation;
import studio.backprop.nn.Network;
import studio.backprop.nn.TrainingStep;
import studio.backprop.nn.layers.Conv2D;
import studio.backprop.nn.layers.Conv2DTranspose;
import studio.backprop.nn.layers.Dense;
import studio.backprop.nn.layers.Padding;
import studio.backprop.nn.layers.Pooling2D;
import studio.backprop.nn.loss.Losses;
import studio.backprop.nn.optim.Adam;
import studio.backprop.nn.optim.Sgd;
import studio.backprop.spec.GanSettings;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;
import studio.backprop.train.GanRule;
import studio.backprop.train.GanRun;

/**
 * The benchmark's generative rows: the convolutional autoencoder of the templates (28×28×1 → 7×7×8 → 28×28×1,
 * binary cross-entropy against its input, batch 64) and the ring GAN (2-16-16-2 generator and 2-16-16-1
 * discriminator, one D step per G step, batch 64), each timed as the fastest of three equal windows.
 */
final class GenerativeWorkloads {

    private static final int WINDOWS = 3;

    private GenerativeWorkloads() {
    }

    /** The conv autoencoder: one step is forward, BCE, backward and an SGD update. */
    static TrainingWorkloads.Result convAutoencoder(double budgetSeconds) {
        Network net = Network.builder(28, 28, 1)
                .add(new Conv2D("enc1", 16, 3, 1, Padding.SAME, Activation.RELU))
                .add(new Pooling2D("pool1", Pool2dOp.Kind.MAX, 2))
                .add(new Conv2D("enc2", 8, 3, 1, Padding.SAME, Activation.RELU))
                .add(new Pooling2D("code", Pool2dOp.Kind.MAX, 2))
                .add(new Conv2DTranspose("dec1", 8, 3, 2, Padding.SAME, 0, true, Activation.RELU))
                .add(new Conv2DTranspose("dec2", 16, 3, 2, Padding.SAME, 0, true, Activation.RELU))
                .add(new Conv2D("reconstruction", 1, 3, 1, Padding.SAME, Activation.SIGMOID)).build();
        Rng rng = new Rng(1);
        net.build(rng);
        Tensor[] xs = new Tensor[8];
        for (int b = 0; b < xs.length; b++) {
            xs[b] = Tensor.uniform(rng, 0f, 1f, 64, 28, 28, 1);
        }
        TrainingStep step = new TrainingStep(net, Losses.byName("binary_cross_entropy"), new Sgd(0.01), rng);
        int[] at = {0};
        return measure("conv autoencoder 28²→7²×8, batch 64", 64, budgetSeconds, () -> {
            Tensor x = xs[at[0]++ % xs.length];
            step.run(x, x);
        });
    }

    /** The ring GAN: one step updates one network (D and G in turn). */
    static TrainingWorkloads.Result ringGan(double budgetSeconds) {
        Rng rng = new Rng(1);
        Network g = mlp("g", 2, 2);
        Network d = mlp("d", 2, 1);
        g.build(rng);
        d.build(rng);
        GanRule rule = new GanRule(g, d, new Adam(0.003), new Adam(0.003),
                new GanSettings(2, 1, GanSettings.GeneratorLoss.NON_SATURATING, 0), rng);
        GanRun run = new GanRun(rule, TargetDistributions.ring(2000, 0.02, 2).points(), null, 64, 3);
        return measure("GAN on the ring 2-16-16-2, batch 64", 64, budgetSeconds, run::step);
    }

    private static Network mlp(String prefix, int in, int out) {
        return Network.builder(in).add(new Dense(prefix + "1", 16, Activation.RELU))
                .add(new Dense(prefix + "2", 16, Activation.RELU))
                .add(new Dense(prefix + "out", out, Activation.LINEAR)).build();
    }

    private static TrainingWorkloads.Result measure(String name, int batch, double budgetSeconds, Runnable step) {
        long warmEnd = System.nanoTime() + (long) (budgetSeconds * 1e9);
        while (System.nanoTime() < warmEnd) {
            step.run();
        }
        TrainingWorkloads.Result best = null;
        for (int window = 0; window < WINDOWS; window++) {
            long bytesBefore = TrainingWorkloads.allocatedBytes();
            long start = System.nanoTime();
            long end = start + (long) (budgetSeconds * 1e9 / WINDOWS);
            long steps = 0;
            long now;
            do {
                step.run();
                steps++;
                now = System.nanoTime();
            } while (now < end);
            double bytes = Math.max(0, TrainingWorkloads.allocatedBytes() - bytesBefore) / (double) steps;
            TrainingWorkloads.Result r = new TrainingWorkloads.Result(name, steps, (now - start) / 1e9, batch, bytes);
            if (best == null || r.stepsPerSecond() > best.stepsPerSecond()) {
                best = r;
            }
        }
        return best;
    }
}
