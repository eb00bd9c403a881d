package studio.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import studio.backprop.nn.ModelSummary;
import studio.backprop.nn.perceptron.HalfAdder;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.DataResolver;
import studio.backprop.train.TrainingData;
import studio.backprop.train.TrainingLoop;

/** Every shipped sample opens, has the summary it should, and trains. */
class SamplesTest {

    private static final Path SAMPLES = Path.of("samples");

    /** Parameter totals the samples must have (from the course's worked examples where there is one). */
    private static final Map<String, Long> TOTALS = Map.of(
            "keras-cnn-34826.bps", 34_826L,
            "mnist-mlp-784-128-64-10.bps", 109_386L,
            "lenet5-digits.bps", 61_706L,
            "backprop-2-2-2-exercise.bps", 12L,
            "xor-2-2-1-given-weights.bps", 9L,
            "perceptron-or.bps", 3L);

    /** Templates opened for their summary table, too large to train here (TemplateTablesTest checks them). */
    private static final java.util.Set<String> TABLE_ONLY = java.util.Set.of("alexnet.bps", "vgg16.bps");

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".bps")).sorted().toList().stream();
        }
    }

    @Test
    void everyClassicExerciseHasASample() throws IOException {
        List<String> names = samples().map(p -> p.getFileName().toString()).toList();
        for (String expected : List.of("perceptron-and.bps", "perceptron-or.bps", "perceptron-xor.bps",
                "sigmoid-unit-or.bps", "xor-2-2-1-given-weights.bps", "spiral-playground.bps",
                "mnist-mlp-784-128-64-10.bps", "lenet5-digits.bps", "keras-cnn-34826.bps",
                "autoencoder-digits.bps", "half-adder-nand.bps")) {
            assertTrue(names.contains(expected), expected + " is missing from samples/");
        }
    }

    @Test
    void theExamplesInTheFormatGuideAreValidFiles() throws Exception {
        String guide = Files.readString(SAMPLES.resolve("FORMAT.md"));
        int start = guide.lastIndexOf("```\nbackprop-studio network 1");
        String example = guide.substring(start + 4, guide.indexOf("```", start + 4));
        NetworkDocument doc = DocumentFormat.read(example, "FORMAT.md");
        Compilation c = DocumentCompiler.compile(doc);
        assertTrue(c.trainable(), c.whyNotTrainable());
        TrainingLoop loop = new TrainingLoop(c, DataResolver.resolve(doc, SAMPLES, false, c.network().outputShape()));
        assertEquals(0.0723295, loop.evaluate(loop.data().trainX(), loop.data().trainY())[0], 1e-7,
                "worked example 8: the loss of this neuron");
    }

    @Test
    void theHalfAdderSampleAddsTwoBitsLikeTheNandHalfAdder() throws Exception {
        NetworkDocument doc = DocumentFormat.read(Files.readString(SAMPLES.resolve("half-adder-nand.bps")),
                "half-adder-nand.bps");
        Compilation c = DocumentCompiler.compile(doc);
        TrainingLoop loop = new TrainingLoop(c, DataResolver.resolve(doc, SAMPLES, false, c.network().outputShape()));
        float[] x = loop.data().trainX().toArray();
        float[] out = loop.predict(loop.data().trainX()).toArray();
        HalfAdder adder = HalfAdder.standard();
        for (int i = 0; i < 4; i++) {
            HalfAdder.Output expected = adder.add((int) x[2 * i], (int) x[2 * i + 1]);
            assertEquals(expected.sum(), out[2 * i], "sum of row " + (i + 1));
            assertEquals(expected.carry(), out[2 * i + 1], "carry of row " + (i + 1));
        }
        assertEquals(0f, loop.evaluate(loop.data().trainX(), loop.data().trainY())[0], "the targets are met");
        for (int i = 0; i < 4; i++) {
            loop.stepSample();
        }
        assertEquals(0f, loop.evaluate(loop.data().trainX(), loop.data().trainY())[0], "a step unit learns nothing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void opensSummarisesAndTrains(Path file) throws Exception {
        NetworkDocument doc = DocumentFormat.read(Files.readString(file), file.getFileName().toString());
        Compilation c = DocumentCompiler.compile(doc);
        if (TABLE_ONLY.contains(file.getFileName().toString())) {
            assertTrue(c.trainable() || c.whyNotTrainable().contains("this program may use"), c.whyNotTrainable());
            return;
        }
        assertTrue(c.trainable(), file + ": " + c.whyNotTrainable());
        assertEquals(List.of(), c.warnings().stream().filter(w -> !w.message().contains("never visited")).toList());
        ModelSummary summary = ModelSummary.of(c.network());
        Long total = TOTALS.get(file.getFileName().toString());
        if (total != null) {
            assertEquals(total, summary.total(), file + " parameters");
        }
        boolean classification = c.outputKind().classification();
        TrainingData data = DataResolver.resolve(doc, SAMPLES, classification, c.network().outputShape());
        if (c.perceptron()) {
            TrainingLoop loop = new TrainingLoop(c, data);
            while (!loop.finished()) {
                loop.stepSample();
            }
            assertEquals(!file.toString().contains("xor"), loop.converged(), file + " converges unless XOR");
            return;
        }
        TrainingLoop loop = new TrainingLoop(c, data);
        for (int i = 0; i < 3; i++) {
            loop.stepBatch();
        }
        assertEquals(3, loop.steps());
        assertFalse(Float.isNaN(loop.stepLoss().last()), file + " loss");
    }
}
