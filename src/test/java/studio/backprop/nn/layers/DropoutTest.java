package studio.backprop.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.LayerShapeException;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/** Dropout: inverted and classic scaling in both modes, the keep rate, and seeded masks. */
class DropoutTest {

    private static final float RATE = 0.25f;

    @Test
    void invertedScalesKeptValuesByOneOverKeepInTrainingAndIsTheIdentityAtInference() {
        Dropout dropout = new Dropout("drop", RATE);
        Tensor x = Tensor.uniform(new Rng(1), 0.5f, 2f, 20, 10);
        float[] in = x.toArray();
        float[] train = run(dropout, x, ForwardContext.training(new Rng(2)));
        int dropped = 0;
        for (int i = 0; i < in.length; i++) {
            if (train[i] == 0f) {
                dropped++;
            } else {
                assertEquals(in[i] / (1f - RATE), train[i], 1e-6f);
            }
        }
        assertTrue(dropped > 0 && dropped < in.length);
        assertArrayEquals(in, run(dropout, x, ForwardContext.inference()));
    }

    @Test
    void classicKeepsTrainingValuesAndScalesByKeepAtInference() {
        Dropout dropout = new Dropout("drop", RATE, false);
        Tensor x = Tensor.uniform(new Rng(3), 0.5f, 2f, 20, 10);
        float[] in = x.toArray();
        float[] train = run(dropout, x, ForwardContext.training(new Rng(4)));
        int dropped = 0;
        for (int i = 0; i < in.length; i++) {
            if (train[i] == 0f) {
                dropped++;
            } else {
                assertEquals(in[i], train[i]);
            }
        }
        assertTrue(dropped > 0 && dropped < in.length);
        float[] inference = run(dropout, x, ForwardContext.inference());
        for (int i = 0; i < in.length; i++) {
            assertEquals(in[i] * (1f - RATE), inference[i], 1e-6f);
        }
    }

    @Test
    void bothConventionsKeepTheExpectedActivationOfTrainingAtInference() {
        Tensor ones = Tensor.ones(200_000);
        for (boolean inverted : new boolean[] {true, false}) {
            Dropout dropout = new Dropout("drop", 0.4f, inverted);
            double trainMean = mean(run(dropout, ones, ForwardContext.training(new Rng(5))));
            double inferenceMean = mean(run(dropout, ones, ForwardContext.inference()));
            assertEquals(inferenceMean, trainMean, 0.01, "inverted=" + inverted);
        }
    }

    @Test
    void theEmpiricalKeepRateIsOneMinusTheRate() {
        for (float rate : new float[] {0.1f, 0.5f, 0.8f}) {
            Dropout dropout = new Dropout("drop", rate, false);
            float[] y = run(dropout, Tensor.ones(200_000), ForwardContext.training(new Rng(6)));
            // standard deviation of the kept fraction is at most 0.0012 here; 0.006 is five of them
            assertEquals(1 - rate, mean(y), 0.006, "rate " + rate);
        }
    }

    @Test
    void theSameSeedGivesTheSameMaskAndAnotherSeedAnother() {
        Dropout dropout = new Dropout("drop", 0.5f);
        Tensor x = Tensor.ones(8, 16);
        float[] a = run(dropout, x, ForwardContext.training(new Rng(7)));
        float[] b = run(dropout, x, ForwardContext.training(new Rng(7)));
        float[] c = run(dropout, x, ForwardContext.training(new Rng(8)));
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));

        // one generator shared across passes draws a fresh mask each time
        Rng shared = new Rng(7);
        float[] first = run(dropout, x, ForwardContext.training(shared));
        float[] second = run(dropout, x, ForwardContext.training(shared));
        assertArrayEquals(a, first);
        assertFalse(java.util.Arrays.equals(first, second));
    }

    @Test
    void rateZeroChangesNothingAndRatesOutsideTheRangeAreRefused() {
        Dropout none = new Dropout("drop", 0f, false);
        Tensor x = Tensor.uniform(new Rng(9), -1f, 1f, 4, 5);
        assertArrayEquals(x.toArray(), run(none, x, ForwardContext.training(new Rng(1))));
        assertArrayEquals(x.toArray(), run(none, x, ForwardContext.inference()));
        assertThrows(LayerShapeException.class, () -> new Dropout("d", 1f));
        assertThrows(LayerShapeException.class, () -> new Dropout("d", -0.1f));
        assertThrows(LayerShapeException.class, () -> new Dropout("d", Float.NaN));
    }

    private static float[] run(Dropout dropout, Tensor x, ForwardContext context) {
        return dropout.forward(List.of(Variable.constant(x, "x")), context).value().toArray();
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
