package studio.backprop.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked loops of {@link ConvDirect}: output strips of 4, 6 or 8 channels (forward and backward input)
 * and 4×4 weight-gradient blocks. Which strip covers a channel never changes its bits: each output is one FMA
 * chain over the (tap, ci) rows in order, started at zero.
 *
 * <p>Modified: acc (strips), sums (weight blocks). Not modified: planes, wq, buf.
 */
final class ConvDirectKernels {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private ConvDirectKernels() {
    }

    /**
     * Four output channels × two vectors of grid positions: for each (tap, ci) row, two loads of the shifted
     * plane and four broadcast weights feed eight FMAs. Stores the sums at acc[o], one channel every len floats.
     */
    static void strip4(int[] shifts, float[] planes, int q, float[] wq, int wi, int coPad, float[] acc,
                       int o, int len) {
        FloatVector a00 = FloatVector.zero(SPECIES);
        FloatVector a01 = a00;
        FloatVector a10 = a00;
        FloatVector a11 = a00;
        FloatVector a20 = a00;
        FloatVector a21 = a00;
        FloatVector a30 = a00;
        FloatVector a31 = a00;
        for (int r = 0; r < shifts.length; r++, wi += coPad) {
            int src = q + shifts[r];
            FloatVector x0 = FloatVector.fromArray(SPECIES, planes, src);
            FloatVector x1 = FloatVector.fromArray(SPECIES, planes, src + LANES);
            FloatVector w = FloatVector.broadcast(SPECIES, wq[wi]);
            a00 = x0.fma(w, a00);
            a01 = x1.fma(w, a01);
            w = FloatVector.broadcast(SPECIES, wq[wi + 1]);
            a10 = x0.fma(w, a10);
            a11 = x1.fma(w, a11);
            w = FloatVector.broadcast(SPECIES, wq[wi + 2]);
            a20 = x0.fma(w, a20);
            a21 = x1.fma(w, a21);
            w = FloatVector.broadcast(SPECIES, wq[wi + 3]);
            a30 = x0.fma(w, a30);
            a31 = x1.fma(w, a31);
        }
        a00.intoArray(acc, o);
        a01.intoArray(acc, o + LANES);
        a10.intoArray(acc, o + len);
        a11.intoArray(acc, o + len + LANES);
        a20.intoArray(acc, o + 2 * len);
        a21.intoArray(acc, o + 2 * len + LANES);
        a30.intoArray(acc, o + 3 * len);
        a31.intoArray(acc, o + 3 * len + LANES);
    }


    /**
     * Eight output channels × two vectors of grid positions: per (tap, ci) row, two loads of the shifted plane and
     * eight broadcast weights feed sixteen FMAs (the four-channel strip is load-bound at eight). Same sums, in
     * the same order, as {@link #strip4}.
     */
    static void strip8(int[] shifts, float[] planes, int q, float[] wq, int wi, int coPad, float[] acc, int o,
                       int len) {
        FloatVector a00 = FloatVector.zero(SPECIES);
        FloatVector a01 = a00;
        FloatVector a10 = a00;
        FloatVector a11 = a00;
        FloatVector a20 = a00;
        FloatVector a21 = a00;
        FloatVector a30 = a00;
        FloatVector a31 = a00;
        FloatVector a40 = a00;
        FloatVector a41 = a00;
        FloatVector a50 = a00;
        FloatVector a51 = a00;
        FloatVector a60 = a00;
        FloatVector a61 = a00;
        FloatVector a70 = a00;
        FloatVector a71 = a00;
        for (int r = 0; r < shifts.length; r++, wi += coPad) {
            int src = q + shifts[r];
            FloatVector x0 = FloatVector.fromArray(SPECIES, planes, src);
            FloatVector x1 = FloatVector.fromArray(SPECIES, planes, src + LANES);
            FloatVector w = FloatVector.broadcast(SPECIES, wq[wi]);
            a00 = x0.fma(w, a00);
            a01 = x1.fma(w, a01);
            w = FloatVector.broadcast(SPECIES, wq[wi + 1]);
            a10 = x0.fma(w, a10);
            a11 = x1.fma(w, a11);
            w = FloatVector.broadcast(SPECIES, wq[wi + 2]);
            a20 = x0.fma(w, a20);
            a21 = x1.fma(w, a21);
            w = FloatVector.broadcast(SPECIES, wq[wi + 3]);
            a30 = x0.fma(w, a30);
            a31 = x1.fma(w, a31);
            w = FloatVector.broadcast(SPECIES, wq[wi + 4]);
            a40 = x0.fma(w, a40);
            a41 = x1.fma(w, a41);
            w = FloatVector.broadcast(SPECIES, wq[wi + 5]);
            a50 = x0.fma(w, a50);
            a51 = x1.fma(w, a51);
            w = FloatVector.broadcast(SPECIES, wq[wi + 6]);
            a60 = x0.fma(w, a60);
            a61 = x1.fma(w, a61);
            w = FloatVector.broadcast(SPECIES, wq[wi + 7]);
            a70 = x0.fma(w, a70);
            a71 = x1.fma(w, a71);
        }
        a00.intoArray(acc, o);
        a01.intoArray(acc, o + LANES);
        a10.intoArray(acc, o + len);
        a11.intoArray(acc, o + len + LANES);
        a20.intoArray(acc, o + 2 * len);
        a21.intoArray(acc, o + 2 * len + LANES);
        a30.intoArray(acc, o + 3 * len);
        a31.intoArray(acc, o + 3 * len + LANES);
        a40.intoArray(acc, o + 4 * len);
        a41.intoArray(acc, o + 4 * len + LANES);
        a50.intoArray(acc, o + 5 * len);
        a51.intoArray(acc, o + 5 * len + LANES);
        a60.intoArray(acc, o + 6 * len);
        a61.intoArray(acc, o + 6 * len + LANES);
        a70.intoArray(acc, o + 7 * len);
        a71.intoArray(acc, o + 7 * len + LANES);
    }

    /**
     * Six output channels × two vectors of grid positions, for a layer of 5 or 6 channels (LeNet's first layer, and
     * the input gradient of its second), where the eight-channel strip spent a quarter of its FMAs on padding:
     * per (tap, ci) row, two loads and six broadcast weights feed twelve FMAs. Same sums, in the same order, as
     * {@link #strip4}.
     */
    static void strip6(int[] shifts, float[] planes, int q, float[] wq, int wi, int coPad, float[] acc, int o,
                       int len) {
        FloatVector a00 = FloatVector.zero(SPECIES);
        FloatVector a01 = a00;
        FloatVector a10 = a00;
        FloatVector a11 = a00;
        FloatVector a20 = a00;
        FloatVector a21 = a00;
        FloatVector a30 = a00;
        FloatVector a31 = a00;
        FloatVector a40 = a00;
        FloatVector a41 = a00;
        FloatVector a50 = a00;
        FloatVector a51 = a00;
        for (int r = 0; r < shifts.length; r++, wi += coPad) {
            int src = q + shifts[r];
            FloatVector x0 = FloatVector.fromArray(SPECIES, planes, src);
            FloatVector x1 = FloatVector.fromArray(SPECIES, planes, src + LANES);
            FloatVector w = FloatVector.broadcast(SPECIES, wq[wi]);
            a00 = x0.fma(w, a00);
            a01 = x1.fma(w, a01);
            w = FloatVector.broadcast(SPECIES, wq[wi + 1]);
            a10 = x0.fma(w, a10);
            a11 = x1.fma(w, a11);
            w = FloatVector.broadcast(SPECIES, wq[wi + 2]);
            a20 = x0.fma(w, a20);
            a21 = x1.fma(w, a21);
            w = FloatVector.broadcast(SPECIES, wq[wi + 3]);
            a30 = x0.fma(w, a30);
            a31 = x1.fma(w, a31);
            w = FloatVector.broadcast(SPECIES, wq[wi + 4]);
            a40 = x0.fma(w, a40);
            a41 = x1.fma(w, a41);
            w = FloatVector.broadcast(SPECIES, wq[wi + 5]);
            a50 = x0.fma(w, a50);
            a51 = x1.fma(w, a51);
        }
        a00.intoArray(acc, o);
        a01.intoArray(acc, o + LANES);
        a10.intoArray(acc, o + len);
        a11.intoArray(acc, o + len + LANES);
        a20.intoArray(acc, o + 2 * len);
        a21.intoArray(acc, o + 2 * len + LANES);
        a30.intoArray(acc, o + 3 * len);
        a31.intoArray(acc, o + 3 * len + LANES);
        a40.intoArray(acc, o + 4 * len);
        a41.intoArray(acc, o + 4 * len + LANES);
        a50.intoArray(acc, o + 5 * len);
        a51.intoArray(acc, o + 5 * len + LANES);
    }

    /**
     * One image's share of a 4×4 weight-gradient block, continuing sums[at + (r·4 + c)·LANES + lane] += Σ_q
     * x_r[q]·dy_c[q] over the grid vectors in order, one FMA chain per lane; the four shifted planes start at
     * x0..x3 and the four gradient planes at d (len apart). One image per call keeps q the loop's only index, so
     * C2 hoists the bounds checks (a flat loop over several images checked all eight loads every step).
     */
    static void weightBlock(float[] buf, int x0, int x1, int x2, int x3, int d, int len, float[] sums, int at) {
        FloatVector s00 = FloatVector.fromArray(SPECIES, sums, at);
        FloatVector s01 = FloatVector.fromArray(SPECIES, sums, at + LANES);
        FloatVector s02 = FloatVector.fromArray(SPECIES, sums, at + 2 * LANES);
        FloatVector s03 = FloatVector.fromArray(SPECIES, sums, at + 3 * LANES);
        FloatVector s10 = FloatVector.fromArray(SPECIES, sums, at + 4 * LANES);
        FloatVector s11 = FloatVector.fromArray(SPECIES, sums, at + 5 * LANES);
        FloatVector s12 = FloatVector.fromArray(SPECIES, sums, at + 6 * LANES);
        FloatVector s13 = FloatVector.fromArray(SPECIES, sums, at + 7 * LANES);
        FloatVector s20 = FloatVector.fromArray(SPECIES, sums, at + 8 * LANES);
        FloatVector s21 = FloatVector.fromArray(SPECIES, sums, at + 9 * LANES);
        FloatVector s22 = FloatVector.fromArray(SPECIES, sums, at + 10 * LANES);
        FloatVector s23 = FloatVector.fromArray(SPECIES, sums, at + 11 * LANES);
        FloatVector s30 = FloatVector.fromArray(SPECIES, sums, at + 12 * LANES);
        FloatVector s31 = FloatVector.fromArray(SPECIES, sums, at + 13 * LANES);
        FloatVector s32 = FloatVector.fromArray(SPECIES, sums, at + 14 * LANES);
        FloatVector s33 = FloatVector.fromArray(SPECIES, sums, at + 15 * LANES);
        for (int q = 0; q < len; q += LANES) {
            FloatVector d0 = FloatVector.fromArray(SPECIES, buf, d + q);
            FloatVector d1 = FloatVector.fromArray(SPECIES, buf, d + len + q);
            FloatVector d2 = FloatVector.fromArray(SPECIES, buf, d + 2 * len + q);
            FloatVector d3 = FloatVector.fromArray(SPECIES, buf, d + 3 * len + q);
            FloatVector x = FloatVector.fromArray(SPECIES, buf, x0 + q);
            s00 = x.fma(d0, s00);
            s01 = x.fma(d1, s01);
            s02 = x.fma(d2, s02);
            s03 = x.fma(d3, s03);
            x = FloatVector.fromArray(SPECIES, buf, x1 + q);
            s10 = x.fma(d0, s10);
            s11 = x.fma(d1, s11);
            s12 = x.fma(d2, s12);
            s13 = x.fma(d3, s13);
            x = FloatVector.fromArray(SPECIES, buf, x2 + q);
            s20 = x.fma(d0, s20);
            s21 = x.fma(d1, s21);
            s22 = x.fma(d2, s22);
            s23 = x.fma(d3, s23);
            x = FloatVector.fromArray(SPECIES, buf, x3 + q);
            s30 = x.fma(d0, s30);
            s31 = x.fma(d1, s31);
            s32 = x.fma(d2, s32);
            s33 = x.fma(d3, s33);
        }
        s00.intoArray(sums, at);
        s01.intoArray(sums, at + LANES);
        s02.intoArray(sums, at + 2 * LANES);
        s03.intoArray(sums, at + 3 * LANES);
        s10.intoArray(sums, at + 4 * LANES);
        s11.intoArray(sums, at + 5 * LANES);
        s12.intoArray(sums, at + 6 * LANES);
        s13.intoArray(sums, at + 7 * LANES);
        s20.intoArray(sums, at + 8 * LANES);
        s21.intoArray(sums, at + 9 * LANES);
        s22.intoArray(sums, at + 10 * LANES);
        s23.intoArray(sums, at + 11 * LANES);
        s30.intoArray(sums, at + 12 * LANES);
        s31.intoArray(sums, at + 13 * LANES);
        s32.intoArray(sums, at + 14 * LANES);
        s33.intoArray(sums, at + 15 * LANES);
    }
}
