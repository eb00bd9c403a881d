package studio.backprop.train;

import java.util.List;
import java.util.Map;
import studio.backprop.data.SampleOrder;
import studio.backprop.nn.Network;
import studio.backprop.nn.layers.Dropout;
import studio.backprop.nn.loss.OutputKind;
import studio.backprop.nn.optim.LearningRateSchedule;
import studio.backprop.nn.optim.OptimizerState;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.spec.TrainingPlan;
import studio.backprop.tensor.NonFiniteException;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Tensor;
import studio.backprop.train.TrainingSnapshot.TensorCopy;

/**
 * Trains a compiled document on its data one step at a time, on the calling thread: the engine of the
 * {@link Trainer} and of the command line.
 *
 * <p>A step takes the next samples of the epoch's order (a whole batch, or one sample for exercises), runs
 * forward, loss, backward and the optimiser update, and records the loss; with augmentation in the plan, the
 * batch's images are first shifted, rotated and noised by a {@link BatchAugmenter} (validation never is). When an epoch ends it records the
 * epoch's training loss and accuracy and evaluates the validation set. One seed drives initialisation,
 * shuffling and dropout, so the same document and data give the same numbers every time.
 *
 * <p>The loop itself holds where training is (steps, epoch, position in the epoch's order, the generator) and the
 * settings; the rest lives beside it: {@link NextBatch} gathers each step's samples, {@link WeightBuffers} the
 * weights saved before it, {@link EpochTally} the epoch's totals and stopping counters, {@link LoopHistory} the
 * curves, and {@link KeptSteps} the states kept for {@link #stepBack()}.
 */
public final class TrainingLoop {

    /** What one step did. */
    public record StepOutcome(long step, int epoch, float loss, boolean epochEnded) {
    }

    private Compilation compilation;
    private final TrainingData data;
    private final Network network;
    private TrainingPlan plan;
    private final StepRule rule;
    private final OutputKind outputKind;
    private final Inference inference;
    private final Rng rng;
    private SampleOrder order;
    private final WeightBuffers weights;
    private final NextBatch batch;
    /** Augments each training batch of images, or null when the plan does not. */
    private final BatchAugmenter augmenter;
    private final EpochTally tally = new EpochTally();
    private final LoopHistory history = new LoopHistory();
    private final KeptSteps<UndoPoint> kept = new KeptSteps<>();
    private boolean recording;
    private StepRecord lastRecord;
    private final PerceptronTrace perceptronTrace = new PerceptronTrace();
    private boolean keepBest;
    private int batchSize;
    private int position;
    private int epoch;
    private long steps;

    /**
     * Initialises the network from the plan's seed (then the document's explicit weights).
     *
     * @throws ShapeException if the document has errors, or the data does not fit the network
     */
    public TrainingLoop(Compilation compilation, TrainingData data) {
        if (!compilation.trainable()) {
            throw new ShapeException("the network cannot be trained yet: " + compilation.whyNotTrainable());
        }
        this.compilation = compilation;
        this.data = data;
        this.network = compilation.network();
        this.weights = new WeightBuffers(network);
        this.batch = new NextBatch(data);
        this.plan = compilation.plan();
        this.augmenter = BatchAugmenter.of(plan);
        this.outputKind = compilation.outputKind();
        this.inference = new Inference(network, compilation.loss(), outputKind, data.classification());
        this.rng = new Rng(plan.seed());
        data.requireFits(network);
        // the perceptron rule presents one sample at a time; an epoch is a pass over the samples
        this.batchSize = compilation.perceptron() ? 1 : plan.batchSize();
        DocumentCompiler.initialise(compilation, rng);
        this.rule = compilation.perceptron() ? new PerceptronRule(compilation)
                : new GradientDescentRule(network, compilation.loss(), compilation.optimizer(), rng);
        if (rule instanceof PerceptronRule perceptron) {
            perceptron.requireLabels(data.trainY());
        }
        reset();
    }

    /** Back to step 0: fresh weights from the seed, optimiser state and history cleared. */
    public void reset() {
        rng.setState(plan.seed());
        DocumentCompiler.initialise(compilation, rng);
        rule.reset();
        try {
            order = SampleOrder.of(switch (plan.order()) {
                case LISTED -> SampleOrder.Mode.LISTED;
                case SHUFFLED -> SampleOrder.Mode.SHUFFLED;
                case EXPLICIT -> SampleOrder.Mode.EXPLICIT;
            }, plan.explicitOrder(), data.trainSize());
        } catch (IllegalArgumentException e) {
            // an order typed for other data (a row deleted from the sheet): the data's problem, in words
            throw new DataResolutionException(e.getMessage(), e);
        }
        order.nextEpoch(rng);
        position = 0;
        epoch = 0;
        steps = 0;
        tally.reset();
        lastRecord = null;
        history.clear();
        perceptronTrace.clear();
        kept.forget(null);
    }

    /** One optimiser step on the next batch (the last batch of an epoch may be smaller). */
    public StepOutcome stepBatch() {
        return step(batchSize == 0 ? order.size() : batchSize);
    }

    /** One optimiser step on the next single sample (stochastic gradient descent, for exercises). */
    public StepOutcome stepSample() {
        return step(1);
    }

    /** Steps until the current epoch ends. */
    public StepOutcome stepEpoch() {
        StepOutcome last;
        do {
            last = stepBatch();
        } while (!last.epochEnded());
        return last;
    }

    /**
     * One step on the next {@code samples} samples of the epoch.
     *
     * @throws TrainingDivergedException when a NaN or infinity appears; the previous weights are kept
     */
    public StepOutcome step(int samples) {
        boolean keeping = kept.on();
        if (keeping) {
            kept.push(undoPoint());
        }
        try {
            return advance(samples);
        } catch (RuntimeException e) {
            if (keeping) {
                kept.dropNewest();
            }
            throw e;
        }
    }

    private StepOutcome advance(int samples) {
        int n = Math.min(samples, order.size() - position);
        Tensor[] xy = batch.gather(order, position, n);
        if (augmenter != null) {
            augmenter.augment(xy[0], steps);
        }
        double eta = rule.learningRate();
        weights.save();
        float loss;
        try {
            loss = rule.step(xy[0], xy[1]);
        } catch (NonFiniteException e) {
            weights.restoreSaved();
            throw TrainingDivergedException.nonFinite(rule.firstNonFinite(), steps, e);
        }
        if (!weights.allFinite()) {
            weights.restoreSaved();
            throw TrainingDivergedException.weightOverflow(steps, eta);
        }
        steps++;
        if (rule instanceof PerceptronRule perceptron) {
            perceptron.numberRows(lastSamples());
            perceptronTrace.add(steps, epoch + 1, perceptron.perceptronRows());
        }
        if (recording) {
            lastRecord = record(eta, loss);
        }
        position += n;
        history.addStep(loss, eta);
        tally.addBatch(loss);
        if (data.classification()) {
            tally.addClassified(Accuracy.correct(rule.output(), xy[1], outputKind.outputThreshold(),
                    outputKind.targetThreshold()), n);
        }
        boolean ended = position == order.size();
        if (ended) {
            endEpoch();
        }
        return new StepOutcome(steps, epoch, loss, ended);
    }

    private void endEpoch() {
        history.addEpoch(tally.meanLoss(), tally.accuracy());
        if (data.hasValidation()) {
            float[] lossAcc = evaluate(data.validX(), data.validY());
            history.addValidation(lossAcc[0], lossAcc[1]);
            if (tally.improved(lossAcc[0]) && keepBest) {
                tally.keepBest(weights.copy(tally.bestWeights()), epoch + 1);
            }
        }
        epoch++;
        if (rule.endEpoch()) {
            tally.setConverged();
        }
        position = 0;
        tally.startEpoch();
        order.nextEpoch(rng);
        if (finished()) {
            putBackBest();
        }
    }

    /** Loss and accuracy (NaN for regression) of the network in inference mode, on the outputs of {@link #predict}. */
    public float[] evaluate(Tensor x, Tensor y) {
        return inference.evaluate(x, y);
    }

    /**
     * Loss and accuracy (NaN for regression) on the test split, which no step and no early stopping ever used;
     * null when the plan holds out no test split. Meant to be read once, when training has finished.
     */
    public float[] testScore() {
        return data.hasTest() ? evaluate(data.testX(), data.testY()) : null;
    }

    /** The network's outputs (inference mode) for every row of x, 256 rows at a time. */
    public Tensor predict(Tensor x) {
        return inference.predict(x);
    }

    /** The record of the step just taken: the rule's rows, with the weights saved before it as "before". */
    private StepRecord record(double eta, float loss) {
        Map<String, TensorCopy> before = weights.savedByName();
        Map<String, TensorCopy> after = weights.currentByName();
        int[] used = lastSamples();
        int[] oneBased = new int[used.length];
        for (int i = 0; i < used.length; i++) {
            oneBased[i] = used[i] + 1;
        }
        return new StepRecord(steps, epoch + 1, oneBased, eta, loss, rule.recordNodes(before), before,
                rule.gradients(), after, rule.perceptronRows());
    }

    // ---------------------------------------------------------------- settings changed between steps

    /**
     * Takes a live edit of the document (see {@link Reconfiguration}): the optimiser section (the same kind keeps its
     * state, another kind starts fresh), the batch size, epochs and patience, dropout rates; the session goes on, but
     * the steps kept for {@link #stepBack()} are forgotten.
     *
     * @throws IllegalArgumentException in words when the edit cannot be taken live (it needs a restart) or a setting
     *                                  is not valid; nothing changes then
     */
    public void reconfigure(NetworkDocument edited) {
        NetworkDocument running = compilation.document();
        Compilation next = Reconfiguration.compileLive(running, edited);
        if (!running.optimizer().equals(edited.optimizer())) {
            rule.reconfigure(edited.optimizer());
        }
        for (double rate : Reconfiguration.changedDropoutRates(running, edited)) {
            setDropoutRate(rate);
        }
        if (next.plan().batchSize() != plan.batchSize() && !compilation.perceptron()) {
            setBatchSize(next.plan().batchSize());
        }
        plan = next.plan();
        kept.forget("the document was edited during training");
        compilation = new Compilation(edited, network, compilation.shapes(), compilation.loss(),
                compilation.optimizer(), plan, next.problems());
    }

    /** The learning-rate schedule of gradient descent (as the document set it), or null for the perceptron rule. */
    public LearningRateSchedule schedule() {
        return rule instanceof GradientDescentRule gd ? gd.optimizer().schedule() : null;
    }

    /** The step rule: gradient descent or the perceptron rule. */
    public StepRule rule() {
        return rule;
    }

    /**
     * Changes the rate of every Dropout layer from the next step on, in the layers (for later recordings) and in the
     * dropout ops of the recorded tape.
     *
     * @throws IllegalArgumentException when the rate is not in [0, 1) or the network has no dropout
     */
    public void setDropoutRate(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("the dropout rate must be from 0 up to (not including) 1, not " + rate);
        }
        int layers = 0;
        for (Network.Node node : network.nodes()) {
            if (node.layer() instanceof Dropout d) {
                d.setRate((float) rate);
                layers++;
            }
        }
        if (layers == 0) {
            throw new IllegalArgumentException("this network has no Dropout layer to change");
        }
        rule.setDropoutRate((float) rate);
    }

    /** Per trainable parameter: ‖θ‖, ‖∂L/∂θ‖ and ‖Δθ‖ of the last step (zero before the first step). */
    public Map<String, Probe.ParameterNorms> norms() {
        return ProbeEvaluator.norms(this);
    }

    /** The parameter values saved just before the last step (shared, not copied), or null before the first. */
    float[][] weightsBeforeLastStep() {
        return weights.saved();
    }

    /**
     * Evaluates a probe now, on the calling thread (the trainer's, or the command line's for a loop not running).
     */
    @SuppressWarnings("unchecked")
    public <P> P evaluate(Probe<P> probe) {
        return (P) ProbeEvaluator.evaluate(probe, this);
    }

    /** Whether each step keeps a {@link StepRecord} (off by default: recording copies every value). */
    public void setRecording(boolean on) {
        recording = on;
        if (!on) {
            lastRecord = null;
        }
    }

    /** The perceptron rule's newest {@code limit} trace lines since the last reset, oldest first. */
    List<Probe.TraceLine> perceptronTrace(int limit) {
        return perceptronTrace.newest(limit);
    }

    /** The record of the last step, or null when recording was off for it (or before the first step). */
    public StepRecord lastRecord() {
        return lastRecord;
    }

    /**
     * Early stopping with the best weights: when training finishes (the epochs are done or patience ran out), the
     * weights of the epoch with the lowest validation loss are put back.
     */
    public void setKeepBest(boolean on) {
        keepBest = on;
    }

    public boolean keepBest() {
        return keepBest;
    }

    /**
     * With keep-best on, puts back the weights of the epoch with the lowest validation loss when a later epoch is
     * current (training does this itself when it finishes; a run stopped earlier, such as {@code train --epochs N},
     * calls it at its end).
     *
     * @return the epoch (from 1) whose weights are now in the network, or 0 when nothing was put back
     */
    public int putBackBest() {
        if (keepBest && tally.bestIsEarlierThan(epoch)) {
            weights.set(tally.bestWeights());
            tally.bestRestored();
            return tally.restoredBestEpoch();
        }
        return 0;
    }

    /** The epoch (from 1) whose weights were put back when training finished, or 0 when none were. */
    public int restoredBestEpoch() {
        return tally.restoredBestEpoch();
    }

    /** Replaces the learning rate (and any schedule) from the next step on. */
    public void setLearningRate(double eta) {
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("the learning rate must be a positive number, not " + eta);
        }
        rule.setLearningRate(eta);
    }

    /** Samples per step from the next step on; 0 for the whole training set. */
    public void setBatchSize(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("the batch size must be 0 (full batch) or more, got " + size);
        }
        batchSize = size;
    }

    // ---------------------------------------------------------------- reading

    public long steps() {
        return steps;
    }

    /** Completed epochs. */
    public int epoch() {
        return epoch;
    }

    /** Samples of the current epoch already used. */
    public int position() {
        return position;
    }

    public int batchSize() {
        return batchSize;
    }

    /** True once the plan's epochs are done, or early stopping ran out of patience. */
    public boolean finished() {
        return tally.converged() || epoch >= plan.epochs() || tally.outOfPatience(plan.patience());
    }

    /** True when the rule converged (the perceptron: an epoch without any update). */
    public boolean converged() {
        return tally.converged();
    }

    public boolean earlyStopped() {
        return tally.outOfPatience(plan.patience());
    }

    public Network network() {
        return network;
    }

    public Compilation compilation() {
        return compilation;
    }

    public TrainingData data() {
        return data;
    }

    /** The 0-based indices of the samples the last step used, in the order they were batched. */
    public int[] lastSamples() {
        return batch.lastSamples();
    }

    /** The loss of the last step taken, NaN before the first (and after a reset). */
    public float lastLoss() {
        return history.lastLoss();
    }

    public Series.View stepLoss() {
        return history.stepLoss();
    }

    public Series.View trainLoss() {
        return history.trainLoss();
    }

    public Series.View trainAccuracy() {
        return history.trainAccuracy();
    }

    public Series.View validLoss() {
        return history.validLoss();
    }

    public Series.View validAccuracy() {
        return history.validAccuracy();
    }

    public Series.View learningRates() {
        return history.learningRates();
    }

    /** The generator's state, for session files. */
    public long rngState() {
        return rng.state();
    }

    /**
     * Everything needed to continue exactly where this loop is, besides the document and the data: weights
     * (trainable and not) by parameter name, the optimiser's state, the generator, the epoch's sample order and
     * position, the running totals of the epoch, early-stopping counters and the history.
     */
    public record Checkpoint(long steps, int epoch, int position, int batchSize, double learningRateOverride,
                             long rngState,
                             int[] order, double epochLoss, int epochBatches, long epochCorrect, long epochSeen,
                             float bestValidLoss, int epochsWithoutImprovement, Map<String, float[]> weights,
                             OptimizerState optimizer, Map<String, float[]> history) {

        /** The epoch's totals and the early-stopping counters, as a tally to restore. */
        EpochTally.State tally() {
            return EpochTally.State.counters(epochLoss, epochBatches, epochCorrect, epochSeen, bestValidLoss,
                    epochsWithoutImprovement);
        }
    }

    // ---------------------------------------------------------------- stepping back

    /**
     * Everything a step changes, taken just before it: weights, the optimiser's and the rule's state, the generator,
     * the epoch's order and counters, early-stopping and best-weights bookkeeping, the last record and marks of the
     * histories. Only the settings (batch size, learning rate, recording) are not part of it.
     */
    private record UndoPoint(long steps, int epoch, int position, long rngState, int[] order, EpochTally.State tally,
                             float[][] weights, OptimizerState optimizer,
                             Object ruleState, int[] lastSamples, StepRecord lastRecord, LoopHistory.Mark history,
                             long perceptronTrace) {
    }

    private UndoPoint undoPoint() {
        return new UndoPoint(steps, epoch, position, rng.state(), order.current(), tally.copy(), weights.copy(null),
                rule.exportState(), rule.stepState(), lastSamples(), lastRecord, history.mark(),
                perceptronTrace.mark());
    }

    /**
     * Keeps what is needed to undo up to {@code steps} of the latest steps with {@link #stepBack()} (0, the default,
     * keeps none: each kept step costs a copy of the weights and the optimiser's state). Lowering it forgets the
     * oldest kept steps.
     */
    public void setStepBackLimit(int steps) {
        kept.setLimit(steps);
    }

    public int stepBackLimit() {
        return kept.limit();
    }

    /** How many steps {@link #stepBack()} can undo now. */
    public int stepsKeptForStepBack() {
        return kept.size();
    }

    /**
     * Undoes the last step exactly: the loop returns bit for bit to the state it had before that step (weights,
     * optimiser and rule state, generator, sample order and position, histories, convergence, the last record),
     * so stepping forward again computes the same step. Reset, restoring a checkpoint and a live edit of the
     * document forget the kept steps.
     *
     * @throws IllegalStateException in words when there is nothing to step back
     */
    public void stepBack() {
        UndoPoint u = kept.pop(steps);
        weights.set(u.weights());
        rule.importState(u.optimizer());
        rule.restoreStepState(u.ruleState());
        rng.setState(u.rngState());
        order.restore(u.order());
        steps = u.steps();
        epoch = u.epoch();
        position = u.position();
        tally.restore(u.tally());
        history.rewind(u.history());
        perceptronTrace.rewind(u.perceptronTrace());
        batch.setLastSamples(u.lastSamples());
        lastRecord = recording ? u.lastRecord() : null;
    }

    /** A deep copy of the loop's state. */
    public Checkpoint checkpoint() {
        double override = rule instanceof GradientDescentRule gd ? gd.learningRateOverride() : Double.NaN;
        EpochTally.State t = tally.copy();
        return new Checkpoint(steps, epoch, position, batchSize, override, rng.state(), order.current(), t.lossSum(),
                t.batches(), t.correct(), t.seen(), t.bestValidLoss(), t.epochsWithoutImprovement(), weights.byName(),
                rule.exportState(), history.export());
    }

    /**
     * Continues from a checkpoint taken of a loop over the same document and data.
     *
     * @throws ShapeException if the checkpoint does not fit this network or data
     */
    public void restore(Checkpoint c) {
        reset();
        weights.setByName(c.weights());
        rule.importState(c.optimizer());
        if (!Double.isNaN(c.learningRateOverride())) {
            setLearningRate(c.learningRateOverride());
        }
        rng.setState(c.rngState());
        order.restore(c.order());
        steps = c.steps();
        epoch = c.epoch();
        position = c.position();
        batchSize = c.batchSize();
        tally.restore(c.tally());
        history.restore(c.history());
        perceptronTrace.clear();
        kept.forget(steps > 0 ? "a saved session was restored" : null);
    }
}
