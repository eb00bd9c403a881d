package studio.backprop.train;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import studio.backprop.autograd.Variable;
import studio.backprop.data.SampleOrder;
import studio.backprop.nn.Network;
import studio.backprop.nn.Parameter;
import studio.backprop.nn.loss.OutputKind;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.TrainingSnapshot.TensorCopy;
import studio.backprop.nn.layers.ForwardContext;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.TrainingPlan;
import studio.backprop.tensor.Finite;
import studio.backprop.tensor.NonFiniteException;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Tensor;

/**
 * Trains a compiled document on its data one step at a time, on the calling thread: the engine of the
 * {@link Trainer} and of the command line.
 *
 * <p>A step takes the next samples of the epoch's order (a whole batch, or one sample for exercises), runs
 * forward, loss, backward and the optimiser update, and records the loss. When an epoch ends it records the
 * epoch's training loss and accuracy and evaluates the validation set. One seed drives initialisation,
 * shuffling and dropout, so the same document and data give the same numbers every time.
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
    private final Map<Integer, Tensor[]> batches = new HashMap<>();
    private final Rng rng;
    private SampleOrder order;
    private boolean converged;
    private boolean recording;
    private StepRecord lastRecord;
    private boolean keepBest;
    private float[][] bestWeights;
    private int bestEpoch;
    private int restoredBestEpoch;
    private int batchSize;
    private int position;
    private int epoch;
    private long steps;
    private double epochLoss;
    private int epochBatches;
    private long epochCorrect;
    private long epochSeen;
    private float bestValidLoss = Float.POSITIVE_INFINITY;
    private int epochsWithoutImprovement;
    private float[][] backup;
    private int[] lastSamples = new int[0];
    private int lastSampleCount;
    private final Series stepLoss = new Series();
    /** The loss of the last step (the series may hold means of several steps); NaN before the first. */
    private float lastLoss = Float.NaN;
    private final Series trainLoss = new Series();
    private final Series trainAccuracy = new Series();
    private final Series validLoss = new Series();
    private final Series validAccuracy = new Series();
    private final Series learningRate = new Series();
    private final KeptSteps<UndoPoint> kept = new KeptSteps<>();

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
        this.plan = compilation.plan();
        this.outputKind = compilation.outputKind();
        this.rng = new Rng(plan.seed());
        requireFit();
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

    private void requireFit() {
        int[] in = network.inputShape();
        int[] x = data.trainX().shape();
        if (!java.util.Arrays.equals(java.util.Arrays.copyOfRange(x, 1, x.length), in)) {
            throw new ShapeException("the data's samples have shape " + studio.backprop.tensor.Shapes.str(
                    java.util.Arrays.copyOfRange(x, 1, x.length)) + " but the network's input is "
                    + studio.backprop.tensor.Shapes.str(in));
        }
        int[] out = network.outputShape();
        int[] y = data.trainY().shape();
        if (!java.util.Arrays.equals(java.util.Arrays.copyOfRange(y, 1, y.length), out)) {
            throw new ShapeException("the targets have shape " + studio.backprop.tensor.Shapes.str(
                    java.util.Arrays.copyOfRange(y, 1, y.length)) + " per sample but the network outputs "
                    + studio.backprop.tensor.Shapes.str(out) + (out.length == 1 && out[0] > 1 && y.length == 2
                    && y[1] == 1 ? "; use one output per class (one-hot targets)" : ""));
        }
    }

    /** Back to step 0: fresh weights from the seed, optimiser state and history cleared. */
    public void reset() {
        rng.setState(plan.seed());
        DocumentCompiler.initialise(compilation, rng);
        rule.reset();
        order = SampleOrder.of(switch (plan.order()) {
            case LISTED -> SampleOrder.Mode.LISTED;
            case SHUFFLED -> SampleOrder.Mode.SHUFFLED;
            case EXPLICIT -> SampleOrder.Mode.EXPLICIT;
        }, plan.explicitOrder(), data.trainSize());
        order.nextEpoch(rng);
        position = 0;
        epoch = 0;
        steps = 0;
        clearEpochTotals();
        bestValidLoss = Float.POSITIVE_INFINITY;
        epochsWithoutImprovement = 0;
        converged = false;
        bestWeights = null;
        restoredBestEpoch = 0;
        lastRecord = null;
        for (Series s : histories().values()) {
            s.clear();
        }
        lastLoss = Float.NaN;
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
        Tensor[] xy = batches.computeIfAbsent(n, k -> new Tensor[] {
            Tensor.zeros(withRows(data.trainX(), k)), Tensor.zeros(withRows(data.trainY(), k))});
        copyRows(data.trainX(), xy[0]);
        copyRows(data.trainY(), xy[1]);
        if (lastSamples.length < n) {
            lastSamples = new int[n];
        }
        for (int i = 0; i < n; i++) {
            lastSamples[i] = order.sampleAt(position + i);
        }
        lastSampleCount = n;
        double eta = rule.learningRate();
        saveWeights();
        float loss;
        try {
            loss = rule.step(xy[0], xy[1]);
        } catch (NonFiniteException e) {
            restoreWeights();
            throw diverged(e);
        }
        if (!weightsFinite()) {
            restoreWeights();
            throw new TrainingDivergedException("weights", "Training stopped at step " + (steps + 1) + ": the "
                    + "update made a weight infinite (the learning rate " + eta + " is too large for these "
                    + "gradients). The weights of step " + steps + " are kept; lower the learning rate and go on, "
                    + "or press Reset to start again.",
                    null);
        }
        steps++;
        if (recording) {
            lastRecord = record(eta, loss);
        }
        position += n;
        lastLoss = loss;
        stepLoss.add(loss);
        learningRate.add((float) eta);
        epochLoss += loss;
        epochBatches++;
        if (data.classification()) {
            epochCorrect += Accuracy.correct(rule.output(), xy[1], outputKind.outputThreshold(),
                    outputKind.targetThreshold());
            epochSeen += n;
        }
        boolean ended = position == order.size();
        if (ended) {
            endEpoch();
        }
        return new StepOutcome(steps, epoch, loss, ended);
    }

    private void endEpoch() {
        trainLoss.add((float) (epochLoss / Math.max(1, epochBatches)));
        trainAccuracy.add(epochSeen == 0 ? Float.NaN : (float) epochCorrect / epochSeen);
        if (data.hasValidation()) {
            float[] lossAcc = evaluate(data.validX(), data.validY());
            validLoss.add(lossAcc[0]);
            validAccuracy.add(lossAcc[1]);
            if (lossAcc[0] < bestValidLoss) {
                bestValidLoss = lossAcc[0];
                epochsWithoutImprovement = 0;
                if (keepBest) {
                    bestWeights = copyWeights(bestWeights);
                    bestEpoch = epoch + 1;
                }
            } else {
                epochsWithoutImprovement++;
            }
        }
        epoch++;
        converged |= rule.endEpoch();
        position = 0;
        clearEpochTotals();
        order.nextEpoch(rng);
        if (keepBest && finished() && bestWeights != null && bestEpoch < epoch) {
            setWeights(bestWeights);
            restoredBestEpoch = bestEpoch;
        }
    }

    private void clearEpochTotals() {
        epochLoss = 0;
        epochBatches = 0;
        epochCorrect = 0;
        epochSeen = 0;
    }

    /** Loss and accuracy (NaN for regression) of the network in inference mode, on the outputs of {@link #predict}. */
    public float[] evaluate(Tensor x, Tensor y) {
        Tensor out = predict(x);
        Tensor targets = y.contiguous();
        float accuracy = data.classification() ? (float) Accuracy.correct(out, targets,
                outputKind.outputThreshold(), outputKind.targetThreshold()) / x.dim(0) : Float.NaN;
        float loss = compilation.loss() == null ? 1 - accuracy
                : compilation.loss().compute(Variable.constant(out), Variable.constant(targets)).value().item();
        return new float[] {loss, accuracy};
    }

    /** The network's outputs (inference mode) for every row of x, 256 rows at a time. */
    public Tensor predict(Tensor x) {
        int rows = x.dim(0);
        Tensor result = null;
        for (int from = 0; from < rows; from += 256) {
            int to = Math.min(rows, from + 256);
            Tensor out = network.forward(Variable.constant(x.slice(0, from, to).contiguous()),
                    ForwardContext.inference()).value();
            if (result == null) {
                int[] shape = out.shape();
                shape[0] = rows;
                result = Tensor.zeros(shape);
            }
            System.arraycopy(out.buffer(), 0, result.buffer(), from * (out.size() / (to - from)), out.size());
        }
        return result;
    }

    private TrainingDivergedException diverged(NonFiniteException e) {
        String layer = rule.firstNonFinite();
        return new TrainingDivergedException(layer, "Training stopped at step " + (steps + 1) + ": "
                + (layer.equals("loss") ? "the loss" : "layer '" + layer + "'") + " produced a non-finite value ("
                + e.getMessage() + "). The weights of step " + steps + " are kept; lower the learning rate or "
                + "check the data, then go on, or press Reset to start again.", e);
    }

    private void saveWeights() {
        List<Parameter> params = network.parameters();
        if (backup == null || backup.length != params.size()) {
            backup = new float[params.size()][];
        }
        for (int i = 0; i < backup.length; i++) {
            float[] v = params.get(i).value().buffer();
            if (backup[i] == null || backup[i].length != v.length) {
                backup[i] = new float[v.length];
            }
            System.arraycopy(v, 0, backup[i], 0, v.length);
        }
    }

    private void restoreWeights() {
        setWeights(backup);
    }

    private void setWeights(float[][] values) {
        List<Parameter> params = network.parameters();
        for (int i = 0; i < values.length; i++) {
            System.arraycopy(values[i], 0, params.get(i).value().buffer(), 0, values[i].length);
        }
    }

    private float[][] copyWeights(float[][] into) {
        List<Parameter> params = network.parameters();
        float[][] out = into != null && into.length == params.size() ? into : new float[params.size()][];
        for (int i = 0; i < out.length; i++) {
            float[] v = params.get(i).value().buffer();
            out[i] = out[i] != null && out[i].length == v.length ? out[i] : new float[v.length];
            System.arraycopy(v, 0, out[i], 0, v.length);
        }
        return out;
    }

    /** The record of the step just taken: the rule's rows, with the weights saved before it as "before". */
    private StepRecord record(double eta, float loss) {
        Map<String, TensorCopy> before = new java.util.LinkedHashMap<>();
        Map<String, TensorCopy> after = new java.util.LinkedHashMap<>();
        List<Parameter> params = network.parameters();
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            before.put(p.name(), new TensorCopy(p.value().shape(), backup[i].clone()));
            after.put(p.name(), TapeRecords.copy(p.value()));
        }
        int[] used = lastSamples();
        if (rule instanceof PerceptronRule perceptron) {
            perceptron.numberRows(used);
        }
        int[] oneBased = new int[used.length];
        for (int i = 0; i < used.length; i++) {
            oneBased[i] = used[i] + 1;
        }
        return new StepRecord(steps, epoch + 1, oneBased, eta, loss, rule.recordNodes(before), before,
                rule.gradients(), after, rule.perceptronRows());
    }

    private boolean weightsFinite() {
        for (Parameter p : network.parameters()) {
            if (!Finite.allFinite(p.value().buffer())) {
                return false;
            }
        }
        return true;
    }

    /** Copies the rows of the samples at this epoch's next positions from a whole data tensor into a batch. */
    private void copyRows(Tensor source, Tensor batch) {
        order.copyRows(source.buffer(), source.size() / source.dim(0), position, batch.dim(0), batch.buffer());
    }

    private static int[] withRows(Tensor t, int rows) {
        int[] s = t.shape();
        s[0] = rows;
        return s;
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
        Reconfiguration change = Reconfiguration.between(running, edited);
        if (change.kind() == Reconfiguration.Kind.RESTART) {
            throw new IllegalArgumentException(change.why());
        }
        Compilation next = DocumentCompiler.compile(edited);
        if (next.plan() == null || next.errors().stream().anyMatch(p -> p.subject().equals("training")
                || p.subject().equals("optimizer"))) {
            throw new IllegalArgumentException(next.whyNotTrainable());
        }
        if (!running.optimizer().equals(edited.optimizer())) {
            rule.reconfigure(edited.optimizer());
        }
        for (int i = 0; i < edited.layers().size(); i++) {
            var layer = edited.layers().get(i);
            if (layer.type().equals("Dropout") && !layer.settings().equals(running.layers().get(i).settings())) {
                setDropoutRate(Double.parseDouble(layer.settings().getOrDefault("rate", "0.5").trim()));
            }
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
    public studio.backprop.nn.optim.LearningRateSchedule schedule() {
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
        for (studio.backprop.nn.Network.Node node : network.nodes()) {
            if (node.layer() instanceof studio.backprop.nn.layers.Dropout d) {
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
        Map<String, Probe.ParameterNorms> out = new java.util.LinkedHashMap<>();
        List<Parameter> params = network.parameters();
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            if (!p.trainable()) {
                continue;
            }
            float[] now = p.value().buffer();
            double w = 0;
            double u = 0;
            for (int k = 0; k < now.length; k++) {
                w += (double) now[k] * now[k];
                if (steps > 0 && backup != null) {
                    double d = now[k] - backup[i][k];
                    u += d * d;
                }
            }
            double g = 0;
            if (p.grad() != null) {
                for (float v : p.grad().buffer()) {
                    g += (double) v * v;
                }
            }
            out.put(p.name(), new Probe.ParameterNorms(Math.sqrt(w), Math.sqrt(g), Math.sqrt(u)));
        }
        return out;
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

    /** The epoch (from 1) whose weights were put back when training finished, or 0 when none were. */
    public int restoredBestEpoch() {
        return restoredBestEpoch;
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
        return converged || epoch >= plan.epochs()
                || (plan.patience() > 0 && epochsWithoutImprovement >= plan.patience());
    }

    /** True when the rule converged (the perceptron: an epoch without any update). */
    public boolean converged() {
        return converged;
    }

    public boolean earlyStopped() {
        return plan.patience() > 0 && epochsWithoutImprovement >= plan.patience();
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
        return java.util.Arrays.copyOf(lastSamples, lastSampleCount);
    }

    /** The loss of the last step taken, NaN before the first (and after a reset). */
    public float lastLoss() {
        return lastLoss;
    }

    public Series.View stepLoss() {
        return stepLoss.view();
    }

    public Series.View trainLoss() {
        return trainLoss.view();
    }

    public Series.View trainAccuracy() {
        return trainAccuracy.view();
    }

    public Series.View validLoss() {
        return validLoss.view();
    }

    public Series.View validAccuracy() {
        return validAccuracy.view();
    }

    public Series.View learningRates() {
        return learningRate.view();
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
                             studio.backprop.nn.optim.OptimizerState optimizer, Map<String, float[]> history) {
    }

    // ---------------------------------------------------------------- stepping back

    /**
     * Everything a step changes, taken just before it: weights, the optimiser's and the rule's state, the generator,
     * the epoch's order and counters, early-stopping and best-weights bookkeeping, the last record and marks of the
     * histories. Only the settings (batch size, learning rate, recording) are not part of it.
     */
    private record UndoPoint(long steps, int epoch, int position, long rngState, int[] order, double epochLoss,
                             int epochBatches, long epochCorrect, long epochSeen, float bestValidLoss,
                             int epochsWithoutImprovement, boolean converged, float[][] bestWeights, int bestEpoch,
                             int restoredBestEpoch, float[][] weights, studio.backprop.nn.optim.OptimizerState optimizer,
                             Object ruleState, float lastLoss, int[] lastSamples, StepRecord lastRecord,
                             Series.Mark[] histories) {
    }

    private UndoPoint undoPoint() {
        Series.Mark[] marks = histories().values().stream().map(Series::mark).toArray(Series.Mark[]::new);
        float[][] best = bestWeights == null ? null : java.util.Arrays.stream(bestWeights).map(float[]::clone)
                .toArray(float[][]::new);
        return new UndoPoint(steps, epoch, position, rng.state(), order.current(), epochLoss, epochBatches,
                epochCorrect, epochSeen, bestValidLoss, epochsWithoutImprovement, converged, best, bestEpoch,
                restoredBestEpoch, copyWeights(null), rule.exportState(), rule.stepState(), lastLoss, lastSamples(),
                lastRecord, marks);
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
        setWeights(u.weights());
        rule.importState(u.optimizer());
        rule.restoreStepState(u.ruleState());
        rng.setState(u.rngState());
        order.restore(u.order());
        steps = u.steps();
        epoch = u.epoch();
        position = u.position();
        epochLoss = u.epochLoss();
        epochBatches = u.epochBatches();
        epochCorrect = u.epochCorrect();
        epochSeen = u.epochSeen();
        bestValidLoss = u.bestValidLoss();
        epochsWithoutImprovement = u.epochsWithoutImprovement();
        converged = u.converged();
        bestWeights = u.bestWeights();
        bestEpoch = u.bestEpoch();
        restoredBestEpoch = u.restoredBestEpoch();
        lastLoss = u.lastLoss();
        lastSamples = u.lastSamples();
        lastSampleCount = lastSamples.length;
        lastRecord = recording ? u.lastRecord() : null;
        Series.Mark[] marks = u.histories();
        int i = 0;
        for (Series series : histories().values()) {
            series.rewind(marks[i++]);
        }
    }

    /** History entry holding a series' stride, beside the entry of its values (only when above 1). */
    private static final String STRIDE_SUFFIX = ".stride";

    /** The series by their name in a checkpoint's history, in a fixed order. */
    private Map<String, Series> histories() {
        Map<String, Series> h = new java.util.LinkedHashMap<>();
        h.put("step_loss", stepLoss);
        h.put("train_loss", trainLoss);
        h.put("train_accuracy", trainAccuracy);
        h.put("valid_loss", validLoss);
        h.put("valid_accuracy", validAccuracy);
        h.put("learning_rate", learningRate);
        return h;
    }

    /** A deep copy of the loop's state. */
    public Checkpoint checkpoint() {
        Map<String, float[]> weights = new java.util.LinkedHashMap<>();
        for (Parameter p : network.parameters()) {
            weights.put(p.name(), p.value().toArray());
        }
        Map<String, float[]> history = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Series> h : histories().entrySet()) {
            Series.View v = h.getValue().view();
            history.put(h.getKey(), v.toArray());
            if (v.stride() > 1) {
                history.put(h.getKey() + STRIDE_SUFFIX, new float[] {v.stride()});
            }
        }
        double override = rule instanceof GradientDescentRule gd ? gd.learningRateOverride() : Double.NaN;
        return new Checkpoint(steps, epoch, position, batchSize, override, rng.state(), order.current(), epochLoss,
                epochBatches, epochCorrect, epochSeen, bestValidLoss, epochsWithoutImprovement, weights,
                rule.exportState(), history);
    }

    /**
     * Continues from a checkpoint taken of a loop over the same document and data.
     *
     * @throws ShapeException if the checkpoint does not fit this network or data
     */
    public void restore(Checkpoint c) {
        reset();
        for (Parameter p : network.parameters()) {
            float[] saved = c.weights().get(p.name());
            if (saved == null || saved.length != p.value().size()) {
                throw new ShapeException("the saved weights do not fit this network: parameter '" + p.name()
                        + "' is " + (saved == null ? "missing" : "of another size") + " in the saved session");
            }
            System.arraycopy(saved, 0, p.value().buffer(), 0, saved.length);
        }
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
        epochLoss = c.epochLoss();
        epochBatches = c.epochBatches();
        epochCorrect = c.epochCorrect();
        epochSeen = c.epochSeen();
        bestValidLoss = c.bestValidLoss();
        epochsWithoutImprovement = c.epochsWithoutImprovement();
        for (Map.Entry<String, Series> h : histories().entrySet()) {
            float[] stride = c.history().get(h.getKey() + STRIDE_SUFFIX);
            h.getValue().setAll(c.history().getOrDefault(h.getKey(), new float[0]),
                    stride == null || stride.length != 1 || !(stride[0] >= 1) ? 1 : (int) stride[0]);
        }
        lastLoss = stepLoss.view().last();
        kept.forget(steps > 0 ? "a saved session was restored" : null);
    }
}
