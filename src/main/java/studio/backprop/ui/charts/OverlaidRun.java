package studio.backprop.ui.charts;

import studio.backprop.train.Series;

/**
 * A kept run as the charts draw it beside the current one: its name (the legend's), its colour and the curves it
 * drew while it trained (immutable series views, shared, never copied).
 *
 * @param ink           the run's colour, {@link ChartPalette#run(int)}
 * @param stepsPerEpoch optimiser steps in one of its epochs (places its per-step values on the epoch axis)
 */
public record OverlaidRun(String name, int ink, Series.View stepLoss, Series.View trainLoss, Series.View validLoss,
                          Series.View trainAccuracy, Series.View validAccuracy, Series.View learningRates,
                          double stepsPerEpoch) {

    public OverlaidRun {
        if (!(stepsPerEpoch > 0)) {
            throw new IllegalArgumentException("a run needs at least one step per epoch, got " + stepsPerEpoch);
        }
    }

    /** The epochs the run covers on the x axis: its last per-epoch value, or its last step. */
    public double epochs() {
        double byEpoch = (double) trainLoss.size() * trainLoss.stride();
        double bySteps = stepLoss.size() * stepLoss.stride() / stepsPerEpoch;
        return Math.max(byEpoch, bySteps);
    }
}
