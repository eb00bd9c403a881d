package studio.backprop.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked FMA micro-kernels of {@link GemmVector} that read A where it is stored instead of from a packed
 * panel: row r of the block is a stored row of A, element (r, p) at {@code a[ao + r·lda + p]}. Otherwise the
 * contract of {@link GemmMicroKernels#micro12}: B's panel element (p, j) at {@code bp[bo + p·bStep + j]}, C with
 * row stride ldc, and every element of C summed as {@code fma(a[r][p], b[p][j], acc)} for p = 0 … kc−1 from a
 * zero accumulator, then stored or added ({@code add}). So an element's bits are the same whether its row of A
 * was packed or read in place.
 *
 * <p>For a batch of 64 through a layer ({@code X·W}, 64×784 by 784×128) packing A transposed its rows into
 * 12-row panels one float at a time: 15-16 µs of the product's 80 on one thread, a fifth, since each packed
 * panel met only the layer's four B panels. Read in place, the twelve rows are twelve streams the prefetcher
 * follows; the rows' offsets from the first row are set before the k loop, so C2 hoists their range checks.
 *
 * <p>Modified: c. Not modified: a, bp.
 */
final class GemmDirectKernels {

    private static final VectorSpecies<Float> SPECIES = GemmMicroKernels.SPECIES;
    private static final int LANES = GemmMicroKernels.LANES;

    private GemmDirectKernels() {
    }

    /** The 12×NR block with A's rows read in place (see the class comment). */
    static void micro12Rows(int kc, float[] a, int ao, int lda, float[] bp, int bo, int bStep, float[] c,
                                int co, int ldc, boolean add) {
        FloatVector left0 = FloatVector.zero(SPECIES);
        FloatVector right0 = left0;
        FloatVector left1 = left0;
        FloatVector right1 = left0;
        FloatVector left2 = left0;
        FloatVector right2 = left0;
        FloatVector left3 = left0;
        FloatVector right3 = left0;
        FloatVector left4 = left0;
        FloatVector right4 = left0;
        FloatVector left5 = left0;
        FloatVector right5 = left0;
        FloatVector left6 = left0;
        FloatVector right6 = left0;
        FloatVector left7 = left0;
        FloatVector right7 = left0;
        FloatVector left8 = left0;
        FloatVector right8 = left0;
        FloatVector left9 = left0;
        FloatVector right9 = left0;
        FloatVector left10 = left0;
        FloatVector right10 = left0;
        FloatVector left11 = left0;
        FloatVector right11 = left0;
        int row1 = lda;
        int row2 = 2 * lda;
        int row3 = 3 * lda;
        int row4 = 4 * lda;
        int row5 = 5 * lda;
        int row6 = 6 * lda;
        int row7 = 7 * lda;
        int row8 = 8 * lda;
        int row9 = 9 * lda;
        int row10 = 10 * lda;
        int row11 = 11 * lda;
        for (int aEnd = ao + kc; ao < aEnd; ao++, bo += bStep) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, bp, bo);
            FloatVector b1 = FloatVector.fromArray(SPECIES, bp, bo + LANES);
            FloatVector av = FloatVector.broadcast(SPECIES, a[ao]);
            left0 = av.fma(b0, left0);
            right0 = av.fma(b1, right0);
            av = FloatVector.broadcast(SPECIES, a[ao + row1]);
            left1 = av.fma(b0, left1);
            right1 = av.fma(b1, right1);
            av = FloatVector.broadcast(SPECIES, a[ao + row2]);
            left2 = av.fma(b0, left2);
            right2 = av.fma(b1, right2);
            av = FloatVector.broadcast(SPECIES, a[ao + row3]);
            left3 = av.fma(b0, left3);
            right3 = av.fma(b1, right3);
            av = FloatVector.broadcast(SPECIES, a[ao + row4]);
            left4 = av.fma(b0, left4);
            right4 = av.fma(b1, right4);
            av = FloatVector.broadcast(SPECIES, a[ao + row5]);
            left5 = av.fma(b0, left5);
            right5 = av.fma(b1, right5);
            av = FloatVector.broadcast(SPECIES, a[ao + row6]);
            left6 = av.fma(b0, left6);
            right6 = av.fma(b1, right6);
            av = FloatVector.broadcast(SPECIES, a[ao + row7]);
            left7 = av.fma(b0, left7);
            right7 = av.fma(b1, right7);
            av = FloatVector.broadcast(SPECIES, a[ao + row8]);
            left8 = av.fma(b0, left8);
            right8 = av.fma(b1, right8);
            av = FloatVector.broadcast(SPECIES, a[ao + row9]);
            left9 = av.fma(b0, left9);
            right9 = av.fma(b1, right9);
            av = FloatVector.broadcast(SPECIES, a[ao + row10]);
            left10 = av.fma(b0, left10);
            right10 = av.fma(b1, right10);
            av = FloatVector.broadcast(SPECIES, a[ao + row11]);
            left11 = av.fma(b0, left11);
            right11 = av.fma(b1, right11);
        }
        if (add) {
            FloatVector.fromArray(SPECIES, c, co).add(left0).intoArray(c, co);
            FloatVector.fromArray(SPECIES, c, co + LANES).add(right0).intoArray(c, co + LANES);
            FloatVector.fromArray(SPECIES, c, co + ldc).add(left1).intoArray(c, co + ldc);
            FloatVector.fromArray(SPECIES, c, co + ldc + LANES).add(right1).intoArray(c, co + ldc + LANES);
            FloatVector.fromArray(SPECIES, c, co + 2 * ldc).add(left2).intoArray(c, co + 2 * ldc);
            FloatVector.fromArray(SPECIES, c, co + 2 * ldc + LANES).add(right2).intoArray(c, co + 2 * ldc + LANES);
            FloatVector.fromArray(SPECIES, c, co + 3 * ldc).add(left3).intoArray(c, co + 3 * ldc);
            FloatVector.fromArray(SPECIES, c, co + 3 * ldc + LANES).add(right3).intoArray(c, co + 3 * ldc + LANES);
            FloatVector.fromArray(SPECIES, c, co + 4 * ldc).add(left4).intoArray(c, co + 4 * ldc);
            FloatVector.fromArray(SPECIES, c, co + 4 * ldc + LANES).add(right4).intoArray(c, co + 4 * ldc + LANES);
            FloatVector.fromArray(SPECIES, c, co + 5 * ldc).add(left5).intoArray(c, co + 5 * ldc);
            FloatVector.fromArray(SPECIES, c, co + 5 * ldc + LANES).add(right5).intoArray(c, co + 5 * ldc + LANES);
            FloatVector.fromArray(SPECIES, c, co + 6 * ldc).add(left6).intoArray(c, co + 6 * ldc);
            FloatVector.fromArray(SPECIES, c, co + 6 * ldc + LANES).add(right6).intoArray(c, co + 6 * ldc + LANES);
            FloatVector.fromArray(SPECIES, c, co + 7 * ldc).add(left7).intoArray(c, co + 7 * ldc);
            FloatVector.fromArray(SPECIES, c, co + 7 * ldc + LANES).add(right7).intoArray(c, co + 7 * ldc + LANES);
            FloatVector.fromArray(SPECIES, c, co + 8 * ldc).add(left8).intoArray(c, co + 8 * ldc);
            FloatVector.fromArray(SPECIES, c, co + 8 * ldc + LANES).add(right8).intoArray(c, co + 8 * ldc + LANES);
            FloatVector.fromArray(SPECIES, c, co + 9 * ldc).add(left9).intoArray(c, co + 9 * ldc);
            FloatVector.fromArray(SPECIES, c, co + 9 * ldc + LANES).add(right9).intoArray(c, co + 9 * ldc + LANES);
            FloatVector.fromArray(SPECIES, c, co + 10 * ldc).add(left10).intoArray(c, co + 10 * ldc);
            FloatVector.fromArray(SPECIES, c, co + 10 * ldc + LANES).add(right10).intoArray(c, co + 10 * ldc + LANES);
            FloatVector.fromArray(SPECIES, c, co + 11 * ldc).add(left11).intoArray(c, co + 11 * ldc);
            FloatVector.fromArray(SPECIES, c, co + 11 * ldc + LANES).add(right11).intoArray(c, co + 11 * ldc + LANES);
        } else {
            left0.intoArray(c, co);
            right0.intoArray(c, co + LANES);
            left1.intoArray(c, co + ldc);
            right1.intoArray(c, co + ldc + LANES);
            left2.intoArray(c, co + 2 * ldc);
            right2.intoArray(c, co + 2 * ldc + LANES);
            left3.intoArray(c, co + 3 * ldc);
            right3.intoArray(c, co + 3 * ldc + LANES);
            left4.intoArray(c, co + 4 * ldc);
            right4.intoArray(c, co + 4 * ldc + LANES);
            left5.intoArray(c, co + 5 * ldc);
            right5.intoArray(c, co + 5 * ldc + LANES);
            left6.intoArray(c, co + 6 * ldc);
            right6.intoArray(c, co + 6 * ldc + LANES);
            left7.intoArray(c, co + 7 * ldc);
            right7.intoArray(c, co + 7 * ldc + LANES);
            left8.intoArray(c, co + 8 * ldc);
            right8.intoArray(c, co + 8 * ldc + LANES);
            left9.intoArray(c, co + 9 * ldc);
            right9.intoArray(c, co + 9 * ldc + LANES);
            left10.intoArray(c, co + 10 * ldc);
            right10.intoArray(c, co + 10 * ldc + LANES);
            left11.intoArray(c, co + 11 * ldc);
            right11.intoArray(c, co + 11 * ldc + LANES);
        }
    }

    /** The 8×NR block with A's rows read in place. */
    static void micro8Rows(int kc, float[] a, int ao, int lda, float[] bp, int bo, int bStep, float[] c,
                                int co, int ldc, boolean add) {
        FloatVector left0 = FloatVector.zero(SPECIES);
        FloatVector right0 = left0;
        FloatVector left1 = left0;
        FloatVector right1 = left0;
        FloatVector left2 = left0;
        FloatVector right2 = left0;
        FloatVector left3 = left0;
        FloatVector right3 = left0;
        FloatVector left4 = left0;
        FloatVector right4 = left0;
        FloatVector left5 = left0;
        FloatVector right5 = left0;
        FloatVector left6 = left0;
        FloatVector right6 = left0;
        FloatVector left7 = left0;
        FloatVector right7 = left0;
        int row1 = lda;
        int row2 = 2 * lda;
        int row3 = 3 * lda;
        int row4 = 4 * lda;
        int row5 = 5 * lda;
        int row6 = 6 * lda;
        int row7 = 7 * lda;
        for (int aEnd = ao + kc; ao < aEnd; ao++, bo += bStep) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, bp, bo);
            FloatVector b1 = FloatVector.fromArray(SPECIES, bp, bo + LANES);
            FloatVector av = FloatVector.broadcast(SPECIES, a[ao]);
            left0 = av.fma(b0, left0);
            right0 = av.fma(b1, right0);
            av = FloatVector.broadcast(SPECIES, a[ao + row1]);
            left1 = av.fma(b0, left1);
            right1 = av.fma(b1, right1);
            av = FloatVector.broadcast(SPECIES, a[ao + row2]);
            left2 = av.fma(b0, left2);
            right2 = av.fma(b1, right2);
            av = FloatVector.broadcast(SPECIES, a[ao + row3]);
            left3 = av.fma(b0, left3);
            right3 = av.fma(b1, right3);
            av = FloatVector.broadcast(SPECIES, a[ao + row4]);
            left4 = av.fma(b0, left4);
            right4 = av.fma(b1, right4);
            av = FloatVector.broadcast(SPECIES, a[ao + row5]);
            left5 = av.fma(b0, left5);
            right5 = av.fma(b1, right5);
            av = FloatVector.broadcast(SPECIES, a[ao + row6]);
            left6 = av.fma(b0, left6);
            right6 = av.fma(b1, right6);
            av = FloatVector.broadcast(SPECIES, a[ao + row7]);
            left7 = av.fma(b0, left7);
            right7 = av.fma(b1, right7);
        }
        if (add) {
            FloatVector.fromArray(SPECIES, c, co).add(left0).intoArray(c, co);
            FloatVector.fromArray(SPECIES, c, co + LANES).add(right0).intoArray(c, co + LANES);
            FloatVector.fromArray(SPECIES, c, co + ldc).add(left1).intoArray(c, co + ldc);
            FloatVector.fromArray(SPECIES, c, co + ldc + LANES).add(right1).intoArray(c, co + ldc + LANES);
            FloatVector.fromArray(SPECIES, c, co + 2 * ldc).add(left2).intoArray(c, co + 2 * ldc);
            FloatVector.fromArray(SPECIES, c, co + 2 * ldc + LANES).add(right2).intoArray(c, co + 2 * ldc + LANES);
            FloatVector.fromArray(SPECIES, c, co + 3 * ldc).add(left3).intoArray(c, co + 3 * ldc);
            FloatVector.fromArray(SPECIES, c, co + 3 * ldc + LANES).add(right3).intoArray(c, co + 3 * ldc + LANES);
            FloatVector.fromArray(SPECIES, c, co + 4 * ldc).add(left4).intoArray(c, co + 4 * ldc);
            FloatVector.fromArray(SPECIES, c, co + 4 * ldc + LANES).add(right4).intoArray(c, co + 4 * ldc + LANES);
            FloatVector.fromArray(SPECIES, c, co + 5 * ldc).add(left5).intoArray(c, co + 5 * ldc);
            FloatVector.fromArray(SPECIES, c, co + 5 * ldc + LANES).add(right5).intoArray(c, co + 5 * ldc + LANES);
            FloatVector.fromArray(SPECIES, c, co + 6 * ldc).add(left6).intoArray(c, co + 6 * ldc);
            FloatVector.fromArray(SPECIES, c, co + 6 * ldc + LANES).add(right6).intoArray(c, co + 6 * ldc + LANES);
            FloatVector.fromArray(SPECIES, c, co + 7 * ldc).add(left7).intoArray(c, co + 7 * ldc);
            FloatVector.fromArray(SPECIES, c, co + 7 * ldc + LANES).add(right7).intoArray(c, co + 7 * ldc + LANES);
        } else {
            left0.intoArray(c, co);
            right0.intoArray(c, co + LANES);
            left1.intoArray(c, co + ldc);
            right1.intoArray(c, co + ldc + LANES);
            left2.intoArray(c, co + 2 * ldc);
            right2.intoArray(c, co + 2 * ldc + LANES);
            left3.intoArray(c, co + 3 * ldc);
            right3.intoArray(c, co + 3 * ldc + LANES);
            left4.intoArray(c, co + 4 * ldc);
            right4.intoArray(c, co + 4 * ldc + LANES);
            left5.intoArray(c, co + 5 * ldc);
            right5.intoArray(c, co + 5 * ldc + LANES);
            left6.intoArray(c, co + 6 * ldc);
            right6.intoArray(c, co + 6 * ldc + LANES);
            left7.intoArray(c, co + 7 * ldc);
            right7.intoArray(c, co + 7 * ldc + LANES);
        }
    }

    /** The 4×NR block with A's rows read in place. */
    static void micro4Rows(int kc, float[] a, int ao, int lda, float[] bp, int bo, int bStep, float[] c,
                                int co, int ldc, boolean add) {
        FloatVector left0 = FloatVector.zero(SPECIES);
        FloatVector right0 = left0;
        FloatVector left1 = left0;
        FloatVector right1 = left0;
        FloatVector left2 = left0;
        FloatVector right2 = left0;
        FloatVector left3 = left0;
        FloatVector right3 = left0;
        int row1 = lda;
        int row2 = 2 * lda;
        int row3 = 3 * lda;
        for (int aEnd = ao + kc; ao < aEnd; ao++, bo += bStep) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, bp, bo);
            FloatVector b1 = FloatVector.fromArray(SPECIES, bp, bo + LANES);
            FloatVector av = FloatVector.broadcast(SPECIES, a[ao]);
            left0 = av.fma(b0, left0);
            right0 = av.fma(b1, right0);
            av = FloatVector.broadcast(SPECIES, a[ao + row1]);
            left1 = av.fma(b0, left1);
            right1 = av.fma(b1, right1);
            av = FloatVector.broadcast(SPECIES, a[ao + row2]);
            left2 = av.fma(b0, left2);
            right2 = av.fma(b1, right2);
            av = FloatVector.broadcast(SPECIES, a[ao + row3]);
            left3 = av.fma(b0, left3);
            right3 = av.fma(b1, right3);
        }
        if (add) {
            FloatVector.fromArray(SPECIES, c, co).add(left0).intoArray(c, co);
            FloatVector.fromArray(SPECIES, c, co + LANES).add(right0).intoArray(c, co + LANES);
            FloatVector.fromArray(SPECIES, c, co + ldc).add(left1).intoArray(c, co + ldc);
            FloatVector.fromArray(SPECIES, c, co + ldc + LANES).add(right1).intoArray(c, co + ldc + LANES);
            FloatVector.fromArray(SPECIES, c, co + 2 * ldc).add(left2).intoArray(c, co + 2 * ldc);
            FloatVector.fromArray(SPECIES, c, co + 2 * ldc + LANES).add(right2).intoArray(c, co + 2 * ldc + LANES);
            FloatVector.fromArray(SPECIES, c, co + 3 * ldc).add(left3).intoArray(c, co + 3 * ldc);
            FloatVector.fromArray(SPECIES, c, co + 3 * ldc + LANES).add(right3).intoArray(c, co + 3 * ldc + LANES);
        } else {
            left0.intoArray(c, co);
            right0.intoArray(c, co + LANES);
            left1.intoArray(c, co + ldc);
            right1.intoArray(c, co + ldc + LANES);
            left2.intoArray(c, co + 2 * ldc);
            right2.intoArray(c, co + 2 * ldc + LANES);
            left3.intoArray(c, co + 3 * ldc);
            right3.intoArray(c, co + 3 * ldc + LANES);
        }
    }
}
