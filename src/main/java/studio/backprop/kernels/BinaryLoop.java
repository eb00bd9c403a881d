package studio.backprop.kernels;

import studio.backprop.kernels.Elementwise.BinaryOp;

/**
 * The calling thread's reusable loop body for the parts of {@link Elementwise#binary} that go through the
 * {@link KernelPool}: both operands dense, a scalar right operand, or a right operand broadcast along rows. A
 * capturing lambda there was an allocation per call (an LSTM step's additions allocated 48 bytes on two threads).
 *
 * <p>Modified: out. Not modified: a, b.
 */
final class BinaryLoop extends ReusableLoop {
    private static final ThreadLocal<BinaryLoop> JOBS = ThreadLocal.withInitial(BinaryLoop::new);

    enum Kind { FLAT, SCALAR, ROWS }

    Kind kind;
    BinaryOp op;
    float[] a;
    int aOff;
    float[] b;
    int bOff;
    float bValue;
    float[] out;
    int outOff;
    int inner;

    /** This thread's loop set up for one call of {@link Elementwise#binary}. */
    static BinaryLoop take(Kind kind, BinaryOp op, float[] a, int aOff, float[] b, int bOff, float bValue,
                           float[] out, int outOff, int inner) {
        BinaryLoop job = claim(JOBS, BinaryLoop::new);
        job.kind = kind;
        job.op = op;
        job.a = a;
        job.aOff = aOff;
        job.b = b;
        job.bOff = bOff;
        job.bValue = bValue;
        job.out = out;
        job.outOff = outOff;
        job.inner = inner;
        return job;
    }

    @Override
    void release() {
        a = null;
        b = null;
        out = null;
    }

    @Override
    public void run(int s, int e) {
        switch (kind) {
            case FLAT -> Elementwise.flat(op, a, aOff, b, bOff, out, outOff, s, e);
            case SCALAR -> Elementwise.scalarRange(op, a, aOff, bValue, out, outOff, s, e);
            case ROWS -> Elementwise.rowRange(op, a, aOff, b, bOff, out, outOff, inner, s, e);
            default -> throw new IllegalStateException("binary: unknown loop " + kind);
        }
    }
}
