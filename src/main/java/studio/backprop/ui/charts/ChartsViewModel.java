package studio.backprop.ui.charts;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import studio.backprop.nn.optim.LearningRateSchedule;
import studio.backprop.train.Series;
import studio.backprop.train.TrainerState;
import studio.backprop.train.TrainingLoop;
import studio.backprop.train.TrainingSnapshot;

/**
 * The data of the training charts, without nodes: from each {@link TrainingSnapshot} it makes the models of the
 * loss chart (loss per step, faint; train and validation loss per epoch), the accuracy chart (train and validation
 * per epoch) and the learning-rate chart (η per step so far, and the schedule's η for the steps still planned).
 *
 * <p>The x axis of every chart counts epochs. Step k (from 1) is drawn at k / (steps per epoch), with the steps per
 * epoch taken from the snapshot's current batch size; after the batch size was changed during training, earlier
 * steps sit slightly off their epochs. The series are the trainer's own arrays, read in place.
 *
 * <p>Thread: the JavaFX application thread (the properties are observed by the views).
 */
public final class ChartsViewModel {

    /** Series names, as the legends show them. */
    public static final String STEP_LOSS = "loss per step";
    public static final String TRAIN_LOSS = "train loss";
    public static final String VALID_LOSS = "validation loss";
    public static final String TRAIN_ACCURACY = "train accuracy";
    public static final String VALID_ACCURACY = "validation accuracy";
    public static final String RATE = "η used";
    public static final String RATE_PLANNED = "η planned";

    /** At most this many points of the schedule's future are computed per update. */
    static final int FUTURE_POINTS = 400;

    private final ReadOnlyObjectWrapper<ChartModel> loss = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ChartModel> accuracy = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ChartModel> learningRate = new ReadOnlyObjectWrapper<>();
    private LearningRateSchedule schedule;
    private int plannedEpochs;
    private boolean planAxis = true;
    private List<OverlaidRun> overlays = List.of();
    private RunCurves curves = RunCurves.TRAIN_AND_VALIDATION;

    public ChartsViewModel() {
        update(null);
    }

    /**
     * The plan of the run being shown: its schedule (null when unknown) and its epochs (0 when unknown), which
     * give the learning-rate chart its future and the x axes their length.
     */
    public void setPlan(LearningRateSchedule schedule, int plannedEpochs) {
        this.schedule = schedule;
        this.plannedEpochs = Math.max(0, plannedEpochs);
    }

    /**
     * Whether the x axes span the planned epochs (true, the default: the curves fill the plan as training runs)
     * or only the epochs done (for a picture of a finished history). The three charts share one x axis, so the
     * loss and the learning rate at an epoch are one above the other; the schedule's future is drawn to its end.
     */
    public void setPlanAxis(boolean planAxis) {
        this.planAxis = planAxis;
    }

    /**
     * Kept runs to draw beside the current one, each in its colour, and which of their curves; takes effect at the
     * next {@link #update}. The x axes stretch to the longest of them, up to the current run's planned epochs when
     * there is a current run with a plan (what lies beyond is cut off).
     */
    public void setOverlays(List<OverlaidRun> runs, RunCurves which) {
        overlays = List.copyOf(runs);
        curves = which;
    }

    /**
     * The loss and accuracy x range while training: the plan when it is short, otherwise 10, 20, 40, … epochs, just
     * past the epochs done, so a long plan does not squeeze the curves into the left edge and the range (and with it
     * the charts' per-column cache) changes only a few times.
     */
    static double growingAxis(double done, double plan) {
        double x = 10;
        while (x < done * 1.1 && x < plan) {
            x *= 2;
        }
        return Math.min(x, plan);
    }

    /** Rebuilds the three chart models from a snapshot (null: empty charts). */
    public void update(TrainingSnapshot s) {
        Series.View none = Series.View.empty();
        double spe = s == null ? 1 : stepsPerEpoch(s.epochSize(), s.batchSize());
        double done = s == null ? 0 : s.epoch() + (s.epochSize() == 0 ? 0 : (double) s.position() / s.epochSize());
        double xMax = Math.max(Math.max(plannedEpochs, done), 1);
        double xDone = planAxis ? growingAxis(done, xMax) : Math.max(done, 1);
        // Kept runs stretch the axis, but while a run with a plan is on, only as far as its plan: a 10,000-epoch
        // run kept from another file squeezed a 40-epoch one into the left edge.
        double overlayReach = s != null && plannedEpochs > 0 ? xMax : Double.POSITIVE_INFINITY;
        for (OverlaidRun run : overlays) {
            xDone = Math.max(xDone, Math.min(run.epochs(), overlayReach));
        }
        List<ChartSeries> lossSeries = new ArrayList<>(List.of(
                perStep(STEP_LOSS, SeriesRole.STEP, s == null ? none : s.stepLoss(), spe),
                perEpoch(TRAIN_LOSS, SeriesRole.TRAIN, s == null ? none : s.trainLoss()),
                perEpoch(VALID_LOSS, SeriesRole.VALIDATION, s == null ? none : s.validLoss())));
        lossSeries.addAll(RunOverlays.loss(overlays, curves));
        loss.set(new ChartModel("Loss", "epoch", lossSeries, xDone, false, false,
                "The loss appears here as training runs"));
        accuracy.set(accuracyModel(s, xDone));
        learningRate.set(rateModel(s, spe, xDone));
    }

    /** Value i of a per-epoch series (the mean of epochs i·stride+1 … (i+1)·stride) drawn at its last epoch. */
    private static ChartSeries perEpoch(String name, SeriesRole role, Series.View values) {
        return new ChartSeries(name, role, values, values.stride(), values.stride());
    }

    /** Value i of a per-step series drawn at its last step, in epochs ({@code spe} steps per epoch). */
    private static ChartSeries perStep(String name, SeriesRole role, Series.View values, double spe) {
        return new ChartSeries(name, role, values, values.stride() / spe, values.stride() / spe);
    }

    private ChartModel accuracyModel(TrainingSnapshot s, double xMax) {
        Series.View train = s == null ? Series.View.empty() : s.trainAccuracy();
        Series.View valid = s == null ? Series.View.empty() : s.validAccuracy();
        boolean regression = train.size() > 0 && Float.isNaN(train.last());
        List<ChartSeries> series = new ArrayList<>();
        if (!regression) {
            series.add(perEpoch(TRAIN_ACCURACY, SeriesRole.TRAIN, train));
            series.add(perEpoch(VALID_ACCURACY, SeriesRole.VALIDATION, valid));
        }
        series.addAll(RunOverlays.accuracy(overlays, curves));
        regression = regression && series.stream().allMatch(c -> c.values().size() == 0);
        return new ChartModel("Accuracy", "epoch", series, xMax, true, true, regression
                ? "No accuracy: this network does regression" : "The accuracy appears after the first epoch");
    }

    private ChartModel rateModel(TrainingSnapshot s, double spe, double xMax) {
        List<ChartSeries> series = new ArrayList<>();
        series.add(perStep(RATE, SeriesRole.RATE, s == null ? Series.View.empty() : s.learningRates(), spe));
        ChartSeries future = future(s, spe, Math.min(plannedEpochs, xMax));
        if (future != null) {
            series.add(future);
        }
        series.addAll(RunOverlays.rates(overlays));
        return new ChartModel("Learning rate η", "epoch", series, xMax, false, false,
                "The learning rate appears here as training runs");
    }

    /**
     * The schedule's η from the current step to epoch {@code untilEpoch} (the end of the plan, or of the x axis when
     * that comes first), at most {@link #FUTURE_POINTS} points.
     */
    private ChartSeries future(TrainingSnapshot s, double spe, double untilEpoch) {
        long step = s == null ? 0 : s.step();
        long end = Math.round(untilEpoch * spe);
        if (end <= step || s != null && s.state() == TrainerState.FINISHED) {
            return null;
        }
        LearningRateSchedule rates = schedule;
        if (s != null && (rates == null || !close(rates.learningRate(step), s.learningRate()))) {
            rates = LearningRateSchedule.constant(s.learningRate()); // set by hand: the schedule no longer applies
        }
        if (rates == null) {
            return null;
        }
        long stride = Math.max(1, (end - step + FUTURE_POINTS - 1) / FUTURE_POINTS);
        int n = (int) ((end - 1 - step) / stride) + 1;
        float[] values = new float[n];
        for (int k = 0; k < n; k++) {
            values[k] = (float) rates.learningRate(step + k * stride);
        }
        return new ChartSeries(RATE_PLANNED, SeriesRole.RATE_FUTURE, new Series.View(values, n), (step + 1) / spe,
                stride / spe);
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b));
    }

    /** Optimiser steps in one epoch of {@code epochSize} samples at {@code batchSize} (0: the whole set). */
    public static double stepsPerEpoch(int epochSize, int batchSize) {
        if (batchSize <= 0 || epochSize <= 0) {
            return 1;
        }
        return Math.ceil((double) epochSize / batchSize);
    }

    /** A snapshot of a loop that is not running (a session opened for export), as the trainer would publish it. */
    public static TrainingSnapshot snapshotOf(TrainingLoop loop) {
        return TrainingSnapshot.of(loop, 0, 0, loop.finished() ? TrainerState.FINISHED : TrainerState.PAUSED, 0,
                Double.POSITIVE_INFINITY, null, java.util.Map.of());
    }

    /**
     * A view model showing {@code loop}'s history and plan (for export and for a session opened in the app).
     *
     * @param planAxis see {@link #setPlanAxis(boolean)}
     */
    public static ChartsViewModel of(TrainingLoop loop, boolean planAxis) {
        ChartsViewModel vm = new ChartsViewModel();
        vm.setPlanAxis(planAxis);
        vm.setPlan(loop.schedule(), loop.compilation().plan().epochs());
        vm.update(snapshotOf(loop));
        return vm;
    }

    public ReadOnlyObjectProperty<ChartModel> lossProperty() {
        return loss.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChartModel> accuracyProperty() {
        return accuracy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChartModel> learningRateProperty() {
        return learningRate.getReadOnlyProperty();
    }
}
