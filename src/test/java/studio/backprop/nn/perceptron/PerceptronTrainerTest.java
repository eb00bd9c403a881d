package studio.backprop.nn.perceptron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PerceptronTrainerTest {

    /** All eight 3-bit inputs labelled by majority vote: separable, and long enough for shuffles to differ. */
    private static TrainingSet majority() {
        double[][] x = new double[8][];
        int[] y = new int[8];
        for (int i = 0; i < 8; i++) {
            x[i] = new double[] {(i >> 2) & 1, (i >> 1) & 1, i & 1};
            y[i] = Integer.bitCount(i) >= 2 ? 1 : 0;
        }
        return TrainingSet.of(x, y);
    }

    @Test
    void xorNeverConvergesAndStopsAtTheCap() {
        PerceptronTrainer trainer = new PerceptronTrainer(LogicGate.XOR.truthTable(),
                PerceptronConfig.defaults().withEpochCap(25));
        TrainingResult result = trainer.runUntilConvergedOrCap();
        assertFalse(result.converged());
        assertEquals(25, result.epochsRun());
        assertEquals(100, trainer.history().size());
        assertTrue(trainer.epochSummaries().stream().allMatch(s -> s.updates() > 0));
    }

    @Test
    void steppingPastTheCapSaysTrainingStoppedWithoutConverging() {
        PerceptronTrainer trainer = new PerceptronTrainer(LogicGate.XOR.truthTable(),
                PerceptronConfig.defaults().withEpochCap(1));
        trainer.stepEpoch();
        IllegalStateException e = assertThrows(IllegalStateException.class, trainer::stepEpoch);
        assertEquals("training stopped at the cap of 1 epoch without converging; step back or reset to go on",
                e.getMessage());
    }

    @Test
    void orderOfEpochsAsListedIsTheListedOrder() {
        PerceptronTrainer trainer = new PerceptronTrainer(LogicGate.OR.truthTable(), PerceptronConfig.defaults());
        assertEquals(List.of(0, 1, 2, 3), trainer.orderOfEpoch(1));
        assertEquals(List.of(0, 1, 2, 3), trainer.orderOfEpoch(7));
    }

    @Test
    void stepBackRestoresWeightsBiasPositionAndHistoryExactly() {
        PerceptronTrainer trainer = new PerceptronTrainer(LogicGate.AND.truthTable(),
                PerceptronConfig.defaults().withLearningRate(0.1).withInitialWeights(Vec.of(0.3, -0.7), 0.2));
        for (int i = 0; i < 6; i++) {
            trainer.stepSample();
        }
        Vec w = trainer.weights();
        double b = trainer.bias();
        int epoch = trainer.currentEpoch();
        int done = trainer.stepsDoneInEpoch();
        List<SampleStep> history = trainer.history();
        SampleStep stepped = trainer.stepSample();

        assertEquals(stepped, trainer.stepBack());
        assertEquals(w, trainer.weights());
        assertEquals(b, trainer.bias());
        assertEquals(epoch, trainer.currentEpoch());
        assertEquals(done, trainer.stepsDoneInEpoch());
        assertEquals(history, trainer.history());
        assertEquals(stepped, trainer.stepSample());
    }

    @Test
    void stepBackAcrossAnEpochBoundaryReturnsToTheEndOfThePreviousEpoch() {
        PerceptronTrainer trainer = new PerceptronTrainer(LogicGate.AND.truthTable(), PerceptronConfig.defaults());
        trainer.stepEpoch();
        trainer.stepSample();
        trainer.stepBack();
        assertEquals(2, trainer.currentEpoch());
        assertEquals(0, trainer.stepsDoneInEpoch());
        trainer.stepBack();
        assertEquals(1, trainer.currentEpoch());
        assertEquals(3, trainer.stepsDoneInEpoch());
        assertEquals(OptionalInt.of(3), trainer.nextSampleIndex());
        assertTrue(trainer.epochSummaries().isEmpty());
    }

    @Test
    void stepBackAfterConvergenceResumesTraining() {
        PerceptronTrainer trainer = new PerceptronTrainer(LogicGate.OR.truthTable(), PerceptronConfig.defaults());
        TrainingResult result = trainer.runUntilConvergedOrCap();
        SampleStep last = trainer.stepBack();
        assertFalse(trainer.isFinished());
        assertEquals(Optional.empty(), trainer.result());
        assertEquals(last, trainer.stepSample());
        assertEquals(Optional.of(result), trainer.result());
    }

    @Test
    void stepBackToTheStartGivesTheInitialState() {
        PerceptronTrainer trainer = new PerceptronTrainer(LogicGate.AND.truthTable(), PerceptronConfig.defaults());
        trainer.runUntilConvergedOrCap();
        while (trainer.canStepBack()) {
            trainer.stepBack();
        }
        assertEquals(Vec.zeros(2), trainer.weights());
        assertEquals(0.0, trainer.bias());
        assertEquals(1, trainer.currentEpoch());
        assertTrue(trainer.history().isEmpty());
    }

    @Test
    void stepBackBeforeAnySampleSaysThereIsNothingToUndo() {
        PerceptronTrainer trainer = new PerceptronTrainer(LogicGate.AND.truthTable(), PerceptronConfig.defaults());
        IllegalStateException e = assertThrows(IllegalStateException.class, trainer::stepBack);
        assertEquals("there is nothing to step back: no sample has been presented yet", e.getMessage());
    }

    @Test
    void steppingAfterConvergenceSaysTrainingHasConverged() {
        PerceptronTrainer trainer = new PerceptronTrainer(LogicGate.OR.truthTable(), PerceptronConfig.defaults());
        trainer.runUntilConvergedOrCap();
        IllegalStateException e = assertThrows(IllegalStateException.class, trainer::stepSample);
        assertEquals("training has converged after 4 epochs; step back or reset to go on", e.getMessage());
    }

    @Test
    void resetReturnsToTheInitialWeightsAndReplaysTheSameRun() {
        PerceptronTrainer trainer = new PerceptronTrainer(majority(), PerceptronConfig.defaults()
                .withShuffledOrder(7).withInitialWeights(Vec.of(0.5, -1, 0.25), -0.5));
        trainer.runUntilConvergedOrCap();
        List<SampleStep> first = trainer.history();
        trainer.reset();
        assertEquals(Vec.of(0.5, -1, 0.25), trainer.weights());
        assertEquals(-0.5, trainer.bias());
        assertTrue(trainer.history().isEmpty());
        trainer.runUntilConvergedOrCap();
        assertEquals(first, trainer.history());
    }

    @Test
    void stepEpochFinishesTheEpochInProgress() {
        PerceptronTrainer trainer = new PerceptronTrainer(LogicGate.OR.truthTable(), PerceptronConfig.defaults());
        trainer.stepSample();
        EpochSummary summary = trainer.stepEpoch();
        assertEquals(4, summary.samples());
        assertEquals(2, trainer.currentEpoch());
        assertEquals(0, trainer.stepsDoneInEpoch());
    }

    @Test
    void seededShuffleIsReproducibleFromTheSeed() {
        PerceptronConfig config = PerceptronConfig.defaults().withShuffledOrder(42);
        PerceptronTrainer a = new PerceptronTrainer(majority(), config);
        PerceptronTrainer b = new PerceptronTrainer(majority(), config);
        assertEquals(a.runUntilConvergedOrCap(), b.runUntilConvergedOrCap());
        assertEquals(a.history(), b.history());
    }

    @Test
    void seededShuffleDrawsAFreshPermutationEachEpoch() {
        PerceptronTrainer trainer = new PerceptronTrainer(majority(),
                PerceptronConfig.defaults().withShuffledOrder(42));
        Set<List<Integer>> orders = new HashSet<>();
        for (int epoch = 1; epoch <= 5; epoch++) {
            List<Integer> order = new ArrayList<>(trainer.orderOfEpoch(epoch));
            orders.add(List.copyOf(order));
            order.sort(null);
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), order, "epoch " + epoch + " is a permutation");
        }
        assertNotEquals(trainer.orderOfEpoch(1), trainer.orderOfEpoch(2));
        assertEquals(5, orders.size());
    }

    @Test
    void seededShuffleDependsOnTheSeed() {
        PerceptronTrainer a = new PerceptronTrainer(majority(), PerceptronConfig.defaults().withShuffledOrder(1));
        PerceptronTrainer b = new PerceptronTrainer(majority(), PerceptronConfig.defaults().withShuffledOrder(2));
        assertNotEquals(a.orderOfEpoch(1), b.orderOfEpoch(1));
    }

    @Test
    void historyCannotBeChangedFromOutside() {
        PerceptronTrainer trainer = new PerceptronTrainer(LogicGate.OR.truthTable(), PerceptronConfig.defaults());
        trainer.stepSample();
        assertThrows(UnsupportedOperationException.class, () -> trainer.history().clear());
    }
}
