package studio.backprop.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.Activation;
import studio.backprop.nn.LayerGradCheck;
import studio.backprop.nn.LayerShapeException;
import studio.backprop.nn.ModelSummary;
import studio.backprop.nn.Network;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/** What every layer promises besides its gradient: shapes, parameter counts, initial values and messages. */
class LayerContractTest {

    @Test
    void parameterCountsFollowTheFormulas() {
        Network net = Network.builder(28, 28, 3)
                .add(new Conv2D("conv", 8, 3, 1, Padding.VALID, Activation.RELU))
                .add(new Conv2DTranspose("up", 5, 4, 2, Padding.SAME, 0, true, Activation.RELU))
                .add(new GlobalPooling2D("gap", false))
                .add(new Dense("out", 10, Activation.SOFTMAX))
                .build();
        ModelSummary summary = ModelSummary.of(net);
        assertEquals(3 * 3 * 3 * 8 + 8, summary.row("conv").trainable());
        assertEquals(4 * 4 * 8 * 5 + 5, summary.row("up").trainable());
        assertEquals(0, summary.row("gap").total());
        assertEquals(5 * 10 + 10, summary.row("out").trainable());
        assertArrayEquals(new int[] {52, 52, 5}, summary.row("up").outputShape());
        net.build(new Rng(0));
        long built = net.parameters().stream().mapToLong(p -> p.value().size()).sum();
        assertEquals(summary.total(), built);
    }

    @Test
    void glorotUniformStaysWithinItsLimitAndBiasesStartAtZero() {
        Dense dense = new Dense("d", 30, Activation.RELU);
        dense.build(List.of(new int[] {50}), new Rng(1));
        assertWithin(dense.find("kernel").value(), Math.sqrt(6.0 / (50 + 30)));
        assertArrayEquals(new float[30], dense.find("bias").value().toArray());

        Conv2D conv = new Conv2D("c", 16, 3, 1, Padding.VALID, Activation.RELU);
        conv.build(List.of(new int[] {8, 8, 4}), new Rng(2));
        assertWithin(conv.find("kernel").value(), Math.sqrt(6.0 / (9 * 4 + 9 * 16)));
    }

    @Test
    void setWeightsChecksTheRoleAndTheShape() {
        Dense dense = new Dense("d", 2, Activation.LINEAR);
        LayerShapeException early = assertThrows(LayerShapeException.class,
                () -> dense.setWeights("kernel", Tensor.zeros(3, 2)));
        assertTrue(early.getMessage().contains("build the network first"), early.getMessage());
        dense.build(List.of(new int[] {3}), new Rng(0));
        LayerShapeException shape = assertThrows(LayerShapeException.class,
                () -> dense.setWeights("kernel", Tensor.zeros(2, 3)));
        assertEquals("'d' kernel must have shape [3, 2], the given values have [2, 3]", shape.getMessage());
        dense.setWeights("kernel", Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2));
        Tensor y = dense.forward(List.of(Variable.constant(Tensor.of(new float[] {1, 0, -1}, 1, 3), "x")),
                ForwardContext.inference()).value();
        assertArrayEquals(new float[] {1 - 5, 2 - 6}, y.toArray());
    }

    @Test
    void aForwardPassBeforeBuildSaysTheLayerIsNotBuilt() {
        List<Layer> unbuilt = List.of(new Dense("d", 2, Activation.LINEAR),
                new Conv2D("c", 2, 1, 1, Padding.VALID, Activation.LINEAR),
                new BatchNormalization("bn"));
        for (Layer layer : unbuilt) {
            Tensor x = layer instanceof Conv2D ? Tensor.ones(2, 2, 2, 1) : Tensor.ones(2, 2);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> layer.forward(List.of(Variable.constant(x, "x")), ForwardContext.inference()),
                    layer.toString());
            assertTrue(e.getMessage().startsWith("'" + layer.name() + "' has not been built"), e.getMessage());
        }
    }

    @Test
    void transposedConvolutionWithSamePaddingMultipliesTheSizeByTheStride() {
        for (int kernel = 1; kernel <= 5; kernel++) {
            for (int stride = 1; stride <= 3; stride++) {
                Conv2DTranspose t = new Conv2DTranspose("t", 2, kernel, stride, Padding.SAME, 0, true,
                        Activation.LINEAR);
                int[] out = t.outputShape(List.of(new int[] {3, 4, 1}));
                assertArrayEquals(new int[] {3 * stride, 4 * stride, 2}, out,
                        "kernel " + kernel + ", stride " + stride);
                t.build(List.of(new int[] {3, 4, 1}), new Rng(kernel));
                Tensor y = t.forward(List.of(Variable.constant(Tensor.ones(1, 3, 4, 1), "x")),
                        ForwardContext.inference()).value();
                assertArrayEquals(new int[] {1, 3 * stride, 4 * stride, 2}, y.shape());
            }
        }
    }

    @Test
    void aTransposedKernelSmallerThanItsStrideLeavesBiasOnlyRowsAndStillBackpropagates() {
        Conv2DTranspose t = new Conv2DTranspose("t", 1, 1, 2, Padding.SAME, 0, true, Activation.LINEAR);
        t.build(List.of(new int[] {2, 2, 1}), new Rng(0));
        t.setWeights("kernel", Tensor.of(new float[] {3}, 1, 1, 1, 1));
        t.setWeights("bias", Tensor.vector(0.5f));
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 1, 2, 2, 1);
        Tensor y = t.forward(List.of(Variable.constant(x, "x")), ForwardContext.inference()).value();
        assertArrayEquals(new float[] {
            3.5f, 0.5f, 6.5f, 0.5f,
            0.5f, 0.5f, 0.5f, 0.5f,
            9.5f, 0.5f, 12.5f, 0.5f,
            0.5f, 0.5f, 0.5f, 0.5f}, y.toArray());
        List<String> failures = LayerGradCheck.failures(v -> t.forward(List.of(v), ForwardContext.inference()),
                Tensor.uniform(new Rng(3), -1f, 1f, 2, 2, 2, 1), t.parameters());
        assertEquals(List.of(), failures);
    }

    @Test
    void outputPaddingMustStaySmallerThanTheStride() {
        Conv2DTranspose bad = new Conv2DTranspose("t", 1, 3, 2, Padding.VALID, 2, true, Activation.LINEAR);
        LayerShapeException e = assertThrows(LayerShapeException.class,
                () -> bad.outputShape(List.of(new int[] {3, 3, 1})));
        assertEquals("Conv2DTranspose 't': output padding 2 must be at least 0 and smaller than the stride 2",
                e.getMessage());
        Conv2DTranspose ok = new Conv2DTranspose("u", 1, 3, 2, Padding.VALID, 1, true, Activation.LINEAR);
        assertArrayEquals(new int[] {8, 8, 1}, ok.outputShape(List.of(new int[] {3, 3, 1})));

        Conv2DTranspose sameSmallKernel = new Conv2DTranspose("s", 1, 1, 3, Padding.SAME, 1, true,
                Activation.LINEAR);
        LayerShapeException same = assertThrows(LayerShapeException.class,
                () -> sameSmallKernel.outputShape(List.of(new int[] {3, 3, 1})));
        assertEquals("Conv2DTranspose 's': with \"same\" padding the 1×1 kernel already needs 2 extra rows and "
                + "columns to reach 3× the input, so the output padding must be below 1, got 1", same.getMessage());
    }

    private static void assertWithin(Tensor values, double limit) {
        float max = 0;
        for (float v : values.toArray()) {
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max <= limit, "largest |w| " + max + " exceeds the Glorot limit " + limit);
        assertTrue(max > 0.8 * limit, "largest |w| " + max + " is far inside the Glorot limit " + limit);
    }
}
