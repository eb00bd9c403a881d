package studio.backprop.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The curves a training loop draws as it goes: the loss and learning rate of every step, the training loss and
 * accuracy of every epoch and, with a validation set, the validation loss and accuracy of every epoch; and the loss
 * of the last step on its own (the step-loss series may hold means of several steps once it has been thinned).
 *
 * <p>It writes itself into a checkpoint's history map, one entry per series by its name ("step_loss",
 * "train_loss", ...), plus a "name.stride" entry holding {@code {stride}} for a series whose values each stand for
 * more than one appended value. For stepping back it takes a {@link Mark} in O(1) and rewinds to it.
 */
final class LoopHistory {

    /** History entry holding a series' stride, beside the entry of its values (only when above 1). */
    static final String STRIDE_SUFFIX = ".stride";

    private final Series stepLoss = new Series();
    private final Series trainLoss = new Series();
    private final Series trainAccuracy = new Series();
    private final Series validLoss = new Series();
    private final Series validAccuracy = new Series();
    private final Series learningRate = new Series();
    /** The loss of the last step; NaN before the first. */
    private float lastLoss = Float.NaN;

    /** Where every series stands and the last step's loss, for {@link #rewind}. */
    record Mark(Series.Mark[] series, float lastLoss) {
    }

    /** Records a step's loss and the learning rate η it used. */
    void addStep(float loss, double eta) {
        lastLoss = loss;
        stepLoss.add(loss);
        learningRate.add((float) eta);
    }

    /** Records an epoch's mean training loss and its accuracy (NaN for regression). */
    void addEpoch(float loss, float accuracy) {
        trainLoss.add(loss);
        trainAccuracy.add(accuracy);
    }

    /** Records the validation loss and accuracy measured at the end of an epoch. */
    void addValidation(float loss, float accuracy) {
        validLoss.add(loss);
        validAccuracy.add(accuracy);
    }

    /** Empties every series; the last loss becomes NaN. */
    void clear() {
        for (Series s : byName().values()) {
            s.clear();
        }
        lastLoss = Float.NaN;
    }

    Mark mark() {
        return new Mark(byName().values().stream().map(Series::mark).toArray(Series.Mark[]::new), lastLoss);
    }

    /** Goes back to a mark taken of this history: everything recorded since is forgotten. */
    void rewind(Mark mark) {
        int i = 0;
        for (Series series : byName().values()) {
            series.rewind(mark.series()[i++]);
        }
        lastLoss = mark.lastLoss();
    }

    /** Every series by its checkpoint name (values, and the stride entry when above 1), in a fixed order. */
    Map<String, float[]> export() {
        Map<String, float[]> history = new LinkedHashMap<>();
        for (Map.Entry<String, Series> h : byName().entrySet()) {
            Series.View v = h.getValue().view();
            history.put(h.getKey(), v.toArray());
            if (v.stride() > 1) {
                history.put(h.getKey() + STRIDE_SUFFIX, new float[] {v.stride()});
            }
        }
        return history;
    }

    /**
     * Replaces every series by its entry in a checkpoint's history (a missing entry is an empty series, a missing or
     * unusable stride is 1); the last loss becomes the last stored step loss.
     */
    void restore(Map<String, float[]> history) {
        for (Map.Entry<String, Series> h : byName().entrySet()) {
            float[] stride = history.get(h.getKey() + STRIDE_SUFFIX);
            h.getValue().setAll(history.getOrDefault(h.getKey(), new float[0]),
                    stride == null || stride.length != 1 || !(stride[0] >= 1) ? 1 : (int) stride[0]);
        }
        lastLoss = stepLoss.view().last();
    }

    /** The series by their name in a checkpoint's history, in a fixed order. */
    private Map<String, Series> byName() {
        Map<String, Series> h = new LinkedHashMap<>();
        h.put("step_loss", stepLoss);
        h.put("train_loss", trainLoss);
        h.put("train_accuracy", trainAccuracy);
        h.put("valid_loss", validLoss);
        h.put("valid_accuracy", validAccuracy);
        h.put("learning_rate", learningRate);
        return h;
    }

    float lastLoss() {
        return lastLoss;
    }

    Series.View stepLoss() {
        return stepLoss.view();
    }

    Series.View trainLoss() {
        return trainLoss.view();
    }

    Series.View trainAccuracy() {
        return trainAccuracy.view();
    }

    Series.View validLoss() {
        return validLoss.view();
    }

    Series.View validAccuracy() {
        return validAccuracy.view();
    }

    Series.View learningRates() {
        return learningRate.view();
    }
}
