package studio.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.backprop.train.Perceptrons.document;
import static studio.backprop.train.Perceptrons.gate;
import static studio.backprop.train.Perceptrons.loop;
import static studio.backprop.train.Perceptrons.run;
import static studio.backprop.train.Perceptrons.step;
import static studio.backprop.train.Perceptrons.weights;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.tensor.Tensor;

/**
 * The perceptron rule driven by the training loop, checked against traces computed by hand (η = 1 and zero initial
 * weights unless set; columns x, z, ŷ, y, y − ŷ, then w, b before and after). Rows are numbered by sample from 1,
 * as on the exercise sheets; the gates' rows are (0,0), (0,1), (1,0), (1,1).
 */
class PerceptronRuleTest {

    /** All eight 3-bit inputs labelled by majority vote: separable, and long enough for shuffles to differ. */
    private static String majority() {
        StringBuilder rows = new StringBuilder("[data inline]\nrows =\n");
        for (int i = 0; i < 8; i++) {
            rows.append("    ").append((i >> 2) & 1).append(", ").append((i >> 1) & 1).append(", ").append(i & 1)
                    .append(" -> ").append(Integer.bitCount(i) >= 2 ? 1 : 0).append('\n');
        }
        return rows.toString();
    }

    private static List<Integer> updatesPerEpoch(TrainingLoop loop, List<String> rows) {
        int[] updates = new int[loop.epoch()];
        for (String row : rows) {
            int epoch = Integer.parseInt(row.substring(6, row.indexOf(',')));
            updates[epoch - 1] += row.contains("update: ") && !row.contains("no update") ? 1 : 0;
        }
        return java.util.Arrays.stream(updates).boxed().toList();
    }

    @Test
    void orFirstEpochInListedOrderMatchesTheHandTrace() {
        assertEquals(List.of(
                "epoch 1, sample 1: x (0, 0), z 0, ŷ 0, y 0, y − ŷ 0, no update: (0, 0), 0",
                "epoch 1, sample 2: x (0, 1), z 0, ŷ 0, y 1, y − ŷ 1, update: (0, 0), 0 → (0, 1), 1",
                "epoch 1, sample 3: x (1, 0), z 1, ŷ 1, y 1, y − ŷ 0, no update: (0, 1), 1",
                "epoch 1, sample 4: x (1, 1), z 2, ŷ 1, y 1, y − ŷ 0, no update: (0, 1), 1"),
                step(Perceptrons.or("listed"), 4));
    }

    @Test
    void orInListedOrderConvergesAfterFourEpochsAtWeightsOneOneBiasZero() {
        TrainingLoop loop = Perceptrons.or("listed");
        List<String> rows = run(loop);
        assertTrue(loop.converged());
        assertEquals(4, loop.epoch());
        assertEquals("(1, 1), 0", weights(loop));
        assertEquals(List.of(1, 2, 1, 0), updatesPerEpoch(loop, rows));
    }

    @Test
    void orFirstEpochInOrder3412MatchesTheClassicTrace() {
        assertEquals(List.of(
                "epoch 1, sample 3: x (1, 0), z 0, ŷ 0, y 1, y − ŷ 1, update: (0, 0), 0 → (1, 0), 1",
                "epoch 1, sample 4: x (1, 1), z 2, ŷ 1, y 1, y − ŷ 0, no update: (1, 0), 1",
                "epoch 1, sample 1: x (0, 0), z 1, ŷ 1, y 0, y − ŷ -1, update: (1, 0), 1 → (1, 0), 0",
                "epoch 1, sample 2: x (0, 1), z 0, ŷ 0, y 1, y − ŷ 1, update: (1, 0), 0 → (1, 1), 1"),
                step(Perceptrons.or("3, 4, 1, 2"), 4));
    }

    @Test
    void orInOrder3412ConvergesAfterThreeEpochsWithFourUpdates() {
        TrainingLoop loop = Perceptrons.or("3, 4, 1, 2");
        List<String> rows = run(loop);
        assertTrue(loop.converged());
        assertEquals(3, loop.epoch());
        assertEquals("(1, 1), 0", weights(loop));
        assertEquals(List.of(3, 1, 0), updatesPerEpoch(loop, rows));
        assertTrue(rows.get(4).startsWith("epoch 2, sample 3:"), "epoch 2 keeps the order 3, 4, 1, 2");
    }

    @Test
    void andFromZeroWeightsConvergesAfterSixEpochsAndClassifiesEverySample() {
        TrainingLoop loop = loop(document(2, "labels = 0/1", "", "1", 100, "order = listed", gate("and", "0/1")));
        List<String> rows = run(loop);
        assertTrue(loop.converged());
        assertEquals(6, loop.epoch());
        assertEquals("(2, 1), -2", weights(loop));
        assertEquals(10, updatesPerEpoch(loop, rows).stream().mapToInt(Integer::intValue).sum());
        assertArrayEquals(new float[] {0, 0, 0, 1}, loop.predict(loop.data().trainX()).toArray());
    }

    @Test
    void plusMinusOneLabelsUseSignOfZeroIsPlusOneSoTheFirstSampleIsAMistake() {
        TrainingLoop loop = loop(document(2, "labels = -1/+1", "", "1", 100, "order = listed",
                gate("and", "-1/+1")));
        assertEquals(List.of(
                "epoch 1, sample 1: x (0, 0), z 0, ŷ 1, y -1, y − ŷ -2, update: (0, 0), 0 → (0, 0), -2",
                "epoch 1, sample 2: x (0, 1), z -2, ŷ -1, y -1, y − ŷ 0, no update: (0, 0), -2",
                "epoch 1, sample 3: x (1, 0), z -2, ŷ -1, y -1, y − ŷ 0, no update: (0, 0), -2",
                "epoch 1, sample 4: x (1, 1), z -2, ŷ -1, y 1, y − ŷ 2, update: (0, 0), -2 → (2, 2), 0"),
                step(loop, 4));
    }

    @Test
    void andWithPlusMinusOneLabelsConvergesAfterSixEpochsWithElevenUpdates() {
        TrainingLoop loop = loop(document(2, "labels = -1/+1", "", "1", 100, "order = listed",
                gate("and", "-1/+1")));
        List<String> rows = run(loop);
        assertTrue(loop.converged());
        assertEquals(6, loop.epoch());
        assertEquals("(4, 2), -6", weights(loop));
        assertEquals(11, updatesPerEpoch(loop, rows).stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void theFirstSampleWithLabelOneFromZeroWeightsFiresTheRule() {
        // z = 0 and step(0) = 0 ≠ 1: the rule w ← w + η(y − ŷ)x fires. The misprinted w ← w − ηyx would move w away
        // from the answer, and a test that fires only on z ≠ 0 would never start.
        TrainingLoop loop = loop(document(2, "labels = 0/1", "", "1", 10, "order = listed",
                "[data inline]\nrows =\n    1, 1 -> 1"));
        assertEquals(List.of("epoch 1, sample 1: x (1, 1), z 0, ŷ 0, y 1, y − ŷ 1, update: (0, 0), 0 → (1, 1), 1"),
                step(loop, 1));
        assertArrayEquals(new float[] {1}, loop.predict(loop.data().trainX()).toArray());
    }

    @Test
    void theLearningRateScalesEveryUpdate() {
        TrainingLoop loop = loop(document(2, "labels = 0/1", "kernel = [[0.25], [-0.25]]\nbias = [0]", "0.5", 10,
                "order = listed", gate("or", "0/1")));
        assertEquals(List.of(
                "epoch 1, sample 1: x (0, 0), z 0, ŷ 0, y 0, y − ŷ 0, no update: (0.25, -0.25), 0",
                "epoch 1, sample 2: x (0, 1), z -0.25, ŷ 0, y 1, y − ŷ 1, update: (0.25, -0.25), 0 → (0.25, 0.25), 0.5"),
                step(loop, 2));
    }

    @Test
    void xorNeverConvergesAndStopsAtTheCap() {
        TrainingLoop loop = loop(document(2, "labels = 0/1", "", "1", 25, "order = listed", gate("xor", "0/1")));
        List<String> rows = run(loop);
        assertFalse(loop.converged());
        assertTrue(loop.finished());
        assertEquals(25, loop.epoch());
        assertEquals(100, rows.size());
        assertTrue(updatesPerEpoch(loop, rows).stream().allMatch(u -> u > 0), "every epoch still updates");
    }

    @Test
    void stepEpochFinishesTheEpochInProgress() {
        TrainingLoop loop = Perceptrons.or("listed");
        loop.stepSample();
        TrainingLoop.StepOutcome end = loop.stepEpoch();
        assertTrue(end.epochEnded());
        assertEquals(4, loop.steps());
        assertEquals(1, loop.epoch());
        assertEquals(0, loop.position());
    }

    @Test
    void aSeededShuffleReplaysAfterResetAndDependsOnTheSeed() {
        String weights = "kernel = [[0.5], [-1], [0.25]]\nbias = [-0.5]";
        TrainingLoop loop = loop(document(3, "labels = 0/1", weights, "1", 100, "order = shuffled\nseed = 7",
                majority()));
        List<String> first = run(loop);
        assertTrue(loop.converged());
        loop.reset();
        assertEquals("(0.5, -1, 0.25), -0.5", weights(loop));
        assertEquals(0, loop.steps());
        assertEquals(first, run(loop));
        TrainingLoop twin = loop(document(3, "labels = 0/1", weights, "1", 100, "order = shuffled\nseed = 7",
                majority()));
        assertEquals(first, run(twin));
        TrainingLoop other = loop(document(3, "labels = 0/1", weights, "1", 100, "order = shuffled\nseed = 8",
                majority()));
        assertNotEquals(first.subList(0, 8), step(other, 8));
    }

    @Test
    void labelsOutsideTheUnitsConventionAreRefusedNamingTheSample() {
        var zeroOne = DocumentCompiler.compile(document(2, "labels = 0/1", "", "1", 10, "order = listed",
                gate("or", "0/1")));
        TrainingData two = TrainingData.of(Tensor.of(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2),
                Tensor.of(new float[] {0, 1, 2, 1}, 4, 1), List.of("0", "1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TrainingLoop(zeroOne,
                two));
        assertEquals("sample 3 has the label 2, which is not in {0, 1}; give the data labels {0, 1} or change the "
                + "Perceptron's labels setting", e.getMessage());
        var plusMinus = DocumentCompiler.compile(document(2, "labels = -1/+1", "", "1", 10, "order = listed",
                gate("or", "0/1")));
        e = assertThrows(IllegalArgumentException.class, () -> new TrainingLoop(plusMinus, Fixtures.xorData()));
        assertEquals("sample 1 has the label 0, which is not in {-1, +1}; give the data labels {-1, +1} or change "
                + "the Perceptron's labels setting", e.getMessage());
    }

    @Test
    void anOrderThatDoesNotNameEverySampleOnceIsRefusedInWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Perceptrons.or("3, 4, 1, 5"));
        assertEquals("the sample order 3, 4, 1, 5 names sample 5, but there are only 4 samples (numbered 1 to 4)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Perceptrons.or("3, 1"));
        assertEquals("the sample order 3, 1 leaves out samples 2 and 4; every epoch must visit each sample exactly "
                + "once", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Perceptrons.or("3, 3, 1, 2"));
        assertEquals("the sample order 3, 3, 1, 2 names sample 3 more than once; each sample must appear exactly "
                + "once", e.getMessage());
    }

    @Test
    void aLearningRateOfZeroAndAnEpochCapOfZeroAreRefused() {
        var zeroEta = DocumentCompiler.compile(document(2, "labels = 0/1", "", "0", 10, "order = listed",
                gate("or", "0/1")));
        assertFalse(zeroEta.trainable());
        assertTrue(zeroEta.whyNotTrainable().contains("learning_rate: 0 must be greater than 0; with η = 0 the "
                + "perceptron rule never moves the unit"), zeroEta.whyNotTrainable());
        var noEpochs = DocumentCompiler.compile(document(2, "labels = 0/1", "", "1", 0, "order = listed",
                gate("or", "0/1")));
        assertTrue(noEpochs.whyNotTrainable().contains("epochs: 0 must be at least 1"), noEpochs.whyNotTrainable());
        TrainingLoop loop = Perceptrons.or("listed");
        e(assertThrows(IllegalArgumentException.class, () -> loop.setLearningRate(0)),
                "the learning rate must be a positive number, not 0.0");
    }

    private static void e(Exception e, String message) {
        assertEquals(message, e.getMessage());
    }
}
