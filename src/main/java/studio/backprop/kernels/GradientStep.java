package studio.backprop.kernels;

/**
 * The plain gradient-descent update with decoupled weight decay, element by element in double and stored as
 * float32: {@code θ[i] ← (float) (θ[i] + (−η)·g[i] − λ·θ[i])}, with λ = η·λ_wd (0 when there is no decay).
 *
 * <p>The scalar loop is slow on x86 (each float↔double conversion waits for the previous one) and was a large
 * part of a training step; the Vector API path converts a vector of floats to doubles, does the same three
 * double operations in the same order (no fused multiply-add), and converts back, so every element gets exactly
 * the bits of {@link #reference}. Work is split over disjoint ranges, so the thread count never matters.
 *
 * <p>Shapes: θ and g have the same length. Modified: θ. Not modified: g.
 */
public final class GradientStep {

    /** Elements worth handing to another thread (about 10 µs of work). */
    private static final int GRAIN = 1 << 15;

    private GradientStep() {
    }

    /**
     * θ[i] ← (float) (θ[i] + (−η)·g[i] − decay·θ[i]) for every i, in double.
     *
     * @throws IllegalArgumentException if the arrays are null or of different lengths
     */
    public static void apply(float[] theta, float[] grad, double eta, double decay) {
        if (theta == null || grad == null || theta.length != grad.length) {
            throw new IllegalArgumentException("gradient step: the parameter and its gradient must have the same "
                    + "length, got " + (theta == null ? "null" : theta.length) + " and "
                    + (grad == null ? "null" : grad.length));
        }
        int n = theta.length;
        if (n < 2 * GRAIN) {
            range(theta, grad, -eta, decay, 0, n);
            return;
        }
        Job job = JOBS.get();
        job.theta = theta;
        job.grad = grad;
        job.negEta = -eta;
        job.decay = decay;
        try {
            KernelPool.parallelFor(n, GRAIN, job);
        } finally {
            job.theta = null;
            job.grad = null;
        }
    }

    /** The naive reference: the scalar loop, element by element. Modified: θ. */
    public static void reference(float[] theta, float[] grad, double eta, double decay) {
        for (int i = 0; i < theta.length; i++) {
            double old = theta[i];
            theta[i] = (float) (old + -eta * grad[i] - decay * old);
        }
    }

    private static void range(float[] theta, float[] grad, double negEta, double decay, int start, int end) {
        if (Gemm.vectorInUse()) {
            ElementwiseVector.gradientStep(theta, grad, negEta, decay, start, end);
            return;
        }
        for (int i = start; i < end; i++) {
            double old = theta[i];
            theta[i] = (float) (old + negEta * grad[i] - decay * old);
        }
    }

    /** The calling thread's reusable loop body. */
    private static final class Job implements KernelPool.RangeBody {
        float[] theta;
        float[] grad;
        double negEta;
        double decay;

        @Override
        public void run(int start, int end) {
            range(theta, grad, negEta, decay, start, end);
        }
    }

    private static final ThreadLocal<Job> JOBS = ThreadLocal.withInitial(Job::new);
}
