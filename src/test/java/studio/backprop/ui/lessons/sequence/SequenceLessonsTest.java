package studio.backprop.ui.lessons.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The lessons' computations, without a toolkit: what each picture will show follows its definition. */
class SequenceLessonsTest {

    @Test
    void theUnrolledRnnMatchesItsRecurrence() {
        SequenceLessons.Unrolled u = SequenceLessons.unrolled(new double[] {1, 0, -1}, 0.5, -1, 0.1, 2, -0.5);
        double h = 0;
        for (int t = 0; t < 3; t++) {
            double z = 0.5 * u.x()[t] - h + 0.1;
            h = 1 / (1 + Math.exp(-z));
            assertEquals(z, u.z()[t], 1e-6);
            assertEquals(h, u.h()[t], 1e-6);
            assertEquals(2 * h - 0.5, u.y()[t], 1e-6);
        }
    }

    @Test
    void gradientsVanishBelowOneAndExplodeAboveOne() {
        SequenceLessons.GradientFlow flow = SequenceLessons.gradientFlow(new double[] {0.5, 1.0, 1.5}, 10, 1);
        double[] small = flow.perStep()[0];
        double[] unit = flow.perStep()[1];
        double[] large = flow.perStep()[2];
        // ∂L/∂h_t = w^(T−t) · ∂L/∂h_T with a linear state and recurrent kernel w·I.
        assertEquals(small[9] * Math.pow(0.5, 9), small[0], 1e-6 * small[9]);
        assertEquals(unit[9], unit[0], 1e-5);
        assertEquals(large[9] * Math.pow(1.5, 9), large[0], 1e-3 * large[0]);
        assertTrue(flow.totalNorm()[2] > flow.totalNorm()[0]);
    }

    @Test
    void trainingTheLstmLowersItsLossAndGivesEveryGateAValuePerStep() {
        SequenceLessons.LstmGates before = SequenceLessons.lstmGates(0);
        SequenceLessons.LstmGates after = SequenceLessons.lstmGates(150);
        assertEquals(6, after.values().size());
        assertEquals(8, after.values().get(0)[0].length);
        for (float[] row : after.values().get(1)) {
            for (float f : row) {
                assertTrue(f > 0 && f < 1, "a forget gate is a sigmoid");
            }
        }
        assertTrue(Float.isNaN(before.loss()));
        assertTrue(after.loss() < 0.5, "loss " + after.loss());
    }

    @Test
    void attentionRowsAreDistributions() {
        SequenceLessons.AttentionPicture p = SequenceLessons.attention(5, new float[] {7, 2, 9, 4});
        assertEquals(2, p.headWeights().size());
        for (float[][] head : p.headWeights()) {
            for (float[] row : head) {
                float sum = 0;
                for (float w : row) {
                    sum += w;
                }
                assertEquals(1f, sum, 1e-5f);
            }
        }
        assertEquals(4, p.query().length);
        assertEquals(8, p.query()[0].length);
        assertEquals(16, p.positions()[0].length);
    }
}
