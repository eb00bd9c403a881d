package studio.backprop.ui.charts;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.train.Series;

/**
 * The chart series of kept runs: for each run, the curves {@link RunCurves} asks for, named after the run (its
 * training curve by the run's name alone, the others with " · validation" or " · per step"), in the run's colour.
 */
final class RunOverlays {

    /** Suffix of a run's validation curve in the legend. */
    static final String VALIDATION = " · validation";
    /** Suffix of a run's per-step loss in the legend. */
    static final String PER_STEP = " · per step";

    private RunOverlays() {
    }

    static List<ChartSeries> loss(List<OverlaidRun> runs, RunCurves curves) {
        List<ChartSeries> out = new ArrayList<>();
        for (OverlaidRun run : runs) {
            if (curves == RunCurves.PER_STEP) {
                out.add(perStep(run.name(), SeriesRole.STEP, run.stepLoss(), run));
            } else {
                epochCurves(out, run, run.trainLoss(), run.validLoss(), curves);
            }
        }
        return out;
    }

    /** Accuracy curves; a run that does regression (NaN accuracies) has none. */
    static List<ChartSeries> accuracy(List<OverlaidRun> runs, RunCurves curves) {
        List<ChartSeries> out = new ArrayList<>();
        for (OverlaidRun run : runs) {
            if (run.trainAccuracy().size() > 0 && Float.isNaN(run.trainAccuracy().last())) {
                continue;
            }
            epochCurves(out, run, run.trainAccuracy(), run.validAccuracy(),
                    curves == RunCurves.PER_STEP ? RunCurves.TRAIN : curves);
        }
        return out;
    }

    /** The learning rate each run used, per step. */
    static List<ChartSeries> rates(List<OverlaidRun> runs) {
        List<ChartSeries> out = new ArrayList<>();
        for (OverlaidRun run : runs) {
            out.add(perStep(run.name(), SeriesRole.RATE, run.learningRates(), run));
        }
        return out;
    }

    private static void epochCurves(List<ChartSeries> out, OverlaidRun run, Series.View train, Series.View valid,
                                    RunCurves curves) {
        if (curves != RunCurves.VALIDATION) {
            out.add(perEpoch(run.name(), SeriesRole.TRAIN, train, run.ink()));
        }
        if (curves != RunCurves.TRAIN && valid.size() > 0) {
            out.add(perEpoch(run.name() + VALIDATION, SeriesRole.VALIDATION, valid, run.ink()));
        }
    }

    private static ChartSeries perEpoch(String name, SeriesRole role, Series.View values, int ink) {
        return new ChartSeries(name, role, values, values.stride(), values.stride(), ink);
    }

    private static ChartSeries perStep(String name, SeriesRole role, Series.View values, OverlaidRun run) {
        double dx = values.stride() / run.stepsPerEpoch();
        return new ChartSeries(role == SeriesRole.STEP ? name + PER_STEP : name, role, values, dx, dx, run.ink());
    }
}
