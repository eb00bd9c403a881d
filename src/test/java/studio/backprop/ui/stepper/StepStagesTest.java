package studio.backprop.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.DataResolver;
import studio.backprop.train.StepRecord;
import studio.backprop.train.TrainingLoop;
import studio.backprop.ui.stepper.StepStage.Phase;

/** The stepper's stages read every number from the step record: the 2-2-2 exercise sheet, stage by stage. */
class StepStagesTest {

    static StepRecord exerciseStep() throws Exception {
        Path file = Path.of("samples", "backprop-2-2-2-exercise.bps");
        NetworkDocument doc = DocumentFormat.read(Files.readString(file), file.getFileName().toString());
        TrainingLoop loop = new TrainingLoop(DocumentCompiler.compile(doc), DataResolver.resolve(doc,
                file.toAbsolutePath().getParent(), false, new int[] {2}));
        loop.setRecording(true);
        loop.stepSample();
        return loop.lastRecord();
    }

    @Test
    void forwardLossBackwardAndUpdateCarryTheSheetsNumbers() throws Exception {
        StepRecord r = exerciseStep();
        List<StepStage> stages = StepStages.of(r, 6);
        assertEquals(List.of(Phase.FORWARD, Phase.LOSS, Phase.BACKWARD, Phase.UPDATE),
                stages.stream().map(StepStage::phase).distinct().toList(), "the parts in their order");
        StepStage matMul = find(stages, Phase.FORWARD, "hidden/matMul");
        assertTrue(matMul.numbers().endsWith("= [0.0275, 0.0425]"), "no float noise: " + matMul.numbers());
        assertTrue(matMul.exact().contains("0.027500002"), "the full float on hover: " + matMul.exact());
        assertTrue(find(stages, Phase.FORWARD, "hidden/sigmoid").numbers().endsWith("[0.59327, 0.596884]"));
        assertTrue(find(stages, Phase.LOSS, "loss").numbers().endsWith("= 0.298371"));
        StepStage back = find(stages, Phase.BACKWARD, "output/z");
        assertEquals("∂L/∂output/z = ∂L/∂output/sigmoid · ∂output/sigmoid/∂output/z", back.formula());
        assertTrue(back.numbers().startsWith("∂L/∂output/z = [0.741365, −0.217072] ⊙ [0.186816, 0.17551]"),
                back.numbers());
        assertTrue(back.numbers().endsWith("= [0.138499, −0.0380982]"), back.numbers());
        StepStage update = find(stages, Phase.UPDATE, "output/kernel");
        assertTrue(update.numbers().contains("→ [0.358916, 0.511301, 0.408666, 0.56137]"), update.numbers());
        assertSame(r.after().get("output/kernel").values(), update.values(), "the record's own numbers");
    }

    @Test
    void numbersReadAsAStudentWritesThem() {
        assertEquals("0.0275", StepNumbers.of(0.027500002f, 6));
        assertEquals("−0.217072", StepNumbers.of(-0.21707153f, 6));
        assertEquals("1.2e-7", StepNumbers.of(1.2e-7, 6).replace('−', '-'));
        assertEquals("0.06", StepNumbers.of(0.0599999987, 3));
    }

    private static StepStage find(List<StepStage> stages, Phase phase, String node) {
        return stages.stream().filter(s -> s.phase() == phase && s.node().equals(node)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + phase + " stage for " + node + " in "
                        + stages.stream().map(s -> s.phase() + " " + s.node()).toList()));
    }
}
