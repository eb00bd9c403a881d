package studio.backprop.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.autograd.Variable;

class LearningRateScheduleTest {

    private static final double TOL = 1e-12;

    @Test
    void constantIsTheSameAtEveryStep() {
        LearningRateSchedule s = LearningRateSchedule.constant(0.05);
        assertEquals(0.05, s.learningRate(0));
        assertEquals(0.05, s.learningRate(1_000_000));
        assertEquals("constant", s.name());
    }

    @Test
    void stepDecayDropsByGammaEveryTSteps() {
        // η₀ = 0.1, γ = 0.5, T = 10: η = 0.1·0.5^⌊t/10⌋
        LearningRateSchedule s = LearningRateSchedule.stepDecay(0.1, 0.5, 10);
        assertEquals(0.1, s.learningRate(0), TOL);
        assertEquals(0.1, s.learningRate(9), TOL);
        assertEquals(0.05, s.learningRate(10), TOL);
        assertEquals(0.05, s.learningRate(19), TOL);
        assertEquals(0.025, s.learningRate(20), TOL);
        assertEquals(0.1 / 1024, s.learningRate(100), TOL);
        assertEquals("step_decay", s.name());
    }

    @Test
    void exponentialDecayIsContinuousUnlessStaircase() {
        // η₀ = 0.1, r = 0.5, T = 10: η = 0.1·0.5^(t/10)
        LearningRateSchedule s = LearningRateSchedule.exponentialDecay(0.1, 0.5, 10);
        assertEquals(0.1, s.learningRate(0), TOL);
        assertEquals(0.1 * Math.sqrt(0.5), s.learningRate(5), TOL);     // 0.0707106781
        assertEquals(0.0707106781, s.learningRate(5), 1e-10);
        assertEquals(0.05, s.learningRate(10), TOL);
        assertEquals(0.1 * Math.pow(0.5, 1.5), s.learningRate(15), TOL); // 0.0353553391
        assertEquals(0.025, s.learningRate(20), TOL);

        LearningRateSchedule stairs = LearningRateSchedule.exponentialDecay(0.1, 0.5, 10, true);
        assertEquals(0.1, stairs.learningRate(5), TOL);
        assertEquals(0.05, stairs.learningRate(15), TOL);
        assertEquals("exponential_decay", stairs.name());
    }

    @Test
    void inverseTimeDecayIsEtaOverOnePlusKT() {
        // η₀ = 0.1, k = 0.5: η = 0.1 / (1 + 0.5·t)
        LearningRateSchedule s = LearningRateSchedule.inverseTimeDecay(0.1, 0.5);
        assertEquals(0.1, s.learningRate(0), TOL);
        assertEquals(0.1 / 1.5, s.learningRate(1), TOL);   // 0.0666…
        assertEquals(0.05, s.learningRate(2), TOL);
        assertEquals(0.025, s.learningRate(6), TOL);
        assertEquals("inverse_time_decay", s.name());

        // Keras form with T = 4, staircase: 0.1 / (1 + 0.5·⌊t/4⌋)
        LearningRateSchedule keras = new InverseTimeDecay(0.1, 0.5, 4, true);
        assertEquals(0.1, keras.learningRate(3), TOL);
        assertEquals(0.1 / 1.5, keras.learningRate(4), TOL);
        assertEquals(0.1 / 1.5, new InverseTimeDecay(0.1, 0.5, 4, false).learningRate(4), TOL);
        assertEquals(0.1 / 1.25, new InverseTimeDecay(0.1, 0.5, 4, false).learningRate(2), TOL);
    }

    @Test
    void samplingForAPlotHasNoSideEffects() {
        LearningRateSchedule s = LearningRateSchedule.stepDecay(1, 0.5, 2);
        assertArrayEquals(new double[] {1, 1, 0.5, 0.5, 0.25}, s.sample(5));
        assertArrayEquals(s.sample(5), s.sample(5));

        Sgd sgd = new Sgd(1);
        sgd.setSchedule(s);
        s.sample(100);
        assertEquals(1, sgd.learningRate(), "the optimiser's step count decides, not earlier samples");
    }

    @Test
    void theOptimiserUsesEtaOfTheStepsAlreadyTakenAndCanChangeItLive() {
        // Linear loss with ∇ = 1, so each step moves w by exactly −η(t).
        Variable w = Quadratic.parameter("w", 0f);
        Sgd sgd = new Sgd(1);
        sgd.setSchedule(LearningRateSchedule.stepDecay(1, 0.5, 2));
        double[] expected = {-1, -2, -2.5, -3};   // η(0) = 1, η(1) = 1, η(2) = 0.5, η(3) = 0.5
        for (double e : expected) {
            Quadratic.linear(w, 1f);
            sgd.step(List.of(w));
            assertEquals(e, Quadratic.value(w), 1e-6);
        }
        assertEquals(0.25, sgd.learningRate(), "η(4)");
        sgd.setLearningRate(0.1);
        Quadratic.linear(w, 1f);
        sgd.step(List.of(w));
        assertEquals(-3.1, Quadratic.value(w), 1e-6);
        assertEquals(new ConstantRate(0.1), sgd.schedule());
    }

    @Test
    void badSettingsAreRefusedInWords() {
        assertMessage(() -> LearningRateSchedule.constant(Double.NaN), "learning rate η", "≥ 0", "NaN");
        assertMessage(() -> LearningRateSchedule.constant(-0.1), "learning rate η", "≥ 0", "-0.1");
        assertMessage(() -> LearningRateSchedule.stepDecay(0.1, 1.5, 10), "drop factor γ", "(0, 1]");
        assertMessage(() -> LearningRateSchedule.stepDecay(0.1, 0.5, 0), "drop interval T", "≥ 1");
        assertMessage(() -> LearningRateSchedule.exponentialDecay(0.1, 0, 10), "decay rate r", "(0, 1]");
        assertMessage(() -> LearningRateSchedule.inverseTimeDecay(0.1, -1), "decay rate k", "≥ 0");
        assertMessage(() -> LearningRateSchedule.constant(0.1).learningRate(-1), "step count t", "≥ 0");
    }

    private static void assertMessage(Runnable bad, String... parts) {
        String message = assertThrows(IllegalArgumentException.class, bad::run).getMessage();
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "'" + message + "' should mention '" + part + "'");
        }
    }
}
