package studio.backprop.train.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The exercises shipped in samples/: each sets, and its hidden values are the worked examples' numbers (the course's
 * digits, from the shared list of examples, or recomputed in double where the course shows none).
 */
class ExerciseSamplesTest {

    private static ExerciseSheet sheet(String name) throws Exception {
        return Exercises.load(Path.of("samples", name), false);
    }

    private static float value(ExerciseSheet s, String reference) {
        return s.rows().stream().filter(r -> r.reference().equals(reference)).findFirst().orElseThrow(
                () -> new AssertionError(reference + " is not on the sheet")).value();
    }

    private static void hidden(ExerciseSheet s, String reference, double expected, double tolerance) {
        SheetRow row = s.rows().stream().filter(r -> r.reference().equals(reference)).findFirst().orElseThrow();
        assertTrue(row.hidden(), reference + " is a question");
        assertEquals(expected, row.value(), tolerance, reference);
    }

    @Test
    void everyShippedExerciseSetsWithQuestions() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            List<Path> exercises = files.filter(f -> f.getFileName().toString().startsWith("exercise-")).toList();
            assertTrue(exercises.size() >= 7, "exercises: " + exercises);
            for (Path f : exercises) {
                assertTrue(Exercises.load(f, false).questions() > 0, f.toString());
            }
        }
    }

    @Test
    void theTwoTwoTwoSheetReproducesTheClassicHandCalculation() throws Exception {
        ExerciseSheet s = sheet("exercise-backprop-2-2-2.bps");
        hidden(s, "hidden/z[0]", 0.3775, 1e-7);
        hidden(s, "hidden/sigmoid[0]", 0.593269992, 1e-6);
        hidden(s, "output/sigmoid[0]", 0.75136507, 1e-6);
        hidden(s, "output/sigmoid[1]", 0.772928465, 1e-6);
        hidden(s, "loss", 0.298371109, 1e-6);
        hidden(s, "dL/doutput/z[0]", 0.138498562, 1e-6);
        hidden(s, "output/kernel'[0,0]", 0.35891648, 1e-6);
        hidden(s, "output/kernel'[1,1]", 0.56137012, 1e-6);
        hidden(s, "hidden/kernel'[0,0]", 0.149780716, 1e-6);
        hidden(s, "hidden/kernel'[1,1]", 0.29950229, 1e-6);
        assertEquals("0.0275", SheetNumbers.of(value(s, "hidden/matMul[0]")), "no float noise");
    }

    @Test
    void theTwoTwoOneSheetMatchesTheChainRuleInDouble() throws Exception {
        ExerciseSheet s = sheet("exercise-xor-2-2-1.bps");
        assertEquals("2", s.rows().get(0).samples(), "the sheet's order puts sample 2 first");
        hidden(s, "hidden/sigmoid[0]", 0.5249791875, 1e-6);
        hidden(s, "hidden/sigmoid[1]", 0.7502601056, 1e-6);
        hidden(s, "output/sigmoid", 0.4738516501, 1e-6);
        hidden(s, "loss", 0.2768320861, 1e-6);
        hidden(s, "dL/doutput/z", -0.2623546816, 1e-6);
        hidden(s, "dL/dhidden/z[0]", 0.0785099660, 1e-6);
        hidden(s, "dL/dhidden/z[1]", -0.0540731016, 1e-6);
        hidden(s, "output/kernel'[0,0]", -1.1862269252, 1e-6);
        hidden(s, "output/bias'", -0.2737645318, 1e-6);
    }

    @Test
    void oneNeuronGradientIsExampleEight() throws Exception {
        ExerciseSheet s = sheet("exercise-one-neuron.bps");
        hidden(s, "neuron/z", 1, 1e-7);
        hidden(s, "neuron/sigmoid", 0.7310586, 1e-7);
        hidden(s, "loss", 0.0723295, 1e-7);
        hidden(s, "dL/dneuron/kernel[0,0]", -0.0105754, 1e-7);
        hidden(s, "dL/dneuron/kernel[1,0]", -0.0158631, 1e-7);
        hidden(s, "dL/dneuron/kernel[2,0]", -0.0211508, 1e-7);
    }

    @Test
    void learningSlowdownFirstStepIsExampleNine() throws Exception {
        ExerciseSheet s = sheet("exercise-learning-slowdown.bps");
        hidden(s, "neuron/sigmoid", 0.817574, 1e-6);
        assertEquals("0.817574", SheetNumbers.of(value(s, "neuron/sigmoid")), "six digits as the course prints them");
        hidden(s, "dL/dneuron/kernel", 0.121938, 1e-6);
        hidden(s, "neuron/kernel'", 0.6 - 0.15 * 0.121938, 1e-6);
    }

    @Test
    void theOrTraceIsTheClassicOneEpochInOrderThreeFourOneTwo() throws Exception {
        ExerciseSheet s = sheet("exercise-perceptron-or.bps");
        List<String> samples = s.rows().stream().filter(r -> r.reference().equals("z")).map(SheetRow::samples)
                .toList();
        assertEquals(List.of("3", "4", "1", "2"), samples);
        float[][] afterEachStep = {{1, 0, 1}, {1, 0, 1}, {1, 0, 0}, {1, 1, 1}};
        for (int step = 1; step <= 4; step++) {
            int st = step;
            List<SheetRow> rows = s.rows().stream().filter(r -> r.step() == st).toList();
            float[] wb = {find(rows, "w'[0]"), find(rows, "w'[1]"), find(rows, "b'")};
            assertEquals(java.util.Arrays.toString(afterEachStep[step - 1]), java.util.Arrays.toString(wb),
                    "w and b after step " + step);
        }
    }

    @Test
    void theNandGateIsExampleTen() throws Exception {
        ExerciseSheet s = sheet("exercise-gate-nand.bps");
        List<Float> outputs = s.rows().stream().filter(r -> r.reference().equals("yhat")).map(SheetRow::value)
                .toList();
        assertEquals(List.of(1f, 1f, 1f, 0f), outputs);
        assertEquals(List.of(3f, 1f, 1f, -1f), s.rows().stream().filter(r -> r.reference().equals("z"))
                .map(SheetRow::value).toList());
    }

    @Test
    void theConvolutionByHandIsExampleFourteen() throws Exception {
        ExerciseSheet s = sheet("exercise-convolution.bps");
        float[] expected = {-2, -1, 3, 2, 5, 8, -2, 0, -1};
        for (int i = 0; i < 9; i++) {
            hidden(s, "conv/conv2d[" + i / 3 + "," + i % 3 + ",0]", expected[i], 0);
        }
    }

    private static float find(List<SheetRow> rows, String reference) {
        return rows.stream().filter(r -> r.reference().equals(reference)).findFirst().orElseThrow().value();
    }
}
