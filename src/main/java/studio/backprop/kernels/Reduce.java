package studio.backprop.kernels;

import java.util.Arrays;

/**
 * Reductions along one axis of a contiguous tensor viewed as (outer, len, inner): the axis being reduced has
 * length {@code len}, the axes before it multiply to {@code outer}, those after it to {@code inner}.
 * Output element (o, i) sits at {@code o·inner + i}.
 *
 * <p>Sums accumulate in double in a fixed order, so the result of a sum does not depend on the thread count and
 * exercise-sized sums are exact to float precision. Work is split over output elements only. A sum of fewer than
 * {@link #SPLIT_FROM} values adds them in index order. A longer one adds value r into partial sum r mod 4 and
 * returns (s₀ + s₁) + (s₂ + s₃): four chains of additions instead of one, so the 500-value sums of a
 * Playground-sized batch (the loss, a bias gradient) are not bound by the latency of one addition per value.
 */
public final class Reduce {

    /** Sums of at least this many values are split into four interleaved partial sums (class comment). */
    public static final int SPLIT_FROM = 64;
    private static final int GRAIN_ELEMENTS = 1 << 15;
    private static final boolean VECTOR = Gemm.vectorInUse();
    /** Each thread's column sums for {@link #sumRows} (the vector path sums a vector of columns at a time). */
    private static final ThreadLocal<double[]> COLUMN_SUMS = ThreadLocal.withInitial(() -> new double[0]);

    private Reduce() {
    }

    /**
     * out[o, i] (+)= Σ_r x[o, r, i]. Modified: out. Not modified: x.
     *
     * <p>Here and below, work under two grains runs on the calling thread without going through the pool: the
     * training step of a small network makes these calls thousands of times a second. Larger loops take the
     * thread's reusable {@link LoopJob}, so no call allocates.
     */
    public static void sum(float[] x, int outer, int len, int inner, float[] out, boolean accumulate) {
        int grain = grain(len);
        if (inner == 1) {
            if (outer < 2 * grain) {
                sumContiguous(x, len, out, accumulate, 0, outer);
            } else {
                LoopJob.take(Kind.SUM_CONTIGUOUS, x, len, 1, out, null, accumulate).runOver(outer, grain);
            }
            return;
        }
        if (outer == 1 && inner < 2 * grain) {
            // Summing a batch of rows into one row (bias gradients): walk the rows with double accumulators per
            // column, the same additions in the same order as the strided walk below.
            sumRows(x, len, inner, out, accumulate);
            return;
        }
        if (outer * inner < 2 * grain) {
            sumStrided(x, len, inner, out, accumulate, 0, outer * inner);
        } else {
            LoopJob.take(Kind.SUM_STRIDED, x, len, inner, out, null, accumulate).runOver(outer * inner, grain);
        }
    }

    /**
     * Σ_{r<len} x[from + r·stride] in double, in the order of the class comment: in index order below
     * {@link #SPLIT_FROM} values, else as four interleaved partial sums.
     */
    public static double total(float[] x, int from, int len, int stride) {
        if (len < SPLIT_FROM) {
            double acc = 0;
            for (int r = 0, at = from; r < len; r++, at += stride) {
                acc += x[at];
            }
            return acc;
        }
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int r = 0;
        int at = from;
        for (; r + 4 <= len; r += 4, at += 4 * stride) {
            s0 += x[at];
            s1 += x[at + stride];
            s2 += x[at + 2 * stride];
            s3 += x[at + 3 * stride];
        }
        // The last len mod 4 values go on to partials 0, 1, 2 in turn.
        if (r < len) {
            s0 += x[at];
        }
        if (r + 1 < len) {
            s1 += x[at + stride];
        }
        if (r + 2 < len) {
            s2 += x[at + 2 * stride];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Output elements s..e−1 for inner = 1: each a sum over len consecutive values. */
    private static void sumContiguous(float[] x, int len, float[] out, boolean accumulate, int s, int e) {
        for (int o = s; o < e; o++) {
            put(out, o, total(x, o * len, len, 1), accumulate);
        }
    }

    /** Output elements s..e−1 (flat o·inner + i), each a sum over len values inner apart. */
    private static void sumStrided(float[] x, int len, int inner, float[] out, boolean accumulate, int s, int e) {
        for (int k = s; k < e; k++) {
            int o = k / inner;
            int i = k - o * inner;
            put(out, k, total(x, o * len * inner + i, len, inner), accumulate);
        }
    }

    /**
     * Column sums of a len×inner block, each column summed over the rows in the order of the class comment, as
     * in the reference: a vector of columns at a time with the Vector API (a batch-64 bias gradient of 128
     * columns, 3.5 µs → under 1). Without it, short columns go four at a time with their double accumulators in
     * locals (an accumulator array in memory would add a store-to-load round trip to every addition), long ones
     * one at a time through {@link #total}.
     */
    private static void sumRows(float[] x, int len, int inner, float[] out, boolean accumulate) {
        if (VECTOR) {
            double[] sums = COLUMN_SUMS.get();
            if (sums.length < inner) {
                sums = new double[inner];
                COLUMN_SUMS.set(sums);
            }
            if (len < SPLIT_FROM) {
                ElementwiseVector.columnSums(x, 0, len, inner, sums, 0);
            } else {
                ElementwiseVector.splitColumnSums(x, len, inner, sums);
            }
            for (int i = 0; i < inner; i++) {
                put(out, i, sums[i], accumulate);
            }
            return;
        }
        int i = 0;
        for (; i + 4 <= inner && len < SPLIT_FROM; i += 4) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int r = 0, at = i; r < len; r++, at += inner) {
                s0 += x[at];
                s1 += x[at + 1];
                s2 += x[at + 2];
                s3 += x[at + 3];
            }
            put(out, i, s0, accumulate);
            put(out, i + 1, s1, accumulate);
            put(out, i + 2, s2, accumulate);
            put(out, i + 3, s3, accumulate);
        }
        for (; i < inner; i++) {
            put(out, i, total(x, i, len, inner), accumulate);
        }
    }

    private static void put(float[] out, int i, double sum, boolean accumulate) {
        out[i] = accumulate ? (float) (out[i] + sum) : (float) sum;
    }

    /** The single-threaded reference of {@link #sum}, with the order of additions of the class comment. */
    public static void sumReference(float[] x, int outer, int len, int inner, float[] out, boolean accumulate) {
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                double[] partial = new double[4];
                for (int r = 0; r < len; r++) {
                    partial[len < SPLIT_FROM ? 0 : r % 4] += x[(o * len + r) * inner + i];
                }
                double acc = (partial[0] + partial[1]) + (partial[2] + partial[3]);
                int k = o * inner + i;
                out[k] = accumulate ? (float) (out[k] + acc) : (float) acc;
            }
        }
    }

    /**
     * out[o, i] = max_r x[o, r, i] and argMax[o, i] = the first r reaching it (ties go to the lowest index;
     * a NaN is never selected unless every element is NaN). {@code argMax} may be null.
     * Modified: out, argMax. Not modified: x.
     */
    public static void max(float[] x, int outer, int len, int inner, float[] out, int[] argMax) {
        int grain = grain(len);
        if (outer * inner < 2 * grain) {
            maxRange(x, len, inner, out, argMax, 0, outer * inner);
        } else {
            LoopJob.take(Kind.MAX, x, len, inner, out, argMax, false).runOver(outer * inner, grain);
        }
    }

    /** The single-threaded reference of {@link #max}. */
    public static void maxReference(float[] x, int outer, int len, int inner, float[] out, int[] argMax) {
        maxRange(x, len, inner, out, argMax, 0, outer * inner);
    }

    private static void maxRange(float[] x, int len, int inner, float[] out, int[] argMax, int s, int e) {
        for (int k = s; k < e; k++) {
            int o = k / inner;
            int i = k - o * inner;
            int base = o * len * inner + i;
            int best = 0;
            float bestValue = x[base];
            for (int r = 1; r < len; r++) {
                float v = x[base + r * inner];
                if (v > bestValue || (Float.isNaN(bestValue) && !Float.isNaN(v))) {
                    bestValue = v;
                    best = r;
                }
            }
            out[k] = bestValue;
            if (argMax != null) {
                argMax[k] = best;
            }
        }
    }

    /**
     * Scatters a reduced gradient back along the axis: dx[o, r, i] (+)= dy[o, i] for every r (the adjoint of
     * {@link #sum}, also the broadcast of a reduced tensor). Modified: dx. Not modified: dy.
     */
    public static void broadcastAlong(float[] dy, int outer, int len, int inner, float[] dx, boolean accumulate) {
        int grain = Math.max(1, GRAIN_ELEMENTS / Math.max(1, len * inner));
        if (outer < 2 * grain) {
            broadcastRange(dy, len, inner, dx, accumulate, 0, outer);
        } else {
            LoopJob.take(Kind.BROADCAST, dy, len, inner, dx, null, accumulate).runOver(outer, grain);
        }
    }

    private static void broadcastRange(float[] dy, int len, int inner, float[] dx, boolean accumulate, int s,
                                       int e) {
        if (inner == 1) {
            // The gradient of a sum over a whole row (a loss): one value copied along a run, in a loop C2
            // vectorises (the general loop below, one element per pass of its inner loop, stays scalar).
            for (int o = s; o < e; o++) {
                float g = dy[o];
                int from = o * len;
                int to = from + len;
                if (accumulate) {
                    for (int i = from; i < to; i++) {
                        dx[i] += g;
                    }
                } else {
                    Arrays.fill(dx, from, to, g);
                }
            }
            return;
        }
        for (int o = s; o < e; o++) {
            for (int r = 0; r < len; r++) {
                int base = (o * len + r) * inner;
                for (int i = 0; i < inner; i++) {
                    float g = dy[o * inner + i];
                    dx[base + i] = accumulate ? dx[base + i] + g : g;
                }
            }
        }
    }

    private static int grain(int len) {
        return Math.max(1, GRAIN_ELEMENTS / Math.max(1, len));
    }

    private enum Kind { SUM_CONTIGUOUS, SUM_STRIDED, MAX, BROADCAST }

    /** The calling thread's reusable loop for the sums and maxima that go through the pool. */
    private static final class LoopJob extends ReusableLoop {
        private static final ThreadLocal<LoopJob> JOBS = ThreadLocal.withInitial(LoopJob::new);

        Kind kind;
        float[] in;
        int len;
        int inner;
        float[] out;
        int[] argMax;
        boolean accumulate;

        static LoopJob take(Kind kind, float[] in, int len, int inner, float[] out, int[] argMax,
                            boolean accumulate) {
            LoopJob job = claim(JOBS, LoopJob::new);
            job.kind = kind;
            job.in = in;
            job.len = len;
            job.inner = inner;
            job.out = out;
            job.argMax = argMax;
            job.accumulate = accumulate;
            return job;
        }

        @Override
        void release() {
            in = null;
            out = null;
            argMax = null;
        }

        @Override
        public void run(int s, int e) {
            switch (kind) {
                case SUM_CONTIGUOUS -> sumContiguous(in, len, out, accumulate, s, e);
                case SUM_STRIDED -> sumStrided(in, len, inner, out, accumulate, s, e);
                case MAX -> maxRange(in, len, inner, out, argMax, s, e);
                case BROADCAST -> broadcastRange(in, len, inner, out, accumulate, s, e);
                default -> throw new IllegalStateException("reduce: unknown loop " + kind);
            }
        }
    }
}
