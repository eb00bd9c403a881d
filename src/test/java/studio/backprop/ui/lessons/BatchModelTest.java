package studio.backprop.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.data.Dataset;
import studio.backprop.tensor.Tensor;

class BatchModelTest {

    /** Four samples: inks −1, −1, 1, 1 with targets 0, 0, 1, 1. */
    private static InkData tiny() {
        return new InkData(Dataset.regression("tiny", Tensor.of(new float[] {-1, -1, 1, 1}, 4, 1),
                Tensor.of(new float[] {0, 0, 1, 1}, 4, 1), List.of("ink"), List.of("zero")));
    }

    @Test
    void theFullBatchStepFollowsTheMeanGradientByHand() {
        // At w = b = 0 every p = ½, so ∂L/∂z = p − y = ½, ½, −½, −½ for x = −1, −1, 1, 1.
        // ∂L/∂w = mean((p − y)·x) = (−½ − ½ − ½ − ½)/4 = −½;  ∂L/∂b = mean(p − y) = 0.
        // η = 0.5: w₁ = 0 − 0.5·(−½) = 0.25, b₁ = 0. The loss at the start is ln 2 for every sample.
        BatchModel model = new BatchModel();
        model.setStart(0, 0);
        model.setEta(0.5);
        model.setSteps(1);
        DescentPath batch = model.run(tiny()).get(0);
        assertArrayEquals(new double[] {0.25, 0}, batch.points().get(1), 1e-6);
        assertEquals(Math.log(2), batch.values().get(0), 1e-6);
    }

    @Test
    void theGridLossAgreesWithTheEnginesLossAtAPoint() {
        BatchModel model = new BatchModel();
        float[] grid = model.lossGrid(tiny(), 3);
        // cell (1, 1) is the centre of the window: w = 3, b = 0. z = ±3: BCE = ln(1 + e^−3) for every sample.
        assertEquals(Math.log1p(Math.exp(-3)), grid[4], 1e-5);
    }

    @Test
    void allThreeStartTogetherAndTheSameSeedGivesTheSamePaths() {
        BatchModel model = new BatchModel();
        model.setSteps(10);
        model.setMiniBatch(2);
        List<DescentPath> once = model.run(tiny());
        List<DescentPath> again = model.run(tiny());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(new double[] {-2, 4}, once.get(i).points().get(0));
            assertArrayEquals(once.get(i).last(), again.get(i).last());
            assertEquals(11, once.get(i).points().size());
            assertTrue(once.get(i).lastValue() < once.get(i).values().get(0), "every way lowers the loss");
        }
    }
}
