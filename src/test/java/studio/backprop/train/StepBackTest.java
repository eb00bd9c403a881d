package studio.backprop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.backprop.train.Perceptrons.document;
import static studio.backprop.train.Perceptrons.gate;
import static studio.backprop.train.Perceptrons.loop;
import static studio.backprop.train.Perceptrons.run;
import static studio.backprop.train.Perceptrons.step;
import static studio.backprop.train.Perceptrons.weights;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.spec.NetworkDocument;

/** Stepping back undoes a step of any rule exactly, and says in words when there is nothing to undo. */
class StepBackTest {

    /**
     * Everything observable about a loop, with every float as its bits: the checkpoint (weights, optimiser state,
     * generator, order, position, epoch totals, histories), convergence, the last loss, samples and record.
     */
    private static String state(TrainingLoop loop) {
        TrainingLoop.Checkpoint c = loop.checkpoint();
        StringBuilder s = new StringBuilder();
        s.append("steps ").append(c.steps()).append(" epoch ").append(c.epoch()).append(" position ")
                .append(c.position()).append(" rng ").append(c.rngState()).append(" order ")
                .append(java.util.Arrays.toString(c.order())).append(" totals ")
                .append(Double.doubleToRawLongBits(c.epochLoss())).append(' ').append(c.epochBatches()).append(' ')
                .append(c.epochCorrect()).append(' ').append(c.epochSeen()).append(" best ")
                .append(Float.floatToRawIntBits(c.bestValidLoss())).append(' ').append(c.epochsWithoutImprovement())
                .append(" converged ").append(loop.converged()).append(" finished ").append(loop.finished())
                .append(" last loss ").append(Float.floatToRawIntBits(loop.lastLoss())).append(" last samples ")
                .append(java.util.Arrays.toString(loop.lastSamples())).append('\n');
        c.weights().forEach((k, v) -> s.append(k).append(bits(v)).append('\n'));
        c.history().forEach((k, v) -> s.append(k).append(bits(v)).append('\n'));
        if (c.optimizer() != null) {
            s.append(c.optimizer().kind()).append(" t = ").append(c.optimizer().step()).append('\n');
            c.optimizer().buffers().forEach((p, named) -> named.forEach((b, v) -> s.append(p).append('/').append(b)
                    .append(bits(v)).append('\n')));
        }
        StepRecord r = loop.lastRecord();
        s.append("record ").append(r == null ? "none" : r.step() + " " + r.perceptronRows().size());
        return s.toString();
    }

    private static String bits(float[] values) {
        StringBuilder s = new StringBuilder(" [");
        for (float v : values) {
            s.append(Integer.toHexString(Float.floatToRawIntBits(v))).append(' ');
        }
        return s.append(']').toString();
    }

    /** Adam, a shuffled order and batches of 3 of 4 samples: epochs end every other step and reshuffle. */
    private static TrainingLoop adam() {
        NetworkDocument doc = Fixtures.xorNetwork("0.05", "3", "shuffled");
        TrainingLoop loop = new TrainingLoop(Fixtures.compile(doc.withOptimizer(doc.optimizer().withType("adam"))),
                Fixtures.xorData());
        loop.setRecording(true);
        return loop;
    }

    @Test
    void gradientDescentStepsBackAndForwardToTheSameStateBitForBit() {
        TrainingLoop loop = adam();
        loop.setStepBackLimit(10);
        List<String> states = new ArrayList<>();
        states.add(state(loop));
        for (int i = 0; i < 7; i++) {
            loop.stepBatch();
            states.add(state(loop));
        }
        for (int i = 6; i >= 0; i--) {
            loop.stepBack();
            assertEquals(states.get(i), state(loop), "back to step " + i);
        }
        for (int i = 1; i <= 7; i++) {
            loop.stepBatch();
            assertEquals(states.get(i), state(loop), "forward to step " + i);
        }
    }

    @Test
    void aLoopThatNeverSteppedBackComputesWhatASteppedBackOneDoes() {
        TrainingLoop plain = adam();
        TrainingLoop undone = adam();
        undone.setStepBackLimit(3);
        for (int i = 0; i < 5; i++) {
            plain.stepBatch();
            undone.stepBatch();
            undone.stepBatch();
            undone.stepBack();
        }
        assertEquals(state(plain), state(undone));
    }

    @Test
    void thePerceptronStepsBackExactlyWithinAnEpoch() {
        TrainingLoop loop = loop(document(2, "labels = 0/1", "kernel = [[0.3], [-0.7]]\nbias = [0.2]", "0.1", 100,
                "order = listed", gate("and", "0/1")));
        loop.setStepBackLimit(100);
        step(loop, 6);
        String before = state(loop);
        String w = weights(loop);
        List<String> stepped = step(loop, 1);
        loop.stepBack();
        assertEquals(before, state(loop));
        assertEquals(w, weights(loop));
        assertEquals(stepped, step(loop, 1), "the same row again");
    }

    @Test
    void steppingBackAcrossAnEpochBoundaryReturnsToTheEndOfThePreviousEpoch() {
        TrainingLoop loop = loop(document(2, "labels = 0/1", "", "1", 100, "order = listed", gate("and", "0/1")));
        loop.setStepBackLimit(100);
        loop.stepEpoch();
        loop.stepSample();
        loop.stepBack();
        assertEquals(1, loop.epoch());
        assertEquals(0, loop.position());
        loop.stepBack();
        assertEquals(0, loop.epoch());
        assertEquals(3, loop.position());
        assertEquals(0, loop.trainLoss().size(), "no epoch has ended");
        loop.stepSample();
        assertEquals(3, loop.lastSamples()[0], "the fourth sample comes next");
    }

    @Test
    void steppingBackAfterConvergenceResumesTraining() {
        TrainingLoop loop = Perceptrons.or("listed");
        loop.setStepBackLimit(1);
        List<String> rows = run(loop);
        assertTrue(loop.converged());
        loop.stepBack();
        assertFalse(loop.converged());
        assertFalse(loop.finished());
        assertEquals(rows.subList(rows.size() - 1, rows.size()), step(loop, 1));
        assertTrue(loop.converged());
    }

    @Test
    void steppingBackToTheStartGivesTheInitialState() {
        TrainingLoop loop = loop(document(2, "labels = 0/1", "", "1", 100, "order = listed", gate("and", "0/1")));
        String initial = state(loop);
        loop.setStepBackLimit(1000);
        run(loop);
        assertEquals("(2, 1), -2", weights(loop));
        while (loop.steps() > 0) {
            loop.stepBack();
        }
        assertEquals("(0, 0), 0", weights(loop));
        assertEquals(initial, state(loop));
    }

    @Test
    void nothingToStepBackIsSaidInWords() {
        TrainingLoop loop = Perceptrons.or("listed");
        loop.setStepBackLimit(2);
        assertEquals("there is nothing to step back: no step has been taken yet",
                assertThrows(IllegalStateException.class, loop::stepBack).getMessage());
        step(loop, 3);
        loop.stepBack();
        loop.stepBack();
        assertEquals("there is nothing more to step back: only the last 2 steps are kept, and all of them have been "
                + "stepped back (this is step 1)", assertThrows(IllegalStateException.class, loop::stepBack)
                .getMessage());
        TrainingLoop off = Perceptrons.or("listed");
        off.stepSample();
        assertEquals("there is nothing to step back: this session keeps no earlier steps (stepping back is off)",
                assertThrows(IllegalStateException.class, off::stepBack).getMessage());
        assertEquals("the number of steps kept for stepping back must be 0 or more, not -1",
                assertThrows(IllegalArgumentException.class, () -> off.setStepBackLimit(-1)).getMessage());
    }

    @Test
    void aLiveEditForgetsTheKeptStepsAndSaysSo() {
        TrainingLoop loop = adam();
        loop.setStepBackLimit(5);
        loop.stepBatch();
        NetworkDocument doc = loop.compilation().document();
        loop.reconfigure(doc.withOptimizer(doc.optimizer().with("learning_rate", "0.01")));
        assertEquals("there is nothing to step back: the kept steps were forgotten when the document was edited "
                + "during training", assertThrows(IllegalStateException.class, loop::stepBack).getMessage());
        loop.stepBatch();
        loop.stepBack();
        assertEquals(1, loop.steps());
    }
}
