package studio.backprop.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Max pooling with a 2×2 window and stride 2 (LeNet's pooling) on the Vector API, for output rows whose windows
 * lie inside the image. Same results as {@link Pool2d#maxForward}: y = the first of the four taps in row-major
 * window order that no later tap strictly exceeds, NaN handled as there, argmax its flat index into x.
 *
 * <p>For one output row, the taps of output (ox, ci) are a = r0[q], b = r0[q + c], d0 = r1[q], d1 = r1[q + c]
 * with q = 2·ox·c + ci in the two input rows r0, r1. The sequential rule (take a; replace by each later tap
 * that is strictly greater) equals, tap for tap, the tree h0 = (b > a ? b : a), h1 = (d1 > d0 or d0 is NaN ?
 * d1 : d0), y = (h1 > h0 ? h1 : h0): a NaN tap after the first is never taken by the sequence, which the "d0 is
 * NaN" term reproduces, and ties keep the earlier tap everywhere. The tree is evaluated for every q of the row
 * with contiguous vector loads; a scalar pass then keeps the q that start a window (q mod 2c < c) and turns the
 * winning tap's number into its index.
 */
final class MaxPoolPairs {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    /** Per thread: the row's winners and their tap numbers (0..3) for every q. */
    private static final ScratchBuffer ROW = new ScratchBuffer();

    private MaxPoolPairs() {
    }

    /** Whether the geometry is a 2×2 window with stride 2 and no dilation (padding is handled by the caller). */
    static boolean applies(ConvGeometry g) {
        return g.kernelH() == 2 && g.kernelW() == 2 && g.strideH() == 2 && g.strideW() == 2 && g.dilationH() == 1
                && g.dilationW() == 1 && g.padLeft() == 0 && g.padTop() == 0;
    }

    /**
     * One output row: windows start at input row {@code iy} of image {@code b}, at columns 0, 2, … for outW
     * outputs (all inside the image). Writes y and argmax from {@code yOff}.
     */
    static void row(float[] x, int b, int iy, int inH, int inW, int c, int outW, float[] y, int[] argmax, int yOff) {
        int rowStride = inW * c;
        int r0 = (b * inH + iy) * rowStride;
        int r1 = r0 + rowStride;
        int span = 2 * outW * c - c;
        float[] buf = ROW.get(2 * span);
        int q = 0;
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        FloatVector two = FloatVector.broadcast(SPECIES, 2f);
        FloatVector three = FloatVector.broadcast(SPECIES, 3f);
        FloatVector zero = FloatVector.zero(SPECIES);
        for (int end = span - LANES; q <= end; q += LANES) {
            FloatVector a = FloatVector.fromArray(SPECIES, x, r0 + q);
            FloatVector bv = FloatVector.fromArray(SPECIES, x, r0 + q + c);
            FloatVector d0 = FloatVector.fromArray(SPECIES, x, r1 + q);
            FloatVector d1 = FloatVector.fromArray(SPECIES, x, r1 + q + c);
            VectorMask<Float> takeB = bv.compare(VectorOperators.GT, a);
            FloatVector h0 = a.blend(bv, takeB);
            FloatVector code0 = zero.blend(one, takeB);
            VectorMask<Float> takeD1 = d1.compare(VectorOperators.GT, d0).or(d0.compare(VectorOperators.NE, d0));
            FloatVector h1 = d0.blend(d1, takeD1);
            FloatVector code1 = two.blend(three, takeD1);
            VectorMask<Float> second = h1.compare(VectorOperators.GT, h0);
            h0.blend(h1, second).intoArray(buf, q);
            code0.blend(code1, second).intoArray(buf, span + q);
        }
        for (; q < span; q++) {
            int at = r0 + q;
            float best = x[at];
            int tap = 0;
            for (int t = 1; t < 4; t++) {
                float v = x[at + (t & 1) * c + (t >> 1) * rowStride];
                if (v > best) {
                    best = v;
                    tap = t;
                }
            }
            buf[q] = best;
            buf[span + q] = tap;
        }
        for (int ox = 0, o = yOff; ox < outW; ox++) {
            for (int ci = 0, qq = 2 * ox * c; ci < c; ci++, qq++, o++) {
                int tap = (int) buf[span + qq];
                y[o] = buf[qq];
                argmax[o] = r0 + qq + (tap & 1) * c + (tap >> 1) * rowStride;
            }
        }
    }
}
