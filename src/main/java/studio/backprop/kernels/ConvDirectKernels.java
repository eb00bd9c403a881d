package studio.backprop.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked loops of {@link ConvDirect}: output strips of 4, 6 or 8 channels (forward and backward input)
 * and blocks of eight or four weight-gradient rows. Which strip covers a channel never changes its bits: each
 * output is one FMA chain over the (tap, ci) rows in order, started at zero. Likewise each weight gradient is one
 * FMA chain over the pixels in order, whichever block holds its row.
 *
 * <p>Modified: acc (strips), sums (weight rows). Not modified: planes, wq, dy.
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
     * Eight (tap, ci) rows × one vector of output channels of the weight gradient: for each of {@code count}
     * output pixels, one load of dy's channels and eight broadcast plane values feed eight FMAs, so that lane l
     * of {@code s_r} sums planes[pixels[p] + o_r] · dy[d + p·cout + l] over the pixels in order.
     *
     * <p>{@code pixels} holds each pixel's grid position in the planes (image by image, row by row), {@code o_r}
     * where row r's shifted plane starts; {@code d} is the first pixel's dy index (already offset to the vector's
     * first channel), and dy must hold a full vector from every pixel's index on (the caller pads the batch's
     * last image). One flat loop: C2 kept the sums in registers only without a loop nest around it. Sums are
     * read from and stored back to sums[at + r·LANES …], so a caller may continue them over the next chunk.
     */
    static void weightRows8(float[] planes, int[] pixels, int count,
                            int o0, int o1, int o2, int o3, int o4, int o5, int o6, int o7,
                            float[] dy, int d, int cout, float[] sums, int at) {
        FloatVector s0 = FloatVector.fromArray(SPECIES, sums, at);
        FloatVector s1 = FloatVector.fromArray(SPECIES, sums, at + LANES);
        FloatVector s2 = FloatVector.fromArray(SPECIES, sums, at + 2 * LANES);
        FloatVector s3 = FloatVector.fromArray(SPECIES, sums, at + 3 * LANES);
        FloatVector s4 = FloatVector.fromArray(SPECIES, sums, at + 4 * LANES);
        FloatVector s5 = FloatVector.fromArray(SPECIES, sums, at + 5 * LANES);
        FloatVector s6 = FloatVector.fromArray(SPECIES, sums, at + 6 * LANES);
        FloatVector s7 = FloatVector.fromArray(SPECIES, sums, at + 7 * LANES);
        for (int p = 0; p < count; p++, d += cout) {
            int q = pixels[p];
            FloatVector g = FloatVector.fromArray(SPECIES, dy, d);
            s0 = FloatVector.broadcast(SPECIES, planes[q + o0]).fma(g, s0);
            s1 = FloatVector.broadcast(SPECIES, planes[q + o1]).fma(g, s1);
            s2 = FloatVector.broadcast(SPECIES, planes[q + o2]).fma(g, s2);
            s3 = FloatVector.broadcast(SPECIES, planes[q + o3]).fma(g, s3);
            s4 = FloatVector.broadcast(SPECIES, planes[q + o4]).fma(g, s4);
            s5 = FloatVector.broadcast(SPECIES, planes[q + o5]).fma(g, s5);
            s6 = FloatVector.broadcast(SPECIES, planes[q + o6]).fma(g, s6);
            s7 = FloatVector.broadcast(SPECIES, planes[q + o7]).fma(g, s7);
        }
        s0.intoArray(sums, at);
        s1.intoArray(sums, at + LANES);
        s2.intoArray(sums, at + 2 * LANES);
        s3.intoArray(sums, at + 3 * LANES);
        s4.intoArray(sums, at + 4 * LANES);
        s5.intoArray(sums, at + 5 * LANES);
        s6.intoArray(sums, at + 6 * LANES);
        s7.intoArray(sums, at + 7 * LANES);
    }

    /** {@link #weightRows8} for four rows (a block's last one to four), with the same per-lane chains. */
    static void weightRows4(float[] planes, int[] pixels, int count,
                            int o0, int o1, int o2, int o3, float[] dy, int d, int cout, float[] sums, int at) {
        FloatVector s0 = FloatVector.fromArray(SPECIES, sums, at);
        FloatVector s1 = FloatVector.fromArray(SPECIES, sums, at + LANES);
        FloatVector s2 = FloatVector.fromArray(SPECIES, sums, at + 2 * LANES);
        FloatVector s3 = FloatVector.fromArray(SPECIES, sums, at + 3 * LANES);
        for (int p = 0; p < count; p++, d += cout) {
            int q = pixels[p];
            FloatVector g = FloatVector.fromArray(SPECIES, dy, d);
            s0 = FloatVector.broadcast(SPECIES, planes[q + o0]).fma(g, s0);
            s1 = FloatVector.broadcast(SPECIES, planes[q + o1]).fma(g, s1);
            s2 = FloatVector.broadcast(SPECIES, planes[q + o2]).fma(g, s2);
            s3 = FloatVector.broadcast(SPECIES, planes[q + o3]).fma(g, s3);
        }
        s0.intoArray(sums, at);
        s1.intoArray(sums, at + LANES);
        s2.intoArray(sums, at + 2 * LANES);
        s3.intoArray(sums, at + 3 * LANES);
    }
}
