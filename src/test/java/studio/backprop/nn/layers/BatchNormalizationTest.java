package studio.backprop.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.autograd.Variable;
import studio.backprop.autograd.ops.BatchVariance;
import studio.backprop.nn.Activation;
import studio.backprop.nn.LayerShapeException;
import studio.backprop.nn.ModelSummary;
import studio.backprop.nn.Network;
import studio.backprop.nn.Parameter;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Tensor;

/** Batch normalisation: the course's worked example 12, running statistics, inference and parameter counts. */
class BatchNormalizationTest {

    private static final Tensor BATCH = Tensor.of(new float[] {1, 2, 3, 6}, 4, 1);

    @Test
    void workedExample12BiasedVarianceByDefault() {
        BatchNormalization bn = new BatchNormalization("bn");
        bn.build(List.of(new int[] {1}), new Rng(0));
        float[] y = run(bn, BATCH, ForwardContext.training(new Rng(0)));
        assertArrayEquals(new float[] {-1.06904f, -0.53452f, 0f, 1.60357f}, y, 5e-6f);
    }

    @Test
    void workedExample12UnbiasedVarianceSwitch() {
        BatchNormalization bn = new BatchNormalization("bn", 1e-5f, 0.99f, BatchVariance.UNBIASED_BATCH);
        bn.build(List.of(new int[] {1}), new Rng(0));
        float[] y = run(bn, BATCH, ForwardContext.training(new Rng(0)));
        assertArrayEquals(new float[] {-0.92582f, -0.46291f, 0f, 1.38873f}, y, 5e-6f);
    }

    @Test
    void gammaAndBetaScaleAndShiftTheNormalisedValues() {
        BatchNormalization bn = new BatchNormalization("bn");
        bn.build(List.of(new int[] {1}), new Rng(0));
        bn.setWeights("gamma", Tensor.vector(2f));
        bn.setWeights("beta", Tensor.vector(0.5f));
        float[] y = run(bn, BATCH, ForwardContext.training(new Rng(0)));
        assertArrayEquals(new float[] {2 * -1.06904f + 0.5f, 2 * -0.53452f + 0.5f, 0.5f, 2 * 1.60357f + 0.5f}, y,
                2e-5f);
    }

    @Test
    void runningStatisticsMoveTowardTheBatchWithTheMomentum() {
        BatchNormalization bn = new BatchNormalization("bn", 1e-5f, 0.9f, false);
        bn.build(List.of(new int[] {1}), new Rng(0));
        assertEquals(0f, bn.find("moving_mean").value().item());
        assertEquals(1f, bn.find("moving_variance").value().item());

        run(bn, BATCH, ForwardContext.training(new Rng(0)));
        // batch mean 3, biased variance 3.5: r ← 0.9·r + 0.1·batch
        assertEquals(0.3f, bn.find("moving_mean").value().item(), 1e-6f);
        assertEquals(0.9f + 0.35f, bn.find("moving_variance").value().item(), 1e-6f);

        run(bn, BATCH, ForwardContext.training(new Rng(0)));
        assertEquals(0.9f * 0.3f + 0.3f, bn.find("moving_mean").value().item(), 1e-6f);

        for (int i = 0; i < 200; i++) {
            run(bn, BATCH, ForwardContext.training(new Rng(0)));
        }
        assertEquals(3f, bn.find("moving_mean").value().item(), 1e-4f);
        assertEquals(3.5f, bn.find("moving_variance").value().item(), 1e-4f);
    }

    @Test
    void unbiasedChangesOnlyTheRunningVarianceNotTheNormalisation() {
        BatchNormalization bn = new BatchNormalization("bn", 1e-5f, 0.5f, true);
        bn.build(List.of(new int[] {1}), new Rng(0));
        float[] y = run(bn, BATCH, ForwardContext.training(new Rng(0)));
        // the batch 1, 2, 3, 6 is normalised with the biased σ² = 14/4 = 3.5, as the curriculum does
        assertArrayEquals(new float[] {-1.06904f, -0.53452f, 0f, 1.60357f}, y, 5e-5f);
        // the running estimate takes the unbiased 14/3: r ← 0.5·1 + 0.5·14/3
        assertEquals(0.5f + 0.5f * 14f / 3f, bn.find("moving_variance").value().item(), 1e-5f);
    }

    @Test
    void inferenceUsesTheRunningStatisticsAndLeavesThemAlone() {
        BatchNormalization bn = new BatchNormalization("bn", 1e-5f, 0.9f, false);
        bn.build(List.of(new int[] {1}), new Rng(0));
        run(bn, BATCH, ForwardContext.training(new Rng(0)));
        float mean = bn.find("moving_mean").value().item();
        float var = bn.find("moving_variance").value().item();

        float[] y = run(bn, BATCH, ForwardContext.inference());
        float[] expected = new float[4];
        for (int i = 0; i < 4; i++) {
            expected[i] = (float) ((BATCH.buffer()[i] - mean) / Math.sqrt(var + 1e-5));
        }
        assertArrayEquals(expected, y, 1e-5f);
        assertEquals(mean, bn.find("moving_mean").value().item());
        assertEquals(var, bn.find("moving_variance").value().item());

        // one sample is fine at inference, since no batch statistics are needed
        float[] single = run(bn, Tensor.of(new float[] {6}, 1, 1), ForwardContext.inference());
        assertEquals(expected[3], single[0], 1e-5f);
    }

    @Test
    void imagesAreNormalisedPerChannelOverBatchAndPixels() {
        BatchNormalization bn = new BatchNormalization("bn");
        bn.build(List.of(new int[] {2, 1, 2}), new Rng(0));
        // channel 0 holds 1, 2, 3, 6 over two samples and two pixels; channel 1 holds 10× those
        Tensor x = Tensor.of(new float[] {1, 10, 2, 20, 3, 30, 6, 60}, 2, 2, 1, 2);
        float[] y = run(bn, x, ForwardContext.training(new Rng(0)));
        float[] example = {-1.06904f, -0.53452f, 0f, 1.60357f};
        for (int i = 0; i < 4; i++) {
            assertEquals(example[i], y[2 * i], 5e-5f);
            assertEquals(example[i], y[2 * i + 1], 5e-5f);
        }
    }

    @Test
    void gammaAndBetaTrainRunningStatisticsDoNot() {
        Network net = Network.builder(8, 8, 3)
                .add(new Conv2D("conv", 4, 3, 1, Padding.VALID, Activation.LINEAR))
                .add(new BatchNormalization("bn"))
                .build();
        ModelSummary summary = ModelSummary.of(net);
        assertEquals(8, summary.row("bn").trainable());
        assertEquals(8, summary.row("bn").nonTrainable());
        assertEquals(3 * 3 * 3 * 4 + 4 + 8, summary.trainable());
        assertEquals(8, summary.nonTrainable());

        net.build(new Rng(1));
        List<String> trainable = net.trainableParameters().stream().map(Parameter::name).toList();
        assertEquals(List.of("conv/kernel", "conv/bias", "bn/gamma", "bn/beta"), trainable);
        List<String> all = net.parameters().stream().map(Parameter::name).toList();
        assertTrue(all.containsAll(List.of("bn/moving_mean", "bn/moving_variance")));
        assertFalse(net.layer("bn").parameters().stream().filter(p -> p.role().startsWith("moving"))
                .anyMatch(Parameter::trainable));
    }

    @Test
    void trainingOnOneValuePerChannelIsRefusedInWordsAndBadSettingsToo() {
        BatchNormalization unbiased = new BatchNormalization("bn", 1e-5f, 0.9f, true);
        unbiased.build(List.of(new int[] {1}), new Rng(0));
        ShapeException e = assertThrows(ShapeException.class,
                () -> run(unbiased, Tensor.of(new float[] {4}, 1, 1), ForwardContext.training(new Rng(0))));
        assertTrue(e.getMessage().contains("at least 2 values per channel"), e.getMessage());

        assertThrows(LayerShapeException.class, () -> new BatchNormalization("b", 0f, 0.9f, false));
        assertThrows(LayerShapeException.class, () -> new BatchNormalization("b", 1e-5f, 1f, false));
    }

    private static float[] run(BatchNormalization bn, Tensor x, ForwardContext context) {
        return bn.forward(List.of(Variable.constant(x, "x")), context).value().toArray();
    }
}
