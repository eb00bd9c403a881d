package studio.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.data.TargetDistributions;
import studio.backprop.nn.Network;
import studio.backprop.nn.Parameter;
import studio.backprop.nn.optim.Adam;
import studio.backprop.spec.GanSettings;
import studio.backprop.tensor.Rng;
import studio.backprop.train.TrainingSnapshot.TensorCopy;

/** Each GAN step yields a StepRecord labelled by its network, in the rule's order, without changing a number. */
class GanStepRecordTest {

    private static GanRun run(int k, long seed) {
        Network g = GanRuleTest.mlp("g", 2, 8, 2);
        Network d = GanRuleTest.mlp("d", 2, 8, 1);
        Rng rng = new Rng(seed);
        g.build(rng);
        d.build(rng);
        GanRule rule = new GanRule(g, d, new Adam(0.01, 0.5, 0.999, 1e-8), new Adam(0.01, 0.5, 0.999, 1e-8),
                new GanSettings(2, k, GanSettings.GeneratorLoss.NON_SATURATING, 0), rng);
        return new GanRun(rule, TargetDistributions.ring(200, 0.02, 2).points(), null, 16, seed + 1);
    }

    @Test
    void kDiscriminatorRecordsThenOneGeneratorRecordStepByStep() {
        GanRun run = run(3, 7);
        run.setRecording(true);
        assertNull(run.lastStep());
        List<GanStep> steps = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            run.step();
            steps.add(run.lastStep());
        }
        String[] network = {"D", "D", "D", "G", "D", "D", "D", "G"};
        int[] place = {1, 2, 3, 4, 1, 2, 3, 4};
        for (int i = 0; i < 8; i++) {
            GanStep s = steps.get(i);
            StepRecord r = s.record();
            assertEquals(network[i], s.label(), "step " + (i + 1));
            assertEquals(place[i], s.roundStep(), "step " + (i + 1));
            assertEquals(i + 1, r.step());
            assertEquals(16, r.samples().length);
            boolean d = s.network() == GanRule.Phase.DISCRIMINATOR;
            assertEquals(d, r.node("loss/real") != null, "only a D step has the real pass");
            if (d) {
                assertEquals(r.loss(), s.lossOnReal() + s.lossOnFake(), 1e-5f, "L_D = on real + on fake");
                assertEquals(s.lossOnReal(), r.node("loss/real").value().values()[0], 0f);
                assertNotNull(r.node("D(real):d1/relu"));
                assertNotNull(r.node("D(fake):d1/relu"));
            } else {
                assertTrue(Float.isNaN(s.lossOnReal()));
                assertNotNull(r.node("D:d1/relu"));
            }
            assertNotNull(r.node("G:g1/relu"), "the generator makes the fakes in both kinds of step");
            for (String name : r.before().keySet()) {
                boolean moved = !Arrays.equals(r.before().get(name).values(), r.after().get(name).values());
                boolean own = name.startsWith(d ? "d" : "g");
                assertEquals(own, moved, "step " + (i + 1) + ": " + name + " moves only with its own network");
                assertEquals(own, r.gradients().containsKey(name), "gradients of the stepped network only");
            }
        }
        assertEquals(steps.get(3).record().after().get("g1/kernel").values().length,
                steps.get(4).record().before().get("g1/kernel").values().length);
        assertArrayEquals(steps.get(3).record().after().get("d1/kernel").values(),
                steps.get(4).record().before().get("d1/kernel").values(), "each step starts where the last ended");
    }

    @Test
    void recordingChangesNoNumber() {
        GanRun plain = run(2, 11);
        GanRun recorded = run(2, 11);
        recorded.setRecording(true);
        for (int i = 0; i < 9; i++) {
            assertEquals(plain.step(), recorded.step(), 0f, "step " + (i + 1));
        }
        List<Parameter> a = plain.rule().parameters();
        List<Parameter> b = recorded.rule().parameters();
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).value().toArray(), b.get(i).value().toArray(), 0f, a.get(i).name());
        }
        TensorCopy last = recorded.lastStep().record().after().get("d1/kernel");
        assertArrayEquals(b.stream().filter(p -> p.name().equals("d1/kernel")).findFirst().orElseThrow().value()
                .toArray(), last.values(), 0f);
        recorded.setRecording(false);
        assertNull(recorded.lastStep());
        assertFalse(Float.isNaN(recorded.step()));
    }
}
