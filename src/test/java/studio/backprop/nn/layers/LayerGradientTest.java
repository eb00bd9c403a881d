package studio.backprop.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import studio.backprop.autograd.Tape;
import studio.backprop.autograd.Variable;
import studio.backprop.autograd.ops.DropoutOp;
import studio.backprop.autograd.ops.Pool2dOp;
import studio.backprop.nn.Activation;
import studio.backprop.nn.LayerGradCheck;
import studio.backprop.nn.Network;
import studio.backprop.nn.init.Initializer;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * Every layer's whole forward pass against central finite differences, with respect to its input and to the
 * parameter tensors it owns, on random inputs kept away from kinks and ties.
 */
class LayerGradientTest {

    private static final ForwardContext INFERENCE = ForwardContext.inference();

    @ParameterizedTest(name = "{0}")
    @EnumSource(Activation.class)
    void denseWithEachActivation(Activation activation) {
        Dense dense = new Dense("d", 4, activation);
        build(dense, 5);
        Tensor x = inputAwayFromKinks(dense, 3, 5);
        assertGradients(dense, x, INFERENCE);
    }

    @Test
    void denseWithoutBiasAndNonZeroBias() {
        Dense noBias = new Dense("d", 3, Activation.TANH, 0f, false, Initializer.glorotUniform(), Initializer.zeros());
        build(noBias, 4);
        assertEquals(1, noBias.parameters().size());
        assertGradients(noBias, random(2, 2, 4), INFERENCE);

        Dense withBias = new Dense("e", 3, Activation.SIGMOID);
        build(withBias, 4);
        withBias.setWeights("bias", Tensor.vector(0.3f, -0.2f, 0.5f));
        assertGradients(withBias, random(3, 2, 4), INFERENCE);
    }

    @Test
    void conv2dStrideTwoValid() {
        Conv2D conv = new Conv2D("c", 3, 3, 2, Padding.VALID, Activation.TANH);
        build(conv, 5, 5, 2);
        assertGradients(conv, random(4, 2, 5, 5, 2), INFERENCE);
    }

    @Test
    void conv2dSamePaddingStrideOneAndTwo() {
        Conv2D same = new Conv2D("c", 2, 3, 1, Padding.SAME, Activation.TANH);
        build(same, 4, 4, 2);
        assertGradients(same, random(5, 2, 4, 4, 2), INFERENCE);

        Conv2D sameStrided = new Conv2D("s", 2, 3, 2, Padding.SAME, Activation.LINEAR);
        build(sameStrided, 5, 5, 1);
        assertGradients(sameStrided, random(6, 2, 5, 5, 1), INFERENCE);
    }

    @Test
    void conv2dExplicitAsymmetricPaddingAndRectangularKernel() {
        Padding explicit = new Padding(Padding.Mode.EXPLICIT, 1, 0, 2, 1);
        Conv2D conv = new Conv2D("c", 2, 3, 2, 1, explicit, 1, true, Activation.SIGMOID, Initializer.glorotUniform());
        build(conv, 4, 3, 2);
        assertGradients(conv, random(7, 2, 4, 3, 2), INFERENCE);
    }

    @Test
    void conv2dDilationWithoutBias() {
        Conv2D conv = new Conv2D("c", 2, 2, 2, 1, Padding.of(1), 2, false, Activation.TANH, Initializer.glorotUniform());
        build(conv, 5, 5, 2);
        assertGradients(conv, random(8, 1, 5, 5, 2), INFERENCE);
    }

    @Test
    void conv2dWithReluAwayFromTheKink() {
        Conv2D conv = new Conv2D("c", 2, 2, 1, Padding.VALID, Activation.RELU);
        build(conv, 3, 3, 2);
        assertGradients(conv, inputAwayFromKinks(conv, 2, 3, 3, 2), INFERENCE);
    }

    @Test
    void conv2dTransposeValidSameAndOutputPadding() {
        Conv2DTranspose valid = new Conv2DTranspose("t", 2, 3, 2, Padding.VALID, 0, true, Activation.TANH);
        build(valid, 3, 3, 2);
        assertGradients(valid, random(9, 2, 3, 3, 2), INFERENCE);

        Conv2DTranspose same = new Conv2DTranspose("u", 3, 4, 2, Padding.SAME, 0, true, Activation.LINEAR);
        build(same, 2, 2, 2);
        assertGradients(same, random(10, 2, 2, 2, 2), INFERENCE);

        Conv2DTranspose padded = new Conv2DTranspose("v", 2, 3, 2, Padding.of(1), 1, false, Activation.TANH);
        build(padded, 3, 2, 1);
        assertGradients(padded, random(11, 2, 3, 2, 1), INFERENCE);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Pool2dOp.Kind.class)
    void poolingOfEachKind(Pool2dOp.Kind kind) {
        Pooling2D valid = new Pooling2D("p", kind, 2);
        build(valid, 4, 4, 2);
        assertGradients(valid, distinct(12, 2, 4, 4, 2), INFERENCE);

        Pooling2D overlappingSame = new Pooling2D("q", kind, 3, 2, Padding.SAME);
        build(overlappingSame, 5, 5, 2);
        assertGradients(overlappingSame, distinct(13, 2, 5, 5, 2), INFERENCE);
    }

    @Test
    void globalAverageAndMaxPooling() {
        GlobalPooling2D avg = new GlobalPooling2D("ga", false);
        build(avg, 3, 3, 2);
        assertGradients(avg, random(14, 2, 3, 3, 2), INFERENCE);

        GlobalPooling2D max = new GlobalPooling2D("gm", true);
        build(max, 3, 3, 2);
        assertGradients(max, distinct(15, 2, 3, 3, 2), INFERENCE);
    }

    @Test
    void upsamplingFlattenAndSoftmaxActivation() {
        UpSampling2D up = new UpSampling2D("up", 2);
        build(up, 2, 3, 2);
        assertGradients(up, random(16, 2, 2, 3, 2), INFERENCE);

        Flatten flatten = new Flatten("f");
        build(flatten, 2, 2, 3);
        assertGradients(flatten, random(17, 2, 2, 2, 3), INFERENCE);

        ActivationLayer softmax = new ActivationLayer("sm", Activation.SOFTMAX);
        build(softmax, 4);
        assertGradients(softmax, random(18, 3, 4), INFERENCE);
    }

    @Test
    void batchNormalizationTrainingOnFeaturesAndImages() {
        BatchNormalization biased = new BatchNormalization("bn", 1e-5f, 0.9f, false);
        build(biased, 3);
        biased.setWeights("gamma", Tensor.vector(1.5f, -0.7f, 0.9f));
        biased.setWeights("beta", Tensor.vector(0.2f, 0.1f, -0.3f));
        assertGradients(biased, random(19, 4, 3), ForwardContext.training(new Rng(1)));

        BatchNormalization unbiased = new BatchNormalization("ub", 1e-5f, 0.9f, true);
        build(unbiased, 3);
        assertGradients(unbiased, random(20, 3, 3), ForwardContext.training(new Rng(1)));

        BatchNormalization unbiasedBatch = new BatchNormalization("ubb", 1e-5f, 0.9f,
                studio.backprop.autograd.ops.BatchVariance.UNBIASED_BATCH);
        build(unbiasedBatch, 3);
        assertGradients(unbiasedBatch, random(21, 3, 3), ForwardContext.training(new Rng(1)));

        BatchNormalization image = new BatchNormalization("bi");
        build(image, 2, 2, 2);
        image.setWeights("gamma", Tensor.vector(0.8f, 1.3f));
        assertGradients(image, random(21, 3, 2, 2, 2), ForwardContext.training(new Rng(1)));
    }

    @Test
    void batchNormalizationInferenceUsesFixedRunningStatistics() {
        BatchNormalization bn = new BatchNormalization("bn", 1e-3f, 0.9f, false);
        build(bn, 2);
        bn.setWeights("gamma", Tensor.vector(1.2f, -0.5f));
        bn.setWeights("beta", Tensor.vector(0.1f, 0.4f));
        bn.setWeights("moving_mean", Tensor.vector(0.3f, -0.2f));
        bn.setWeights("moving_variance", Tensor.vector(0.5f, 2f));
        assertGradients(bn, random(22, 3, 2), INFERENCE);
    }

    @Test
    void dropoutWithAFrozenMaskInTraining() {
        for (boolean inverted : new boolean[] {true, false}) {
            Dropout dropout = new Dropout("drop", 0.5f, inverted);
            build(dropout, 3, 4);
            Function<Variable, Variable> forward = x -> {
                Variable y = dropout.forward(List.of(x), ForwardContext.training(new Rng(5)));
                DropoutOp op = (DropoutOp) Tape.record(y).nodes().stream()
                        .filter(n -> n.op() instanceof DropoutOp).findFirst().orElseThrow().op();
                op.freezeMask();
                float[] mask = op.mask();
                float kept = 0;
                for (float m : mask) {
                    kept += m;
                }
                assertTrue(kept > 0 && kept < mask.length, "the mask should keep some values and drop others");
                return y;
            };
            assertNoFailures("dropout inverted=" + inverted, LayerGradCheck.failures(forward, random(23, 2, 3, 4),
                    dropout.parameters()));
        }
    }

    @Test
    void addInAResidualBlock() {
        Network net = Network.builder(4, 4, 2)
                .add(new Conv2D("c1", 2, 3, 1, Padding.SAME, Activation.TANH))
                .add(new Conv2D("c2", 2, 3, 1, Padding.SAME, Activation.LINEAR))
                .add(new Add("add"), Network.INPUT, "c2")
                .add(new ActivationLayer("out", Activation.TANH))
                .build();
        net.build(new Rng(3));
        assertNoFailures("residual block", LayerGradCheck.failures(x -> net.forward(x, INFERENCE),
                random(24, 2, 4, 4, 2), net.parameters()));

        Network threeWay = Network.builder(3)
                .add(new Dense("a", 3, Activation.TANH))
                .add(new Dense("b", 3, Activation.SIGMOID), Network.INPUT)
                .add(new Add("sum"), Network.INPUT, "a", "b")
                .build();
        threeWay.build(new Rng(4));
        assertNoFailures("three-way add", LayerGradCheck.failures(x -> threeWay.forward(x, INFERENCE),
                random(25, 2, 3), threeWay.parameters()));
    }

    // ---------------------------------------------------------------- helpers

    private static void build(Layer layer, int... perSample) {
        layer.build(List.of(perSample), new Rng(42));
    }

    private static void assertGradients(Layer layer, Tensor x, ForwardContext context) {
        List<String> failures = LayerGradCheck.failures(v -> layer.forward(List.of(v), context), x,
                layer.parameters());
        assertNoFailures(layer.toString(), failures);
    }

    private static void assertNoFailures(String what, List<String> failures) {
        assertTrue(failures.isEmpty(), what + ":\n" + String.join("\n", failures.subList(0,
                Math.min(8, failures.size()))));
    }

    private static Tensor random(long seed, int... shape) {
        return Tensor.uniform(new Rng(seed), -1f, 1f, shape);
    }

    /** Values spaced 0.05 apart in random order: no window maximum changes under a step of 0.01. */
    private static Tensor distinct(long seed, int... shape) {
        Tensor x = Tensor.zeros(shape);
        int[] order = new Rng(seed).permutation(x.size());
        float[] d = x.buffer();
        for (int i = 0; i < d.length; i++) {
            d[i] = 0.05f * (order[i] - d.length / 2f) + 0.01f;
        }
        return x;
    }

    /**
     * A random batch whose pre-activations (the layer's "name/z" node) are all at least 0.05 from zero, so a
     * finite-difference step of 0.01 in an input or weight never crosses a ReLU or step kink.
     */
    private static Tensor inputAwayFromKinks(Layer layer, int... shape) {
        for (long seed = 100; seed < 400; seed++) {
            Tensor x = random(seed, shape);
            Variable out = layer.forward(List.of(Variable.constant(x, "x")), INFERENCE);
            Variable z = Tape.record(out).nodes().stream().filter(n -> n.name().equals(layer.name() + "/z"))
                    .findFirst().orElseThrow();
            float[] values = z.value().toArray();
            if (Arrays.stream(toDoubles(values)).allMatch(v -> Math.abs(v) >= 0.05)) {
                return x;
            }
        }
        return fail("no seed gave pre-activations away from zero for " + layer);
    }

    private static double[] toDoubles(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return d;
    }
}
