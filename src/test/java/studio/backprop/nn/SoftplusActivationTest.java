package studio.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import studio.backprop.autograd.Variable;
import studio.backprop.tensor.Tensor;

/** softplus(x) = ln(1 + eˣ) as an activation: by name from files, its values, and its derivative the sigmoid. */
class SoftplusActivationTest {

    @Test
    void softplusIsTheSmoothReluWithTheSigmoidAsItsDerivative() {
        Activation softplus = Activation.byName("softplus");
        Variable x = Variable.parameter(Tensor.vector(0f, 2f, -30f, 30f), "x");
        Variable y = softplus.apply(x, softplus.defaultAlpha());
        y.sum().backward();
        // ln 2; ln(1 + e²) = 2.126928; e^−30 underflows to nothing worth a float; 30 + ln(1 + e^−30) = 30
        assertEquals(Math.log(2), y.value().get(0), 1e-6);
        assertEquals(2.126928, y.value().get(1), 1e-5);
        assertEquals(0, y.value().get(2), 1e-12);
        assertEquals(30, y.value().get(3), 1e-5);
        // σ(0) = ½, σ(2) = 0.880797
        assertEquals(0.5, x.grad().get(0), 1e-6);
        assertEquals(0.880797, x.grad().get(1), 1e-6);
        assertEquals("softplus", softplus.id());
    }
}
