package studio.backprop.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.DocumentFormatException;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.DataResolver;
import studio.backprop.train.TrainerState;
import studio.backprop.train.TrainingData;
import studio.backprop.train.TrainingLoop;
import studio.backprop.train.TrainingSnapshot;
import studio.backprop.ui.charts.RunCurves;

/** Keeping, naming, hiding and exporting runs, without a stage. */
class RunsViewModelTest {

    static final String XOR = """
            backprop-studio network 1
            name = xor
            input = 2

            [layer hidden]
            type = Dense
            units = 4
            activation = tanh

            [layer out]
            type = Dense
            units = 1
            activation = sigmoid

            [loss binary_cross_entropy]

            [optimizer sgd]
            learning_rate = 0.5

            [training]
            batch_size = 2
            epochs = 3
            seed = 4

            [data inline]
            rows =
                0, 0 -> 0
                0, 1 -> 1
                1, 0 -> 1
                1, 1 -> 0
            """;

    private long version;

    static NetworkDocument xor() {
        try {
            return DocumentFormat.read(XOR, "xor.bps");
        } catch (DocumentFormatException e) {
            throw new AssertionError(e);
        }
    }

    static TrainingLoop loop(NetworkDocument doc) {
        var c = DocumentCompiler.compile(doc);
        TrainingData data = DataResolver.resolve(doc, Path.of("."), true, c.network().outputShape());
        return new TrainingLoop(c, data);
    }

    private TrainingSnapshot snapshot(TrainingLoop loop, long session) {
        TrainerState state = loop.finished() ? TrainerState.FINISHED : TrainerState.PAUSED;
        return TrainingSnapshot.of(loop, ++version, session, state, 0, Double.POSITIVE_INFINITY, null, Map.of());
    }

    private RunsViewModel runs() {
        RunsViewModel vm = new RunsViewModel();
        vm.setSource(() -> "xor");
        return vm;
    }

    @Test
    void aRunThatFinishesIsKeptOnceWithItsSettingsInItsName() {
        RunsViewModel vm = runs();
        TrainingLoop loop = loop(xor());
        vm.observe(snapshot(loop, 1));
        while (!loop.finished()) {
            loop.stepBatch();
            vm.observe(snapshot(loop, 1));
        }
        vm.observe(snapshot(loop, 1));
        assertEquals(1, vm.runs().size());
        KeptRun run = vm.runs().get(0);
        assertEquals("xor · sgd η=0.5", run.name());
        assertEquals(new RunSettings("xor", "sgd", 0.5, 2, 4), run.settings());
        assertEquals(6, run.steps());
        assertEquals(3, run.epochs());
        assertEquals(2.0, run.stepsPerEpoch());
        assertTrue(run.shown());
        assertEquals("finished", run.note());
        assertNull(vm.keepCurrent());
        assertEquals("This run is kept already.", vm.messageProperty().get());
        // a new session replacing the finished one does not keep it again
        vm.observe(null);
        assertEquals(1, vm.runs().size());
    }

    @Test
    void aRunWhoseOptimizerWasSwitchedMidwayIsNamedByBoth() {
        RunsViewModel vm = runs();
        TrainingLoop loop = loop(xor());
        vm.observe(snapshot(loop, 1));
        loop.stepBatch();
        vm.observe(snapshot(loop, 1));
        loop.reconfigure(xor().withOptimizer(new ComponentSpec("nesterov", Map.of("learning_rate", "0.5"))));
        vm.observe(snapshot(loop, 1));
        while (!loop.finished()) {
            loop.stepBatch();
            vm.observe(snapshot(loop, 1));
        }
        assertEquals(List.of("xor · sgd→nesterov η=0.5"), vm.runs().stream().map(KeptRun::name).toList());
        assertEquals("sgd→nesterov", vm.runs().get(0).settings().optimizer());
        // the next run, after a reset, starts its own list: nesterov alone
        loop.reset();
        vm.observe(snapshot(loop, 1));
        while (!loop.finished()) {
            loop.stepBatch();
            vm.observe(snapshot(loop, 1));
        }
        assertEquals("xor · nesterov η=0.5", vm.runs().get(vm.runs().size() - 1).name());
    }

    @Test
    void resetAndReplacementKeepARunThatCompletedAnEpochButNotAFewSteps() {
        RunsViewModel vm = runs();
        TrainingLoop loop = loop(xor());
        loop.stepBatch();
        vm.observe(snapshot(loop, 1));
        loop.reset();
        vm.observe(snapshot(loop, 1));
        assertEquals(0, vm.runs().size(), "one step is no curve to compare");
        loop.stepEpoch();
        vm.observe(snapshot(loop, 1));
        loop.reset();
        vm.observe(snapshot(loop, 1));
        assertEquals(1, vm.runs().size());
        assertEquals("reset", vm.runs().get(0).note());
        loop.stepEpoch();
        vm.observe(snapshot(loop, 1));
        TrainingLoop adam = loop(xor().withOptimizer(new ComponentSpec("adam", Map.of("learning_rate", "0.01"))));
        vm.observe(snapshot(adam, 2));
        assertEquals(List.of("xor · sgd η=0.5", "xor · sgd η=0.5 (2)"), vm.runs().stream().map(KeptRun::name)
                .toList());
        assertEquals(List.of(0, 1), vm.runs().stream().map(KeptRun::ink).toList());
        assertEquals("replaced", vm.runs().get(1).note());
    }

    @Test
    void aKeptRunThatIsStillTheCurrentOneIsNotDrawnTwice() {
        RunsViewModel vm = runs();
        TrainingLoop loop = loop(xor());
        while (!loop.finished()) {
            loop.stepBatch();
        }
        long changes = vm.overlaysChangedProperty().get();
        vm.observe(snapshot(loop, 1));
        assertEquals(1, vm.runs().size());
        assertEquals(List.of(), vm.overlays(), "the charts show the finished run as the current one already");
        assertEquals(1, vm.shown().size(), "it is shown, and exported");
        vm.observe(snapshot(loop, 1));
        assertEquals(List.of(), vm.overlays());
        loop.reset();
        vm.observe(snapshot(loop, 1));
        assertEquals(List.of("xor · sgd η=0.5"), vm.overlays().stream().map(o -> o.name()).toList());
        assertTrue(vm.overlaysChangedProperty().get() > changes);
        assertEquals(1, vm.runs().size(), "the reset run was kept already");
    }

    @Test
    void keepThisRunKeepsWhateverWasTrainedAndSaysSoWhenNothingWas() {
        RunsViewModel vm = runs();
        TrainingLoop loop = loop(xor());
        vm.observe(snapshot(loop, 1));
        assertNull(vm.keepCurrent());
        assertEquals("There is no run to keep yet: train a step or more first.", vm.messageProperty().get());
        loop.stepBatch();
        vm.observe(snapshot(loop, 1));
        KeptRun run = vm.keepCurrent();
        assertEquals("kept by hand at step 1", run.note());
        assertEquals(1, run.stepLoss().size());
    }

    @Test
    void renamingRefusesBlankTakenAndReservedNamesInWords() {
        RunsViewModel vm = runs();
        KeptRun a = keepOne(vm);
        KeptRun b = keepOne(vm);
        assertEquals("A run needs a name: type one, e.g. 'xor · sgd η=0.5'.", vm.rename(a, "  "));
        assertEquals("Another run is already called 'XOR · SGD η=0.5 (2)': choose another name.",
                vm.rename(a, "XOR · SGD η=0.5 (2)"));
        assertEquals("'train loss' names a curve of the current run in the charts: choose another name.",
                vm.rename(a, "train loss"));
        assertTrue(vm.rename(a, "x".repeat(81)).startsWith("A run's name can have at most 80 characters"));
        assertNull(vm.rename(a, "  plain SGD "));
        assertEquals("plain SGD", vm.runs().get(0).name());
        assertEquals(b.name(), vm.runs().get(1).name());
        assertNull(vm.rename(vm.runs().get(0), "plain SGD"), "its own name again is fine");
    }

    @Test
    void hiddenRunsLeaveTheChartsAndDeletedRunsTheList() {
        RunsViewModel vm = runs();
        KeptRun a = keepOne(vm);
        KeptRun b = keepOne(vm);
        assertEquals(2, vm.overlays().size());
        vm.setShown(a, false);
        assertEquals(List.of(b.name()), vm.overlays().stream().map(o -> o.name()).toList());
        assertEquals(1, vm.overlays().get(0).ink());
        vm.delete(b);
        assertEquals(List.of(), vm.overlays());
        assertEquals(1, vm.runs().size());
        assertEquals("Deleted '" + b.name() + "'.", vm.messageProperty().get());
        KeptRun c = keepOne(vm);
        assertEquals(1, c.ink(), "the colour of the deleted run is free again");
        vm.curvesProperty().set(RunCurves.PER_STEP);
        assertEquals(RunCurves.PER_STEP, vm.curvesProperty().get());
    }

    @Test
    void theCsvHasOneRowPerValueOfEveryCurveOfTheShownRuns(@TempDir Path dir) throws Exception {
        RunsViewModel vm = runs();
        keepOne(vm);
        vm.rename(vm.runs().get(0), "first, plain");
        String table = RunsCsv.table(vm.shown());
        List<String> lines = table.lines().toList();
        assertEquals(RunsCsv.HEADER, lines.get(0));
        // 6 steps of loss and of η, 3 epochs of train loss and accuracy, no validation
        assertEquals(1 + 6 + 3 + 3 + 6, lines.size());
        assertTrue(lines.get(1).startsWith("\"first, plain\",sgd,0.5,2,4,loss per step,1,0.5,"), lines.get(1));
        assertTrue(lines.get(7).startsWith("\"first, plain\",sgd,0.5,2,4,train loss,1,1,"), lines.get(7));
        assertEquals("\"first, plain\",sgd,0.5,2,4,learning rate,6,3,0.5", lines.get(lines.size() - 1));
        Path file = dir.resolve("runs.csv");
        RunsCsv.write(file, vm.shown());
        assertEquals(table, Files.readString(file));
    }

    private KeptRun keepOne(RunsViewModel vm) {
        TrainingLoop loop = loop(xor());
        while (!loop.finished()) {
            loop.stepBatch();
        }
        vm.observe(snapshot(loop, ++version + 100));
        vm.observe(null);
        return vm.runs().get(vm.runs().size() - 1);
    }
}
