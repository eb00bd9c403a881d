package studio.backprop.train;

import java.util.Map;

/**
 * What the trainer looked like after a step, immutable, for the UI to draw at most once per frame.
 *
 * @param version           increases with every published snapshot, so a view can skip an unchanged one
 * @param position          samples of the current epoch already used, of {@code epochSize}
 * @param examplesPerSecond training throughput over the last second or so
 * @param message           why training stopped (divergence, an error) or null
 * @param tensors           copies of the subscribed tensors, by key
 */
public record TrainingSnapshot(long version, TrainerState state, long step, int epoch, int position, int epochSize,
                               float lastLoss, Series.View stepLoss, Series.View trainLoss,
                               Series.View trainAccuracy, Series.View validLoss, Series.View validAccuracy,
                               Series.View learningRates, double learningRate, int batchSize,
                               double examplesPerSecond, String message, Map<String, TensorCopy> tensors) {

    /** A copied tensor: its shape and values, row-major. */
    public record TensorCopy(int[] shape, float[] values) {
    }
}
