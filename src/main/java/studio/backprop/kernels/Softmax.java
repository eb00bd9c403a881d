package studio.backprop.kernels;

/**
 * Softmax and log-softmax over the last axis of a (rows × cols) matrix, with their backward rules.
 *
 * <p>softmax(z)_j = e^(z_j − m) / Σ_k e^(z_k − m) with m = max_k z_k, so large logits never overflow.
 * log-softmax(z)_j = z_j − m − log Σ_k e^(z_k − m). Exponent sums accumulate in double.
 */
public final class Softmax {

    private static final int GRAIN_ELEMENTS = 1 << 14;

    private Softmax() {
    }

    /** y[r, :] = softmax(x[r, :]). Modified: y (may be x). Not modified: x unless y == x. */
    public static void forward(float[] x, int rows, int cols, float[] y) {
        if (!KernelPool.splits(rows, grain(cols))) {
            // parallelFor would run inline (one thread, or under two grains): call the loop directly.
            forwardRows(x, cols, y, 0, rows);
            return;
        }
        RowJob.take(Kind.FORWARD, x, null, y, null, cols, false).runOver(rows, grain(cols));
    }

    private static void forwardRows(float[] x, int cols, float[] y, int s, int e) {
        for (int r = s; r < e; r++) {
            softmaxRow(x, r * cols, cols, y);
        }
    }

    /** The single-threaded reference of {@link #forward}, written as the textbook formula in double. */
    public static void forwardReference(float[] x, int rows, int cols, float[] y) {
        for (int r = 0; r < rows; r++) {
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                m = Math.max(m, x[r * cols + j]);
            }
            double z = 0;
            for (int j = 0; j < cols; j++) {
                z += Math.exp(x[r * cols + j] - m);
            }
            for (int j = 0; j < cols; j++) {
                y[r * cols + j] = (float) (Math.exp(x[r * cols + j] - m) / z);
            }
        }
    }

    private static void softmaxRow(float[] x, int base, int cols, float[] y) {
        float m = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) {
            m = Math.max(m, x[base + j]);
        }
        double z = 0;
        for (int j = 0; j < cols; j++) {
            double ej = Math.exp(x[base + j] - m);
            y[base + j] = (float) ej;
            z += ej;
        }
        float inv = (float) (1.0 / z);
        for (int j = 0; j < cols; j++) {
            y[base + j] *= inv;
        }
    }

    /** y[r, :] = log-softmax(x[r, :]). Modified: y. Not modified: x. */
    public static void logForward(float[] x, int rows, int cols, float[] y) {
        logForward(x, rows, cols, y, null);
    }

    /**
     * y[r, :] = log-softmax(x[r, :]) and, unless {@code probabilities} is null, probabilities[r, :] =
     * softmax(x[r, :]) in double: e^(x_j − m) / Σ_k e^(x_k − m) from the same exponentials that make y, so a
     * fused loss's backward needs no exponential of its own. Modified: y, probabilities. Not modified: x.
     */
    public static void logForward(float[] x, int rows, int cols, float[] y, double[] probabilities) {
        if (!KernelPool.splits(rows, grain(cols))) {
            logForwardRows(x, cols, y, probabilities, 0, rows);
            return;
        }
        RowJob.take(Kind.LOG_FORWARD, x, null, y, probabilities, cols, false).runOver(rows, grain(cols));
    }

    private static void logForwardRows(float[] x, int cols, float[] y, double[] probabilities, int s, int e) {
        for (int r = s; r < e; r++) {
            int base = r * cols;
            float m = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                m = Math.max(m, x[base + j]);
            }
            double z = 0;
            if (probabilities == null) {
                for (int j = 0; j < cols; j++) {
                    z += Math.exp(x[base + j] - m);
                }
            } else {
                for (int j = 0; j < cols; j++) {
                    double ej = Math.exp(x[base + j] - m);
                    probabilities[base + j] = ej;
                    z += ej;
                }
                for (int j = 0; j < cols; j++) {
                    probabilities[base + j] /= z;
                }
            }
            double logZ = m + Math.log(z);
            for (int j = 0; j < cols; j++) {
                y[base + j] = (float) (x[base + j] - logZ);
            }
        }
    }

    /**
     * Backward of softmax: dx = y ⊙ (dy − Σ_j dy_j y_j) per row, given y = softmax(x).
     * Modified: dx (accumulated when asked). Not modified: y, dy.
     */
    public static void backward(float[] y, float[] dy, int rows, int cols, float[] dx, boolean accumulate) {
        if (!KernelPool.splits(rows, grain(cols))) {
            backwardRows(y, dy, cols, dx, accumulate, 0, rows);
            return;
        }
        RowJob.take(Kind.BACKWARD, y, dy, dx, null, cols, accumulate).runOver(rows, grain(cols));
    }

    private static void backwardRows(float[] y, float[] dy, int cols, float[] dx, boolean accumulate, int s, int e) {
        for (int r = s; r < e; r++) {
            int base = r * cols;
            double dot = 0;
            for (int j = 0; j < cols; j++) {
                dot += (double) dy[base + j] * y[base + j];
            }
            for (int j = 0; j < cols; j++) {
                float g = (float) (y[base + j] * (dy[base + j] - dot));
                dx[base + j] = accumulate ? dx[base + j] + g : g;
            }
        }
    }

    /**
     * Backward of log-softmax: dx = dy − softmax(x) · Σ_j dy_j per row, given y = log-softmax(x).
     * Modified: dx. Not modified: y, dy.
     */
    public static void logBackward(float[] y, float[] dy, int rows, int cols, float[] dx, boolean accumulate) {
        if (!KernelPool.splits(rows, grain(cols))) {
            logBackwardRows(y, dy, cols, dx, accumulate, 0, rows);
            return;
        }
        RowJob.take(Kind.LOG_BACKWARD, y, dy, dx, null, cols, accumulate).runOver(rows, grain(cols));
    }

    private static void logBackwardRows(float[] y, float[] dy, int cols, float[] dx, boolean accumulate, int s, int e) {
        for (int r = s; r < e; r++) {
            int base = r * cols;
            double total = 0;
            for (int j = 0; j < cols; j++) {
                total += dy[base + j];
            }
            for (int j = 0; j < cols; j++) {
                float g = (float) (dy[base + j] - Math.exp(y[base + j]) * total);
                dx[base + j] = accumulate ? dx[base + j] + g : g;
            }
        }
    }

    private static int grain(int cols) {
        return Math.max(1, GRAIN_ELEMENTS / Math.max(1, cols));
    }

    private enum Kind { FORWARD, LOG_FORWARD, BACKWARD, LOG_BACKWARD }

    /** The calling thread's reusable loop over rows, for the loops that do split. */
    private static final class RowJob extends ReusableLoop {
        private static final ThreadLocal<RowJob> JOBS = ThreadLocal.withInitial(RowJob::new);

        Kind kind;
        float[] in;
        float[] gradient;
        float[] out;
        double[] probabilities;
        int cols;
        boolean accumulate;

        static RowJob take(Kind kind, float[] in, float[] gradient, float[] out, double[] probabilities, int cols,
                           boolean accumulate) {
            RowJob job = claim(JOBS, RowJob::new);
            job.kind = kind;
            job.in = in;
            job.gradient = gradient;
            job.out = out;
            job.probabilities = probabilities;
            job.cols = cols;
            job.accumulate = accumulate;
            return job;
        }

        @Override
        void release() {
            in = null;
            gradient = null;
            out = null;
            probabilities = null;
        }

        @Override
        public void run(int s, int e) {
            switch (kind) {
                case FORWARD -> forwardRows(in, cols, out, s, e);
                case LOG_FORWARD -> logForwardRows(in, cols, out, probabilities, s, e);
                case BACKWARD -> backwardRows(in, gradient, cols, out, accumulate, s, e);
                case LOG_BACKWARD -> logBackwardRows(in, gradient, cols, out, accumulate, s, e);
                default -> throw new IllegalStateException("softmax: unknown loop " + kind);
            }
        }
    }
}
