package studio.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import studio.backprop.spec.NetworkDocument;

class TrainerTest {

    @Test
    void playTrainsUntilPausedAndSnapshotsFollow() throws InterruptedException {
        // a plan far longer than the test: the 2,000 epochs of the fixture can end between two snapshots (15 ms)
        NetworkDocument doc = Fixtures.xorNetwork("0.5", "2", "shuffled");
        TrainingLoop endless = new TrainingLoop(Fixtures.compile(doc.withTraining(doc.training().with("epochs",
                "100000000"))), Fixtures.xorData());
        try (Trainer trainer = new Trainer(endless)) {
            trainer.send(new TrainerCommand.Play());
            TrainingSnapshot running = await(trainer, s -> s.step() > 50);
            assertEquals(TrainerState.RUNNING, running.state());
            trainer.send(new TrainerCommand.Pause());
            TrainingSnapshot paused = await(trainer, s -> s.state() == TrainerState.PAUSED);
            Thread.sleep(100);
            assertEquals(paused.step(), trainer.latest().step(), "no steps while paused");
            assertTrue(paused.stepLoss().size() == paused.step());
        }
    }

    @Test
    void commandsGiveTheSameNumbersAsTheLoopItself() throws InterruptedException {
        TrainingLoop reference = loop("0.5", "2");
        for (int i = 0; i < 5; i++) {
            reference.stepBatch();
        }
        try (Trainer trainer = new Trainer(loop("0.5", "2"))) {
            for (int i = 0; i < 5; i++) {
                trainer.send(new TrainerCommand.StepBatch());
            }
            TrainingSnapshot s = await(trainer, t -> t.step() == 5);
            assertArrayEquals(reference.stepLoss().toArray(), s.stepLoss().toArray());
            assertEquals(TrainerState.PAUSED, s.state());
        }
    }

    @Test
    void twoViewsProbesAreBothServedAsCopies() throws InterruptedException {
        try (Trainer trainer = new Trainer(loop("0.5", "2"))) {
            Probe.Parameters weights = new Probe.Parameters(Set.of("h/kernel"), 10);
            Probe.Gradients gradients = new Probe.Gradients(Set.of("out/bias"), 10);
            Probe.SampleActivations hidden = new Probe.SampleActivations(java.util.List.of(0, 3), Set.of("h"), 10);
            trainer.send(new TrainerCommand.SetProbes("first view", java.util.List.of(weights, hidden)));
            trainer.send(new TrainerCommand.SetProbes("second view", java.util.List.of(gradients)));
            trainer.send(new TrainerCommand.StepBatch());
            TrainingSnapshot s = await(trainer, t -> t.step() == 1);
            assertArrayEquals(new int[] {2, 4}, s.payload(weights).get("h/kernel").shape());
            assertArrayEquals(new int[] {2, 4}, s.payload(hidden).get("h").shape());
            assertNotNull(s.payload(gradients).get("out/bias"));
            trainer.send(new TrainerCommand.SetProbes("second view", java.util.List.of()));
            trainer.send(new TrainerCommand.StepBatch());
            TrainingSnapshot later = await(trainer, t -> t.step() == 2);
            assertEquals(null, later.payload(gradients), "a closed view's probes are gone");
            assertNotNull(later.payload(weights), "the other view is still served");
        }
    }

    @Test
    void divergenceStopsTrainingWithAMessage() throws InterruptedException {
        try (Trainer trainer = new Trainer(new TrainingLoop(Fixtures.compile(Fixtures.linearNetwork("1e30")),
                Fixtures.xorData()))) {
            trainer.send(new TrainerCommand.Play());
            TrainingSnapshot s = await(trainer, t -> t.state() == TrainerState.DIVERGED);
            assertTrue(s.message().contains("lower the learning rate"), s.message());
            NetworkDocument doc = Fixtures.linearNetwork("1e30");
            trainer.send(new TrainerCommand.Reconfigure(doc.withOptimizer(doc.optimizer().with("learning_rate",
                    "0.5"))));
            trainer.send(new TrainerCommand.Reset());
            trainer.send(new TrainerCommand.StepBatch());
            TrainingSnapshot after = await(trainer, t -> t.state() == TrainerState.PAUSED && t.message() == null);
            assertEquals(0.5, after.learningRate(), 1e-12);
        }
    }

    @Test
    void aBadSettingIsReportedAndTrainingGoesOn() throws InterruptedException {
        try (Trainer trainer = new Trainer(loop("0.5", "2"))) {
            NetworkDocument doc = Fixtures.xorNetwork("0.5", "2", "shuffled");
            trainer.send(new TrainerCommand.Reconfigure(doc.withTraining(doc.training().with("batch_size", "-3"))));
            TrainingSnapshot s = await(trainer, t -> t.message() != null);
            assertTrue(s.message().contains("batch_size"), s.message());
            trainer.send(new TrainerCommand.StepBatch());
            await(trainer, t -> t.step() == 1);
        }
    }

    @Test
    void closingEndsTheThread() {
        Trainer trainer = new Trainer(loop("0.5", "2"));
        trainer.send(new TrainerCommand.Play());
        trainer.close();
        assertEquals(TrainerState.STOPPED, trainer.latest().state());
    }

    private static TrainingLoop loop(String lr, String batch) {
        return new TrainingLoop(Fixtures.compile(Fixtures.xorNetwork(lr, batch, "shuffled")), Fixtures.xorData());
    }

    private static TrainingSnapshot await(Trainer trainer, Predicate<TrainingSnapshot> condition)
            throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < end) {
            TrainingSnapshot s = trainer.latest();
            if (condition.test(s)) {
                return s;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("condition not reached; last snapshot: step " + trainer.latest().step() + ", "
                + trainer.latest().state() + ", " + trainer.latest().message());
    }
}
