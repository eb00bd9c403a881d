package studio.backprop.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.backprop.nn.optim.LearningRateSchedule;
import studio.backprop.train.Series;
import studio.backprop.train.TrainerState;
import studio.backprop.train.TrainingSnapshot;

/** The chart data made from snapshots, without a stage. */
class ChartsViewModelTest {

    private static Series.View series(float... v) {
        return new Series.View(v, v.length);
    }

    /** 2.5 epochs of 100 samples at batch 25: 10 steps so far, 4 steps per epoch. */
    private static TrainingSnapshot snapshot(Series.View accuracy, double eta) {
        Series.View steps = series(0.9f, 0.8f, 0.7f, 0.65f, 0.6f, 0.5f, 0.45f, 0.4f, 0.42f, 0.38f);
        Series.View rates = series(0.1f, 0.1f, 0.1f, 0.1f, 0.05f, 0.05f, 0.05f, 0.05f, 0.025f, 0.025f);
        return new TrainingSnapshot(7, 1, null, TrainerState.RUNNING, 10, 2, 50, 100, 0.38f, steps,
                series(0.76f, 0.47f), accuracy, series(0.8f, 0.5f), series(0.6f, 0.7f), rates, eta, 25, 1000,
                Double.POSITIVE_INFINITY, false, null, Map.of());
    }

    @Test
    void seriesShareTheTrainersArraysAndSitOnAnEpochAxis() {
        ChartsViewModel vm = new ChartsViewModel();
        vm.setPlan(LearningRateSchedule.stepDecay(0.1, 0.5, 4), 5);
        TrainingSnapshot s = snapshot(series(0.5f, 0.75f), 0.025);
        vm.update(s);
        ChartModel loss = vm.lossProperty().get();
        ChartSeries steps = loss.series(ChartsViewModel.STEP_LOSS);
        assertSame(s.stepLoss().values(), steps.values().values(), "read in place, never copied");
        assertEquals(0.25, steps.x(0), 1e-12, "step 1 of 4 per epoch");
        assertEquals(2.5, steps.x(9), 1e-12);
        ChartSeries valid = loss.series(ChartsViewModel.VALID_LOSS);
        assertEquals(1, valid.x(0));
        assertEquals(2, valid.x(1));
        assertEquals(5, loss.xMax(), "the axis spans the planned epochs");
        assertEquals(9, steps.nearest(2.4));
        ChartModel acc = vm.accuracyProperty().get();
        assertTrue(acc.percent() && acc.unitRange());
        assertEquals(0.75f, acc.series(ChartsViewModel.TRAIN_ACCURACY).values().last());
    }

    @Test
    void aLongKeptRunStretchesTheAxisOnlyAsFarAsTheCurrentPlan() {
        float[] long40 = new float[40];
        java.util.Arrays.fill(long40, 0.5f);
        Series.View epochs = new Series.View(long40, 40);
        OverlaidRun spiral = new OverlaidRun("spiral · adam", 0, Series.View.empty(), epochs, Series.View.empty(),
                epochs, Series.View.empty(), Series.View.empty(), 28);
        ChartsViewModel vm = new ChartsViewModel();
        vm.setPlan(LearningRateSchedule.stepDecay(0.1, 0.5, 4), 5);
        vm.setOverlays(List.of(spiral), RunCurves.TRAIN);
        vm.update(snapshot(series(0.5f, 0.75f), 0.025));
        assertEquals(5, vm.lossProperty().get().xMax(), "the current run's 5 planned epochs, not the kept 40");
        assertNotNull(vm.lossProperty().get().series("spiral · adam"), "the kept run is still drawn, cut at 5");
        vm.update(null);
        assertEquals(40, vm.lossProperty().get().xMax(), "with no current run the kept runs set the axis");
    }

    @Test
    void aMergedHistoryIsDrawnAtTheLastStepOfEachMean() {
        ChartsViewModel vm = new ChartsViewModel();
        Series.View merged = new Series.View(new float[] {0.8f, 0.6f}, 2, 4);
        Series.View epochs = new Series.View(new float[] {0.7f}, 1, 2);
        vm.update(new TrainingSnapshot(7, 1, null, TrainerState.RUNNING, 8, 2, 0, 100, 0.55f, merged, epochs,
                series(), series(), series(), merged, 0.1, 25, 1000, Double.POSITIVE_INFINITY, false, null,
                Map.of()));
        ChartModel loss = vm.lossProperty().get();
        ChartSeries steps = loss.series(ChartsViewModel.STEP_LOSS);
        assertEquals(1.0, steps.x(0), 1e-12, "steps 1-4 of 4 per epoch end at epoch 1");
        assertEquals(2.0, steps.x(1), 1e-12);
        assertEquals(2.0, loss.series(ChartsViewModel.TRAIN_LOSS).x(0), 1e-12, "epochs 1-2 end at epoch 2");
        assertEquals(1.0, vm.learningRateProperty().get().series(ChartsViewModel.RATE).x(0), 1e-12);
    }

    @Test
    void theLearningRateChartShowsTheSchedulesFutureUntilThePlanEnds() {
        ChartsViewModel vm = new ChartsViewModel();
        vm.setPlan(LearningRateSchedule.stepDecay(0.1, 0.5, 4), 5);
        vm.update(snapshot(series(0.5f, 0.75f), 0.025));
        ChartSeries future = vm.learningRateProperty().get().series(ChartsViewModel.RATE_PLANNED);
        assertEquals(10, future.values().size(), "steps 10 to 19 of 20 planned");
        assertEquals(2.75, future.x(0), 1e-12);
        assertEquals(0.025f, future.values().get(0));
        assertEquals(0.0125f, future.values().get(2), "halved again at step 12");
        assertEquals(0.00625f, future.values().last());
    }

    @Test
    void aLearningRateSetByHandReplacesTheSchedulesFuture() {
        ChartsViewModel vm = new ChartsViewModel();
        vm.setPlan(LearningRateSchedule.stepDecay(0.1, 0.5, 4), 5);
        vm.update(snapshot(series(0.5f, 0.75f), 0.3));
        ChartSeries future = vm.learningRateProperty().get().series(ChartsViewModel.RATE_PLANNED);
        assertEquals(0.3f, future.values().get(0));
        assertEquals(0.3f, future.values().last());
    }

    @Test
    void longPlansAreSampledToABoundedNumberOfPoints() {
        ChartsViewModel vm = new ChartsViewModel();
        vm.setPlan(LearningRateSchedule.exponentialDecay(0.1, 0.9, 100), 100_000);
        vm.update(snapshot(series(0.5f), 0.1 * Math.pow(0.9, 0.1)));
        ChartSeries future = vm.learningRateProperty().get().series(ChartsViewModel.RATE_PLANNED);
        assertTrue(future.values().size() <= ChartsViewModel.FUTURE_POINTS, "" + future.values().size());
        assertTrue(future.x(future.values().size() - 1) <= 100_000);
    }

    @Test
    void theLearningRateChartSharesTheGrowingAxisOfTheLossChart() {
        ChartsViewModel vm = new ChartsViewModel();
        vm.setPlan(LearningRateSchedule.exponentialDecay(0.1, 0.9, 100), 10_000);
        vm.update(snapshot(series(0.5f, 0.75f), 0.1));
        ChartModel rate = vm.learningRateProperty().get();
        assertEquals(vm.lossProperty().get().xMax(), rate.xMax(), 1e-12, "one axis for the three charts");
        assertEquals(10, rate.xMax(), 1e-12, "not the 10,000 planned epochs");
        ChartSeries future = rate.series(ChartsViewModel.RATE_PLANNED);
        assertTrue(future.x(future.values().size() - 1) <= 10, "the schedule drawn to the axis' end");
    }

    @Test
    void regressionHasNoAccuracyAndSaysSo() {
        ChartsViewModel vm = new ChartsViewModel();
        vm.update(snapshot(series(Float.NaN, Float.NaN), 0.025));
        ChartModel acc = vm.accuracyProperty().get();
        assertTrue(acc.series().isEmpty());
        assertTrue(acc.placeholder().contains("regression"), acc.placeholder());
    }

    @Test
    void beforeTrainingTheChartsAreEmptyAndAHistoryCanFitItsAxis() {
        ChartsViewModel vm = new ChartsViewModel();
        assertTrue(vm.lossProperty().get().empty());
        assertNull(vm.learningRateProperty().get().series(ChartsViewModel.RATE_PLANNED));
        vm.setPlan(null, 50);
        vm.setPlanAxis(false);
        vm.update(snapshot(series(0.5f, 0.75f), 0.025));
        assertEquals(2.5, vm.lossProperty().get().xMax(), 1e-12, "a picture of the history ends where it ends");
        assertEquals(2.5, vm.learningRateProperty().get().xMax(), 1e-12, "the three charts share the x axis");
        assertEquals(4, ChartsViewModel.stepsPerEpoch(100, 25));
        assertEquals(4, ChartsViewModel.stepsPerEpoch(100, 30), "the last batch is smaller");
        assertEquals(1, ChartsViewModel.stepsPerEpoch(100, 0), "full batch");
    }

    @org.junit.jupiter.api.Test
    void theEpochAxisFollowsShortPlansAndGrowsInDoublingsForLongOnes() {
        assertEquals(5, ChartsViewModel.growingAxis(2, 5), "a short plan is shown whole");
        assertEquals(10, ChartsViewModel.growingAxis(2, 10_000));
        assertEquals(40, ChartsViewModel.growingAxis(25, 10_000));
        assertEquals(10_000, ChartsViewModel.growingAxis(9_999, 10_000), "never past the plan");
    }
}
