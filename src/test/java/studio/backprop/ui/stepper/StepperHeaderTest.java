package studio.backprop.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.DataResolver;
import studio.backprop.train.StepRecord;
import studio.backprop.train.TrainerState;
import studio.backprop.train.TrainingLoop;
import studio.backprop.train.TrainingSnapshot;

/** The stepper's header says where the session truly is, whether or not the stepper watched the steps. */
class StepperHeaderTest {

    private static TrainingLoop loop(String sample) throws Exception {
        Path file = Path.of("samples", sample);
        NetworkDocument doc = DocumentFormat.read(Files.readString(file), file.getFileName().toString());
        return new TrainingLoop(DocumentCompiler.compile(doc), DataResolver.resolve(doc,
                file.toAbsolutePath().getParent(), false, new int[] {2}));
    }

    private static TrainingSnapshot snapshot(TrainingLoop loop, TrainerState state) {
        return TrainingSnapshot.of(loop, 1, 1, state, 0, 0, null, Map.of());
    }

    @Test
    void beforeAnyStepItSaysSo() throws Exception {
        TrainingLoop loop = loop("xor-2-2-1-given-weights.bps");
        assertEquals("before the first step · Next takes one on one sample",
                StepperHeader.of(snapshot(loop, TrainerState.PAUSED), null, -1, 0));
    }

    @Test
    void afterTrainingFinishedUnwatchedItNamesTheLastStepAndItsEpoch() throws Exception {
        TrainingLoop loop = loop("xor-2-2-1-given-weights.bps");
        for (int i = 0; i < 12; i++) {
            loop.stepSample();
        }
        // xor has four samples: twelve single steps complete three epochs
        assertEquals("after step 12 (epoch 3, finished) · training is over; Reset Weights (Ctrl+R) starts again "
                + "from step 0", StepperHeader.of(snapshot(loop, TrainerState.FINISHED), null, -1, 0));
        loop.stepSample();
        assertEquals("after step 13 (epoch 4) · Next walks the next step on one sample",
                StepperHeader.of(snapshot(loop, TrainerState.PAUSED), null, -1, 0));
    }

    @Test
    void insideAWalkedStepItCountsTheStagesAndNotesLaterSteps() throws Exception {
        TrainingLoop loop = loop("xor-2-2-1-given-weights.bps");
        loop.setRecording(true);
        loop.stepSample();
        StepRecord r = loop.lastRecord();
        assertEquals("step 1 (epoch 1) · sample " + r.samples()[0] + " · stage 3 of 20",
                StepperHeader.of(snapshot(loop, TrainerState.PAUSED), r, 2, 20));
        loop.stepSample();
        assertEquals("step 1 (epoch 1) · sample " + r.samples()[0] + " · stage 3 of 20 · training has since reached "
                + "step 2", StepperHeader.of(snapshot(loop, TrainerState.RUNNING), r, 2, 20));
    }
}
