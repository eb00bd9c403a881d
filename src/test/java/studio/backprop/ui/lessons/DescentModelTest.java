package studio.backprop.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DescentModelTest {

    @Test
    void xSquaredFromMinusOnePointFiveWithEtaOneTenthShrinksByFourFifthsEachStep() {
        DescentModel model = new DescentModel();
        model.setObjective(Objective.X_SQUARED);
        model.setStart(-1.5, 0);
        model.setEta(0.1);
        DescentPath path = model.path();
        // x ← x − 0.1·2x = 0.8x
        assertEquals(-1.5, path.points().get(0)[0], 1e-7);
        assertEquals(-1.2, path.points().get(1)[0], 1e-6);
        assertEquals(-0.96, path.points().get(2)[0], 1e-6);
        assertEquals(-0.768, path.points().get(3)[0], 1e-6);
        assertEquals(DescentPath.Stop.CONVERGED, path.stop());
    }

    @Test
    void theStoppingRuleCountsTheUpdateWhoseChangeFallsBelowEpsilon() {
        DescentModel model = new DescentModel();
        model.setStart(-1.5, 0);
        model.setEta(0.1);
        model.setEpsilon(0.1);
        // changes: 0.3, 0.24, 0.192, 0.1536, 0.12288, 0.098304 → the 6th update is below 0.1
        DescentPath path = model.path();
        assertEquals(6, path.iterations());
        assertEquals(-1.5 * Math.pow(0.8, 6), path.last()[0], 1e-6);
        assertEquals(path.last()[0] * path.last()[0], path.lastValue(), 1e-6);
    }

    @Test
    void theFourPresetsAreTooSmallGoodTooLargeAndDivergent() {
        DescentModel model = new DescentModel();
        model.setObjective(Objective.BOWL);
        List<DescentPath> paths = model.comparison();
        assertEquals(4, paths.size());
        assertTrue(paths.get(0).iterations() > paths.get(1).iterations(), "a small η needs more steps");
        assertEquals(DescentPath.Stop.CONVERGED, paths.get(1).stop());
        double firstX = paths.get(2).points().get(1)[0];
        assertTrue(firstX > 0, "η = 0.9 overshoots to the other side of the bowl: " + firstX);
        assertEquals(DescentPath.Stop.DIVERGED, paths.get(3).stop());
    }

    @Test
    void autogradGivesRosenbrocksGradient() {
        // ∂f/∂x = −2(1 − x) − 400x(y − x²), ∂f/∂y = 200(y − x²); at (−1.5, 2): (−155, −50)
        assertArrayEquals(new double[] {-155, -50}, Objective.ROSENBROCK.gradient(-1.5, 2), 1e-3);
        assertEquals(0, Objective.ROSENBROCK.value(1, 1), 1e-9);
    }

    @Test
    void everySurfaceEvaluatesAGridInOnePass() {
        for (Objective f : Objective.values()) {
            float[] values = f.values(new float[] {0f, 0.5f, -1f}, new float[] {0f, 0.25f, 1f});
            assertEquals(3, values.length);
            assertEquals(f.value(0.5, 0.25), values[1], 1e-6, f.label());
        }
    }

    @Test
    void theTwoMinimaQuarticEndsInTheMinimumOfTheBasinItStartsIn() {
        DescentModel model = new DescentModel();
        model.setObjective(Objective.TWO_MINIMA);
        model.setStart(1.6, 0);
        assertEquals(0.93, model.path().last()[0], 0.02);
        model.setStart(-0.3, 0);
        assertEquals(-1.06, model.path().last()[0], 0.02);
    }

    @Test
    void aNegativeLearningRateIsRefusedInWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DescentModel().setEta(-0.1));
        assertTrue(e.getMessage().contains("learning rate η"), e.getMessage());
    }
}
