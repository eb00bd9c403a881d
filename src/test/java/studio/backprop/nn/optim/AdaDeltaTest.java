package studio.backprop.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.autograd.Variable;

/** AdaDelta on f(w) = (w − 3)² from w₀ = 1, one step worked by hand, the second from the same formulas. */
class AdaDeltaTest {

    @Test
    void oneStepByHand() {
        // η = 1, ρ = 0.95, ε = 1e-6, s₀ = u₀ = 0.   ∇ = 2(1 − 3) = −4
        // s₁ = 0.95·0 + 0.05·16 = 0.8
        // Δ₁ = −√(0 + 1e-6) / √(0.8 + 1e-6) · (−4) = 0.001·4 / 0.8944278 = 0.00447213
        // u₁ = 0.95·0 + 0.05·0.00447213² = 0.05·2.0e-5 = 1.0e-6
        // w₁ = 1 + 1·0.00447213 = 1.00447213
        AdaDelta adadelta = new AdaDelta();
        Variable w = Quadratic.parameter("w", 1f);
        Quadratic.towards(w, 3f);
        adadelta.step(List.of(w));
        assertEquals(1.00447213, Quadratic.value(w), 1e-6);
        OptimizerState state = adadelta.exportState();
        assertEquals(0.8, state.buffer("w", "mean_square_gradient")[0], 1e-6);
        assertEquals(1.0e-6, state.buffer("w", "mean_square_delta")[0], 1e-9);
    }

    @Test
    void theSecondStepUsesTheRmsOfTheFirstUpdate() {
        // ∇ = 2(1.00447213 − 3) = −3.99105573; s₂ = 0.95·0.8 + 0.05·15.9285 = 1.55642629
        // Δ₂ = √(1.0e-6 + 1e-6)/√(1.55642729)·3.99105573 = 0.00141421/1.24757·3.99106 = 0.00452416
        AdaDelta adadelta = new AdaDelta();
        Variable w = Quadratic.parameter("w", 1f);
        for (int k = 0; k < 2; k++) {
            Quadratic.towards(w, 3f);
            adadelta.step(List.of(w));
        }
        assertEquals(1.00447213 + 0.00452416, Quadratic.value(w), 1e-6);
    }

    @Test
    void aLearningRateScalesTheStepAsKerasDoes() {
        AdaDelta keras = new AdaDelta(0.001, 0.95, 1e-6);
        Variable w = Quadratic.parameter("w", 1f);
        Quadratic.towards(w, 3f);
        keras.step(List.of(w));
        assertEquals(1 + 0.001 * 0.00447213, Quadratic.value(w), 1e-7);
    }

    @Test
    void aDecayOfOneIsRefusedInWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AdaDelta(1, 1, 1e-6));
        assertTrue(e.getMessage().contains("adadelta: the decay ρ"), e.getMessage());
    }
}
