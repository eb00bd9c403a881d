package studio.backprop.nn.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import studio.backprop.autograd.Variable;
import studio.backprop.tensor.Tensor;

/** Worked examples 2, 4, 7 and 8 of the course spec, computed through the loss objects. */
class LossWorkedExamplesTest {

    private static final double SIX_DECIMALS = 5e-7;
    private static final double SEVEN_DECIMALS = 5e-8;

    @Test
    void example2CategoricalCrossEntropyFromLogitsWithTrueClassTwo() {
        Variable z = Variable.parameter(Tensor.of(new float[] {1.8f, -2.7f, 3.1f, 0.5f}, 1, 4), "z");
        Variable loss = CategoricalCrossEntropy.fromLogits().computeSparse(z, new int[] {2});
        loss.backward();
        assertEquals(0.29998, loss.value().item(), 5e-6);
        assertArrayEquals(new float[] {0.201900f, 0.002243f, -0.259168f, 0.055024f}, z.grad().toArray(),
                (float) SIX_DECIMALS);
    }

    @Test
    void example2FromProbabilitiesThroughSoftmaxGivesTheSameLossAndGradient() {
        Variable z = Variable.parameter(Tensor.of(new float[] {1.8f, -2.7f, 3.1f, 0.5f}, 1, 4), "z");
        Variable loss = CategoricalCrossEntropy.fromProbabilities().computeSparse(z.softmax(), new int[] {2});
        loss.backward();
        assertEquals(0.29998, loss.value().item(), 5e-6);
        assertArrayEquals(new float[] {0.201900f, 0.002243f, -0.259168f, 0.055024f}, z.grad().toArray(),
                (float) SIX_DECIMALS);
    }

    @Test
    void example4CategoricalCrossEntropyFromLogitsWithTrueClassOne() {
        Variable z = Variable.parameter(Tensor.of(new float[] {1f, 2f, 0.5f}, 1, 3), "z");
        Variable loss = CategoricalCrossEntropy.fromLogits()
                .compute(z, Variable.constant(Tensor.of(new float[] {0, 1, 0}, 1, 3)));
        loss.backward();
        assertEquals(0.464369, loss.value().item(), SIX_DECIMALS);
        assertArrayEquals(new float[] {0.231224f, -0.371468f, 0.140244f}, z.grad().toArray(), (float) SIX_DECIMALS);
    }

    @Test
    void example7BinaryCrossEntropyOfPredicting0012ForLabel1FromTheProbability() {
        Variable loss = BinaryCrossEntropy.fromProbabilities()
                .compute(Variable.constant(Tensor.vector(0.012f)), Variable.constant(Tensor.vector(1f)));
        assertEquals(4.42285, loss.value().item(), 5e-6);
    }

    @Test
    void example7BinaryCrossEntropyOfPredicting0012ForLabel1FromTheLogit() {
        float logit = (float) Math.log(0.012 / 0.988);
        Variable loss = BinaryCrossEntropy.fromLogits()
                .compute(Variable.constant(Tensor.vector(logit)), Variable.constant(Tensor.vector(1f)));
        assertEquals(4.42285, loss.value().item(), 5e-6);
    }

    @Test
    void example8SigmoidNeuronSquaredErrorAndItsWeightGradient() {
        Variable w = Variable.parameter(Tensor.of(new float[] {1, 2, 3}, 3, 1), "w");
        Variable loss = new MeanSquaredError().compute(neuronOutput(w), oneTarget());
        loss.backward();
        assertEquals(0.0723295, loss.value().item(), SEVEN_DECIMALS);
        assertArrayEquals(new float[] {-0.0105754f, -0.0158631f, -0.0211508f}, w.grad().toArray(),
                (float) SEVEN_DECIMALS);
    }

    @Test
    void example8WithTheHalfFactorHalvesTheWeightGradient() {
        Variable w = Variable.parameter(Tensor.of(new float[] {1, 2, 3}, 3, 1), "w");
        new MeanSquaredError().withHalf(true).compute(neuronOutput(w), oneTarget()).backward();
        assertEquals(-0.0052877, w.grad().get(0, 0), SEVEN_DECIMALS);
    }

    /** σ(x·w) for x = (0.1, 0.15, 0.2), no bias: a (1 × 1) batch of one output. */
    private static Variable neuronOutput(Variable w) {
        Variable x = Variable.constant(Tensor.of(new float[] {0.1f, 0.15f, 0.2f}, 1, 3), "x");
        return x.matMul(w).sigmoid();
    }

    private static Variable oneTarget() {
        return Variable.constant(Tensor.of(new float[] {1f}, 1, 1), "y");
    }
}
