package studio.backprop.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.autograd.Variable;
import studio.backprop.tensor.Tensor;

/** L1/L2 penalties through the gradient, decoupled weight decay beside it. */
class PenaltyAndDecayTest {

    private static final float TOL = 1e-6f;

    @Test
    void workedExample11WeightDecayAsL2Penalty() {
        // θ = [1, −2], ∇L_data = [0.3, 0.1], L = L_data + λ‖θ‖² with λ = 0.01, η = 0.1, plain SGD.
        // The penalty adds 2λθ = [0.02, −0.04]:  g = [0.32, 0.06]
        // θ ← θ − η·g = [1 − 0.032, −2 − 0.006] = [0.968, −2.006]
        Variable theta = Quadratic.parameter("theta", 1f, -2f);
        Sgd sgd = new Sgd(0.1);
        sgd.setPenalty(Penalty.l2(0.01));
        assertEquals(0.05, sgd.penalty().loss(theta.value()), 1e-9, "λ‖θ‖² = 0.01·(1 + 4)");
        Quadratic.linear(theta, 0.3f, 0.1f);
        sgd.step(List.of(theta));
        assertArrayEquals(new float[] {0.968f, -2.006f}, theta.value().toArray(), TOL);
        assertArrayEquals(new float[] {0.3f, 0.1f}, theta.grad().toArray(), "the stored gradient is not changed");
    }

    @Test
    void l1PenaltyAddsLambdaTimesSignWithSignOfZeroBeingZero() {
        // θ = [1, −2, 0], ∇ = [0.3, 0.1, 0.2], λ₁ = 0.1, η = 0.1.
        // λ₁·sign(θ) = [0.1, −0.1, 0]  → g = [0.4, 0.0, 0.2]
        // θ ← [1 − 0.04, −2 − 0, 0 − 0.02] = [0.96, −2, −0.02]
        Variable theta = Quadratic.parameter("theta", 1f, -2f, 0f);
        Sgd sgd = new Sgd(0.1);
        sgd.setPenalty(Penalty.l1(0.1));
        assertEquals(0.3, sgd.penalty().loss(theta.value()), 1e-9, "λ₁‖θ‖₁ = 0.1·3");
        Quadratic.linear(theta, 0.3f, 0.1f, 0.2f);
        sgd.step(List.of(theta));
        assertArrayEquals(new float[] {0.96f, -2f, -0.02f}, theta.value().toArray(), TOL);
    }

    @Test
    void bothPenaltiesTogetherAddTheirGradients() {
        Penalty both = new Penalty(0.1, 0.01);
        assertEquals(0.1 + 2 * 0.01 * 3, both.gradient(3), 1e-12);
        assertEquals(-0.1 + 2 * 0.01 * -3, both.gradient(-3), 1e-12);
        assertEquals(0, both.gradient(0));
        assertEquals(0.1 * 5 + 0.01 * 13, both.loss(Tensor.vector(2, -3)), 1e-9);
    }

    @Test
    void decoupledWeightDecayShrinksTheWeightsOutsideTheGradient() {
        // θ = [1, −2], ∇ = [0.3, 0.1], λ_wd = 0.01, η = 0.1, plain SGD:
        // θ ← θ − η∇ − η·λ_wd·θ = [1 − 0.03 − 0.001, −2 − 0.01 + 0.002] = [0.969, −2.008]
        Variable theta = Quadratic.parameter("theta", 1f, -2f);
        Sgd sgd = new Sgd(0.1);
        sgd.setWeightDecay(0.01);
        Quadratic.linear(theta, 0.3f, 0.1f);
        sgd.step(List.of(theta));
        assertArrayEquals(new float[] {0.969f, -2.008f}, theta.value().toArray(), TOL);
    }

    @Test
    void decoupledDecayInAdamNeverReachesTheMoments() {
        // AdamW, η = 0.1, λ_wd = 0.5, θ = [1, −2], ∇ = [0.3, 0.1], first step (n = 1):
        // m = 0.1·∇ = [0.03, 0.01], v = 0.001·∇² = [9e-5, 1e-5]; m̂ = ∇, √v̂ = |∇|, so the Adam step is
        // −η·∇/(|∇| + ε) ≈ [−0.1, −0.1]; decay −η·λ_wd·θ = [−0.05, +0.1]:
        // θ = [1 − 0.1 − 0.05, −2 − 0.1 + 0.1] = [0.85, −2.0]  (to ε)
        Variable theta = Quadratic.parameter("theta", 1f, -2f);
        Adam adamW = new Adam(0.1);
        adamW.setWeightDecay(0.5);
        Quadratic.linear(theta, 0.3f, 0.1f);
        adamW.step(List.of(theta));
        assertArrayEquals(new float[] {0.85f, -2.0f}, theta.value().toArray(), 1e-5f);
        assertArrayEquals(new float[] {0.03f, 0.01f}, adamW.state().get("theta").get("m").toArray(), 1e-7f);

        // As an L2 penalty instead, the same strength goes through the moments: m = 0.1·(∇ + 2λθ).
        Variable other = Quadratic.parameter("theta", 1f, -2f);
        Adam adamL2 = new Adam(0.1);
        adamL2.setPenalty(Penalty.l2(0.25));
        Quadratic.linear(other, 0.3f, 0.1f);
        adamL2.step(List.of(other));
        assertArrayEquals(new float[] {0.08f, -0.09f}, adamL2.state().get("theta").get("m").toArray(), 1e-7f);
    }

    @Test
    void parametersWithoutAGradientAreSkipped() {
        Variable used = Quadratic.parameter("used", 1f);
        Variable unused = Quadratic.parameter("unused", 5f);
        Adam adam = new Adam(0.1);
        adam.setWeightDecay(0.1);
        adam.setPenalty(Penalty.l2(0.1));
        Quadratic.towards(used, 3f);
        assertNull(unused.grad());
        adam.step(List.of(used, unused));
        assertEquals(5f, Quadratic.value(unused), "no gradient, no penalty, no decay");
        assertEquals(List.of("used"), List.copyOf(adam.state().keySet()));
    }
}
