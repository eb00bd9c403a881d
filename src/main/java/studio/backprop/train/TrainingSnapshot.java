package studio.backprop.train;

import java.util.Map;

/**
 * What the trainer looked like after a step, immutable, for the UI to draw at most once per frame.
 *
 * @param version           increases with every published snapshot, so a view can skip an unchanged one
 * @param session           identifies the training session (a new one after a restart), so views can reset
 * @param document          the document the session runs (its live settings included)
 * @param position          samples of the current epoch already used, of {@code epochSize}
 * @param examplesPerSecond training throughput over the last second or so
 * @param message           why training stopped (divergence, an error, a refused command) or null
 * @param payloads          the probes' latest payloads, by probe
 */
public record TrainingSnapshot(long version, long session, studio.backprop.spec.NetworkDocument document,
                               TrainerState state, long step, int epoch, int position, int epochSize,
                               float lastLoss, Series.View stepLoss, Series.View trainLoss,
                               Series.View trainAccuracy, Series.View validLoss, Series.View validAccuracy,
                               Series.View learningRates, double learningRate, int batchSize,
                               double examplesPerSecond, double pace, boolean keepBest, String message,
                               Map<Probe<?>, Object> payloads) {

    /** A copied tensor: its shape and values, row-major. */
    public record TensorCopy(int[] shape, float[] values) {
    }

    /** The latest payload of a probe, or null when it was not evaluated yet. */
    @SuppressWarnings("unchecked")
    public <P> P payload(Probe<P> probe) {
        return (P) payloads.get(probe);
    }

    /**
     * The one assembly of a snapshot from a loop, used by the trainer and by pictures of a saved session.
     */
    public static TrainingSnapshot of(TrainingLoop loop, long version, long session, TrainerState state,
                                      double examplesPerSecond, double pace, String message,
                                      Map<Probe<?>, Object> payloads) {
        return new TrainingSnapshot(version, session, loop.compilation().document(), state, loop.steps(),
                loop.epoch(), loop.position(), loop.data().trainSize(), loop.lastLoss(), loop.stepLoss(),
                loop.trainLoss(), loop.trainAccuracy(), loop.validLoss(), loop.validAccuracy(),
                loop.learningRates(), loop.rule().learningRate(), loop.batchSize(), examplesPerSecond, pace,
                loop.keepBest(), message, Map.copyOf(payloads));
    }
}
