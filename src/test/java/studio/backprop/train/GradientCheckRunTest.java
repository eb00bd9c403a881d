package studio.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.nn.Parameter;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.GradientCheckReport.Verdict;

/** The gradient check page's numbers: backprop agrees with finite differences, a planted bug shows, nothing moves. */
class GradientCheckRunTest {

    private static TrainingLoop trainedXor() {
        TrainingLoop loop = new TrainingLoop(Fixtures.compile(Fixtures.xorNetwork("0.5", "4", "listed")),
                Fixtures.xorData());
        for (int i = 0; i < 5; i++) {
            loop.stepBatch();
        }
        return loop;
    }

    @Test
    void backpropAgreesWithFiniteDifferencesOnEveryWeight() {
        TrainingLoop loop = trainedXor();
        GradientCheckReport report = GradientCheckRun.run(loop, new Probe.GradientCheck(4, 1e-2, 1000, false, 1));
        assertEquals(17, report.rows().size(), "2·4 + 4 + 4·1 + 1 weights, all checked");
        assertEquals(17, report.elements());
        assertEquals(Verdict.AGREES, report.overall(), () -> report.rows().get(0).label() + " "
                + report.rows().get(0).relativeError());
        double worst = report.rows().get(0).relativeError();
        assertTrue(report.rows().stream().allMatch(r -> r.relativeError() <= worst), "worst first");
        assertTrue(report.note().contains("float32"), report.note());
    }

    @Test
    void aLossBackwardThatForgetsTheHalfShowsUpWrong() {
        GradientCheckReport report = GradientCheckRun.run(trainedXor(),
                new Probe.GradientCheck(4, 1e-2, 1000, true, 2));
        GradientCheckReport.Row worst = report.rows().get(0);
        assertEquals(Verdict.WRONG, worst.verdict());
        assertEquals(0.5, worst.relativeError(), 0.05, "twice the true derivative: |2g − g| / |2g|");
        assertTrue(report.count(Verdict.WRONG) > 10, "every derivative that is not tiny is wrong");
    }

    @Test
    void theCheckLeavesWeightsAndTheLastStepsGradientsAsTheyWere() {
        TrainingLoop loop = trainedXor();
        List<Parameter> params = loop.network().trainableParameters();
        float[][] weights = params.stream().map(p -> p.value().toArray()).toArray(float[][]::new);
        float[][] grads = params.stream().map(p -> p.grad().toArray()).toArray(float[][]::new);
        GradientCheckRun.run(loop, new Probe.GradientCheck(2, 1e-2, 1000, true, 3));
        for (int i = 0; i < params.size(); i++) {
            assertArrayEquals(weights[i], params.get(i).value().toArray(), params.get(i).name());
            assertArrayEquals(grads[i], params.get(i).grad().toArray(), params.get(i).name());
        }
    }

    /** The LeNet-5 sample, untrained, as the app opens it. */
    private static TrainingLoop leNet() throws Exception {
        Path file = Path.of("samples", "lenet5-digits.bps");
        NetworkDocument doc = DocumentFormat.read(Files.readString(file), file.getFileName().toString());
        return new TrainingLoop(DocumentCompiler.compile(doc), DataResolver.resolve(doc,
                file.toAbsolutePath().getParent(), false, new int[] {1}));
    }

    @Test
    void largeParametersAreSampledAndConvolutionsAgreeToo() throws Exception {
        TrainingLoop loop = leNet();
        GradientCheckReport report = GradientCheckRun.run(loop, new Probe.GradientCheck(2, 1e-2, 6, false, 4));
        assertTrue(report.rows().size() < report.elements(), "sampled");
        assertTrue(report.note().contains("of " + report.elements() + " weights"), report.note());
        assertTrue(report.count(Verdict.WRONG) == 0, () -> report.rows().get(0).label() + " backprop "
                + report.rows().get(0).backprop() + " vs " + report.rows().get(0).finiteDifference());
        // fresh biases are 0, so on the blank border of a digit c1's ReLU inputs are exactly 0: a kink
        assertTrue(report.rows().stream().filter(r -> r.parameter().equals("c1/bias"))
                .anyMatch(r -> r.verdict() == Verdict.KINK), "the zero biases sit on ReLU's kink");
    }

    @Test
    void thePagesDefaultCheckOnLeNetBlamesNoCorrectRuleAndStillCatchesThePlantedBug() throws Exception {
        // Four digits, h = 0.01, 40 weights a parameter, as the page opens. A c1 kernel weight then moves
        // thousands of ReLU inputs across zero within ±h; the bend must read as a kink, not as a wrong rule.
        TrainingLoop loop = leNet();
        GradientCheckReport report = GradientCheckRun.run(loop, new Probe.GradientCheck(4, 1e-2, 40, false, 6));
        assertEquals(0, report.count(Verdict.WRONG), () -> report.rows().get(0).label() + " backprop "
                + report.rows().get(0).backprop() + " vs " + report.rows().get(0).finiteDifference());
        GradientCheckReport planted = GradientCheckRun.run(loop, new Probe.GradientCheck(4, 1e-2, 40, true, 7));
        // 95 of the 312 checked weights read wrong (99 before kinks counted the bend), the rest sit at kinks
        assertTrue(planted.count(Verdict.WRONG) > 50, () -> planted.count(Verdict.WRONG) + " wrong");
    }

    @Test
    void aPerceptronHasNoGradientToCheck() {
        TrainingLoop loop = Perceptrons.or("listed");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientCheckRun.run(loop, new Probe.GradientCheck(4, 1e-2, 10, false, 5)));
        assertTrue(e.getMessage().contains("perceptron"), e.getMessage());
    }

    @Test
    void chosenIndicesAreDistinctAndSorted() {
        int[] picked = GradientCheckRun.chosen(100, 10, new studio.backprop.tensor.Rng(1));
        assertEquals(10, java.util.Arrays.stream(picked).distinct().count());
        for (int i = 1; i < picked.length; i++) {
            assertTrue(picked[i] > picked[i - 1]);
        }
    }
}
