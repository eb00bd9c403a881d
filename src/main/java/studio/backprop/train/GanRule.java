package studio.backprop.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.backprop.autograd.Tape;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.Network;
import studio.backprop.nn.Parameter;
import studio.backprop.nn.layers.ForwardContext;
import studio.backprop.nn.optim.Optimizer;
import studio.backprop.nn.optim.OptimizerState;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.GanSettings;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;
import studio.backprop.train.StepRecord.NodeRecord;
import studio.backprop.train.TrainingSnapshot.TensorCopy;

/**
 * A GAN's step rule: k discriminator steps, then one generator step, then again. Each call of {@link #step}
 * updates one network with its own optimiser; which one is {@link #nextPhase()}.
 *
 * <p>The discriminator D gives a logit l (its last layer is linear); σ(l) is the probability that a sample is real.
 * With real samples x and fakes G(z), z ~ N(0, I) drawn from the rule's seeded generator:
 * <ul>
 *   <li>D step: L_D = BCE(l(x), 1) + BCE(l(G(z)), 0), i.e. −mean log σ(l(x)) − mean log(1 − σ(l(G(z)))); only
 *       D's parameters move;</li>
 *   <li>G step, non-saturating: L_G = −mean log σ(l(G(z))); minimax: L_G = mean log(1 − σ(l(G(z)))); only G's
 *       parameters move (D's gradients are computed on the way and thrown away).</li>
 * </ul>
 * A conditional GAN appends the sample's one-hot label (the targets y) to z and to D's input.
 *
 * <p>Thread: the one thread that trains.
 */
public final class GanRule implements StepRule {

    /** What the next {@link #step} calls do. */
    public enum Mode { BOTH, DISCRIMINATOR_ONLY, GENERATOR_ONLY }

    /** Which network a step updated. */
    public enum Phase { DISCRIMINATOR, GENERATOR }

    private final Network generator;
    private final Network discriminator;
    private final GanSettings settings;
    private final Rng rng;
    private Optimizer generatorOptimizer;
    private Optimizer discriminatorOptimizer;
    private Mode mode = Mode.BOTH;
    /** Discriminator steps taken since the last generator step. */
    private int discriminatorStepsInRound;
    private Phase lastPhase;
    private float lastDiscriminatorLoss = Float.NaN;
    private float lastGeneratorLoss = Float.NaN;
    /** The parts of L_D of the last D step, kept when a G step replays the other tape. */
    private float lastRealTerm = Float.NaN;
    private float lastFakeTerm = Float.NaN;
    private GanGraphs graphs;
    /** The networks' trainable variables, listed when the graphs are built. */
    private List<Variable> generatorVariables;
    private List<Variable> discriminatorVariables;

    public GanRule(Network generator, Network discriminator, Optimizer generatorOptimizer,
                   Optimizer discriminatorOptimizer, GanSettings settings, Rng rng) {
        this.generator = generator;
        this.discriminator = discriminator;
        this.generatorOptimizer = generatorOptimizer;
        this.discriminatorOptimizer = discriminatorOptimizer;
        this.settings = settings;
        this.rng = rng;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public Mode mode() {
        return mode;
    }

    /** The network the next step updates. */
    public Phase nextPhase() {
        return switch (mode) {
            case DISCRIMINATOR_ONLY -> Phase.DISCRIMINATOR;
            case GENERATOR_ONLY -> Phase.GENERATOR;
            case BOTH -> discriminatorStepsInRound < settings.discriminatorSteps() ? Phase.DISCRIMINATOR
                    : Phase.GENERATOR;
        };
    }

    /** The network the last step updated, or null before the first. */
    public Phase lastPhase() {
        return lastPhase;
    }

    /**
     * One update of one network on this batch of real samples; returns that network's loss before the update.
     *
     * @param x real samples (N, …sample shape)
     * @param y one-hot labels (N, classes) for a conditional GAN; otherwise not read
     */
    @Override
    public float step(Tensor x, Tensor y) {
        GanGraphs g = graphs(x, y);
        Phase phase = nextPhase();
        if (phase == Phase.DISCRIMINATOR) {
            lastDiscriminatorLoss = g.discriminatorStep(x, y, rng);
            discriminatorOptimizer.step(discriminatorVariables);
            discriminatorStepsInRound++;
        } else {
            if (lastPhaseWasD()) {
                lastRealTerm = g.realTerm();
                lastFakeTerm = g.fakeTerm();
            }
            lastGeneratorLoss = g.generatorStep(y, rng);
            generatorOptimizer.step(generatorVariables);
            discriminatorStepsInRound = 0;
        }
        lastPhase = phase;
        return phase == Phase.DISCRIMINATOR ? lastDiscriminatorLoss : lastGeneratorLoss;
    }

    private GanGraphs graphs(Tensor x, Tensor y) {
        if (graphs == null || !graphs.fits(x)) {
            graphs = new GanGraphs(generator, discriminator, settings, x, settings.conditional() ? y : null, rng);
            // Listed with the graphs, as a TrainingStep lists its parameters with its tape: listing them every
            // step was most of the ring GAN's 950 bytes a step.
            generatorVariables = variables(generator);
            discriminatorVariables = variables(discriminator);
        }
        return graphs;
    }

    private static List<Variable> variables(Network net) {
        return net.trainableParameters().stream().map(Parameter::variable).toList();
    }

    /** L_D of the last discriminator step (NaN before one). */
    public float discriminatorLoss() {
        return lastDiscriminatorLoss;
    }

    /** The part of the last L_D on the real batch, −mean log σ(l(x)) (NaN before a D step). */
    public float discriminatorLossOnReal() {
        return lastPhaseWasD() ? graphs.realTerm() : lastRealTerm;
    }

    /** The part of the last L_D on the generated batch, −mean log(1 − σ(l(G(z)))) (NaN before a D step). */
    public float discriminatorLossOnFake() {
        return lastPhaseWasD() ? graphs.fakeTerm() : lastFakeTerm;
    }

    private boolean lastPhaseWasD() {
        return lastPhase == Phase.DISCRIMINATOR && graphs != null;
    }

    /** η of the optimiser of this network. */
    public double learningRate(Phase network) {
        return (network == Phase.DISCRIMINATOR ? discriminatorOptimizer : generatorOptimizer).learningRate();
    }

    /** L_G of the last generator step (NaN before one). */
    public float generatorLoss() {
        return lastGeneratorLoss;
    }

    public Network generator() {
        return generator;
    }

    public Network discriminator() {
        return discriminator;
    }

    public GanSettings settings() {
        return settings;
    }

    /**
     * G(z) for given codes, in inference mode.
     *
     * @param z (N, latent), with the one-hot labels appended for a conditional GAN
     */
    public Tensor generate(Tensor z) {
        return generator.forward(Variable.constant(z, "z"), ForwardContext.inference()).value();
    }

    /**
     * D's probability σ(l) that each sample is real, for a conditional GAN given each sample's one-hot label
     * (N, classes) appended as in training; (N, 1).
     */
    public Tensor discriminate(Tensor samples, Tensor oneHot) {
        if (oneHot == null) {
            return discriminate(samples);
        }
        Variable in = Variable.concat(1, Variable.constant(samples, "sample"), Variable.constant(oneHot, "label"));
        return discriminator.forward(in, ForwardContext.inference()).sigmoid().value();
    }

    /** D's probability σ(l) that each sample is real, in inference mode: (N, 1). */
    public Tensor discriminate(Tensor samples) {
        return discriminator.forward(Variable.constant(samples, "sample"), ForwardContext.inference()).sigmoid()
                .value();
    }

    /**
     * −∂L_G/∂x at each generated point x (non-saturating loss): the direction the generator's step pushes each
     * fake, as GAN Lab draws it; (N, sample size).
     */
    public Tensor generatorGradientArrows(Tensor fakes) {
        return generatorGradientArrows(fakes, null);
    }

    /** The arrows of a conditional GAN: D reads each fake with its one-hot label (N, classes) appended. */
    public Tensor generatorGradientArrows(Tensor fakes, Tensor oneHot) {
        Variable x = Variable.parameter(fakes.copy(), "fake");
        Variable input = oneHot == null ? x : Variable.concat(1, x, Variable.constant(oneHot, "label"));
        Variable logits = discriminator.forward(input, ForwardContext.inference());
        Variable loss = settings.generatorLoss() == GanSettings.GeneratorLoss.MINIMAX
                ? logits.sigmoidCrossEntropy(Variable.constant(Tensor.zeros(logits.shape()))).neg()
                : logits.sigmoidCrossEntropy(Variable.constant(Tensor.ones(logits.shape())));
        Tape.record(loss).backward();
        return x.grad().mul(-1f);
    }

    /** A batch of codes z ~ N(0, I) (N, latent) from {@code rng}, with labels appended when conditional. */
    public static Tensor codes(int n, int latent, Tensor oneHot, Rng rng) {
        int classes = oneHot == null ? 0 : oneHot.dim(1);
        Tensor out = Tensor.zeros(n, latent + classes);
        fillCodes(out, latent, oneHot, rng);
        return out;
    }

    /** Fills (N, latent + classes) in place with z ~ N(0, I) and the labels, allocating nothing. */
    static void fillCodes(Tensor codes, int latent, Tensor oneHot, Rng rng) {
        int n = codes.dim(0);
        int classes = oneHot == null ? 0 : oneHot.dim(1);
        float[] z = codes.buffer();
        float[] labels = oneHot == null ? null : oneHot.buffer();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < latent; j++) {
                z[i * (latent + classes) + j] = (float) rng.nextGaussian();
            }
            for (int c = 0; c < classes; c++) {
                z[i * (latent + classes) + latent + c] = labels[i * classes + c];
            }
        }
    }

    @Override
    public Tensor output() {
        return graphs == null ? null : graphs.lastFakes();
    }

    @Override
    public double learningRate() {
        return generatorOptimizer.learningRate();
    }

    /** Sets η of both optimisers. */
    @Override
    public void setLearningRate(double eta) {
        generatorOptimizer.setLearningRate(eta);
        discriminatorOptimizer.setLearningRate(eta);
    }

    @Override
    public void reset() {
        generatorOptimizer.reset();
        discriminatorOptimizer.reset();
        discriminatorStepsInRound = 0;
        lastPhase = null;
        graphs = null;
        lastRealTerm = Float.NaN;
        lastFakeTerm = Float.NaN;
    }

    @Override
    public boolean endEpoch() {
        return false;
    }

    /** Takes new optimiser settings for both networks (the same kind keeps its moments). */
    @Override
    public void reconfigure(ComponentSpec spec) {
        generatorOptimizer = keep(generatorOptimizer, DocumentCompiler.optimizer(spec));
        discriminatorOptimizer = keep(discriminatorOptimizer, DocumentCompiler.optimizer(spec));
    }

    private static Optimizer keep(Optimizer old, Optimizer next) {
        if (next.keepsStateLike(old)) {
            next.importState(old.exportState());
        }
        return next;
    }

    @Override
    public String describe() {
        return "GAN: " + settings.discriminatorSteps() + " D step(s) per G step, " + settings.generatorLoss().id()
                + " G loss; D " + discriminatorOptimizer.describe() + ", G " + generatorOptimizer.describe();
    }

    /** The checkpoint holds the discriminator's optimiser state only; the generator's starts fresh. */
    @Override
    public OptimizerState exportState() {
        return discriminatorOptimizer.exportState();
    }

    @Override
    public void importState(OptimizerState state) {
        if (state != null) {
            discriminatorOptimizer.importState(state);
        }
    }

    @Override
    public Object stepState() {
        return new int[] {discriminatorStepsInRound};
    }

    @Override
    public void restoreStepState(Object state) {
        discriminatorStepsInRound = ((int[]) state)[0];
    }

    @Override
    public List<NodeRecord> recordNodes(Map<String, TensorCopy> before) {
        return graphs == null ? List.of() : graphs.recordNodes(lastPhase, before);
    }

    /** ∂L/∂θ of the network the last step updated. */
    @Override
    public Map<String, TensorCopy> gradients() {
        Map<String, TensorCopy> out = new LinkedHashMap<>();
        if (lastPhase != null) {
            for (Parameter p : (lastPhase == Phase.DISCRIMINATOR ? discriminator : generator).trainableParameters()) {
                if (p.grad() != null) {
                    out.put(p.name(), TapeRecords.copy(p.grad()));
                }
            }
        }
        return out;
    }

    @Override
    public String firstNonFinite() {
        return graphs == null ? "loss" : graphs.firstNonFinite();
    }

    /** Every parameter of both networks, the generator's first. */
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(generator.parameters());
        all.addAll(discriminator.parameters());
        return all;
    }
}
