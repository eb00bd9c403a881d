package studio.backprop.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.autograd.Variable;
import studio.backprop.tensor.Tensor;

/** Clipping by norm: the step's gradients together are scaled to length c when longer, left alone otherwise. */
class ClipNormTest {

    /** Two parameters whose loss Σ 3a + Σ 4b has gradients 3 and 4: ‖∇‖ = 5 over one element each. */
    private static List<Variable> withGradients() {
        Variable a = Variable.parameter(Tensor.vector(1f), "a");
        Variable b = Variable.parameter(Tensor.vector(1f), "b");
        a.mul(3f).sum().add(b.mul(4f).sum()).backward();
        return List.of(a, b);
    }

    @Test
    void plainSgdStepIsScaledToTheClippingNorm() {
        List<Variable> params = withGradients();
        Sgd sgd = new Sgd(0.1);
        sgd.setClipNorm(1.0);
        sgd.step(params);
        assertEquals(5.0, sgd.lastGradientNorm(), 1e-9);
        // ∇ scaled by 1/5: (0.6, 0.8); θ ← 1 − 0.1·(0.6, 0.8)
        assertArrayEquals(new float[] {0.94f}, params.get(0).value().toArray(), 1e-6f);
        assertArrayEquals(new float[] {0.92f}, params.get(1).value().toArray(), 1e-6f);
        assertArrayEquals(new float[] {3f}, params.get(0).grad().toArray(), "the gradient itself is not changed");
    }

    @Test
    void momentumSeesTheClippedGradientAndAShortGradientIsLeftAlone() {
        List<Variable> params = withGradients();
        Sgd momentum = Sgd.withMomentum(0.1, 0.9);
        momentum.setClipNorm(2.5);
        momentum.step(params);
        assertArrayEquals(new float[] {1f - 0.1f * 1.5f}, params.get(0).value().toArray(), 1e-6f);

        List<Variable> fresh = withGradients();
        Sgd wide = new Sgd(0.1);
        wide.setClipNorm(10);
        wide.step(fresh);
        assertArrayEquals(new float[] {0.7f}, fresh.get(0).value().toArray(), 1e-6f);
    }

    @Test
    void aNegativeNormIsRefusedInWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Adam(0.01)
                .setClipNorm(-1));
        assertTrue(e.getMessage().contains("clipping norm"), e.getMessage());
    }
}
