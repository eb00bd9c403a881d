package studio.backprop.kernels;

/**
 * One optimiser update over the elements of a parameter: θ, its gradient and up to two state buffers, all of one
 * length n, with the step's constants. Each element's update depends on that element alone, so [0, n) is split
 * over the kernel threads in slices of at least {@code grain} elements; under two grains it runs on the calling
 * thread. One instance per thread is reused step after step, so an update allocates nothing.
 *
 * @param <K> the step's constants
 */
final class ParameterSweep<K> implements KernelPool.RangeBody {

    /** The update of elements [start, end); a buffer an optimiser does not keep is null. */
    @FunctionalInterface
    interface Range<K> {
        void run(float[] theta, float[] grad, float[] first, float[] second, K constants, int start, int end);
    }

    private final Range<K> range;
    private final int grain;
    private float[] theta;
    private float[] grad;
    private float[] first;
    private float[] second;
    private K constants;

    ParameterSweep(Range<K> range, int grain) {
        this.range = range;
        this.grain = grain;
    }

    /** Updates every element; the caller has checked that the arrays it uses have θ's length. */
    void apply(float[] theta, float[] grad, float[] first, float[] second, K constants) {
        int n = theta.length;
        if (n < 2 * grain) {
            range.run(theta, grad, first, second, constants, 0, n);
            return;
        }
        this.theta = theta;
        this.grad = grad;
        this.first = first;
        this.second = second;
        this.constants = constants;
        try {
            KernelPool.parallelFor(n, grain, this);
        } finally {
            this.theta = null;
            this.grad = null;
            this.first = null;
            this.second = null;
            this.constants = null;
        }
    }

    @Override
    public void run(int start, int end) {
        range.run(theta, grad, first, second, constants, start, end);
    }
}
