package studio.backprop.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API bodies of the hottest element-wise loops, which C2 on JDK 17 leaves scalar (their conditional
 * selects do not auto-vectorise). Each gives exactly the bits of the scalar loop it replaces in
 * {@link Elementwise}: the same single operation per element, NaN and signed zeros included. Only loaded when
 * the Vector API kernels are in use ({@link Gemm#vectorInUse}).
 */
final class ElementwiseVector {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /**
     * Doubles of the same width as {@link #SPECIES}: a float vector is converted half by half. Only float vectors
     * of SPECIES' shape appear in the engine: a second float shape makes C2's type profiles of the shared
     * FloatVector methods see two classes, and it was then seen to compile the convolution kernels without their
     * intrinsics (boxing every vector, ten times slower).
     */
    private static final VectorSpecies<Double> DOUBLES = VectorSpecies.of(double.class, SPECIES.vectorShape());
    private static final int DOUBLE_LANES = DOUBLES.length();
    /** Moves lanes 0..DOUBLE_LANES−1 up by DOUBLE_LANES (the converted upper half of a vector), the rest down. */
    private static final VectorShuffle<Float> UPPER_HALF =
            VectorShuffle.fromOp(SPECIES, i -> (i + LANES - DOUBLE_LANES) % LANES);
    private static final VectorMask<Float> UPPER_LANES =
            VectorMask.fromLong(SPECIES, ((1L << LANES) - 1) & (-1L << DOUBLE_LANES));

    private ElementwiseVector() {
    }

    /** y[i] = x[i] > 0 ? x[i] : 0 (NaN and −0 give +0). */
    static void relu(float[] x, int xo, float[] y, int yo, int n) {
        FloatVector zero = FloatVector.zero(SPECIES);
        int i = 0;
        for (int end = n - LANES; i <= end; i += LANES) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, xo + i);
            zero.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            float v = x[xo + i];
            y[yo + i] = v > 0f ? v : 0f;
        }
    }

    /**
     * out[r·inner + j] = a[r·inner + j] + b[j] for rows s..e−1 (a bias added to each row of a batch), offsets as
     * in {@link Elementwise#binary}: the one addition per element of the scalar loop, a vector of columns at a time
     * (C2 leaves that loop scalar, its three arrays being read at different offsets: 64×128, 5.8 µs → 1.6).
     */
    static void addRows(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int inner, int s, int e) {
        int vectorEnd = inner - inner % LANES;
        for (int r = s; r < e; r++) {
            int base = r * inner;
            int j = 0;
            for (; j < vectorEnd; j += LANES) {
                FloatVector.fromArray(SPECIES, a, aOff + base + j).add(FloatVector.fromArray(SPECIES, b, bOff + j))
                        .intoArray(out, outOff + base + j);
            }
            for (; j < inner; j++) {
                out[outOff + base + j] = a[aOff + base + j] + b[bOff + j];
            }
        }
    }

    /** dx[i] (+)= dy[i] · (x[i] > 0 ? 1 : 0), written as x > 0 ? dy : dy·0 (the same bits, signs and NaN). */
    static void reluBackward(float[] x, float[] dy, float[] dx, int s, int e, boolean accumulate) {
        int i = s;
        for (int end = e - LANES; i <= end; i += LANES) {
            FloatVector d = FloatVector.fromArray(SPECIES, dy, i);
            VectorMask<Float> on = FloatVector.fromArray(SPECIES, x, i).compare(VectorOperators.GT, 0f);
            FloatVector g = d.mul(0f).blend(d, on);
            if (accumulate) {
                g = FloatVector.fromArray(SPECIES, dx, i).add(g);
            }
            g.intoArray(dx, i);
        }
        for (; i < e; i++) {
            float g = x[i] > 0f ? dy[i] : dy[i] * 0f;
            dx[i] = accumulate ? dx[i] + g : g;
        }
    }

    /**
     * θ[i] = (float) (θ[i] + negEta·g[i] − decay·θ[i]) for i in [s, e), in double: the scalar loop's three
     * operations in its order, lane by lane, so the same bits.
     *
     * <p>All of it is one method on purpose: a vector handed to or returned from a call C2 does not inline is
     * boxed on the heap. With the half-vector update in a helper, a busy machine sometimes had C2 compile the
     * helper on its own first and then refuse to inline it ("already compiled into a big method"), and every
     * training step allocated about 22 bytes per parameter.
     */
    static void gradientStep(float[] theta, float[] grad, double negEta, double decay, int s, int e) {
        int i = s;
        // The second half is loaded as a whole vector from i + DOUBLE_LANES, so it must end inside the arrays.
        for (int end = Math.min(e, theta.length - DOUBLE_LANES) - LANES; i <= end; i += LANES) {
            int j = i + DOUBLE_LANES;
            DoubleVector oldLow = (DoubleVector) FloatVector.fromArray(SPECIES, theta, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector gLow = (DoubleVector) FloatVector.fromArray(SPECIES, grad, i)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector oldHigh = (DoubleVector) FloatVector.fromArray(SPECIES, theta, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector gHigh = (DoubleVector) FloatVector.fromArray(SPECIES, grad, j)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            // Updated θ[i .. i + DOUBLE_LANES) and θ[j .. j + DOUBLE_LANES), each in the low lanes (zeros above).
            FloatVector low = (FloatVector) oldLow.add(gLow.mul(negEta)).sub(oldLow.mul(decay))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            FloatVector high = (FloatVector) oldHigh.add(gHigh.mul(negEta)).sub(oldHigh.mul(decay))
                    .convertShape(VectorOperators.D2F, SPECIES, 0);
            low.blend(high.rearrange(UPPER_HALF), UPPER_LANES).intoArray(theta, i);
        }
        for (; i < e; i++) {
            double old = theta[i];
            theta[i] = (float) (old + negEta * grad[i] - decay * old);
        }
    }

    /**
     * sums[off + c] = Σ_{r0 <= r < r1} x[r·cols + c] in double, each column in row order from 0: the scalar
     * loop's additions, with up to one vector of columns per pass. Lanes past the last column read the next row
     * (or nothing: rows whose vector would run past x are added in scalar) and are never stored.
     */
    static void columnSums(float[] x, int r0, int r1, int cols, double[] sums, int off) {
        for (int c0 = 0; c0 < cols; c0 += DOUBLE_LANES) {
            int width = Math.min(DOUBLE_LANES, cols - c0);
            // Rows r < vectorRows can load a whole vector from r·cols + c0 without running past x.
            int room = x.length - LANES - c0;
            int vectorRows = room < 0 ? r0 : Math.max(r0, Math.min(r1, room / cols + 1));
            DoubleVector acc = DoubleVector.zero(DOUBLES);
            for (int r = r0, at = r0 * cols + c0; r < vectorRows; r++, at += cols) {
                acc = acc.add(FloatVector.fromArray(SPECIES, x, at)
                        .convertShape(VectorOperators.F2D, DOUBLES, 0));
            }
            for (int c = 0; c < width; c++) {
                double s = acc.lane(c);
                for (int r = vectorRows, at = vectorRows * cols + c0 + c; r < r1; r++, at += cols) {
                    s += x[at];
                }
                sums[off + c0 + c] = s;
            }
        }
    }

    /**
     * sums[c] = Σ_{r<len} x[r·cols + c] in double for a column of at least {@link Reduce#SPLIT_FROM} rows, in
     * {@link Reduce#total}'s order: row r into partial sum r mod 4, then (s₀ + s₁) + (s₂ + s₃). Up to one vector
     * of columns per pass, four row accumulators; rows whose vector would run past x are added in scalar.
     */
    static void splitColumnSums(float[] x, int len, int cols, double[] sums) {
        for (int c0 = 0; c0 < cols; c0 += DOUBLE_LANES) {
            int width = Math.min(DOUBLE_LANES, cols - c0);
            int room = x.length - LANES - c0;
            int vectorRows = room < 0 ? 0 : Math.min(len, room / cols + 1);
            DoubleVector acc0 = DoubleVector.zero(DOUBLES);
            DoubleVector acc1 = acc0;
            DoubleVector acc2 = acc0;
            DoubleVector acc3 = acc0;
            int r = 0;
            for (int at = c0; r + 4 <= vectorRows; r += 4, at += 4 * cols) {
                acc0 = acc0.add(FloatVector.fromArray(SPECIES, x, at).convertShape(VectorOperators.F2D, DOUBLES, 0));
                acc1 = acc1.add(FloatVector.fromArray(SPECIES, x, at + cols)
                        .convertShape(VectorOperators.F2D, DOUBLES, 0));
                acc2 = acc2.add(FloatVector.fromArray(SPECIES, x, at + 2 * cols)
                        .convertShape(VectorOperators.F2D, DOUBLES, 0));
                acc3 = acc3.add(FloatVector.fromArray(SPECIES, x, at + 3 * cols)
                        .convertShape(VectorOperators.F2D, DOUBLES, 0));
            }
            for (int c = 0; c < width; c++) {
                double s0 = acc0.lane(c);
                double s1 = acc1.lane(c);
                double s2 = acc2.lane(c);
                double s3 = acc3.lane(c);
                for (int q = r, at = r * cols + c0 + c; q < len; q++, at += cols) {
                    switch (q & 3) {
                        case 0 -> s0 += x[at];
                        case 1 -> s1 += x[at];
                        case 2 -> s2 += x[at];
                        default -> s3 += x[at];
                    }
                }
                sums[c0 + c] = (s0 + s1) + (s2 + s3);
            }
        }
    }

    /** Whether every element of d[from, to) is finite: exponent field not all ones. */
    static boolean allFinite(float[] d, int from, int to) {
        int i = from;
        // v·0 + acc stays 0 for every finite v and becomes NaN for NaN or ±∞, and NaN then stays: one FMA per
        // vector, two chains, one test at the end (a mask collected lane-wise cost three times as much).
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector acc0 = zero;
        FloatVector acc1 = zero;
        for (int end = to - 2 * LANES; i <= end; i += 2 * LANES) {
            acc0 = FloatVector.fromArray(SPECIES, d, i).fma(zero, acc0);
            acc1 = FloatVector.fromArray(SPECIES, d, i + LANES).fma(zero, acc1);
        }
        float probe = 0f;
        for (; i < to; i++) {
            probe += d[i] * 0f;
        }
        return !Float.isNaN(probe + acc0.add(acc1).reduceLanes(VectorOperators.ADD));
    }

    /**
     * y[i] = {@link FastMath#tanh}(x[i]): the same float operations per lane, both branches blended. The lane
     * arithmetic stays in the loop rather than a helper for the reason given at {@link #gradientStep}.
     */
    static void tanh(float[] x, int xo, float[] y, int yo, int n) {
        int i = 0;
        for (int end = n - LANES; i <= end; i += LANES) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, xo + i);
            FloatVector ax = v.abs();
            FloatVector z = ax.mul(ax);
            FloatVector p = z.fma(FastMath.P4, FastMath.P3).fma(z, bc(FastMath.P2)).fma(z, bc(FastMath.P1))
                    .fma(z, bc(FastMath.P0));
            FloatVector small = ax.mul(z).fma(p, ax);
            FloatVector yv = ax.min(FastMath.CLAMP).mul(2f);
            FloatVector shifted = yv.fma(FastMath.LOG2E, FastMath.ROUNDER);
            FloatVector k = shifted.sub(FastMath.ROUNDER);
            IntVector ki = shifted.reinterpretAsInts().sub(FastMath.ROUNDER_BITS);
            FloatVector r = k.neg().fma(bc(FastMath.LN2_HI), yv);
            r = k.neg().fma(bc(FastMath.LN2_LO), r);
            FloatVector e = r.fma(FastMath.E7, FastMath.E6).fma(r, bc(FastMath.E5)).fma(r, bc(FastMath.E4))
                    .fma(r, bc(FastMath.E3)).fma(r, bc(FastMath.E2)).fma(r, bc(1f)).fma(r, bc(1f));
            FloatVector scale = ki.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            e = e.mul(scale);
            FloatVector large = bc(1f).sub(bc(2f).div(e.add(1f)));
            FloatVector t = large.blend(small, ax.compare(VectorOperators.LT, FastMath.SMALL));
            // t >= 0, so OR-ing in v's sign bit is Math.copySign(t, v).
            FloatVector signed = t.reinterpretAsInts().or(v.reinterpretAsInts().and(0x80000000)).reinterpretAsFloats();
            signed.blend(v, v.compare(VectorOperators.NE, v)).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            y[yo + i] = FastMath.tanh(x[xo + i]);
        }
    }

    private static FloatVector bc(float v) {
        return FloatVector.broadcast(SPECIES, v);
    }
}
