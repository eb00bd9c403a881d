package studio.backprop.nn.generative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.autograd.GradCheck;
import studio.backprop.autograd.Variable;
import studio.backprop.autograd.ops.NormalNoise;
import studio.backprop.nn.Activation;
import studio.backprop.nn.Network;
import studio.backprop.nn.TrainingStep;
import studio.backprop.nn.layers.Dense;
import studio.backprop.nn.layers.ForwardContext;
import studio.backprop.nn.layers.GaussianNoise;
import studio.backprop.nn.layers.Sampling;
import studio.backprop.nn.layers.SparsityPenalty;
import studio.backprop.nn.loss.Losses;
import studio.backprop.nn.optim.Sgd;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/** The reparameterisation, the KL term and the sparsity penalty: values by hand and gradients by differences. */
class LatentTermsTest {

    private static final GradCheck.Options TIGHT = GradCheck.Options.defaults().withStep(1e-3);

    @Test
    void reparameterisationGradientsMatchFiniteDifferences() {
        Tensor eps = Tensor.uniform(new Rng(3), -2f, 2f, 4, 3);
        GradCheck.Report report = GradCheck.check(v -> LatentTerms.reparameterise(v.get(0), v.get(1),
                Variable.constant(eps)), List.of(Tensor.uniform(new Rng(1), -1f, 1f, 4, 3),
                Tensor.uniform(new Rng(2), -1f, 1f, 4, 3)), TIGHT);
        assertTrue(report.passed(), report.describeFailures());
    }

    @Test
    void reparameterisationIsMuPlusSigmaTimesEpsilon() {
        Variable mu = Variable.constant(Tensor.of(new float[] {1f, -2f}, 1, 2));
        Variable logVar = Variable.constant(Tensor.of(new float[] {0f, (float) Math.log(4)}, 1, 2));
        Variable eps = Variable.constant(Tensor.of(new float[] {0.5f, -1f}, 1, 2));
        float[] z = LatentTerms.reparameterise(mu, logVar, eps).value().toArray();
        assertEquals(1.5f, z[0], 1e-6f);
        assertEquals(-4f, z[1], 1e-5f);
    }

    @Test
    void klTermGradientsMatchFiniteDifferences() {
        GradCheck.Report report = GradCheck.check(v -> LatentTerms.klToStandardNormal(v.get(0), v.get(1)),
                List.of(Tensor.uniform(new Rng(4), -1f, 1f, 3, 2), Tensor.uniform(new Rng(5), -1f, 1f, 3, 2)), TIGHT);
        assertTrue(report.passed(), report.describeFailures());
    }

    @Test
    void klTermIsZeroAtTheStandardNormalAndMatchesTheFormulaElsewhere() {
        Variable zero = Variable.constant(Tensor.zeros(2, 3));
        assertEquals(0f, LatentTerms.klToStandardNormal(zero, zero).value().item(), 1e-7f);
        // one sample, one dimension: μ = 1, σ² = 2 → ½(σ² + μ² − 1 − ln σ²) = ½(2 + 1 − 1 − ln 2)
        Variable mu = Variable.constant(Tensor.of(new float[] {1f}, 1, 1));
        Variable logVar = Variable.constant(Tensor.of(new float[] {(float) Math.log(2)}, 1, 1));
        assertEquals(0.5 * (2 - Math.log(2)), LatentTerms.klToStandardNormal(mu, logVar).value().item(), 1e-6);
    }

    @Test
    void sparsityPenaltyGradientsMatchFiniteDifferences() {
        GradCheck.Report report = GradCheck.check(v -> LatentTerms.sparsityKl(v.get(0), 0.1),
                List.of(Tensor.uniform(new Rng(6), 0.1f, 0.9f, 5, 4)), TIGHT);
        assertTrue(report.passed(), report.describeFailures());
    }

    @Test
    void sparsityPenaltyIsTheKlOfTheMeanActivation() {
        // unit 1 has mean 0.1 = ρ (no penalty), unit 2 mean 0.5
        Variable a = Variable.constant(Tensor.of(new float[] {0.05f, 0.4f, 0.15f, 0.6f}, 2, 2));
        double expected = 0.1 * Math.log(0.1 / 0.5) + 0.9 * Math.log(0.9 / 0.5);
        assertEquals(expected, LatentTerms.sparsityKl(a, 0.1).value().item(), 1e-5);
    }

    @Test
    void noiseIsSeededAndRedrawnAtEveryForwardPass() {
        Variable x = Variable.constant(Tensor.zeros(2, 3));
        float[] first = Variable.apply(new NormalNoise(new Rng(9)), x).value().toArray();
        float[] again = Variable.apply(new NormalNoise(new Rng(9)), x).value().toArray();
        assertEquals(List.of(toList(first)), List.of(toList(again)));
        GaussianNoise layer = new GaussianNoise("noise", 0.5f);
        Variable y = layer.forward(List.of(x), ForwardContext.training(new Rng(9)));
        float[] drawn = y.value().toArray();
        for (int i = 0; i < drawn.length; i++) {
            assertEquals(0.5f * first[i], drawn[i], 1e-6f);
        }
        studio.backprop.autograd.Tape tape = studio.backprop.autograd.Tape.record(y);
        tape.forward();
        assertNotEquals(toList(drawn), toList(y.value().toArray()), "a replayed step draws new noise");
        assertEquals(toList(x.value().toArray()), toList(layer.forward(List.of(x), ForwardContext.inference())
                .value().toArray()), "no noise at inference");
    }

    @Test
    void trainingAddsTheSamplingLayersKlTermToTheLoss() {
        Network net = Network.builder(3)
                .add(new Dense("mu", 2, Activation.LINEAR), Network.INPUT)
                .add(new Dense("logvar", 2, Activation.LINEAR), Network.INPUT)
                .add(new Sampling("z", 0.5f), "mu", "logvar")
                .add(new Dense("out", 3, Activation.LINEAR), "z")
                .build();
        net.build(new Rng(1));
        Tensor x = Tensor.uniform(new Rng(2), -1f, 1f, 4, 3);
        TrainingStep step = new TrainingStep(net, Losses.byName("mse"), new Sgd(0.0), new Rng(3));
        float loss = step.run(x, x);
        double kl = LatentTerms.klToStandardNormal(step.nodeOutputs().get("mu"), step.nodeOutputs().get("logvar"))
                .value().item();
        double mse = Losses.byName("mse").compute(step.output(), Variable.constant(x)).value().item();
        assertEquals(mse + 0.5 * kl, loss, 1e-5);
        ForwardContext inference = ForwardContext.inference();
        net.forward(Variable.constant(x), inference);
        assertTrue(inference.lossTerms().isEmpty());
    }

    @Test
    void sparsityLayerAddsItsPenaltyOnlyInTraining() {
        SparsityPenalty layer = new SparsityPenalty("sparse", 0.2, 3f);
        Variable a = Variable.constant(Tensor.of(new float[] {0.1f, 0.5f, 0.3f, 0.7f}, 2, 2));
        ForwardContext training = ForwardContext.training(new Rng(0));
        float[] out = layer.forward(List.of(a), training).value().toArray();
        assertEquals(toList(a.value().toArray()), toList(out));
        assertEquals(3 * LatentTerms.sparsityKl(a, 0.2).value().item(), training.lossTerms().get(0).value().item(),
                1e-5);
    }

    private static List<Float> toList(float[] values) {
        java.util.ArrayList<Float> out = new java.util.ArrayList<>();
        for (float v : values) {
            out.add(v);
        }
        return out;
    }
}
