package studio.backprop.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import studio.backprop.kernels.UnaryFn;
import studio.backprop.tensor.Tensor;

/** The worked examples of the course spec that the engine alone (no layers yet) can reproduce. */
class EngineWorkedExamplesTest {

    /** Half a unit in the sixth decimal: "exact to the digits shown". */
    private static final double SIX_DIGITS = 5e-7 + 1e-9;

    @Test
    void example1SigmoidAndItsDerivative() {
        double[][] expected = {{-2, 0.119203, 0.104994}, {0, 0.5, 0.25}, {1, 0.731059, 0.196612},
            {5, 0.993307, 0.006648}};
        for (double[] row : expected) {
            Variable x = Variable.parameter(Tensor.scalar((float) row[0]), "x");
            Variable y = x.sigmoid();
            y.backward();
            assertEquals(row[1], y.value().item(), SIX_DIGITS, "σ(" + row[0] + ")");
            assertEquals(row[2], x.grad().item(), SIX_DIGITS, "σ'(" + row[0] + ")");
        }
    }

    @Test
    void example2SoftmaxArgmaxCrossEntropyAndItsGradient() {
        Variable z = Variable.parameter(Tensor.of(new float[] {1.8f, -2.7f, 3.1f, 0.5f}, 1, 4), "z");
        Tensor probs = z.value().softmax(-1);
        assertArrayEquals(new float[] {0.201900f, 0.002243f, 0.740832f, 0.055024f}, probs.toArray(), 5e-7f);
        assertEquals(2, probs.argMax());
        Variable loss = z.softmaxCrossEntropy(Variable.constant(Tensor.of(new float[] {0, 0, 1, 0}, 1, 4)));
        loss.backward();
        assertEquals(0.29998, loss.value().item(), 5e-6);
        assertArrayEquals(new float[] {0.201900f, 0.002243f, -0.259168f, 0.055024f}, z.grad().toArray(), 5e-7f);
    }

    @Test
    void example3SoftmaxOfOneTwoThree() {
        Tensor p = Tensor.vector(1, 2, 3).softmax(0);
        assertArrayEquals(new float[] {0.090031f, 0.244728f, 0.665241f}, p.toArray(), 5e-7f);
    }

    @Test
    void example4SoftmaxCrossEntropyWithTrueClassOne() {
        Variable z = Variable.parameter(Tensor.of(new float[] {1f, 2f, 0.5f}, 1, 3), "z");
        assertArrayEquals(new float[] {0.231224f, 0.628532f, 0.140244f}, z.value().softmax(-1).toArray(), 5e-7f);
        Variable loss = z.softmaxCrossEntropy(Variable.constant(Tensor.of(new float[] {0, 1, 0}, 1, 3)));
        loss.backward();
        assertEquals(0.464369, loss.value().item(), SIX_DIGITS);
        assertArrayEquals(new float[] {0.231224f, -0.371468f, 0.140244f}, z.grad().toArray(), 5e-7f);
    }

    @Test
    void example5GeluInItsErfForm() {
        float[] x = {-1.5f, 0.5f, 1f, 2f};
        double[] expected = {-0.100211, 0.345731, 0.841345, 1.954500};
        for (int i = 0; i < x.length; i++) {
            assertEquals(expected[i], UnaryFn.GELU.apply(x[i], 0f), SIX_DIGITS, "gelu(" + x[i] + ")");
        }
    }

    @Test
    void example7BinaryCrossEntropyOfPredicting0012ForLabel1() {
        float logit = (float) Math.log(0.012 / 0.988);
        Variable loss = Variable.constant(Tensor.scalar(logit))
                .sigmoidCrossEntropy(Variable.constant(Tensor.scalar(1f)));
        assertEquals(4.42285, loss.value().item(), 5e-6);
    }

    @Test
    void example8OneSigmoidNeuronWithSquaredError() {
        Variable w = Variable.parameter(Tensor.of(new float[] {1, 2, 3}, 3, 1), "w");
        Variable x = Variable.constant(Tensor.of(new float[] {0.1f, 0.15f, 0.2f}, 1, 3), "x");
        Variable z = x.matMul(w);
        Variable yHat = z.sigmoid();
        Variable loss = yHat.sub(Variable.constant(Tensor.scalar(1f))).square().sum();
        loss.backward();
        assertEquals(1.0, z.value().item(), 1e-6);
        assertEquals(0.7310586, yHat.value().item(), 5e-8);
        assertEquals(0.0723295, loss.value().item(), 5e-8);
        assertArrayEquals(new float[] {-0.0105754f, -0.0158631f, -0.0211508f}, w.grad().toArray(), 5e-8f);

        Variable halfLoss = yHat.sub(Variable.constant(Tensor.scalar(1f))).square().sum().mul(0.5f);
        halfLoss.backward();
        assertEquals(-0.0052877, w.grad().get(0, 0), 5e-8, "with the ½ factor");
    }

    @Test
    void erfMatchesKnownValues() {
        assertEquals(0.8427007929497149, studio.backprop.kernels.Erf.erf(1.0), 1e-15);
        assertEquals(-0.9953222650189527, studio.backprop.kernels.Erf.erf(-2.0), 1e-15);
        assertEquals(0.9999779095030014, studio.backprop.kernels.Erf.erf(3.0), 1e-15);
        assertEquals(0.0, studio.backprop.kernels.Erf.erf(0.0), 0.0);
        assertEquals(1.0, studio.backprop.kernels.Erf.erf(30.0), 0.0);
    }
}
