package studio.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.backprop.nn.optim.OptimizerState;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.NetworkDocument;

/** Step rules, live reconfiguration and step records: what the session boundary promises, without a window. */
class SessionRulesTest {

    private static NetworkDocument momentum() {
        NetworkDocument doc = Fixtures.xorNetwork("0.5", "2", "listed");
        return doc.withOptimizer(doc.optimizer().withType("momentum").with("momentum", "0.8")
                .with("schedule", "step").with("decay_rate", "0.5").with("decay_steps", "3"));
    }

    @Test
    void anotherSettingOfTheSameOptimizerKeepsItsMoments() {
        TrainingLoop loop = new TrainingLoop(Fixtures.compile(momentum()), Fixtures.xorData());
        loop.stepBatch();
        loop.stepBatch();
        OptimizerState before = loop.rule().exportState();
        NetworkDocument edited = momentum().withOptimizer(momentum().optimizer().with("l2", "0.001"));
        loop.reconfigure(edited);
        OptimizerState after = loop.rule().exportState();
        assertEquals(before.step(), after.step(), "the step count goes on (and with it the schedule)");
        assertArrayEquals(before.buffers().get("h/kernel").get("velocity"),
                after.buffers().get("h/kernel").get("velocity"), "the velocity is kept");
        assertEquals(2, loop.steps());
    }

    @Test
    void anotherOptimizerKindStartsFreshButKeepsTheSectionsSettings() {
        TrainingLoop loop = new TrainingLoop(Fixtures.compile(momentum()), Fixtures.xorData());
        loop.stepBatch();
        NetworkDocument adam = momentum().withOptimizer(momentum().optimizer().withType("adam"));
        loop.reconfigure(adam);
        assertEquals("adam", loop.rule().exportState().kind());
        assertEquals(0, loop.rule().exportState().step(), "a new kind starts with fresh moments");
        assertEquals(0.5 * 0.5, loop.schedule().learningRate(3), 1e-12, "the step schedule came along");
        assertEquals("0.8", loop.compilation().document().optimizer().get("momentum"));
        loop.stepBatch();
        assertEquals(2, loop.steps(), "training goes on from where it was");
    }

    @Test
    void momentumSwitchedOnOrOffMidRunStartsOrDropsTheVelocity() {
        NetworkDocument plain = Fixtures.xorNetwork("0.5", "2", "listed");
        plain = plain.withOptimizer(plain.optimizer().withType("sgd"));
        TrainingLoop loop = new TrainingLoop(Fixtures.compile(plain), Fixtures.xorData());
        loop.stepBatch();
        // The app's optimizer box going from sgd to nesterov: the same kind of optimiser with a buffer more.
        NetworkDocument nesterov = plain.withOptimizer(plain.optimizer().withType("nesterov"));
        loop.reconfigure(nesterov);
        loop.stepBatch();
        OptimizerState withVelocity = loop.rule().exportState();
        assertTrue(withVelocity.buffers().get("h/kernel").containsKey("velocity"), "nesterov keeps a velocity");
        loop.reconfigure(plain);
        loop.stepBatch();
        assertTrue(loop.rule().exportState().buffers().values().stream().allMatch(Map::isEmpty),
                "plain SGD keeps no buffers");
        assertEquals(3, loop.steps(), "training went on through both changes");
    }

    @Test
    void aChangeOfTheComputationIsRefusedLiveAndSaysWhy() {
        TrainingLoop loop = new TrainingLoop(Fixtures.compile(momentum()), Fixtures.xorData());
        NetworkDocument wider = momentum().withReplaced("h", momentum().layer("h").withSetting("units", "8"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loop.reconfigure(wider));
        assertEquals("Training starts again from step 0 because the settings of 'h' changed.", e.getMessage());
        assertEquals(Reconfiguration.Kind.NONE, Reconfiguration.between(momentum(), momentum().withReplaced("h",
                momentum().layer("h").at(300, 40))).kind(), "a moved box changes nothing");
    }

    @Test
    void recordingIsOffUnlessAskedAndNamesEveryNodeAfterItsLayer() {
        TrainingLoop loop = new TrainingLoop(Fixtures.compile(Fixtures.xorNetwork("0.5", "4", "listed")),
                Fixtures.xorData());
        loop.stepBatch();
        assertNull(loop.lastRecord(), "nothing is recorded when nobody asked");
        float[] before = loop.evaluate(new Probe.Parameters(java.util.Set.of("h/kernel"), 1)).get("h/kernel")
                .values();
        loop.setRecording(true);
        loop.stepBatch();
        StepRecord r = loop.lastRecord();
        List<String> names = r.nodes().stream().map(StepRecord.NodeRecord::name).toList();
        assertTrue(names.containsAll(List.of("input", "h/kernel", "h/matMul", "h/z", "h/tanh", "out/matMul",
                "out/z", "out/sigmoid", "target", "loss")), names.toString());
        assertEquals(names.size(), new java.util.HashSet<>(names).size(), "names are unique");
        assertArrayEquals(before, r.node("h/kernel").value().values(),
                "a parameter row shows the value the forward pass used, not the updated one");
        assertArrayEquals(before, r.before().get("h/kernel").values());
        assertFalse(java.util.Arrays.equals(before, r.after().get("h/kernel").values()));
        assertArrayEquals(new int[] {1, 2, 3, 4}, r.samples());
    }

    @Test
    void thePerceptronTrainedThroughCommandsReproducesTheClassicOrTrace() throws Exception {
        NetworkDocument doc = DocumentFormat.read(Files.readString(Path.of("samples", "perceptron-or.bps")),
                "perceptron-or.bps");
        TrainingData data = DataResolver.resolve(doc, Path.of("samples"), true, new int[] {1});
        Probe.Steps steps = new Probe.Steps();
        List<StepRecord.PerceptronRow> rows = new ArrayList<>();
        try (Trainer trainer = new Trainer(new TrainingLoop(DocumentCompiler.compile(doc), data))) {
            trainer.send(new TrainerCommand.SetProbes("sheet", List.of(steps)));
            for (int i = 1; i <= 4; i++) {
                trainer.send(new TrainerCommand.StepSample());
                int n = i;
                TrainingSnapshot s = await(trainer, t -> t.step() == n && t.payload(steps) != null);
                rows.addAll(s.payload(steps).perceptronRows());
            }
        }
        assertEquals(List.of(3, 4, 1, 2), rows.stream().map(StepRecord.PerceptronRow::sample).toList());
        assertEquals(List.of(true, false, true, true), rows.stream().map(StepRecord.PerceptronRow::updated).toList());
        assertEquals(List.of(1, 0, -1, 1), rows.stream().map(StepRecord.PerceptronRow::error).toList());
        StepRecord.PerceptronRow last = rows.get(3);
        assertArrayEquals(new float[] {1, 1}, last.weightsAfter(), "w = (1, 1) after one epoch");
        assertEquals(1f, last.biasAfter(), "b = 1 after one epoch");
        assertEquals(0.0, rows.get(0).z(), "from zero weights the first net input is 0, and step(0) = 0");
    }

    @Test
    void aFailingCommandLeavesTheTrainerUsable() throws Exception {
        try (Trainer trainer = new Trainer(new TrainingLoop(Fixtures.compile(momentum()), Fixtures.xorData()))) {
            trainer.send(new TrainerCommand.SetWeight("h/nothing", 0, 1f));
            TrainingSnapshot s = await(trainer, t -> t.message() != null);
            assertTrue(s.message().contains("no parameter 'h/nothing'"), s.message());
            trainer.send(new TrainerCommand.TakeCheckpoint(copy -> {
                throw new IllegalStateException("a sink that fails");
            }));
            await(trainer, t -> t.message() != null && t.message().contains("a sink that fails"));
            trainer.send(new TrainerCommand.StepBatch());
            TrainingSnapshot after = await(trainer, t -> t.step() == 1);
            assertTrue(trainer.alive());
            assertEquals(TrainerState.PAUSED, after.state());
        }
    }

    @Test
    void stepEpochCanBePausedAndCloseReturnsPromptly() throws Exception {
        NetworkDocument doc = Fixtures.xorNetwork("0.5", "1", "listed");
        NetworkDocument slow = doc.withTraining(doc.training().with("epochs", "5"));
        Trainer trainer = new Trainer(new TrainingLoop(Fixtures.compile(slow), Fixtures.xorData()));
        trainer.send(new TrainerCommand.SetPace(20));
        trainer.send(new TrainerCommand.StepEpoch());
        await(trainer, t -> t.step() >= 1);
        trainer.send(new TrainerCommand.Pause());
        TrainingSnapshot paused = await(trainer, t -> t.state() == TrainerState.PAUSED);
        assertTrue(paused.step() < 4, "paused before the epoch ended: " + paused.step());
        trainer.close();
        assertFalse(trainer.alive());
    }

    @Test
    void keepBestPutsBackTheBestValidationWeights() {
        NetworkDocument doc = Fixtures.xorNetwork("40", "4", "listed");
        TrainingData withValidation = new TrainingData(Fixtures.xorData().trainX(), Fixtures.xorData().trainY(),
                Fixtures.xorData().trainX(), Fixtures.xorData().trainY(), List.of("0", "1"));
        TrainingLoop loop = new TrainingLoop(Fixtures.compile(doc.withTraining(doc.training().with("epochs", "30"))),
                withValidation);
        loop.setKeepBest(true);
        Map<Integer, Float> validLoss = new java.util.HashMap<>();
        while (!loop.finished()) {
            loop.stepEpoch();
            validLoss.put(loop.epoch(), loop.validLoss().last());
        }
        int best = validLoss.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        if (best < 30) {
            assertEquals(best, loop.restoredBestEpoch());
            float[] now = loop.evaluate(withValidation.validX(), withValidation.validY());
            assertEquals(validLoss.get(best), now[0], 1e-6f, "the weights of the best epoch are back");
        } else {
            assertEquals(0, loop.restoredBestEpoch(), "the last epoch was the best: nothing to put back");
        }
        assertNotNull(loop.validLoss());
    }

    private static TrainingSnapshot await(Trainer trainer, java.util.function.Predicate<TrainingSnapshot> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            TrainingSnapshot s = trainer.latest();
            if (condition.test(s)) {
                return s;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("timed out; last snapshot: step " + trainer.latest().step() + ", "
                + trainer.latest().state() + ", " + trainer.latest().message());
    }
}
