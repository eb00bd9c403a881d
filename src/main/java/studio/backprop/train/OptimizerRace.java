package studio.backprop.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import studio.backprop.nn.Parameter;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.NetworkDocument;

/**
 * The optimiser race on a real network: the same document trained once per optimiser, each run an ordinary
 * {@link TrainingLoop} of the document with only its [optimizer] section replaced and its epochs set to the race's.
 * Every run therefore starts from the same weights (the seed's, then the file's explicit weights), sees the samples
 * in the same order and computes exactly what a training session of that document computes, step for step.
 *
 * <p>The settings the optimisers share (l1, l2, weight_decay, clip_norm and the schedule) are taken from the
 * document's own [optimizer] section; each entrant brings its type, learning rate and own settings.
 *
 * <p>Thread: whichever thread calls {@link #run}; it owns the loops it builds and hands out only their immutable
 * series views. The kernel pool runs a second caller's kernels inline, so a race may run beside a session.
 */
public final class OptimizerRace {

    /** Optimiser settings every gradient optimiser reads, kept from the document when an entrant replaces it. */
    private static final List<String> SHARED = List.of("l1", "l2", "weight_decay", "clip_norm", "schedule",
            "decay_rate", "decay_steps", "staircase");

    /**
     * One optimiser of the race.
     *
     * @param label    how the run is named, e.g. "Adam"
     * @param type     the document's optimizer type: sgd, momentum, nesterov, adagrad, rmsprop, adadelta or adam
     * @param settings its own settings as the file writes them (learning_rate, momentum, rho, beta1, …)
     */
    public record Entrant(String label, String type, Map<String, String> settings) {
        public Entrant {
            settings = Map.copyOf(settings);
        }
    }

    /**
     * One finished (or stopped) run: its document and the curves its loop drew.
     *
     * @param initialWeights every parameter's values before the first step, concatenated in the network's order
     * @param stopped        null when every epoch ran; otherwise why the run stopped early, in words
     */
    public record Lane(Entrant entrant, NetworkDocument document, Series.View stepLoss, Series.View trainLoss,
                       Series.View trainAccuracy, Series.View validLoss, Series.View validAccuracy,
                       Series.View learningRates, int batchSize, int trainSize, float[] initialWeights,
                       String stopped) {
    }

    /** Told after every epoch of a lane (on the race's thread), for a progress line. */
    @FunctionalInterface
    public interface EpochListener {
        void epochDone(Entrant entrant, int epoch, int epochs);
    }

    private OptimizerRace() {
    }

    /** The seven optimisers with settings that suit a small network: η 0.1 for plain SGD, and so on. */
    public static List<Entrant> defaults() {
        return List.of(
                new Entrant("SGD", "sgd", Map.of("learning_rate", "0.1")),
                new Entrant("momentum", "momentum", Map.of("learning_rate", "0.05", "momentum", "0.9")),
                new Entrant("Nesterov", "nesterov", Map.of("learning_rate", "0.05", "momentum", "0.9")),
                new Entrant("AdaGrad", "adagrad", Map.of("learning_rate", "0.05", "initial_accumulator", "0.1",
                        "epsilon", "1e-7")),
                new Entrant("RMSProp", "rmsprop", Map.of("learning_rate", "0.005", "rho", "0.9", "epsilon",
                        "1e-7")),
                new Entrant("AdaDelta", "adadelta", Map.of("learning_rate", "1", "rho", "0.95", "epsilon",
                        "1e-6")),
                new Entrant("Adam", "adam", Map.of("learning_rate", "0.01", "beta1", "0.9", "beta2", "0.999",
                        "epsilon", "1e-7")));
    }

    /**
     * The document an entrant trains: {@code doc} with the entrant's optimiser (keeping the shared settings) and
     * {@code epochs} epochs in its plan.
     */
    public static NetworkDocument documentFor(NetworkDocument doc, Entrant entrant, int epochs) {
        Map<String, String> settings = new LinkedHashMap<>(entrant.settings());
        for (String key : SHARED) {
            String value = doc.optimizer().get(key);
            if (value != null && !settings.containsKey(key)) {
                settings.put(key, value);
            }
        }
        return doc.withOptimizer(new ComponentSpec(entrant.type(), settings))
                .withTraining(doc.training().with("epochs", Integer.toString(epochs)));
    }

    /**
     * Trains every entrant in turn for {@code epochs} epochs on {@code data}.
     *
     * @param cancelled asked between steps; when true the current run stops and no further run starts
     * @param each      receives each lane as soon as it is done (on this thread)
     * @return the lanes done, in the entrants' order
     * @throws IllegalArgumentException when an entrant's settings make the document untrainable, in words
     */
    public static List<Lane> run(NetworkDocument doc, TrainingData data, List<Entrant> entrants, int epochs,
                                 BooleanSupplier cancelled, Consumer<Lane> each) {
        return run(doc, data, entrants, epochs, cancelled, each, (e, epoch, of) -> { });
    }

    /** As {@link #run(NetworkDocument, TrainingData, List, int, BooleanSupplier, Consumer)}, telling each epoch. */
    public static List<Lane> run(NetworkDocument doc, TrainingData data, List<Entrant> entrants, int epochs,
                                 BooleanSupplier cancelled, Consumer<Lane> each, EpochListener onEpoch) {
        if (epochs < 1) {
            throw new IllegalArgumentException("the race needs at least 1 epoch, got " + epochs);
        }
        List<Lane> lanes = new ArrayList<>();
        for (Entrant entrant : entrants) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            Lane lane = run(documentFor(doc, entrant, epochs), data, entrant, cancelled, onEpoch);
            lanes.add(lane);
            each.accept(lane);
        }
        return lanes;
    }

    /** One entrant's run of {@code raced} (a document made by {@link #documentFor}). */
    static Lane run(NetworkDocument raced, TrainingData data, Entrant entrant, BooleanSupplier cancelled,
                    EpochListener onEpoch) {
        Compilation c = DocumentCompiler.compile(raced);
        if (!c.trainable()) {
            throw new IllegalArgumentException(entrant.label() + " cannot race: " + c.whyNotTrainable());
        }
        TrainingLoop loop = new TrainingLoop(c, data);
        float[] initial = weights(loop);
        String stopped = null;
        try {
            while (!loop.finished()) {
                if (cancelled.getAsBoolean()) {
                    stopped = "cancelled after " + loop.steps() + " steps";
                    break;
                }
                if (loop.stepBatch().epochEnded()) {
                    onEpoch.epochDone(entrant, loop.epoch(), c.plan().epochs());
                }
            }
        } catch (TrainingDivergedException e) {
            stopped = "diverged at step " + (loop.steps() + 1) + ": " + e.getMessage();
        }
        return new Lane(entrant, raced, loop.stepLoss(), loop.trainLoss(), loop.trainAccuracy(), loop.validLoss(),
                loop.validAccuracy(), loop.learningRates(), loop.batchSize(), data.trainSize(), initial, stopped);
    }

    /** Every parameter's current values, concatenated in the network's order. */
    static float[] weights(TrainingLoop loop) {
        List<Parameter> parameters = loop.network().parameters();
        int n = parameters.stream().mapToInt(p -> p.value().size()).sum();
        float[] all = new float[n];
        int at = 0;
        for (Parameter p : parameters) {
            float[] values = p.value().toArray();
            System.arraycopy(values, 0, all, at, values.length);
            at += values.length;
        }
        return all;
    }
}
