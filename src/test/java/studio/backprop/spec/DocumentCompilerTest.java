package studio.backprop.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.Parameter;
import studio.backprop.nn.layers.ForwardContext;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

class DocumentCompilerTest {

    @Test
    void theExerciseCompilesAndComputesTheSheetsNumbers() throws DocumentFormatException {
        Compilation c = DocumentCompiler.compile(DocumentFormat.read(DocumentFormatTest.EXERCISE, "e.bps"));
        assertTrue(c.trainable(), c.whyNotTrainable());
        DocumentCompiler.initialise(c, new Rng(1));
        Variable x = Variable.constant(Tensor.of(new float[] {0.05f, 0.10f}, 1, 2));
        Map<String, Variable> all = c.network().forwardAll(x, ForwardContext.inference());
        assertEquals(0.593269992, all.get("hidden").value().get(0, 0), 1e-7);
        assertEquals(0.596884378, all.get("hidden").value().get(0, 1), 1e-7);
        assertEquals(0.75136507, all.get("output").value().get(0, 0), 1e-7);
        assertEquals(0.772928465, all.get("output").value().get(0, 1), 1e-7);
        Variable loss = c.loss().compute(all.get("output"),
                Variable.constant(Tensor.of(new float[] {0.01f, 0.99f}, 1, 2)));
        assertEquals(0.298371109, loss.value().item(), 1e-7);
        assertEquals(0.5, c.optimizer().learningRate(), 0);
        assertEquals(0, c.plan().batchSize(), "full batch");
        assertEquals(1, c.plan().steps());
    }

    @Test
    void theExerciseUpdateMatchesTheSheet() throws DocumentFormatException {
        Compilation c = DocumentCompiler.compile(DocumentFormat.read(DocumentFormatTest.EXERCISE, "e.bps"));
        DocumentCompiler.initialise(c, new Rng(1));
        Variable out = c.network().forward(Variable.constant(Tensor.of(new float[] {0.05f, 0.10f}, 1, 2)),
                ForwardContext.inference());
        c.loss().compute(out, Variable.constant(Tensor.of(new float[] {0.01f, 0.99f}, 1, 2))).backward();
        c.optimizer().step(c.network().trainableParameters().stream().map(Parameter::variable).toList());
        Tensor w5to8 = c.network().trainableParameters().get(2).value();
        assertArrayEquals(new float[] {0.35891648f, 0.51130127f, 0.408666186f, 0.561370121f}, w5to8.toArray(),
                2e-7f);
        Tensor w1to4 = c.network().trainableParameters().get(0).value();
        assertArrayEquals(new float[] {0.149780716f, 0.24975114f, 0.19956143f, 0.29950229f}, w1to4.toArray(),
                2e-7f);
    }

    @Test
    void problemsAreAttachedToTheLayerTheyConcern() {
        NetworkDocument doc = NetworkDocument.empty("bad", 3, 3, 1)
                .withLayer(new LayerSpec("c2", "Conv2D", Map.of("filters", "4", "kernel", "5"), List.of("input"), 0, 0))
                .withLayer(new LayerSpec("d", "Dense", Map.of("units", "-3", "colour", "red"), List.of("c2"), 0, 0));
        Compilation c = DocumentCompiler.compile(doc);
        assertFalse(c.trainable());
        assertEquals(List.of("Dense 'd' has no setting 'colour'; its settings are units, activation, alpha, "
                + "use_bias, kernel_initializer, bias_initializer", "Dense 'd', units: -3 is out of range; it must "
                + "be between 1 and 1000000"), c.problemsOf("d").stream().map(Problem::message).toList());
        NetworkDocument fixed = doc.withReplaced("d", doc.layer("d").withSetting("units", "3")
                .withSetting("colour", null));
        Compilation c2 = DocumentCompiler.compile(fixed);
        assertEquals(List.of("Conv2D 'c2': kernel 5×5 does not fit a 3×3 input; use padding or a smaller kernel"),
                c2.problemsOf("c2").stream().map(Problem::message).toList());
        assertEquals(List.of(), c2.problemsOf("d"), "a layer after a broken one is not blamed for it");
        NetworkDocument noFlatten = fixed.withReplaced("c2", fixed.layer("c2").withSetting("kernel", "2"));
        assertTrue(DocumentCompiler.compile(noFlatten).problemsOf("d").get(0).message()
                .contains("add a Flatten layer before it"));
    }

    @Test
    void loopsDanglingInputsAndExtraOutputsAreExplained() {
        NetworkDocument base = NetworkDocument.empty("g", 4);
        NetworkDocument loop = base.withLayer(LayerSpec.of("a", "Dense", List.of("b")))
                .withLayer(LayerSpec.of("b", "Dense", List.of("a")));
        assertTrue(DocumentCompiler.compile(loop).whyNotTrainable().contains("form a loop"));
        NetworkDocument dangling = base.withLayer(LayerSpec.of("a", "Dense", List.of("ghost")));
        assertTrue(DocumentCompiler.compile(dangling).whyNotTrainable().contains("'a' reads 'ghost', which does "
                + "not exist"));
        NetworkDocument twoOutputs = base.withLayer(LayerSpec.of("a", "Dense", List.of("input")))
                .withLayer(LayerSpec.of("b", "Dense", List.of("input")));
        assertTrue(DocumentCompiler.compile(twoOutputs).whyNotTrainable().contains("the network has 2 outputs"));
        NetworkDocument unconnected = base.withLayer(LayerSpec.of("a", "Dense", List.of()));
        assertTrue(DocumentCompiler.compile(unconnected).whyNotTrainable().contains("it has none: connect one"));
        assertTrue(DocumentCompiler.compile(base).whyNotTrainable().contains("no layers yet"));
        NetworkDocument unknownType = base.withLayer(LayerSpec.of("a", "Dens", List.of("input")));
        assertTrue(DocumentCompiler.compile(unknownType).whyNotTrainable().contains("unknown type 'Dens'"));
    }

    @Test
    void lossOptimizerAndTrainingProblemsNameTheirSection() {
        NetworkDocument doc = NetworkDocument.empty("g", 2).withLayer(LayerSpec.of("a", "Dense", List.of("input")))
                .withLoss(ComponentSpec.of("msq"))
                .withOptimizer(new ComponentSpec("adamw", Map.of()))
                .withTraining(new ComponentSpec("minibatch", Map.of("epochs", "zero", "order", "3, x")));
        Compilation c = DocumentCompiler.compile(doc);
        assertTrue(c.problemsOf("loss").get(0).message().startsWith("unknown loss"), c.problemsOf("loss").toString());
        assertTrue(c.problemsOf("optimizer").get(0).message().startsWith("unknown optimizer 'adamw'"));
        assertEquals(List.of("epochs: 'zero' is not a whole number", "order: '3, x' is not listed, shuffled, or "
                + "sample numbers like 3, 4, 1, 2"), c.problemsOf("training").stream().map(Problem::message).toList());
    }

    @Test
    void everyCatalogTypeBuildsWithItsDefaults() {
        for (LayerType type : LayerCatalog.types()) {
            int inputs = type.minInputs();
            List<String> in = java.util.Collections.nCopies(inputs, "input");
            LayerSpec spec = LayerSpec.of("x", type.type(), in);
            assertEquals(List.of(), LayerCatalog.problems(spec), type.type());
            String built = type.type().equals("Perceptron") ? "Dense" : type.type();
            assertEquals(built, LayerCatalog.build(spec).type(), "a perceptron is a one-unit Dense step layer");
        }
    }

    @Test
    void aNaNOrNegativeLearningRateIsRefusedInWords() {
        NetworkDocument base = NetworkDocument.empty("g", 2).withLayer(LayerSpec.of("a", "Dense", List.of("input")));
        Compilation nan = DocumentCompiler.compile(base.withOptimizer(
                new ComponentSpec("sgd", Map.of("learning_rate", "NaN"))));
        assertEquals(List.of("learning_rate: 'NaN' is not a number it can use"),
                nan.problemsOf("optimizer").stream().map(Problem::message).toList());
        Compilation negative = DocumentCompiler.compile(base.withOptimizer(
                new ComponentSpec("sgd", Map.of("learning_rate", "-0.1"))));
        assertEquals(List.of("learning_rate: -0.1 must be at least 0"),
                negative.problemsOf("optimizer").stream().map(Problem::message).toList());
    }
}
