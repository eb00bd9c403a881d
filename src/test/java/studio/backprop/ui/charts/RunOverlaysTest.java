package studio.backprop.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.train.Series;

/** Kept runs in the charts' models: their curves, colours and names, and the x axis that holds them. */
class RunOverlaysTest {

    private static Series.View values(float... v) {
        return new Series.View(v, v.length);
    }

    private static OverlaidRun run(String name, int ink, boolean validation, float accuracy) {
        return new OverlaidRun(name, ink, values(0.9f, 0.8f, 0.7f, 0.6f, 0.5f, 0.4f), values(0.85f, 0.6f, 0.45f),
                validation ? values(0.9f, 0.7f, 0.6f) : Series.View.empty(), values(0.5f, accuracy, accuracy),
                validation ? values(0.5f, 0.6f, 0.7f) : Series.View.empty(), values(0.1f, 0.1f, 0.1f, 0.1f, 0.1f,
                0.1f), 2);
    }

    @Test
    void eachRunAddsItsTrainAndValidationCurvesInItsColourAndStretchesTheAxis() {
        ChartsViewModel vm = new ChartsViewModel();
        vm.setOverlays(List.of(run("xor · sgd η=0.1", 0, true, 0.75f), run("xor · adam η=0.01", 3, false, 1)),
                RunCurves.TRAIN_AND_VALIDATION);
        vm.update(null);
        ChartModel loss = vm.lossProperty().get();
        ChartSeries sgd = loss.series("xor · sgd η=0.1");
        assertEquals(SeriesRole.TRAIN, sgd.role());
        assertEquals(0, sgd.ink());
        assertEquals(1.0, sgd.x(0));
        assertEquals(SeriesRole.VALIDATION, loss.series("xor · sgd η=0.1 · validation").role());
        assertNull(loss.series("xor · adam η=0.01 · validation"), "a run without validation has no such curve");
        assertEquals(3, loss.series("xor · adam η=0.01").ink());
        assertEquals(3.0, loss.xMax(), "the axis holds the kept runs' three epochs");
        assertEquals(-1, loss.series(ChartsViewModel.TRAIN_LOSS).ink(), "the current run keeps its own colours");
        assertNotNull(vm.accuracyProperty().get().series("xor · adam η=0.01"));
        ChartSeries rate = vm.learningRateProperty().get().series("xor · sgd η=0.1");
        assertEquals(0.5, rate.dx(), "per-step values at 1/2 epoch apart: two steps an epoch");
    }

    @Test
    void theChosenCurvesDecideWhatIsDrawn() {
        ChartsViewModel vm = new ChartsViewModel();
        OverlaidRun a = run("a", 0, true, 0.75f);
        vm.setOverlays(List.of(a), RunCurves.VALIDATION);
        vm.update(null);
        assertNull(vm.lossProperty().get().series("a"));
        assertNotNull(vm.lossProperty().get().series("a · validation"));
        vm.setOverlays(List.of(a), RunCurves.PER_STEP);
        vm.update(null);
        ChartSeries steps = vm.lossProperty().get().series("a · per step");
        assertEquals(SeriesRole.STEP, steps.role());
        assertEquals(6, steps.values().size());
        assertNotNull(vm.accuracyProperty().get().series("a"), "accuracy has no per-step curve: train per epoch");
        vm.setOverlays(List.of(), RunCurves.TRAIN);
        vm.update(null);
        assertTrue(vm.lossProperty().get().empty());
    }

    @Test
    void aRegressionRunHasNoAccuracyCurve() {
        ChartsViewModel vm = new ChartsViewModel();
        vm.setOverlays(List.of(run("regression", 1, false, Float.NaN)), RunCurves.TRAIN_AND_VALIDATION);
        vm.update(null);
        assertNull(vm.accuracyProperty().get().series("regression"));
    }

    @Test
    void legendsLeaveOutTheWordsAllKeptRunsShare() {
        Series.View v = values(1, 2);
        ChartSeries a = new ChartSeries("xor · sgd η=0.1", SeriesRole.TRAIN, v, 1, 1, 0);
        ChartSeries b = new ChartSeries("xor · adam η=0.01", SeriesRole.TRAIN, v, 1, 1, 1);
        ChartSeries c = new ChartSeries("xor · adam η=0.01 · validation", SeriesRole.VALIDATION, v, 1, 1, 1);
        ChartSeries current = new ChartSeries(ChartsViewModel.TRAIN_LOSS, SeriesRole.TRAIN, v, 1, 1);
        assertEquals("xor · ", ChartLegend.commonRunPrefix(List.of(current, a, b, c)));
        assertEquals("", ChartLegend.commonRunPrefix(List.of(current, a)), "one run keeps its whole name");
        ChartSeries bare = new ChartSeries("xor", SeriesRole.TRAIN, v, 1, 1, 2);
        ChartSeries longer = new ChartSeries("xor · more", SeriesRole.TRAIN, v, 1, 1, 3);
        assertEquals("", ChartLegend.commonRunPrefix(List.of(bare, longer)));
        ChartSeries other = new ChartSeries("moons · sgd", SeriesRole.TRAIN, v, 1, 1, 4);
        assertEquals("", ChartLegend.commonRunPrefix(List.of(a, other)));
    }
}
