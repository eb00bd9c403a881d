package studio.backprop.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.nn.Activation;
import studio.backprop.nn.init.Initializer;

class InitModelTest {

    @Test
    void aConstantInitialiserByHand() {
        // one layer of width 2, every weight 0.5: z = 0.5·(x₁ + x₂) in both units, so both units agree exactly
        List<InitModel.LayerStats> stats = InitModel.run(Initializer.constant(0.5), Activation.TANH, 1, 2, 3, 7);
        float[] a = stats.get(0).activations();
        for (int row = 0; row < 3; row++) {
            assertEquals(a[2 * row], a[2 * row + 1], 0f, "two units with the same weights are the same unit");
        }
    }

    @Test
    void zerosKillEveryActivationAndEveryHiddenGradient() {
        List<InitModel.LayerStats> stats = InitModel.run(Initializer.zeros(), Activation.TANH, 6, 40, 100, 1);
        for (InitModel.LayerStats layer : stats) {
            assertEquals(0, layer.activationStd());
        }
        for (int l = 1; l < 6; l++) {
            assertEquals(0, stats.get(l).gradientStd(), "layer " + (l + 1) + " sees only zeros");
        }
    }

    @Test
    void aLargeNormalSaturatesTanhWhileGlorotKeepsTheSpread() {
        List<InitModel.LayerStats> large = InitModel.run(Initializer.normal(1.0), Activation.TANH, 8, 100, 200, 3);
        List<InitModel.LayerStats> glorot = InitModel.run(Initializer.glorotNormal(), Activation.TANH, 8, 100, 200,
                3);
        assertTrue(large.get(7).saturated(Activation.TANH) > 0.5, "σ = 1 on 100 inputs: most tanh units at ±1");
        assertTrue(glorot.get(7).saturated(Activation.TANH) < 0.05);
        assertTrue(glorot.get(7).activationStd() > 0.2, "Glorot keeps a spread: " + glorot.get(7).activationStd());
    }

    @Test
    void heKeepsReluAliveWhereASmallNormalFades() {
        List<InitModel.LayerStats> he = InitModel.run(Initializer.heNormal(), Activation.RELU, 10, 100, 200, 5);
        List<InitModel.LayerStats> small = InitModel.run(Initializer.normal(0.05), Activation.RELU, 10, 100, 200, 5);
        assertTrue(he.get(9).activationStd() > 0.3, "He: " + he.get(9).activationStd());
        assertTrue(small.get(9).activationStd() < 1e-3, "σ = 0.05: " + small.get(9).activationStd());
    }
}
