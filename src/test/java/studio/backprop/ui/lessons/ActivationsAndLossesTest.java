package studio.backprop.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.nn.Activation;
import studio.backprop.nn.loss.Base;
import studio.backprop.nn.loss.Losses;

/** The activations, losses, information measures and schedules lessons, against values worked by hand. */
class ActivationsAndLossesTest {

    private static int at(double[] xs, double x) {
        for (int i = 0; i < xs.length; i++) {
            if (Math.abs(xs[i] - x) < 1e-6) {
                return i;
            }
        }
        throw new AssertionError("no sample at " + x);
    }

    @Test
    void sigmoidSlopesAQuarterAtZeroAndSaturatesInBothTails() {
        ActivationCurves c = ActivationCurves.compute(Activation.SIGMOID, 0f, -8, 8, 161);
        assertEquals(0.5, c.values()[at(c.xs(), 0)], 1e-6);
        assertEquals(0.25, c.slopes()[at(c.xs(), 0)], 1e-6);
        // saturated where σ' < 0.025, i.e. |x| > 3.64
        assertEquals(2, c.regions().size(), c.regions().toString());
        assertEquals(ActivationCurves.Kind.SATURATED, c.regions().get(0).kind());
        assertEquals(-3.7, c.regions().get(0).to(), 0.11);
        assertEquals(3.7, c.regions().get(1).from(), 0.11);
    }

    @Test
    void reluIsDeadForNegativeInputsIncludingZero() {
        ActivationCurves c = ActivationCurves.compute(Activation.RELU, 0f, -2, 2, 41);
        assertEquals(List.of(new ActivationCurves.Region(ActivationCurves.Kind.DEAD, -2, 0)), c.regions());
    }

    @Test
    void softplusDerivativeIsTheSigmoid() {
        ActivationCurves soft = ActivationCurves.compute(Activation.SOFTPLUS, 0f, -4, 4, 81);
        ActivationCurves sigmoid = ActivationCurves.compute(Activation.SIGMOID, 0f, -4, 4, 81);
        assertArrayEquals(sigmoid.values(), soft.slopes(), 1e-6);
        assertEquals(Math.log(2), soft.values()[at(soft.xs(), 0)], 1e-6);
        assertTrue(ActivationCurves.elementWise().contains(Activation.SOFTPLUS));
        assertThrows(IllegalArgumentException.class,
                () -> ActivationCurves.compute(Activation.SOFTMAX, 0f, -1, 1, 3));
    }

    @Test
    void binaryCrossEntropyAtOneHalf() {
        LossCurves c = LossCurves.compute("binary_cross_entropy", 199);
        int half = at(c.predictions(), 0.5);
        // y = 1: L = −ln p = ln 2, ∂L/∂p = −1/p = −2; y = 0: L = −ln(1 − p) = ln 2, ∂L/∂p = 1/(1 − p) = 2
        assertEquals(Math.log(2), c.loss()[1][half], 1e-5);
        assertEquals(-2, c.gradient()[1][half], 1e-4);
        assertEquals(Math.log(2), c.loss()[0][half], 1e-5);
        assertEquals(2, c.gradient()[0][half], 1e-4);
    }

    @Test
    void mseAndTheCategoricalLossFromLogits() {
        LossCurves mse = LossCurves.compute("mse", 201);
        int half = at(mse.predictions(), 0.5);
        // (ŷ − y)² at ŷ = 0.5, y = 1: 0.25, slope 2(ŷ − y) = −1
        assertEquals(0.25, mse.loss()[1][half], 1e-6);
        assertEquals(-1, mse.gradient()[1][half], 1e-5);
        LossCurves cce = LossCurves.compute("categorical_cross_entropy_from_logits", 201);
        int zero = at(cce.predictions(), 0);
        // logits (0, z) with class 1: L = ln(1 + e^−z) = ln 2 at z = 0, ∂L/∂z = σ(z) − 1 = −½
        assertEquals(Math.log(2), cce.loss()[1][zero], 1e-5);
        assertEquals(-0.5, cce.gradient()[1][zero], 1e-5);
    }

    @Test
    void everyLossOfTheEngineHasCurvesForBothClasses() {
        for (String name : Losses.names()) {
            LossCurves c = LossCurves.compute(name, 51);
            for (int cls = 0; cls < 2; cls++) {
                for (int i = 0; i < 51; i++) {
                    assertTrue(Double.isFinite(c.loss()[cls][i]) && Double.isFinite(c.gradient()[cls][i]),
                            name + " class " + cls + " at " + c.predictions()[i]);
                }
            }
        }
    }

    @Test
    void eightEquallyLikelyValuesCarryThreeBits() {
        double[] p = InformationModel.parse("P", "1 1 1 1 1 1 1 1");
        InformationModel m = InformationModel.of(p, p, Base.BITS);
        assertEquals(3, m.entropy(), 1e-12);
        assertEquals(0, m.divergence(), 1e-12);
        assertEquals(3 * Math.log(2), InformationModel.of(p, p, Base.NATS).entropy(), 1e-12);
    }

    @Test
    void crossEntropyIsEntropyPlusDivergence() {
        // P = (½, ½), Q = (¼, ¾): H(P) = 1 bit; H(P, Q) = −½·log₂ ¼ − ½·log₂ ¾ = 1 + 0.2075 = 1.2075
        InformationModel m = InformationModel.of(InformationModel.parse("P", "0.5, 0.5"),
                InformationModel.parse("Q", "0.25, 0.75"), Base.BITS);
        assertEquals(1, m.entropy(), 1e-12);
        assertEquals(1.2075187, m.crossEntropy(), 1e-6);
        assertEquals(0.2075187, m.divergence(), 1e-6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InformationModel.parse("Q", "0.5, x"));
        assertTrue(e.getMessage().contains("'x' (value 2) is not a number"), e.getMessage());
    }

    @Test
    void schedulesByHand() {
        List<ScheduleCurves.Curve> curves = ScheduleCurves.compute(0.1, 0.5, 2, 5);
        // step decay γ = 0.5 every 2: 0.1, 0.1, 0.05, 0.05, 0.025
        assertArrayEquals(new double[] {0.1, 0.1, 0.05, 0.05, 0.025}, curves.get(1).rates(), 1e-12);
        // exponential r^(t/2): 0.1, 0.0707107, 0.05, 0.0353553, 0.025
        assertArrayEquals(new double[] {0.1, 0.0707107, 0.05, 0.0353553, 0.025}, curves.get(2).rates(), 1e-7);
        // inverse time k = 0.5, T = 2: 0.1/(1 + 0.25t) = 0.1, 0.08, 0.0667, 0.0571, 0.05
        assertArrayEquals(new double[] {0.1, 0.08, 0.1 / 1.5, 0.1 / 1.75, 0.05}, curves.get(4).rates(), 1e-12);
    }
}
