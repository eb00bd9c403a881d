package studio.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.backprop.nn.Parameter;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.tensor.Finite;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Tensor;

class TrainingLoopTest {

    @Test
    void anEpochEndsAfterItsLastPartialBatch() {
        TrainingData data = TrainingData.of(Tensor.uniform(new Rng(1), -1, 1, 10, 2),
                Tensor.of(new float[] {0, 1, 0, 1, 1, 0, 0, 1, 1, 0}, 10, 1), List.of("0", "1"));
        TrainingLoop loop = new TrainingLoop(Fixtures.compile(Fixtures.xorNetwork("0.1", "4", "shuffled")), data);
        assertFalse(loop.stepBatch().epochEnded());
        assertEquals(4, loop.position());
        assertFalse(loop.stepBatch().epochEnded());
        TrainingLoop.StepOutcome third = loop.stepBatch();
        assertTrue(third.epochEnded(), "4 + 4 + 2 samples");
        assertEquals(1, loop.epoch());
        assertEquals(0, loop.position());
        assertEquals(3, loop.stepLoss().size());
        assertEquals(1, loop.trainLoss().size());
        assertEquals((loop.stepLoss().get(0) + loop.stepLoss().get(1) + loop.stepLoss().get(2)) / 3,
                loop.trainLoss().get(0), 1e-6);
    }

    @Test
    void aCheckpointCarriesTheStrideOfAMergedHistory() {
        TrainingLoop loop = new TrainingLoop(Fixtures.compile(Fixtures.xorNetwork("0.5", "2", "shuffled")),
                Fixtures.xorData());
        for (int i = 0; i < 5; i++) {
            loop.stepBatch();
        }
        assertEquals(loop.stepLoss().last(), loop.lastLoss());
        TrainingLoop.Checkpoint c = loop.checkpoint();
        assertFalse(c.history().containsKey("step_loss.stride"), "a stride of 1 is not written");
        Map<String, float[]> history = new java.util.LinkedHashMap<>(c.history());
        history.put("step_loss", new float[] {0.5f, 0.25f});
        history.put("step_loss.stride", new float[] {4});
        TrainingLoop other = new TrainingLoop(Fixtures.compile(Fixtures.xorNetwork("0.5", "2", "shuffled")),
                Fixtures.xorData());
        other.restore(new TrainingLoop.Checkpoint(c.steps(), c.epoch(), c.position(), c.batchSize(),
                c.learningRateOverride(), c.rngState(), c.order(), c.epochLoss(), c.epochBatches(),
                c.epochCorrect(), c.epochSeen(), c.bestValidLoss(), c.epochsWithoutImprovement(), c.weights(),
                c.optimizer(), history));
        assertEquals(4, other.stepLoss().stride());
        assertArrayEquals(new float[] {0.5f, 0.25f}, other.stepLoss().toArray());
        assertEquals(0.25f, other.lastLoss());
        assertEquals(4, other.checkpoint().history().get("step_loss.stride")[0]);
    }

    @Test
    void theSameDocumentAndDataGiveTheSameNumbers() {
        float[] a = run(30);
        float[] b = run(30);
        assertArrayEquals(a, b);
    }

    private static float[] run(int steps) {
        TrainingLoop loop = new TrainingLoop(Fixtures.compile(Fixtures.xorNetwork("0.5", "2", "shuffled")),
                Fixtures.xorData());
        for (int i = 0; i < steps; i++) {
            loop.stepBatch();
        }
        return loop.stepLoss().toArray();
    }

    @Test
    void resetStartsOverFromTheSameWeights() {
        TrainingLoop loop = new TrainingLoop(Fixtures.compile(Fixtures.xorNetwork("0.5", "2", "shuffled")),
                Fixtures.xorData());
        float[] first = loop.network().parameters().get(0).value().toArray();
        loop.stepEpoch();
        loop.reset();
        assertArrayEquals(first, loop.network().parameters().get(0).value().toArray());
        assertEquals(0, loop.steps());
        assertEquals(0, loop.stepLoss().size());
    }

    @Test
    void fullBatchTrainingLearnsXor() {
        TrainingLoop loop = new TrainingLoop(Fixtures.compile(Fixtures.xorNetwork("2", "full", "listed")),
                Fixtures.xorData());
        for (int i = 0; i < 1500; i++) {
            loop.stepBatch();
        }
        assertTrue(loop.trainLoss().last() < 0.1, "loss " + loop.trainLoss().last());
        assertEquals(1f, loop.trainAccuracy().last());
    }

    @Test
    void singleSampleStepsFollowTheExplicitOrder() {
        TrainingLoop loop = new TrainingLoop(Fixtures.compile(Fixtures.xorNetwork("0.5", "1", "3, 4, 1, 2")),
                Fixtures.xorData());
        loop.setRecording(true);
        loop.stepSample();
        assertArrayEquals(new float[] {1, 0}, loop.lastRecord().node("input").value().values(), "sample 3 first");
        loop.stepSample();
        assertArrayEquals(new float[] {1, 1}, loop.lastRecord().node("input").value().values());
    }

    @Test
    void aDivergingStepKeepsTheLastGoodWeightsAndNamesTheProblem() {
        TrainingLoop loop = new TrainingLoop(Fixtures.compile(Fixtures.linearNetwork("1e30")), Fixtures.xorData());
        float[] before = loop.network().parameters().get(0).value().toArray();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> {
            for (int i = 0; i < 10; i++) {
                loop.stepBatch();
            }
        });
        assertTrue(e.getMessage().contains("are kept"), e.getMessage());
        assertTrue(e.getMessage().contains("lower the learning rate"), e.getMessage());
        for (Parameter p : loop.network().parameters()) {
            assertEquals(-1, Finite.firstNonFinite(p.value()), p.name() + " stays finite");
        }
        if (loop.steps() == 0) {
            assertArrayEquals(before, loop.network().parameters().get(0).value().toArray());
        }
    }

    @Test
    void earlyStoppingEndsTrainingWhenValidationStopsImproving() {
        Tensor x = Fixtures.xorData().trainX();
        Tensor y = Fixtures.xorData().trainY();
        TrainingData data = new TrainingData(x, y, x, Tensor.of(new float[] {1, 0, 0, 1}, 4, 1), List.of("0", "1"));
        TrainingLoop loop = new TrainingLoop(Fixtures.compile(Fixtures.xorNetwork("2", "full", "listed")
                .withTraining(new ComponentSpec("minibatch", Map.of("batch_size", "full", "epochs", "500",
                        "patience", "5", "seed", "3")))), data);
        while (!loop.finished()) {
            loop.stepBatch();
        }
        assertTrue(loop.earlyStopped());
        assertTrue(loop.epoch() < 500);
        assertEquals(loop.epoch(), loop.validLoss().size());
    }

    @Test
    void dataThatDoesNotFitTheNetworkIsRefusedInWords() {
        TrainingData wrong = TrainingData.of(Tensor.zeros(4, 3), Tensor.zeros(4, 1), List.of("0", "1"));
        ShapeException e = assertThrows(ShapeException.class, () -> new TrainingLoop(
                Fixtures.compile(Fixtures.xorNetwork("0.1", "2", "listed")), wrong));
        assertEquals("the data's samples have shape [3] but the network's input is [2]", e.getMessage());
    }

    @Test
    void theDropoutRateCanChangeBetweenSteps() {
        NetworkDocument doc = Fixtures.xorNetwork("0.5", "2", "listed")
                .withLayers(List.of(
                        new LayerSpec("h", "Dense", Map.of("units", "4", "activation", "tanh"), List.of("input"), 0, 0),
                        new LayerSpec("drop", "Dropout", Map.of("rate", "0.5"), List.of("h"), 0, 0),
                        new LayerSpec("out", "Dense", Map.of("units", "1", "activation", "sigmoid"), List.of("drop"),
                                0, 0)));
        TrainingLoop loop = new TrainingLoop(Fixtures.compile(doc), Fixtures.xorData());
        loop.stepBatch();
        loop.setDropoutRate(0.0);
        loop.setRecording(true);
        loop.stepBatch();
        for (var node : loop.lastRecord().nodes()) {
            if (node.op().equals("dropout")) {
                assertArrayEquals(loop.lastRecord().node(node.inputs().get(0)).value().values(),
                        node.value().values(), "with rate 0 nothing is dropped");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> loop.setDropoutRate(1.0));
        TrainingLoop plain = new TrainingLoop(Fixtures.compile(Fixtures.xorNetwork("0.5", "2", "listed")),
                Fixtures.xorData());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> plain.setDropoutRate(0.2)).getMessage()
                .contains("no Dropout layer"));
    }
}
