package studio.backprop.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.layers.ForwardContext;
import studio.backprop.nn.optim.LearningRateSchedule;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/** The conventions found by checking the engine against an independent reference, each on the numbers. */
class ConventionsTest {

    private static final double TOL = 1e-9;

    private static Compilation withOptimizer(ComponentSpec optimizer) {
        NetworkDocument doc = NetworkDocument.empty("c", 2)
                .withLayer(new LayerSpec("out", "Dense", Map.of("units", "1"), List.of("input"), 0, 0))
                .withOptimizer(optimizer)
                .withData(new ComponentSpec("generated", Map.of("generator", "xor", "samples", "20")));
        return DocumentCompiler.compile(doc);
    }

    private static ComponentSpec sgd(String... keyValues) {
        ComponentSpec spec = new ComponentSpec("sgd", Map.of("learning_rate", "0.1"));
        for (int i = 0; i < keyValues.length; i += 2) {
            spec = spec.with(keyValues[i], keyValues[i + 1]);
        }
        return spec;
    }

    @Test
    void inverseTimeHonoursDecayStepsAndStaircase() {
        Compilation c = withOptimizer(sgd("schedule", "inverse_time", "decay_rate", "1", "decay_steps", "2"));
        assertTrue(c.trainable(), c.whyNotTrainable());
        LearningRateSchedule s = c.optimizer().schedule();
        // η₀ / (1 + k·t/T) with η₀ = 0.1, k = 1, T = 2: 0.1, 0.1/1.5, 0.1/2
        assertArrayEquals(new double[] {0.1, 0.1 / 1.5, 0.05}, s.sample(3), TOL);
        assertEquals(0.0667, s.learningRate(1), 1e-4);

        LearningRateSchedule stairs = withOptimizer(sgd("schedule", "inverse_time", "decay_rate", "1",
                "decay_steps", "2", "staircase", "true")).optimizer().schedule();
        // η₀ / (1 + k·⌊t/T⌋): 0.1, 0.1, 0.05, 0.05
        assertArrayEquals(new double[] {0.1, 0.1, 0.05, 0.05}, stairs.sample(4), TOL);
    }

    @Test
    void inverseTimeAcceptsADecayRateAboveOneWhileTheOtherSchedulesStillRefuseIt() {
        Compilation c = withOptimizer(sgd("schedule", "inverse_time", "decay_rate", "4"));
        assertTrue(c.trainable(), c.whyNotTrainable());
        assertEquals(0.1 / 5, c.optimizer().schedule().learningRate(1), TOL);

        Compilation exp = withOptimizer(sgd("schedule", "exponential", "decay_rate", "4"));
        assertFalse(exp.trainable());
        assertEquals("decay_rate: 4 must be between 1.0E-9 and 1", exp.problemsOf("optimizer").get(0).message());
    }

    @Test
    void settingsOfAnotherOptimiserAreReportedAsWarnings() {
        Compilation adam = withOptimizer(new ComponentSpec("adam", Map.of("momentum", "0.9")));
        assertTrue(adam.trainable(), "a foreign setting is a warning, not an error");
        assertEquals(List.of("momentum = 0.9 is a setting of sgd, momentum, nesterov; adam does not use it (its "
                + "own settings are beta1, beta2, epsilon). Remove it, or choose an optimizer that uses it"),
                adam.warnings().stream().map(Problem::message).toList());

        Compilation sgd = withOptimizer(sgd("rho", "0.95"));
        assertEquals(1, sgd.warnings().size());
        assertTrue(sgd.warnings().get(0).message().startsWith("rho = 0.95 is a setting of rmsprop"),
                sgd.warnings().get(0).message());

        Compilation constant = withOptimizer(sgd("staircase", "true"));
        assertEquals(List.of("staircase = true has no effect with schedule = constant. Remove it, or choose a "
                + "schedule that uses it"), constant.warnings().stream().map(Problem::message).toList());

        assertEquals(List.of(), withOptimizer(sgd("momentum", "0.5")).warnings(), "sgd reads momentum");
    }

    private static float output(String type, Map<String, String> settings, float x) {
        NetworkDocument doc = NetworkDocument.empty("a", 1, 1, 1)
                .withLayer(new LayerSpec("l", type, settings, List.of("input"), 0, 0));
        Compilation c = DocumentCompiler.compile(doc);
        assertTrue(c.trainable(), c.whyNotTrainable());
        DocumentCompiler.initialise(c, new Rng(1));
        c.network().trainableParameters().forEach(p -> {
            float[] v = p.value().buffer();
            java.util.Arrays.fill(v, p.name().endsWith("bias") ? 0f : 1f);
        });
        Variable in = Variable.constant(Tensor.of(new float[] {x}, 1, 1, 1, 1));
        return c.network().forward(in, ForwardContext.inference()).value().toArray()[0];
    }

    @Test
    void eluAlphaIsOneByDefaultOnEveryLayerAndSettableOnEach() {
        float elu = (float) Math.expm1(-2);   // ELU(−2) with α = 1
        assertEquals(elu, output("Activation", Map.of("function", "elu"), -2f), 1e-6f);
        assertEquals(elu, output("Conv2D", Map.of("filters", "1", "kernel", "1", "activation", "elu"), -2f), 1e-6f);
        assertEquals(elu, output("Conv2DTranspose", Map.of("filters", "1", "kernel", "1", "stride", "1",
                "activation", "elu"), -2f), 1e-6f);
        assertEquals(0.5f * elu, output("Conv2D", Map.of("filters", "1", "kernel", "1", "activation", "elu",
                "alpha", "0.5"), -2f), 1e-6f);
        assertEquals(0.5f * elu, output("Activation", Map.of("function", "elu", "alpha", "0.5"), -2f), 1e-6f);
        // leaky ReLU keeps its own 0.01
        assertEquals(-0.02f, output("Activation", Map.of("function", "leaky_relu"), -2f), 1e-7f);
        assertEquals(-0.02f, output("Conv2D", Map.of("filters", "1", "kernel", "1", "activation", "leaky_relu",
                "alpha", "auto"), -2f), 1e-7f);
    }

    @Test
    void eluAlphaIsOneOnDenseToo() {
        NetworkDocument doc = NetworkDocument.empty("d", 1)
                .withLayer(new LayerSpec("d", "Dense", Map.of("units", "1", "activation", "elu"), List.of("input"),
                        0, 0))
                .withWeights(List.of(new WeightsSpec("d", "kernel", new int[] {1, 1}, new double[] {1}),
                        new WeightsSpec("d", "bias", new int[] {1}, new double[] {0})));
        Compilation c = DocumentCompiler.compile(doc);
        assertTrue(c.trainable(), c.whyNotTrainable());
        DocumentCompiler.initialise(c, new Rng(1));
        float y = c.network().forward(Variable.constant(Tensor.of(new float[] {-2f}, 1, 1)),
                ForwardContext.inference()).value().item();
        assertEquals((float) Math.expm1(-2), y, 1e-6f);
        assertNotNull(LayerCatalog.type("Dense").setting("alpha"));
        assertEquals("Dense 'd', alpha: 'much' is not a number", LayerCatalog.problems(doc.layer("d")
                .withSetting("alpha", "much")).get(0));
    }

    @Test
    void hingeReadsZeroOneLabelsAsMinusOnePlusOneAndSaysSo() {
        NetworkDocument doc = NetworkDocument.empty("h", 1)
                .withLayer(new LayerSpec("out", "Dense", Map.of("units", "1"), List.of("input"), 0, 0))
                .withLoss(ComponentSpec.of("hinge"));
        Compilation c = DocumentCompiler.compile(doc);
        Variable scores = Variable.constant(Tensor.of(new float[] {0.5f, -2f, 0.2f}, 3, 1));
        float withSigns = c.loss().compute(scores, Variable.constant(Tensor.of(new float[] {1, -1, -1}, 3, 1)))
                .value().item();
        float withBits = c.loss().compute(scores, Variable.constant(Tensor.of(new float[] {1, 0, 0}, 3, 1)))
                .value().item();
        // max(0, 1 − 0.5) + max(0, 1 − 2) + max(0, 1 + 0.2) = 0.5 + 0 + 1.2, over 3
        assertEquals(1.7f / 3, withSigns, 1e-6f);
        assertEquals(withSigns, withBits, 0f);
        assertTrue(c.loss().describe().contains("0/1 labels read as −1/+1"), c.loss().describe());
        IllegalArgumentException mixed = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> c.loss().compute(scores,
                        Variable.constant(Tensor.of(new float[] {0, -1, 1}, 3, 1))));
        assertEquals("hinge: the targets mix 0 (at row 1) and −1 (at row 2); use labels −1/+1 or labels 0/1, not "
                + "both", mixed.getMessage());
    }
}
