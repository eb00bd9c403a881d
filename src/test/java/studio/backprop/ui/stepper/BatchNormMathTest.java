package studio.backprop.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.DataResolver;
import studio.backprop.train.StepRecord;
import studio.backprop.train.TrainingLoop;
import studio.backprop.ui.stepper.StepStage.Phase;

/** Batch normalisation in the stepper: μ_B, σ²_B, x̂ and y forward, its gradient back, with the record's numbers. */
class BatchNormMathTest {

    private static StepRecord batchStep() throws Exception {
        Path file = Path.of("samples", "batchnorm-2-3-1.bps");
        NetworkDocument doc = DocumentFormat.read(Files.readString(file), file.getFileName().toString());
        TrainingLoop loop = new TrainingLoop(DocumentCompiler.compile(doc), DataResolver.resolve(doc,
                file.toAbsolutePath().getParent(), false, new int[] {2}));
        loop.setRecording(true);
        loop.stepBatch();
        return loop.lastRecord();
    }

    private static List<String> lines(StepRecord r, Phase phase, String node) {
        StepStage stage = StepStages.of(r, 6).stream().filter(s -> s.phase() == phase && s.node().equals(node))
                .findFirst().orElseThrow(() -> new AssertionError("no " + phase + " stage of " + node));
        return StepMath.of(r, stage, 6);
    }

    private static String n(float v) {
        return StepNumbers.of(v, 6);
    }

    @Test
    void theRecordKeepsTheBatchStatisticsBesideTheOp() throws Exception {
        StepRecord r = batchStep();
        assertEquals(4, r.samples().length);
        float[] x = r.node("hidden/matMul").value().values();
        float[] mean = r.node("bn/batchNorm.mean").value().values();
        float[] variance = r.node("bn/batchNorm.variance").value().values();
        for (int j = 0; j < 3; j++) {
            double mu = (x[j] + x[3 + j] + (double) x[6 + j] + x[9 + j]) / 4;
            double v = 0;
            for (int i = 0; i < 4; i++) {
                v += (x[3 * i + j] - mu) * (x[3 * i + j] - mu) / 4;
            }
            assertEquals(mu, mean[j], 1e-6, "μ_B of channel " + (j + 1));
            assertEquals(v, variance[j], 1e-6, "σ²_B of channel " + (j + 1));
        }
        assertTrue(r.node("bn/batchNorm.mean").internal(), "a row of its own that no stage walks");
    }

    @Test
    void forwardWritesTheMeanTheVarianceTheNormalisedValueAndTheOutput() throws Exception {
        StepRecord r = batchStep();
        List<String> lines = lines(r, Phase.FORWARD, "bn/batchNorm");
        float[] x = r.node("hidden/matMul").value().values();
        String all = String.join("\n", lines);
        assertTrue(all.contains("channel 1: μ_B = (x₁ + x₂ + x₃ + x₄)/4 = (" + n(x[0]) + " + " + n(x[3]) + " + "
                + n(x[6]) + " + " + n(x[9]) + ")/4 = " + n(r.node("bn/batchNorm.mean").value().values()[0])), all);
        assertTrue(all.contains("channel 1: σ²_B = Σᵢ(xᵢ − μ_B)²/4 = "), all);
        assertTrue(all.contains("channel 1: x̂₁ = (x₁ − μ_B)/√(σ²_B + ε) = (" + n(x[0]) + " − "), all);
        assertTrue(all.contains(" + 0.001) = " + n(r.node("bn/batchNorm.normalized").value().values()[0])), all);
        assertTrue(all.contains("channel 1: y₁ = γ·x̂₁ + β = 1·"), all);
        assertTrue(lines.get(lines.size() - 1).endsWith(" = " + n(r.node("bn/batchNorm").value().values()[2])),
                "the record's own y: " + lines);
    }

    @Test
    void backwardWritesTheBatchNormGradientWithItsTwoSums() throws Exception {
        StepRecord r = batchStep();
        String all = String.join("\n", lines(r, Phase.BACKWARD, "hidden/matMul"));
        assertTrue(all.contains("∂L/∂xᵢ = γ/√(σ²_B + ε)·(∂L/∂yᵢ − Σₖ∂L/∂yₖ/m − x̂ᵢ·Σₖ∂L/∂yₖ·x̂ₖ/D)"), all);
        float[] dx = r.node("hidden/matMul").grad().values();
        float dBeta = r.node("bn/beta").grad().values()[0];
        assertTrue(all.contains("channel 1: ∂L/∂x₁ = γ·(1/√(σ²_B + ε))·(∂L/∂y₁ − ∂L/∂β/4 − x̂₁·∂L/∂γ/4) = 1·"), all);
        assertTrue(all.contains(" − " + (dBeta < 0 ? "(" + n(dBeta) + ")" : n(dBeta)) + "/4 − "), all);
        assertTrue(all.contains(") = " + n(dx[0])), "the record's ∂L/∂x: " + all);
        String gamma = String.join("\n", lines(r, Phase.BACKWARD, "bn/gamma"));
        assertTrue(gamma.contains("channel 1: ∂L/∂γ = ∂L/∂y₁·x̂₁ + ∂L/∂y₂·x̂₂ + ∂L/∂y₃·x̂₃ + ∂L/∂y₄·x̂₄ = "), gamma);
        assertTrue(gamma.contains(" = " + n(r.node("bn/gamma").grad().values()[0])), gamma);
        assertNotNull(r.node("bn/batchNorm.invStd"));
    }
}
