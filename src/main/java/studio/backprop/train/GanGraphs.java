package studio.backprop.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.backprop.autograd.Tape;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.Network;
import studio.backprop.nn.layers.ForwardContext;
import studio.backprop.spec.GanSettings;
import studio.backprop.tensor.Finite;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;
import studio.backprop.train.StepRecord.NodeRecord;
import studio.backprop.train.TrainingSnapshot.TensorCopy;

/**
 * The two recorded computations of a GAN for one batch size: the discriminator's loss on real and generated
 * samples, and the generator's loss through the discriminator. Each step copies a new batch and fresh noise into
 * their constant leaves and replays the tape in place, as {@code TrainingStep} does for one network.
 */
final class GanGraphs {

    private final int batch;
    private final int[] sampleShape;
    private final GanSettings settings;
    private final Tensor real;
    private final Tensor labels;
    private final Tensor discriminatorCodes;
    private final Tensor generatorCodes;
    private final Tape discriminatorTape;
    private final Tape generatorTape;
    private final Variable discriminatorFakes;
    private final Variable generatorFakes;
    private final Map<String, Variable> discriminatorNodes = new LinkedHashMap<>();
    private final Map<String, Variable> generatorNodes = new LinkedHashMap<>();
    private final Variable realTerm;
    private final Variable fakeTerm;
    private Variable lastFakes;

    /** How a D step's record names the discriminator's layers on the real batch: "D(real):d1/z". */
    static final String REAL = "D(real):";
    /** How a D step's record names them on the generated batch. */
    static final String FAKE = "D(fake):";

    GanGraphs(Network generator, Network discriminator, GanSettings settings, Tensor x, Tensor y, Rng rng) {
        this.batch = x.dim(0);
        this.sampleShape = x.shape();
        this.settings = settings;
        this.real = x.copy();
        this.labels = y == null ? null : y.copy();
        this.discriminatorCodes = GanRule.codes(batch, settings.latent(), labels, rng);
        this.generatorCodes = GanRule.codes(batch, settings.latent(), labels, rng);
        Variable labelLeaf = labels == null ? null : Variable.constant(labels, "label");

        // L_D = BCE(l(x), 1) + BCE(l(G(z)), 0)
        ForwardContext dContext = ForwardContext.training(rng);
        Map<String, Variable> g1 = generator.forwardAll(Variable.constant(discriminatorCodes, "z"), dContext);
        discriminatorFakes = last(generator, g1);
        Map<String, Variable> d0 = discriminator.forwardAll(withLabels(Variable.constant(real, "real"), labelLeaf),
                dContext);
        Variable realLogits = last(discriminator, d0);
        Map<String, Variable> d1 = discriminator.forwardAll(withLabels(discriminatorFakes, labelLeaf), dContext);
        Variable fakeLogits = last(discriminator, d1);
        realTerm = realLogits.sigmoidCrossEntropy(constant(realLogits, 1f)).named("loss/real");
        fakeTerm = fakeLogits.sigmoidCrossEntropy(constant(fakeLogits, 0f)).named("loss/fake");
        discriminatorTape = Tape.record(realTerm.add(fakeTerm).named("loss"));
        prefixed(d0, REAL, discriminatorNodes);
        prefixed(g1, "G:", discriminatorNodes);
        prefixed(d1, FAKE, discriminatorNodes);

        // non-saturating L_G = BCE(l(G(z)), 1) = −mean log σ(l); minimax L_G = −BCE(l(G(z)), 0) = mean log(1 − σ(l))
        ForwardContext gContext = ForwardContext.training(rng);
        Map<String, Variable> g2 = generator.forwardAll(Variable.constant(generatorCodes, "z"), gContext);
        generatorFakes = last(generator, g2);
        Map<String, Variable> d2 = discriminator.forwardAll(withLabels(generatorFakes, labelLeaf), gContext);
        Variable logits = last(discriminator, d2);
        Variable gLoss = settings.generatorLoss() == GanSettings.GeneratorLoss.MINIMAX
                ? logits.sigmoidCrossEntropy(constant(logits, 0f)).neg()
                : logits.sigmoidCrossEntropy(constant(logits, 1f));
        generatorTape = Tape.record(gLoss.named("loss"));
        prefixed(g2, "G:", generatorNodes);
        prefixed(d2, "D:", generatorNodes);
    }

    boolean fits(Tensor x) {
        return x.hasShape(sampleShape);
    }

    /** Replays L_D on this batch with fresh codes and runs backward; returns L_D. */
    float discriminatorStep(Tensor x, Tensor y, Rng rng) {
        real.assign(x);
        refreshCodes(discriminatorCodes, y, rng);
        discriminatorTape.forward();
        discriminatorTape.backward();
        lastFakes = discriminatorFakes;
        return discriminatorTape.output().value().item();
    }

    /** Replays L_G with fresh codes (and this batch's labels) and runs backward; returns L_G. */
    float generatorStep(Tensor y, Rng rng) {
        refreshCodes(generatorCodes, y, rng);
        generatorTape.forward();
        generatorTape.backward();
        lastFakes = generatorFakes;
        return generatorTape.output().value().item();
    }

    private void refreshCodes(Tensor codes, Tensor y, Rng rng) {
        if (labels != null) {
            labels.assign(y);
        }
        GanRule.fillCodes(codes, settings.latent(), labels, rng);
    }

    /** BCE(l(x), 1) of the last D step: −mean log σ(l(x)) over the real batch. */
    float realTerm() {
        return realTerm.value().item();
    }

    /** BCE(l(G(z)), 0) of the last D step: −mean log(1 − σ(l(G(z)))) over the generated batch. */
    float fakeTerm() {
        return fakeTerm.value().item();
    }

    Tensor lastFakes() {
        return lastFakes == null ? null : lastFakes.value();
    }

    List<NodeRecord> recordNodes(GanRule.Phase phase, Map<String, TensorCopy> before) {
        return phase == GanRule.Phase.GENERATOR ? TapeRecords.of(generatorTape, generatorNodes, before)
                : TapeRecords.of(discriminatorTape, discriminatorNodes, before);
    }

    String firstNonFinite() {
        for (Map<String, Variable> nodes : List.of(generatorNodes, discriminatorNodes)) {
            for (Map.Entry<String, Variable> e : nodes.entrySet()) {
                if (Finite.firstNonFinite(e.getValue().value()) >= 0) {
                    return e.getKey();
                }
            }
        }
        return "loss";
    }

    private static Variable withLabels(Variable samples, Variable labels) {
        return labels == null ? samples : Variable.concat(1, samples, labels);
    }

    private static Variable constant(Variable like, float value) {
        Tensor t = Tensor.zeros(like.shape());
        t.fill(value);
        return Variable.constant(t, "target");
    }

    private static Variable last(Network net, Map<String, Variable> nodes) {
        return nodes.get(net.nodes().get(net.nodes().size() - 1).name());
    }

    private static void prefixed(Map<String, Variable> from, String prefix, Map<String, Variable> into) {
        from.forEach((name, v) -> {
            if (!name.equals(Network.INPUT)) {
                into.put(prefix + name, v);
            }
        });
    }
}
