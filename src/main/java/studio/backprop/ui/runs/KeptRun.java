package studio.backprop.ui.runs;

import studio.backprop.train.Series;
import studio.backprop.ui.charts.OverlaidRun;

/**
 * A training run kept for comparison: its name, colour, whether the charts show it, its settings and the curves it
 * drew (immutable series views shared with the trainer's history, never written again).
 *
 * @param id            tells runs apart whatever their names
 * @param ink           its colour in the charts ({@link studio.backprop.ui.charts.ChartPalette#run(int)})
 * @param stepsPerEpoch optimiser steps in one of its epochs
 * @param note          how it ended ("finished", "reset", "kept by hand", "diverged at step 12", …)
 */
public record KeptRun(long id, String name, int ink, boolean shown, RunSettings settings, Series.View stepLoss,
                      Series.View trainLoss, Series.View validLoss, Series.View trainAccuracy,
                      Series.View validAccuracy, Series.View learningRates, double stepsPerEpoch, String note) {

    public KeptRun withName(String newName) {
        return new KeptRun(id, newName, ink, shown, settings, stepLoss, trainLoss, validLoss, trainAccuracy,
                validAccuracy, learningRates, stepsPerEpoch, note);
    }

    public KeptRun withShown(boolean on) {
        return new KeptRun(id, name, ink, on, settings, stepLoss, trainLoss, validLoss, trainAccuracy,
                validAccuracy, learningRates, stepsPerEpoch, note);
    }

    /** Optimiser steps the run made. */
    public long steps() {
        return (long) stepLoss.size() * stepLoss.stride();
    }

    /** Epochs the run completed. */
    public long epochs() {
        return (long) trainLoss.size() * trainLoss.stride();
    }

    /** The run as the charts draw it. */
    public OverlaidRun overlay() {
        return new OverlaidRun(name, ink, stepLoss, trainLoss, validLoss, trainAccuracy, validAccuracy, learningRates,
                stepsPerEpoch);
    }
}
