package studio.backprop.nn.perceptron;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Trains one perceptron with the perceptron learning rule, one sample at a time, and keeps the full trace.
 *
 * <p>For each sample x with label y: z = w·x + b, ŷ = threshold(z) (step with step(0) = 0 for labels
 * {0, 1}; sign with sign(0) = +1 for labels {−1, +1}), then
 * <pre>
 *   w ← w + η(y − ŷ)x
 *   b ← b + η(y − ŷ)
 * </pre>
 * This is the perceptron rule, not gradient descent: the step function has no useful gradient, and the
 * weights move only when a sample is misclassified.
 *
 * <p>An epoch presents every sample once, in the order the configuration asks for (listed, seeded shuffle
 * or explicit). Training stops after an epoch without any update (converged) or when the epoch cap is
 * reached (not converged).
 *
 * <p>Recorded: a {@link SampleStep} per presented sample (epoch, step, sample, x, z, ŷ, y, error, whether
 * it updated, w and b before and after), an {@link EpochSummary} per finished epoch and, once training has
 * stopped, a {@link TrainingResult}.
 *
 * <p>Stepping: {@link #stepSample()}, {@link #stepEpoch()} and {@link #runUntilConvergedOrCap()} move
 * forward; {@link #stepBack()} undoes one sample and restores the earlier state exactly (the same doubles,
 * not a recomputation); {@link #reset()} returns to the initial weights. Not thread-safe: one screen drives
 * one trainer.
 */
public final class PerceptronTrainer {

    private enum Status { RUNNING, CONVERGED, CAPPED }

    /** Everything that changes while training; the list of these makes stepping back exact. */
    private record State(Vec weights, double bias, int epoch, int stepInEpoch, int updatesInEpoch,
                         Status status) {
    }

    private final TrainingSet data;
    private final PerceptronConfig config;
    private final EpochOrders orders;
    private final List<SampleStep> history = new ArrayList<>();
    /** {@code states.get(k)} is the state after k samples; it always holds the initial state. */
    private final List<State> states = new ArrayList<>();

    /**
     * A trainer at the start of training.
     *
     * @throws IllegalArgumentException in words, when a label is not in the configured convention, the
     *                                  initial weights do not have one entry per input, or the explicit
     *                                  order does not name every sample exactly once
     */
    public PerceptronTrainer(TrainingSet data, PerceptronConfig config) {
        if (data == null) {
            throw new IllegalArgumentException("the dataset is missing: it needs at least one sample");
        }
        if (config == null) {
            throw new IllegalArgumentException("the training configuration is missing; "
                    + "use PerceptronConfig.defaults()");
        }
        data.requireLabelsIn(config.labels());
        this.data = data;
        this.config = config;
        this.orders = new EpochOrders(config, data.size());
        states.add(new State(initialWeights(), config.initialBias() + 0.0, 1, 0, 0, Status.RUNNING));
    }

    /** The training set. */
    public TrainingSet data() {
        return data;
    }

    /** The configuration. */
    public PerceptronConfig config() {
        return config;
    }

    /** The current weights w. */
    public Vec weights() {
        return current().weights();
    }

    /** The current bias b. */
    public double bias() {
        return current().bias();
    }

    /** The perceptron with the current w and b, e.g. to evaluate it on new inputs. */
    public Perceptron currentPerceptron() {
        return new Perceptron(weights(), bias(), config.labels());
    }

    /** The epoch the next sample belongs to, counted from 1; after training stopped, the last epoch. */
    public int currentEpoch() {
        return current().epoch();
    }

    /** How many samples of the current epoch have been presented. */
    public int stepsDoneInEpoch() {
        return current().stepInEpoch();
    }

    /** The 0-based sample indices of epoch {@code epoch} (counted from 1) in visiting order. */
    public List<Integer> orderOfEpoch(int epoch) {
        if (epoch < 1) {
            throw new IllegalArgumentException("epochs are numbered from 1, so there is no epoch " + epoch);
        }
        return Arrays.stream(orders.forEpoch(epoch)).boxed().toList();
    }

    /** The 0-based index of the sample {@link #stepSample()} will present, or empty once training stopped. */
    public OptionalInt nextSampleIndex() {
        State s = current();
        return isFinished() ? OptionalInt.empty() : OptionalInt.of(orders.forEpoch(s.epoch())[s.stepInEpoch()]);
    }

    /** True once training has converged or reached the epoch cap. */
    public boolean isFinished() {
        return current().status() != Status.RUNNING;
    }

    /** True when at least one sample has been presented, so {@link #stepBack()} has something to undo. */
    public boolean canStepBack() {
        return !history.isEmpty();
    }

    /**
     * Presents the next sample, applies the rule and returns its trace row.
     *
     * @throws IllegalStateException when training has already stopped
     */
    public SampleStep stepSample() {
        requireRunning();
        State s = current();
        int index = orders.forEpoch(s.epoch())[s.stepInEpoch()];
        Vec x = data.input(index);
        int y = data.label(index);
        double z = new Perceptron(s.weights(), s.bias(), config.labels()).netInput(x);
        int predicted = config.labels().output(z);
        int error = y - predicted;
        boolean updated = error != 0;
        double change = config.learningRate() * error;
        Vec weightsAfter = updated ? s.weights().plusScaled(change, x) : s.weights();
        double biasAfter = updated ? s.bias() + change + 0.0 : s.bias();
        SampleStep row = new SampleStep(s.epoch(), s.stepInEpoch() + 1, index, x, z, predicted, y, error,
                updated, s.weights(), s.bias(), weightsAfter, biasAfter);
        history.add(row);
        states.add(next(s, weightsAfter, biasAfter, updated));
        return row;
    }

    /**
     * Presents the remaining samples of the current epoch (all of them at an epoch's start) and returns
     * the summary of that epoch.
     *
     * @throws IllegalStateException when training has already stopped
     */
    public EpochSummary stepEpoch() {
        requireRunning();
        int epoch = currentEpoch();
        while (!isFinished() && currentEpoch() == epoch) {
            stepSample();
        }
        return summaryOf(epoch);
    }

    /** Presents samples until training converges or reaches the cap, and returns how it ended. */
    public TrainingResult runUntilConvergedOrCap() {
        while (!isFinished()) {
            stepSample();
        }
        return result().orElseThrow();
    }

    /**
     * Undoes the last presented sample: w, b, epoch, position and stop status return to exactly what they
     * were before it, and its row leaves the history.
     *
     * @return the trace row that was undone
     * @throws IllegalStateException when no sample has been presented yet
     */
    public SampleStep stepBack() {
        if (!canStepBack()) {
            throw new IllegalStateException("there is nothing to step back: no sample has been presented yet");
        }
        states.remove(states.size() - 1);
        return history.remove(history.size() - 1);
    }

    /** Returns to the initial weights and bias, before the first sample; the history becomes empty. */
    public void reset() {
        history.clear();
        states.subList(1, states.size()).clear();
    }

    /** Every presented sample's trace row, oldest first; an unmodifiable snapshot. */
    public List<SampleStep> history() {
        return List.copyOf(history);
    }

    /** The summaries of all finished epochs, oldest first; an epoch in progress is not included. */
    public List<EpochSummary> epochSummaries() {
        List<EpochSummary> summaries = new ArrayList<>();
        for (int epoch = 1; epoch <= lastFinishedEpoch(); epoch++) {
            summaries.add(summaryOf(epoch));
        }
        return List.copyOf(summaries);
    }

    /** How training ended, or empty while it is still running. */
    public Optional<TrainingResult> result() {
        State s = current();
        if (s.status() == Status.RUNNING) {
            return Optional.empty();
        }
        int totalUpdates = (int) history.stream().filter(SampleStep::updated).count();
        return Optional.of(new TrainingResult(s.status() == Status.CONVERGED, s.epoch(), s.weights(), s.bias(),
                totalUpdates));
    }

    private State next(State s, Vec weights, double bias, boolean updated) {
        int step = s.stepInEpoch() + 1;
        int updates = s.updatesInEpoch() + (updated ? 1 : 0);
        if (step < data.size()) {
            return new State(weights, bias, s.epoch(), step, updates, Status.RUNNING);
        }
        // A clean epoch wins over the cap: if the last allowed epoch made no update, training converged.
        if (updates == 0) {
            return new State(weights, bias, s.epoch(), step, updates, Status.CONVERGED);
        }
        if (s.epoch() >= config.epochCap()) {
            return new State(weights, bias, s.epoch(), step, updates, Status.CAPPED);
        }
        return new State(weights, bias, s.epoch() + 1, 0, 0, Status.RUNNING);
    }

    private int lastFinishedEpoch() {
        State s = current();
        return s.stepInEpoch() == data.size() ? s.epoch() : s.epoch() - 1;
    }

    private EpochSummary summaryOf(int epoch) {
        List<SampleStep> rows = history.stream().filter(r -> r.epoch() == epoch).toList();
        SampleStep first = rows.get(0);
        SampleStep last = rows.get(rows.size() - 1);
        int updates = (int) rows.stream().filter(SampleStep::updated).count();
        return new EpochSummary(epoch, rows.size(), updates, first.weightsBefore(), first.biasBefore(),
                last.weightsAfter(), last.biasAfter());
    }

    private void requireRunning() {
        Optional<TrainingResult> ended = result();
        if (ended.isEmpty()) {
            return;
        }
        String epochs = Words.count(ended.get().epochsRun(), "epoch");
        throw new IllegalStateException(ended.get().converged()
                ? "training has converged after " + epochs + "; step back or reset to go on"
                : "training stopped at the cap of " + epochs + " without converging; step back or reset to go on");
    }

    private Vec initialWeights() {
        Vec w = config.initialWeights();
        if (w == null) {
            return Vec.zeros(data.inputCount());
        }
        if (w.size() != data.inputCount()) {
            throw new IllegalArgumentException("the initial weights " + w + " have "
                    + Words.count(w.size(), "entry", "entries") + ", but each sample has "
                    + Words.count(data.inputCount(), "input") + "; give one weight per input");
        }
        return w;
    }

    private State current() {
        return states.get(states.size() - 1);
    }
}
