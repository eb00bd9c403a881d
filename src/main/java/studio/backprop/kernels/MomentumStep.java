package studio.backprop.kernels;

/**
 * The momentum (and Nesterov) gradient-descent update with decoupled weight decay, element by element in double,
 * stored as float32:
 * <pre>
 *   v[i] ← (float) (μ·v[i] − η·g[i])
 *   d    = nesterov ? μ·v[i] − η·g[i] (with the new, stored v[i]) : v[i]
 *   θ[i] ← (float) (θ[i] + d − λ·θ[i])
 * </pre>
 * The scalar loop spent a tenth of a LeNet-5 step in the app waiting on float↔double conversions; the Vector API
 * path ({@link MomentumStepVector}) does the same double operations in the same order (no fused multiply-add),
 * so every element gets exactly the bits of {@link #reference}. Work is split over disjoint ranges, so the
 * thread count never matters.
 *
 * <p>Shapes: θ, g and v have the same length. Modified: θ, v. Not modified: g.
 */
public final class MomentumStep {

    /** Elements worth handing to another thread (about 10 µs of work). */
    private static final int GRAIN = 1 << 14;

    private MomentumStep() {
    }

    /**
     * One step for every element, as in the class comment.
     *
     * @throws IllegalArgumentException if the arrays are null or of different lengths
     */
    public static void apply(float[] theta, float[] grad, float[] velocity, double eta, double momentum,
                             boolean nesterov, double decay) {
        if (theta == null || grad == null || velocity == null || theta.length != grad.length
                || theta.length != velocity.length) {
            throw new IllegalArgumentException("momentum step: the parameter, its gradient and its velocity must "
                    + "have the same length");
        }
        int n = theta.length;
        if (n < 2 * GRAIN) {
            range(theta, grad, velocity, eta, momentum, nesterov, decay, 0, n);
            return;
        }
        Job job = JOBS.get();
        job.set(theta, grad, velocity, eta, momentum, nesterov, decay);
        try {
            KernelPool.parallelFor(n, GRAIN, job);
        } finally {
            job.theta = null;
            job.grad = null;
            job.velocity = null;
        }
    }

    /** The naive reference: the scalar loop, element by element. Modified: θ, v. */
    public static void reference(float[] theta, float[] grad, float[] velocity, double eta, double momentum,
                                 boolean nesterov, double decay) {
        scalar(theta, grad, velocity, eta, momentum, nesterov, decay, 0, theta.length);
    }

    static void scalar(float[] theta, float[] grad, float[] velocity, double eta, double momentum,
                       boolean nesterov, double decay, int start, int end) {
        for (int i = start; i < end; i++) {
            double g = grad[i];
            float v = (float) (momentum * velocity[i] - eta * g);
            velocity[i] = v;
            double d = nesterov ? momentum * v - eta * g : v;
            double old = theta[i];
            theta[i] = (float) (old + d - decay * old);
        }
    }

    private static void range(float[] theta, float[] grad, float[] velocity, double eta, double momentum,
                              boolean nesterov, double decay, int start, int end) {
        if (Gemm.vectorInUse()) {
            MomentumStepVector.range(theta, grad, velocity, eta, momentum, nesterov, decay, start, end);
            return;
        }
        scalar(theta, grad, velocity, eta, momentum, nesterov, decay, start, end);
    }

    /** The calling thread's reusable loop body. */
    private static final class Job implements KernelPool.RangeBody {
        float[] theta;
        float[] grad;
        float[] velocity;
        double eta;
        double momentum;
        boolean nesterov;
        double decay;

        void set(float[] theta, float[] grad, float[] velocity, double eta, double momentum, boolean nesterov,
                 double decay) {
            this.theta = theta;
            this.grad = grad;
            this.velocity = velocity;
            this.eta = eta;
            this.momentum = momentum;
            this.nesterov = nesterov;
            this.decay = decay;
        }

        @Override
        public void run(int start, int end) {
            range(theta, grad, velocity, eta, momentum, nesterov, decay, start, end);
        }
    }

    private static final ThreadLocal<Job> JOBS = ThreadLocal.withInitial(Job::new);
}
