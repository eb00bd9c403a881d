package studio.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.data.TargetDistributions;
import studio.backprop.nn.Activation;
import studio.backprop.nn.Network;
import studio.backprop.nn.Parameter;
import studio.backprop.nn.layers.Dense;
import studio.backprop.nn.optim.Adam;
import studio.backprop.spec.GanSettings;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/** The alternating GAN rule: its order step by step, which network each step moves, and learning the ring. */
class GanRuleTest {

    static Network mlp(String prefix, int in, int hidden, int out) {
        return Network.builder(in)
                .add(new Dense(prefix + "1", hidden, Activation.RELU))
                .add(new Dense(prefix + "2", hidden, Activation.RELU))
                .add(new Dense(prefix + "out", out, Activation.LINEAR))
                .build();
    }

    private static GanRule rule(int k, GanSettings.GeneratorLoss loss, double eta, long seed) {
        Network g = mlp("g", 2, 16, 2);
        Network d = mlp("d", 2, 16, 1);
        Rng rng = new Rng(seed);
        g.build(rng);
        d.build(rng);
        return new GanRule(g, d, new Adam(eta, 0.5, 0.999, 1e-8), new Adam(eta, 0.5, 0.999, 1e-8),
                new GanSettings(2, k, loss, 0), rng);
    }

    @Test
    void kDiscriminatorStepsThenOneGeneratorStepAndEachMovesOnlyItsOwnNetwork() {
        GanRule rule = rule(3, GanSettings.GeneratorLoss.NON_SATURATING, 0.01, 1);
        TargetDistributions.Samples ring = TargetDistributions.ring(256, 0.02, 2);
        GanRun run = new GanRun(rule, ring.points(), null, 32, 3);
        List<GanRule.Phase> phases = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            GanRule.Phase expected = rule.nextPhase();
            float[] g = flat(rule.generator().parameters());
            float[] d = flat(rule.discriminator().parameters());
            run.step();
            assertEquals(expected, rule.lastPhase());
            phases.add(rule.lastPhase());
            boolean dMoved = !java.util.Arrays.equals(d, flat(rule.discriminator().parameters()));
            boolean gMoved = !java.util.Arrays.equals(g, flat(rule.generator().parameters()));
            assertEquals(expected == GanRule.Phase.DISCRIMINATOR, dMoved, "step " + (i + 1) + " moves D");
            assertEquals(expected == GanRule.Phase.GENERATOR, gMoved, "step " + (i + 1) + " moves G");
        }
        GanRule.Phase d = GanRule.Phase.DISCRIMINATOR;
        GanRule.Phase g = GanRule.Phase.GENERATOR;
        assertEquals(List.of(d, d, d, g, d, d, d, g), phases);
        assertFalse(Float.isNaN(rule.discriminatorLoss()));
        assertFalse(Float.isNaN(rule.generatorLoss()));
    }

    @Test
    void modesStepOneNetworkOnly() {
        GanRule rule = rule(1, GanSettings.GeneratorLoss.MINIMAX, 0.01, 4);
        GanRun run = new GanRun(rule, TargetDistributions.line(128, 0.02, 5).points(), null, 16, 6);
        rule.setMode(GanRule.Mode.GENERATOR_ONLY);
        run.step();
        run.step();
        assertEquals(GanRule.Phase.GENERATOR, rule.lastPhase());
        assertTrue(Float.isNaN(rule.discriminatorLoss()), "no D step yet");
        rule.setMode(GanRule.Mode.DISCRIMINATOR_ONLY);
        run.step();
        run.step();
        assertEquals(GanRule.Phase.DISCRIMINATOR, rule.lastPhase());
    }

    @Test
    void theDiscriminatorLossAtTheStartIsTwiceLogTwoWhenItCannotTell() {
        // a discriminator with zero weights says σ(0) = ½ for everything: L_D = 2·ln 2, L_G = ln 2
        GanRule rule = rule(1, GanSettings.GeneratorLoss.NON_SATURATING, 0.01, 7);
        for (Parameter p : rule.discriminator().parameters()) {
            p.value().fill(0f);
        }
        GanRun run = new GanRun(rule, TargetDistributions.ring(64, 0.0, 1).points(), null, 16, 2);
        assertEquals(2 * Math.log(2), run.step(), 1e-6);
        rule.discriminator().parameters().forEach(p -> p.value().fill(0f));
        assertEquals(Math.log(2), run.step(), 1e-6);
    }

    @Test
    void theRingTemplatesGeneratedPointsMoveOntoTheRing() throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of("samples", "gan-ring.bpgan");
        GanRun run = GanSessions.prepare(studio.backprop.spec.GanCompiler.compile(
                studio.backprop.spec.GanFormat.read(java.nio.file.Files.readString(file), "gan-ring.bpgan")));
        GanRule rule = run.rule();
        Tensor z = run.codes(500, 14);
        double before = meanDistanceToRing(rule.generate(z));
        for (int i = 0; i < 4000; i++) {
            run.step();
        }
        double after = meanDistanceToRing(rule.generate(z));
        assertTrue(before > 0.5, "the untrained generator is off the ring: " + before);
        assertTrue(after < 0.15, "mean distance to the ring after 2000 generator steps: " + after
                + " (was " + before + ")");
    }

    @Test
    void gradientArrowsPointUpTheDiscriminatorsSlope() {
        GanRule rule = rule(1, GanSettings.GeneratorLoss.NON_SATURATING, 0.01, 21);
        Tensor points = Tensor.of(new float[] {0.1f, 0.2f, -0.5f, 0.3f}, 2, 2);
        Tensor arrows = rule.generatorGradientArrows(points);
        assertArrayEquals(new int[] {2, 2}, arrows.shape());
        Tensor moved = points.copy();
        for (int i = 0; i < 4; i++) {
            moved.buffer()[i] += 1e-2f * arrows.buffer()[i] / (float) Math.max(1e-6, norm(arrows));
        }
        float[] p0 = rule.discriminate(points).toArray();
        float[] p1 = rule.discriminate(moved).toArray();
        assertTrue(p1[0] + p1[1] >= p0[0] + p0[1] - 1e-6, "moving along the arrows makes D say 'real' more");
    }

    static double meanDistanceToRing(Tensor points) {
        float[] xy = points.buffer();
        double sum = 0;
        for (int i = 0; i < points.dim(0); i++) {
            sum += TargetDistributions.distanceToRing(xy[2 * i], xy[2 * i + 1]);
        }
        return sum / points.dim(0);
    }

    private static double norm(Tensor t) {
        double s = 0;
        for (float v : t.buffer()) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private static float[] flat(List<Parameter> params) {
        int n = params.stream().mapToInt(p -> p.value().size()).sum();
        float[] out = new float[n];
        int at = 0;
        for (Parameter p : params) {
            System.arraycopy(p.value().buffer(), 0, out, at, p.value().size());
            at += p.value().size();
        }
        return out;
    }
}
