package studio.backprop.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.backprop.nn.optim.OptimizerStateTest.assertMessage;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import studio.backprop.autograd.Variable;

class ConvergenceAndValidationTest {

    static Stream<Arguments> optimisers() {
        return Stream.of(
                Arguments.of("sgd", (Supplier<Optimizer>) () -> new Sgd(0.04)),
                Arguments.of("momentum", (Supplier<Optimizer>) () -> Sgd.withMomentum(0.01, 0.9)),
                Arguments.of("nesterov", (Supplier<Optimizer>) () -> Sgd.nesterov(0.01, 0.9)),
                Arguments.of("adagrad", (Supplier<Optimizer>) () -> new AdaGrad(0.5)),
                Arguments.of("rmsprop", (Supplier<Optimizer>) () -> new RmsProp(0.01)),
                Arguments.of("adam", (Supplier<Optimizer>) () -> new Adam(0.05)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimisers")
    void minimisesATwoDimensionalBowl(String label, Supplier<Optimizer> make) {
        // f(x, y) = (x − 1)² + 10(y + 2)², minimum at (1, −2), curvature ratio 10 from the start (−3, 4).
        float[] centre = {1f, -2f};
        Variable w = Quadratic.parameter("w", -3f, 4f);
        Optimizer optimizer = make.get();
        for (int i = 0; i < 1000; i++) {
            Quadratic.bowl(w, centre, new float[] {1f, 10f});
            optimizer.step(List.of(w));
        }
        assertEquals(1.0, w.value().get(0), 0.02, label + " x");
        assertEquals(-2.0, w.value().get(1), 0.02, label + " y");
    }

    @Test
    void badHyperparametersAreRefusedInWords() {
        assertMessage(() -> new Sgd(Double.NaN), "learning rate η", "≥ 0", "NaN");
        assertMessage(() -> new Adam(-0.001), "learning rate η", "≥ 0", "-0.001");
        assertMessage(() -> new Sgd(0.1).setLearningRate(Double.POSITIVE_INFINITY), "learning rate η", "+∞");
        assertMessage(() -> Sgd.withMomentum(0.1, 1.0), "momentum μ", "[0, 1)", "1.0");
        assertMessage(() -> Sgd.nesterov(0.1, -0.5), "momentum μ", "[0, 1)");
        assertMessage(() -> new Adam(0.001, 1.0, 0.999, 1e-7), "β₁", "[0, 1)");
        assertMessage(() -> new Adam(0.001, 0.9, Double.NaN, 1e-7), "β₂", "[0, 1)", "NaN");
        assertMessage(() -> new Adam(0.001, 0.9, 0.999, 0), "ε", "> 0");
        assertMessage(() -> new RmsProp(0.001, 1.2, 1e-7), "ρ", "[0, 1)");
        assertMessage(() -> new AdaGrad(0.001, -0.1, 1e-7), "initial accumulator", "≥ 0");
        assertMessage(() -> new Penalty(-0.1, 0), "L1 penalty strength λ₁", "≥ 0");
        assertMessage(() -> Penalty.l2(Double.NaN), "L2 penalty strength λ₂", "≥ 0");
        assertMessage(() -> new Adam().setWeightDecay(-1), "weight decay λ_wd", "≥ 0");
        assertMessage(() -> new Adam().setSchedule(null), "schedule");
        assertMessage(() -> new OptimizerState("adam", -1, java.util.Map.of()), "step count", "≥ 0");
    }

    @Test
    void aParameterWithoutANameIsRefused() {
        Variable nameless = Quadratic.parameter(null, 1f);
        Quadratic.towards(nameless, 3f);
        assertMessage(() -> new Adam().step(List.of(nameless)), "needs a name");
    }

    @Test
    void describesItselfWithItsSettings() {
        assertEquals("adam (η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1.0E-7)", new Adam().describe());
        assertEquals("sgd (η = 0.1, momentum μ = 0.9, Nesterov)", Sgd.nesterov(0.1, 0.9).describe());
    }
}
