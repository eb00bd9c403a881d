package studio.backprop.kernels;

/**
 * The updates of the optimisers that divide by a running root mean square, element by element in double and
 * stored as float32 (each buffer is stored as float, and the step uses the stored value):
 * <pre>
 *   squares (RMSProp with a = ρ, b = 1 − ρ; AdaGrad with a = b = 1):
 *     s[i] ← (float) (a·s[i] + b·g[i]·g[i])
 *     d    = −η·g[i] / (√s[i] + ε)
 *   AdaDelta (ρ, ε; u holds the running mean square of the steps):
 *     s[i] ← (float) (ρ·s[i] + (1 − ρ)·g[i]·g[i])
 *     Δ    = −√(u[i] + ε) / √(s[i] + ε) · g[i]
 *     u[i] ← (float) (ρ·u[i] + (1 − ρ)·Δ·Δ)
 *     d    = η·Δ
 *   then θ[i] ← (float) (θ[i] + d − λ·θ[i])
 * </pre>
 * With a = b = 1 the products by 1 are exact, so AdaGrad's {@code s + g·g} has the same bits. The Vector API path
 * ({@link AdaptiveStepVector}) does the same double operations in the same order (square roots and divisions
 * correctly rounded lane by lane, no fused multiply-add), so every element gets exactly the bits of
 * {@link #reference}. Work is split over disjoint ranges, so the thread count never matters.
 *
 * <p>Shapes: θ, g and the buffers have the same length. Modified: θ and the buffers. Not modified: g.
 */
public final class AdaptiveStep {

    /** Elements worth handing to another thread (about 10 µs of work). */
    private static final int GRAIN = 1 << 13;

    private AdaptiveStep() {
    }

    /**
     * The constants of one step. The optimiser keeps one and sets it before each parameter, so that a training
     * step allocates nothing.
     */
    public static final class Constants {
        boolean adaDelta;
        double eta;
        double a;
        double b;
        double epsilon;
        double decay;

        /** RMSProp (a = ρ, b = 1 − ρ) or AdaGrad (a = b = 1): one buffer, s. Returns this. */
        public Constants squares(double eta, double a, double b, double epsilon, double decay) {
            return set(false, eta, a, b, epsilon, decay);
        }

        /** AdaDelta with decay ρ: two buffers, s and u. Returns this. */
        public Constants adaDelta(double eta, double rho, double epsilon, double decay) {
            return set(true, eta, rho, 1 - rho, epsilon, decay);
        }

        private Constants set(boolean adaDelta, double eta, double a, double b, double epsilon, double decay) {
            this.adaDelta = adaDelta;
            this.eta = eta;
            this.a = a;
            this.b = b;
            this.epsilon = epsilon;
            this.decay = decay;
            return this;
        }
    }

    /**
     * One step for every element, as in the class comment; {@code updates} is AdaDelta's u and ignored otherwise.
     *
     * @throws IllegalArgumentException if the arrays are null or of different lengths
     */
    public static void apply(float[] theta, float[] grad, float[] squares, float[] updates, Constants k) {
        if (theta == null || grad == null || squares == null || theta.length != grad.length
                || theta.length != squares.length
                || k.adaDelta && (updates == null || updates.length != theta.length)) {
            throw new IllegalArgumentException("adaptive step: the parameter, its gradient and the optimiser's "
                    + "buffers must have the same length");
        }
        SWEEPS.get().apply(theta, grad, squares, updates, k);
    }

    /** The naive reference: the scalar loop, element by element. Modified: θ and the buffers. */
    public static void reference(float[] theta, float[] grad, float[] squares, float[] updates, Constants k) {
        scalar(theta, grad, squares, updates, k, 0, theta.length);
    }

    static void scalar(float[] theta, float[] grad, float[] squares, float[] updates, Constants k, int start,
                       int end) {
        for (int i = start; i < end; i++) {
            double g = grad[i];
            float s = (float) (k.a * squares[i] + k.b * g * g);
            squares[i] = s;
            double d;
            if (k.adaDelta) {
                double step = -Math.sqrt(updates[i] + k.epsilon) / Math.sqrt(s + k.epsilon) * g;
                updates[i] = (float) (k.a * updates[i] + k.b * step * step);
                d = k.eta * step;
            } else {
                d = -k.eta * g / (Math.sqrt(s) + k.epsilon);
            }
            double old = theta[i];
            theta[i] = (float) (old + d - k.decay * old);
        }
    }

    private static void range(float[] theta, float[] grad, float[] squares, float[] updates, Constants k,
                              int start, int end) {
        if (Gemm.vectorInUse()) {
            if (k.adaDelta) {
                AdaptiveStepVector.adaDelta(theta, grad, squares, updates, k, start, end);
            } else {
                AdaptiveStepVector.squares(theta, grad, squares, k, start, end);
            }
            return;
        }
        scalar(theta, grad, squares, updates, k, start, end);
    }

    private static final ThreadLocal<ParameterSweep<Constants>> SWEEPS =
            ThreadLocal.withInitial(() -> new ParameterSweep<>(AdaptiveStep::range, GRAIN));
}
