package studio.backprop.nn.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import studio.backprop.autograd.Variable;
import studio.backprop.tensor.Tensor;

/**
 * Worked example 9: one sigmoid neuron learning to output 0 for the input 1, trained by plain gradient descent,
 * first with the quadratic cost ½(y − a)² (slow when it starts badly saturated) and then with cross-entropy.
 */
class LearningSlowdownTest {

    private static final float ETA = 0.15f;
    private static final double FOUR_DECIMALS = 1e-4;
    /**
     * Half a unit in the sixth decimal plus one float32 step near 1 (6e-8): the exact σ(1.5) = 0.81757448 lies
     * only 2.5e-8 inside the rounding boundary, and the float engine's nearest value lands just past it.
     */
    private static final double SIX_DECIMALS = 5e-7 + 6e-8;

    @Test
    void quadraticCostFromWPoint6BPoint9StartsAt0817574WithGradient0121938() {
        Neuron n = new Neuron(0.6f, 0.9f, new MeanSquaredError().withHalf(true), false);
        assertEquals(0.817574, n.output(), SIX_DECIMALS);
        assertEquals(0.121938, n.step(), SIX_DECIMALS);
    }

    @Test
    void quadraticCostFromWPoint6BPoint9LearnsSteadily() {
        Neuron n = new Neuron(0.6f, 0.9f, new MeanSquaredError().withHalf(true), false);
        assertOutputs(n, 0.8121, 0.3870, 0.1527, 0.0940);
    }

    @Test
    void quadraticCostFromWAndBTwoStartsAt0982014WithGradient0017345() {
        Neuron n = new Neuron(2f, 2f, new MeanSquaredError().withHalf(true), false);
        assertEquals(0.982014, n.output(), SIX_DECIMALS);
        assertEquals(0.017345, n.step(), SIX_DECIMALS);
    }

    @Test
    void quadraticCostFromWAndBTwoLearnsSlowlyAtFirst() {
        Neuron n = new Neuron(2f, 2f, new MeanSquaredError().withHalf(true), false);
        assertOutputs(n, 0.9819, 0.9759, 0.9334, 0.2028);
    }

    @Test
    void crossEntropyFromLogitsFromWAndBTwoLearnsFastAtOnce() {
        Neuron n = new Neuron(2f, 2f, BinaryCrossEntropy.fromLogits(), true);
        assertOutputs(n, 0.9760, 0.0985, 0.0257, 0.0120);
    }

    @Test
    void crossEntropyFromProbabilitiesFromWAndBTwoLearnsTheSameWay() {
        Neuron n = new Neuron(2f, 2f, BinaryCrossEntropy.fromProbabilities(), false);
        assertOutputs(n, 0.9760, 0.0985, 0.0257, 0.0120);
    }

    /** The outputs after 1, 50, 150 and 300 epochs. */
    private static void assertOutputs(Neuron n, double after1, double after50, double after150, double after300) {
        n.train(1);
        assertEquals(after1, n.output(), FOUR_DECIMALS, "after 1 epoch");
        n.train(49);
        assertEquals(after50, n.output(), FOUR_DECIMALS, "after 50 epochs");
        n.train(100);
        assertEquals(after150, n.output(), FOUR_DECIMALS, "after 150 epochs");
        n.train(150);
        assertEquals(after300, n.output(), FOUR_DECIMALS, "after 300 epochs");
    }

    /** a = σ(w·x + b) on the single example x = 1, y = 0, updated by w ← w − η·∂C/∂w (and the same for b). */
    private static final class Neuron {

        private final Variable w;
        private final Variable b;
        private final Loss loss;
        private final boolean lossTakesLogits;
        private final Variable x = Variable.constant(Tensor.of(new float[] {1f}, 1, 1), "x");
        private final Variable y = Variable.constant(Tensor.of(new float[] {0f}, 1, 1), "y");

        Neuron(float w0, float b0, Loss loss, boolean lossTakesLogits) {
            this.w = Variable.parameter(Tensor.of(new float[] {w0}, 1, 1), "w");
            this.b = Variable.parameter(Tensor.of(new float[] {b0}, 1, 1), "b");
            this.loss = loss;
            this.lossTakesLogits = lossTakesLogits;
        }

        float output() {
            return x.matMul(w).add(b).sigmoid().value().item();
        }

        /** One full-batch gradient step; returns ∂C/∂w before the update. */
        float step() {
            Variable z = x.matMul(w).add(b);
            loss.compute(lossTakesLogits ? z : z.sigmoid(), y).backward();
            float dw = w.grad().item();
            w.value().buffer()[0] -= ETA * dw;
            b.value().buffer()[0] -= ETA * b.grad().item();
            return dw;
        }

        void train(int epochs) {
            for (int e = 0; e < epochs; e++) {
                step();
            }
        }
    }
}
