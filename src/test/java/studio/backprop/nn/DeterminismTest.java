package studio.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.autograd.Tape;
import studio.backprop.autograd.Variable;
import studio.backprop.autograd.ops.Pool2dOp;
import studio.backprop.kernels.KernelPool;
import studio.backprop.kernels.Threads;
import studio.backprop.nn.layers.BatchNormalization;
import studio.backprop.nn.layers.Conv2D;
import studio.backprop.nn.layers.Dense;
import studio.backprop.nn.layers.Dropout;
import studio.backprop.nn.layers.Flatten;
import studio.backprop.nn.layers.ForwardContext;
import studio.backprop.nn.layers.Padding;
import studio.backprop.nn.layers.Pooling2D;
import studio.backprop.tensor.Rng;

/** One seed, one result: initial weights, dropout masks and trained numbers, whatever the kernel thread count. */
class DeterminismTest {

    private static final int STEPS = 5;

    @Test
    void theSameSeedGivesIdenticalInitialWeightsAndAnotherSeedOthers() {
        Network a = cnn();
        Network b = cnn();
        Network c = cnn();
        a.build(new Rng(7));
        b.build(new Rng(7));
        c.build(new Rng(8));
        assertEquals(snapshot(a).size(), snapshot(b).size());
        assertBitIdentical(snapshot(a), snapshot(b));
        assertFalse(Arrays.equals(a.parameters().get(0).value().toArray(), c.parameters().get(0).value().toArray()));
    }

    @Test
    void rebuildingReinitialisesIntoTheSameParameterObjects() {
        Network net = cnn();
        net.build(new Rng(7));
        List<float[]> before = snapshot(net);
        List<studio.backprop.nn.Parameter> objects = net.parameters();
        net.build(new Rng(99));
        net.build(new Rng(7));
        assertBitIdentical(before, snapshot(net));
        for (int i = 0; i < objects.size(); i++) {
            org.junit.jupiter.api.Assertions.assertSame(objects.get(i), net.parameters().get(i));
        }
    }

    @Test
    void theSameSeedGivesIdenticalTrainedNumbers() {
        Run first = train(false);
        Run second = train(false);
        assertArrayEquals(first.losses(), second.losses());
        assertBitIdentical(first.weights(), second.weights());
        assertFalse(first.losses()[0] == first.losses()[STEPS - 1], "the run should actually train");
    }

    @Test
    void replayingTheTapeTrainsExactlyLikeRebuildingTheGraphEachStep() {
        Run rebuilt = train(false);
        Run replayed = train(true);
        assertArrayEquals(rebuilt.losses(), replayed.losses());
        assertBitIdentical(rebuilt.weights(), replayed.weights());
    }

    @Test
    void theKernelThreadCountDoesNotChangeAnyNumber() {
        int before = KernelPool.threads();
        Run one = Threads.with(1, () -> train(false));
        Run two = Threads.with(2, () -> train(false));
        Run three = Threads.with(3, () -> train(true));
        assertEquals(before, KernelPool.threads());
        assertArrayEquals(one.losses(), two.losses());
        assertArrayEquals(one.losses(), three.losses());
        assertBitIdentical(one.weights(), two.weights());
        assertBitIdentical(one.weights(), three.weights());
    }

    /** Conv → BN → max pool → dropout → dense, so initialisation, masks and running statistics all take part. */
    private static Network cnn() {
        return Network.builder(8, 8, 1)
                .add(new Conv2D("conv", 4, 3, 1, Padding.SAME, Activation.RELU))
                .add(new BatchNormalization("bn", 1e-5f, 0.9f, false))
                .add(new Pooling2D("pool", Pool2dOp.Kind.MAX, 2))
                .add(new Flatten("flat"))
                .add(new Dropout("drop", 0.3f))
                .add(new Dense("hidden", 8, Activation.TANH))
                .add(new Dense("logits", 2, Activation.LINEAR))
                .build();
    }

    private record Run(float[] losses, List<float[]> weights) {
    }

    /** A few full-batch steps on 32 bar images in training mode, rebuilding the graph each step or replaying it. */
    private static Run train(boolean replay) {
        Bars data = Bars.generate(32, 8, 0.3, new Rng(3));
        Network net = cnn();
        net.build(new Rng(11));
        ForwardContext context = ForwardContext.training(new Rng(12));
        Variable x = Variable.constant(data.images(), "x");
        Variable targets = Variable.constant(PlainSgd.oneHot(data.labels(), 2), "t");
        float[] losses = new float[STEPS];
        Variable loss = net.forward(x, context).softmaxCrossEntropy(targets);
        Tape tape = Tape.record(loss);
        for (int step = 0; step < STEPS; step++) {
            losses[step] = loss.value().item();
            tape.backward();
            PlainSgd.step(net.trainableParameters(), 0.1f);
            if (replay) {
                tape.forward();
            } else {
                loss = net.forward(x, context).softmaxCrossEntropy(targets);
                tape = Tape.record(loss);
            }
        }
        return new Run(losses, snapshot(net));
    }

    /** Copies of every parameter value, running statistics included. */
    private static List<float[]> snapshot(Network net) {
        List<float[]> values = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            values.add(p.value().toArray());
        }
        return values;
    }

    private static void assertBitIdentical(List<float[]> expected, List<float[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            float[] e = expected.get(i);
            float[] a = actual.get(i);
            assertEquals(e.length, a.length);
            for (int j = 0; j < e.length; j++) {
                assertEquals(Float.floatToRawIntBits(e[j]), Float.floatToRawIntBits(a[j]),
                        "parameter " + i + " element " + j + ": " + e[j] + " vs " + a[j]);
            }
        }
    }
}
