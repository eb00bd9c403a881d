package studio.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.NetworkDocument;

/** The race on a real network: seven ordinary training runs of one document from the same weights. */
class OptimizerRaceTest {

    static final String MOONS = """
            backprop-studio network 1
            name = moons race
            input = 2

            [layer hidden]
            type = Dense
            units = 6
            activation = tanh

            [layer out]
            type = Dense
            units = 1
            activation = sigmoid

            [loss binary_cross_entropy]

            [optimizer sgd]
            learning_rate = 0.1
            l2 = 0.001

            [training]
            batch_size = 16
            epochs = 50
            seed = 7
            order = shuffled
            validation = 0.25

            [data generated]
            generator = moons
            samples = 80
            noise = 0.1
            seed = 3
            """;

    static NetworkDocument moons() {
        try {
            return DocumentFormat.read(MOONS, "moons.bps");
        } catch (studio.backprop.spec.DocumentFormatException e) {
            throw new AssertionError(e);
        }
    }

    static TrainingData data(NetworkDocument doc) {
        Compilation c = DocumentCompiler.compile(doc);
        return DataResolver.resolve(doc, Path.of("."), c.outputKind().classification(),
                c.network().outputShape());
    }

    @Test
    void sevenRunsStartFromTheSameWeightsAndEachEqualsAnOrdinaryRunBitForBit() {
        NetworkDocument doc = moons();
        TrainingData data = data(doc);
        List<OptimizerRace.Lane> seen = new ArrayList<>();
        List<OptimizerRace.Lane> lanes = OptimizerRace.run(doc, data, OptimizerRace.defaults(), 3, () -> false,
                seen::add);
        assertEquals(7, lanes.size());
        assertEquals(lanes, seen);
        for (OptimizerRace.Lane lane : lanes) {
            assertArrayEquals(lanes.get(0).initialWeights(), lane.initialWeights(), lane.entrant().label());
            assertNull(lane.stopped(), lane.entrant().label());
            assertEquals(3, lane.trainLoss().size(), lane.entrant().label());
            assertEquals(doc.optimizer().get("l2"), lane.document().optimizer().get("l2"));

            TrainingLoop ordinary = new TrainingLoop(DocumentCompiler.compile(
                    doc.withOptimizer(lane.document().optimizer()).withTraining(lane.document().training())), data);
            while (!ordinary.finished()) {
                ordinary.stepBatch();
            }
            assertArrayEquals(ordinary.stepLoss().toArray(), lane.stepLoss().toArray(), lane.entrant().label());
            assertArrayEquals(ordinary.trainLoss().toArray(), lane.trainLoss().toArray(), lane.entrant().label());
            assertArrayEquals(ordinary.validLoss().toArray(), lane.validLoss().toArray(), lane.entrant().label());
        }
        // the optimisers really differ: no two runs end with the same loss
        assertEquals(7, lanes.stream().map(l -> l.trainLoss().last()).distinct().count());
    }

    @Test
    void theDocumentsOwnWeightsAreTheCommonStartToo() {
        NetworkDocument doc = moons();
        TrainingLoop fresh = new TrainingLoop(DocumentCompiler.compile(doc), data(doc));
        OptimizerRace.Lane adam = OptimizerRace.run(doc, data(doc), List.of(OptimizerRace.defaults().get(6)), 1,
                () -> false, lane -> { }).get(0);
        assertArrayEquals(OptimizerRace.weights(fresh), adam.initialWeights());
        assertEquals("adam", adam.document().optimizer().type());
        assertEquals("1", adam.document().training().get("epochs"));
    }

    @Test
    void everyEpochOfEveryLaneIsTold() {
        NetworkDocument doc = moons();
        List<String> told = new ArrayList<>();
        OptimizerRace.run(doc, data(doc), OptimizerRace.defaults().subList(0, 2), 2, () -> false, lane -> { },
                (e, epoch, of) -> told.add(e.label() + " " + epoch + "/" + of));
        assertEquals(List.of("SGD 1/2", "SGD 2/2", "momentum 1/2", "momentum 2/2"), told);
    }

    @Test
    void cancellingStopsTheRunningLaneAndStartsNoOther() {
        NetworkDocument doc = moons();
        AtomicInteger asked = new AtomicInteger();
        List<OptimizerRace.Lane> lanes = OptimizerRace.run(doc, data(doc), OptimizerRace.defaults(), 50,
                () -> asked.incrementAndGet() > 5, lane -> { });
        assertEquals(1, lanes.size());
        assertTrue(lanes.get(0).stopped().startsWith("cancelled after 4 steps"), lanes.get(0).stopped());
    }

    @Test
    void aDivergingOptimiserStopsWithAMessageAndTheOthersGoOn() {
        NetworkDocument doc = moons();
        List<OptimizerRace.Entrant> entrants = List.of(
                new OptimizerRace.Entrant("wild SGD", "sgd", Map.of("learning_rate", "1e30")),
                OptimizerRace.defaults().get(0));
        List<OptimizerRace.Lane> lanes = OptimizerRace.run(doc, data(doc), entrants, 2, () -> false, lane -> { });
        assertEquals(2, lanes.size());
        assertTrue(lanes.get(0).stopped().startsWith("diverged at step"), lanes.get(0).stopped());
        assertNull(lanes.get(1).stopped());
    }
}
