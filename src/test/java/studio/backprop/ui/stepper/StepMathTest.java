package studio.backprop.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.DataResolver;
import studio.backprop.train.StepRecord;
import studio.backprop.train.TrainingLoop;
import studio.backprop.ui.stepper.StepStage.Phase;

/** The stepper's mathematics: each stage written out in Unicode with the step record's numbers. */
class StepMathTest {

    static StepRecord step(String sample) throws Exception {
        Path file = Path.of("samples", sample);
        NetworkDocument doc = DocumentFormat.read(Files.readString(file), file.getFileName().toString());
        var c = DocumentCompiler.compile(doc);
        TrainingLoop loop = new TrainingLoop(c, DataResolver.resolve(doc, file.toAbsolutePath().getParent(), false,
                c.network().outputShape()));
        loop.setRecording(true);
        loop.stepBatch();
        return loop.lastRecord();
    }

    private static List<String> math(StepRecord r, Phase phase, String node) {
        StepStage s = StepStages.of(r, 6).stream().filter(t -> t.phase() == phase && t.node().equals(node))
                .findFirst().orElseThrow(() -> new AssertionError("no stage " + phase + " " + node));
        return StepMath.of(r, s, 6);
    }

    /** Every stage's lines, kept in target/ to read when a line's wording is in question. */
    private static void keep(StepRecord r, String name) throws Exception {
        List<String> all = new ArrayList<>();
        for (StepStage s : StepStages.of(r, 6)) {
            all.add("## " + s.phase().label() + " · " + s.node());
            all.addAll(StepMath.of(r, s, 6));
        }
        Files.createDirectories(Path.of("target", "screens"));
        Files.write(Path.of("target", "screens", name + "-math.txt"), all);
    }

    @Test
    void theTwoTwoTwoSheetIsWrittenOutUnitByUnit() throws Exception {
        StepRecord r = step("backprop-2-2-2-exercise.bps");
        keep(r, "2-2-2");
        assertEquals(List.of("(xW)₁ = x₁·w₁₁ + x₂·w₂₁ = 0.05·0.15 + 0.1·0.2 = 0.0275",
                "(xW)₂ = x₁·w₁₂ + x₂·w₂₂ = 0.05·0.25 + 0.1·0.3 = 0.0425"), math(r, Phase.FORWARD, "hidden/matMul"));
        assertEquals("z₁ = (xW)₁ + b₁ = 0.0275 + 0.35 = 0.3775", math(r, Phase.FORWARD, "hidden/z").get(0));
        assertEquals("a₁ = σ(z₁) = 1 / (1 + e^(−0.3775)) = 0.59327", math(r, Phase.FORWARD, "hidden/sigmoid").get(0));
        assertEquals("δ₁ = ∂L/∂a₁ · σ′(z₁) = ∂L/∂a₁ · a₁(1 − a₁) = 0.741365 · 0.751365·(1 − 0.751365) = 0.741365 · "
                + "0.186816 = 0.138499", math(r, Phase.BACKWARD, "output/z").get(0));
        assertEquals("∂L/∂a₁ = ∂L/∂(xW)₁·w₁₁ + ∂L/∂(xW)₂·w₁₂ = 0.138499·0.4 + (−0.0380982)·0.5 = 0.0363503",
                math(r, Phase.BACKWARD, "hidden/sigmoid").get(0));
        assertEquals("∂L/∂w₁₁ = a₁ · ∂L/∂(xW)₁ = 0.59327 · 0.138499 = 0.082167",
                math(r, Phase.BACKWARD, "output/kernel").get(0));
        assertEquals("w₁₁′ = w₁₁ − η·∂L/∂w₁₁ = 0.4 − 0.5·0.082167 = 0.358916",
                math(r, Phase.UPDATE, "output/kernel").get(0));
    }

    @Test
    void aConvolutionShowsItsWindowSliding() throws Exception {
        StepRecord r = step("exercise-convolution.bps");
        keep(r, "conv");
        List<String> lines = math(r, Phase.FORWARD, "conv/conv2d");
        assertTrue(lines.get(0).startsWith("the 3×3 kernel slides over the 5×5 input (stride 1)"), lines.get(0));
        assertEquals("y[1,1] = Σᵤᵥ x[1+u, 1+v]·k[u,v] = 1·(−1) + 2·1 + 0·2 + … + 2·0 (9 terms) = −2", lines.get(1));
        assertTrue(lines.get(2).endsWith(" = −1"), lines.get(2));
        assertTrue(lines.get(3).endsWith(" = 3"), lines.get(3));
        List<String> gradient = math(r, Phase.BACKWARD, "conv/kernel");
        assertTrue(gradient.get(0).startsWith("every position of the window adds"), gradient.get(0));
    }
}
