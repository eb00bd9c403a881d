package studio.backprop.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import studio.backprop.autograd.Variable;

/** Plain SGD's tight update loop gives the bits of the general per-element rule. */
class PlainSgdLoopTest {

    /** Plain SGD through the general path: the same delta, but without the tight-loop shortcut. */
    private static final class GeneralSgd extends Optimizer {
        GeneralSgd(double learningRate) {
            super(learningRate);
        }

        @Override
        public String kind() {
            return "sgd";
        }

        @Override
        public List<String> bufferNames() {
            return List.of();
        }

        @Override
        protected double delta(double g, float[][] buffers, int i, double learningRate) {
            return -learningRate * g;
        }

        @Override
        public String describe() {
            return "general sgd";
        }
    }

    @Test
    void tightLoopMatchesTheGeneralRuleWithAndWithoutDecay() {
        Random rnd = new Random(5);
        for (double decay : new double[] {0, 0.01}) {
            float[] start = new float[1001];
            float[] grad = new float[start.length];
            for (int i = 0; i < start.length; i++) {
                start[i] = (float) rnd.nextGaussian();
                grad[i] = (float) rnd.nextGaussian() * 0.1f;
            }
            Variable fast = Quadratic.parameter("w", start.clone());
            Variable slow = Quadratic.parameter("w", start.clone());
            Sgd sgd = new Sgd(0.037);
            GeneralSgd general = new GeneralSgd(0.037);
            sgd.setWeightDecay(decay);
            general.setWeightDecay(decay);
            for (int step = 0; step < 3; step++) {
                Quadratic.linear(fast, grad);
                Quadratic.linear(slow, grad);
                sgd.step(List.of(fast));
                general.step(List.of(slow));
            }
            assertArrayEquals(slow.value().toArray(), fast.value().toArray(), "decay " + decay);
        }
    }
}
