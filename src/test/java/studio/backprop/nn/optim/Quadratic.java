package studio.backprop.nn.optim;

import studio.backprop.autograd.Variable;
import studio.backprop.tensor.Tensor;

/** Small losses whose gradients the tests know by heart, computed through the real autograd engine. */
final class Quadratic {

    private Quadratic() {
    }

    static Variable parameter(String name, float... values) {
        return Variable.parameter(Tensor.vector(values), name);
    }

    /** Backward of f(w) = Σ(wᵢ − target)², so ∇ = 2(w − target). */
    static void towards(Variable w, float target) {
        w.add(-target).square().sum().backward();
    }

    /** Backward of the bowl f(w) = Σ kᵢ(wᵢ − cᵢ)², so ∇ = 2k(w − c). */
    static void bowl(Variable w, float[] centre, float[] curvature) {
        Variable c = Variable.constant(Tensor.vector(centre));
        Variable k = Variable.constant(Tensor.vector(curvature));
        w.sub(c).square().mul(k).sum().backward();
    }

    /** Backward of the linear loss L = Σ cᵢwᵢ, so ∇ = c exactly, whatever w is. */
    static void linear(Variable w, float... gradient) {
        w.mul(Variable.constant(Tensor.vector(gradient))).sum().backward();
    }

    static float value(Variable w) {
        return w.value().item();
    }
}
