package studio.backprop.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.autograd.Variable;

/**
 * Two steps of every rule on f(w) = (w − 3)², ∇ = 2(w − 3), from w₀ = 1, computed by hand below. Starting away
 * from 0 matters for momentum: from w₀ = 0 the wrong form w ← w − η∇ + μw happens to give the same numbers.
 */
class OptimizerTrajectoryTest {

    private static final double TOL = 1e-6;

    /** Runs one step of {@code optimizer} on (w − 3)² and returns the new w. */
    private static double step(Optimizer optimizer, Variable w) {
        Quadratic.towards(w, 3f);
        optimizer.step(List.of(w));
        return Quadratic.value(w);
    }

    @Test
    void plainSgd() {
        // η = 0.1.  ∇₀ = 2(1 − 3) = −4    → w₁ = 1 − 0.1·(−4) = 1.4
        //           ∇₁ = 2(1.4 − 3) = −3.2 → w₂ = 1.4 + 0.32 = 1.72
        Optimizer sgd = new Sgd(0.1);
        Variable w = Quadratic.parameter("w", 1f);
        assertEquals(1.4, step(sgd, w), TOL);
        assertEquals(1.72, step(sgd, w), TOL);
        assertEquals(2, sgd.stepCount());
    }

    @Test
    void momentumKeepsAVelocityThatAlreadyHoldsMinusEta() {
        // η = 0.1, μ = 0.9, v₀ = 0.
        // step 1: ∇ = −4;   v₁ = 0.9·0 − 0.1·(−4) = 0.4;          w₁ = 1 + 0.4 = 1.4
        // step 2: ∇ = −3.2; v₂ = 0.9·0.4 − 0.1·(−3.2) = 0.68;     w₂ = 1.4 + 0.68 = 2.08
        // (the wrong form w ← w − η∇ + μw would already give w₁ = 1 + 0.4 + 0.9 = 2.3)
        Sgd momentum = Sgd.withMomentum(0.1, 0.9);
        Variable w = Quadratic.parameter("w", 1f);
        assertEquals(1.4, step(momentum, w), TOL);
        assertEquals(0.4, velocity(momentum), TOL);
        assertEquals(2.08, step(momentum, w), TOL);
        assertEquals(0.68, velocity(momentum), TOL);
    }

    @Test
    void nesterovStepsWithTheLookAhead() {
        // η = 0.1, μ = 0.9: v ← μv − η∇; w ← w + μv − η∇ (with the new v).
        // step 1: ∇ = −4;    v₁ = 0.4;                         w₁ = 1 + 0.9·0.4 + 0.4 = 1.76
        // step 2: ∇ = 2(1.76 − 3) = −2.48; v₂ = 0.36 + 0.248 = 0.608;
        //         w₂ = 1.76 + 0.9·0.608 + 0.248 = 1.76 + 0.5472 + 0.248 = 2.5552
        Sgd nesterov = Sgd.nesterov(0.1, 0.9);
        Variable w = Quadratic.parameter("w", 1f);
        assertEquals(1.76, step(nesterov, w), TOL);
        assertEquals(0.4, velocity(nesterov), TOL);
        assertEquals(2.5552, step(nesterov, w), TOL);
        assertEquals(0.608, velocity(nesterov), TOL);
    }

    @Test
    void adaGradDividesByTheRootOfAllSquaredGradients() {
        // η = 0.1, G₀ = 0.1, ε = 1e-7.
        // step 1: ∇ = −4;  G₁ = 0.1 + 16 = 16.1;  √G₁ = 4.0124805295
        //         w₁ = 1 + 0.1·4 / (4.0124805295 + 1e-7) = 1 + 0.0996889548 = 1.0996889548
        // step 2: ∇ = 2(1.0996889548 − 3) = −3.8006220905;  G₂ = 16.1 + 14.4447282745 = 30.5447282745;
        //         √G₂ = 5.5267285327;  w₂ = 1.0996889548 + 0.38006220905 / 5.5267286327 = 1.1684569791
        AdaGrad adaGrad = new AdaGrad(0.1, 0.1, 1e-7);
        Variable w = Quadratic.parameter("w", 1f);
        assertEquals(1.0996889548, step(adaGrad, w), TOL);
        assertEquals(16.1, buffer(adaGrad, "accumulator"), 1e-5);
        assertEquals(1.1684569791, step(adaGrad, w), TOL);
        assertEquals(30.5447282745, buffer(adaGrad, "accumulator"), 1e-5);
    }

    @Test
    void rmsPropDividesByARunningRootMeanSquare() {
        // η = 0.1, ρ = 0.9, ε = 1e-7, s₀ = 0.
        // step 1: ∇ = −4;  s₁ = 0.1·16 = 1.6;  √s₁ = 1.2649110641
        //         w₁ = 1 + 0.4 / (1.2649110641 + 1e-7) = 1 + 0.3162277410 = 1.3162277410
        // step 2: ∇ = 2(1.3162277410 − 3) = −3.3675445180;  s₂ = 0.9·1.6 + 0.1·11.3403560805 = 2.5740356080;
        //         √s₂ = 1.6043801320;  w₂ = 1.3162277410 + 0.33675445180 / 1.6043802320 = 1.5261246502
        RmsProp rmsProp = new RmsProp(0.1, 0.9, 1e-7);
        Variable w = Quadratic.parameter("w", 1f);
        assertEquals(1.3162277410, step(rmsProp, w), TOL);
        assertEquals(1.6, buffer(rmsProp, "mean_square"), 1e-6);
        assertEquals(1.5261246502, step(rmsProp, w), TOL);
        assertEquals(2.5740356080, buffer(rmsProp, "mean_square"), 1e-6);
    }

    @Test
    void adamCorrectsTheBiasOfBothMoments() {
        // η = 0.1, β₁ = 0.9, β₂ = 0.999, ε = 1e-7, m₀ = v₀ = 0.
        // step 1 (n = 1): ∇ = −4;  m = 0.1·(−4) = −0.4;  v = 0.001·16 = 0.016;
        //         m̂ = −0.4 / 0.1 = −4;  v̂ = 0.016 / 0.001 = 16;  w₁ = 1 + 0.1·4 / (4 + 1e-7) = 1.0999999975
        // step 2 (n = 2): ∇ = 2(1.0999999975 − 3) = −3.800000005;
        //         m = 0.9·(−0.4) + 0.1·(−3.8) = −0.74;  v = 0.999·0.016 + 0.001·14.44 = 0.030424;
        //         m̂ = −0.74 / (1 − 0.81) = −3.8947368421;  v̂ = 0.030424 / (1 − 0.998001) = 15.2196098239;
        //         √v̂ = 3.9012318342;  w₂ = 1.0999999975 + 0.1·3.8947368421 / 3.9012319342 = 1.1998335093
        Adam adam = new Adam(0.1);
        Variable w = Quadratic.parameter("w", 1f);
        assertEquals(1.0999999975, step(adam, w), TOL);
        assertEquals(-0.4, buffer(adam, "m"), 1e-7);
        assertEquals(0.016, buffer(adam, "v"), 1e-8);
        assertEquals(1.1998335093, step(adam, w), TOL);
        assertEquals(-0.74, buffer(adam, "m"), 1e-6);
        assertEquals(0.030424, buffer(adam, "v"), 1e-8);
    }

    @Test
    void defaultsAreTheKerasOnes() {
        assertEquals(0.01, new Sgd().learningRate());
        Adam adam = new Adam();
        assertEquals(List.of(0.001, 0.9, 0.999, 1e-7), List.of(adam.learningRate(), adam.beta1(), adam.beta2(),
                adam.epsilon()));
        RmsProp rms = new RmsProp();
        assertEquals(List.of(0.001, 0.9, 1e-7), List.of(rms.learningRate(), rms.rho(), rms.epsilon()));
        AdaGrad ada = new AdaGrad();
        assertEquals(List.of(0.001, 0.1, 1e-7), List.of(ada.learningRate(), ada.initialAccumulator(),
                ada.epsilon()));
    }

    private static double velocity(Optimizer optimizer) {
        return buffer(optimizer, "velocity");
    }

    private static double buffer(Optimizer optimizer, String name) {
        return optimizer.state().get("w").get(name).item();
    }
}
