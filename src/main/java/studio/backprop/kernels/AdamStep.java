package studio.backprop.kernels;

/**
 * The Adam update with bias correction and decoupled weight decay, element by element in double, stored as
 * float32 (the moments are stored as float, and the step uses the stored values):
 * <pre>
 *   m[i] ← (float) (β₁·m[i] + (1 − β₁)·g[i])
 *   v[i] ← (float) (β₂·v[i] + (1 − β₂)·g[i]·g[i])
 *   d    = −η·(m[i] / c₁) / (√(v[i] / c₂) + ε)        with c₁ = 1 − β₁ⁿ, c₂ = 1 − β₂ⁿ
 *   θ[i] ← (float) (θ[i] + d − λ·θ[i])
 * </pre>
 * The Vector API path ({@link AdamStepVector}) does the same double operations in the same order (square root
 * and division are correctly rounded lane by lane, no fused multiply-add), so every element gets exactly the bits
 * of {@link #reference}. Work is split over disjoint ranges, so the thread count never matters.
 *
 * <p>Shapes: θ, g, m and v have the same length. Modified: θ, m, v. Not modified: g.
 */
public final class AdamStep {

    /** Elements worth handing to another thread (about 10 µs of work). */
    private static final int GRAIN = 1 << 13;

    private AdamStep() {
    }

    /**
     * The constants of one step: η, β₁, β₂, ε, the bias corrections c₁ and c₂, and the decay λ. The optimiser keeps
     * one and sets it before each parameter, so that a training step allocates nothing.
     */
    public static final class Constants {
        double eta;
        double beta1;
        double beta2;
        double epsilon;
        double correction1;
        double correction2;
        double decay;

        /** Sets every constant and returns this. */
        public Constants set(double eta, double beta1, double beta2, double epsilon, double correction1,
                             double correction2, double decay) {
            this.eta = eta;
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.epsilon = epsilon;
            this.correction1 = correction1;
            this.correction2 = correction2;
            this.decay = decay;
            return this;
        }
    }

    /**
     * One step for every element, as in the class comment.
     *
     * @throws IllegalArgumentException if the arrays are null or of different lengths
     */
    public static void apply(float[] theta, float[] grad, float[] first, float[] second, Constants k) {
        if (theta == null || grad == null || first == null || second == null || theta.length != grad.length
                || theta.length != first.length || theta.length != second.length) {
            throw new IllegalArgumentException("adam step: the parameter, its gradient and its two moments must "
                    + "have the same length");
        }
        SWEEPS.get().apply(theta, grad, first, second, k);
    }

    /** The naive reference: the scalar loop, element by element. Modified: θ, m, v. */
    public static void reference(float[] theta, float[] grad, float[] first, float[] second, Constants k) {
        scalar(theta, grad, first, second, k, 0, theta.length);
    }

    static void scalar(float[] theta, float[] grad, float[] first, float[] second, Constants k, int start, int end) {
        for (int i = start; i < end; i++) {
            double g = grad[i];
            float m = (float) (k.beta1 * first[i] + (1 - k.beta1) * g);
            float v = (float) (k.beta2 * second[i] + (1 - k.beta2) * g * g);
            first[i] = m;
            second[i] = v;
            double mHat = m / k.correction1;
            double vHat = v / k.correction2;
            double d = -k.eta * mHat / (Math.sqrt(vHat) + k.epsilon);
            double old = theta[i];
            theta[i] = (float) (old + d - k.decay * old);
        }
    }

    private static void range(float[] theta, float[] grad, float[] first, float[] second, Constants k, int start,
                              int end) {
        if (Gemm.vectorInUse()) {
            AdamStepVector.range(theta, grad, first, second, k, start, end);
            return;
        }
        scalar(theta, grad, first, second, k, start, end);
    }

    private static final ThreadLocal<ParameterSweep<Constants>> SWEEPS =
            ThreadLocal.withInitial(() -> new ParameterSweep<>(AdamStep::range, GRAIN));
}
