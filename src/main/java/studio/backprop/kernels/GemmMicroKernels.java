package studio.backprop.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked FMA micro-kernels of {@link GemmVector}. Each computes one block of
 * {@code C = (add ? C : 0) + Apanel · Bpanel} for one k-block of length kc, where the packed A panel holds kc
 * columns of {@code rows} floats (element (r, p) at {@code ap[ao + p·rows + r]}) and the B panel holds kc rows of
 * NR (or LANES) consecutive floats (element (p, j) at {@code bp[bo + p·bStep + j]}); C has row stride ldc. A
 * packed B panel has bStep = NR; a caller may also point straight into a stored B, whose rows already hold a
 * panel's floats side by side, with B's row stride as step. (A variable step for A as well cost SGEMM 2-3%: C2
 * then kept one step on the stack.)
 *
 * <p>Every kernel computes each element of C the same way: one accumulator starts at zero, takes
 * {@code fma(a[r][p], b[p][j], acc)} for p = 0, 1, …, kc−1 in that order, and is then stored, or added to C
 * ({@code add}). The choice is one branch around all the stores: with a selection at each of the 24 stores, C2
 * compiled the 12-row kernel to run at 84 GFLOP/s instead of 140.
 * Which kernel covers an element (12, 8 or 4 rows) therefore never changes its bits.
 *
 * <p>Each k loop runs on A's index itself ({@code ao} up to {@code ao + rows·kc}, a constant step), not on a
 * separate counter: C2 then hoists A's range checks out of the loop and keeps B's step in a register. With a
 * counter it checked A twice per k step and moved B's step through a vector register (a µop on an FMA port), and
 * the 12-row kernel ran at 122-126 GFLOP/s instead of 138-142.
 *
 * <p>Modified: c. Not modified: ap, bp.
 */
final class GemmMicroKernels {

    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    /** Columns of the wide register block: two vectors. */
    static final int NR = 2 * LANES;

    private GemmMicroKernels() {
    }

    /**
     * The 12×NR register block: 24 of the 32 vector registers accumulate, two hold the B row and one the
     * broadcast A element, so each k step issues 24 FMAs for 2 vector loads and 12 broadcasts (about 140 GFLOP/s
     * on one AVX-512 core, where the 4×NR block reached 96).
     */
    static void micro12(int kc, float[] ap, int ao, float[] bp, int bo, int bStep, float[] c,
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
        for (int aEnd = ao + 12 * kc; ao < aEnd; ao += 12, bo += bStep) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, bp, bo);
            FloatVector b1 = FloatVector.fromArray(SPECIES, bp, bo + LANES);
            FloatVector av = FloatVector.broadcast(SPECIES, ap[ao]);
            left0 = av.fma(b0, left0);
            right0 = av.fma(b1, right0);
            av = FloatVector.broadcast(SPECIES, ap[ao + 1]);
            left1 = av.fma(b0, left1);
            right1 = av.fma(b1, right1);
            av = FloatVector.broadcast(SPECIES, ap[ao + 2]);
            left2 = av.fma(b0, left2);
            right2 = av.fma(b1, right2);
            av = FloatVector.broadcast(SPECIES, ap[ao + 3]);
            left3 = av.fma(b0, left3);
            right3 = av.fma(b1, right3);
            av = FloatVector.broadcast(SPECIES, ap[ao + 4]);
            left4 = av.fma(b0, left4);
            right4 = av.fma(b1, right4);
            av = FloatVector.broadcast(SPECIES, ap[ao + 5]);
            left5 = av.fma(b0, left5);
            right5 = av.fma(b1, right5);
            av = FloatVector.broadcast(SPECIES, ap[ao + 6]);
            left6 = av.fma(b0, left6);
            right6 = av.fma(b1, right6);
            av = FloatVector.broadcast(SPECIES, ap[ao + 7]);
            left7 = av.fma(b0, left7);
            right7 = av.fma(b1, right7);
            av = FloatVector.broadcast(SPECIES, ap[ao + 8]);
            left8 = av.fma(b0, left8);
            right8 = av.fma(b1, right8);
            av = FloatVector.broadcast(SPECIES, ap[ao + 9]);
            left9 = av.fma(b0, left9);
            right9 = av.fma(b1, right9);
            av = FloatVector.broadcast(SPECIES, ap[ao + 10]);
            left10 = av.fma(b0, left10);
            right10 = av.fma(b1, right10);
            av = FloatVector.broadcast(SPECIES, ap[ao + 11]);
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

    /**
     * The 8×NR register block, for a panel of eight rows (the tail of a block whose height is not a multiple of
     * 12). Same contract as {@link #micro12}.
     */
    static void micro8(int kc, float[] ap, int ao, float[] bp, int bo, int bStep, float[] c,
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
        for (int aEnd = ao + 8 * kc; ao < aEnd; ao += 8, bo += bStep) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, bp, bo);
            FloatVector b1 = FloatVector.fromArray(SPECIES, bp, bo + LANES);
            FloatVector av = FloatVector.broadcast(SPECIES, ap[ao]);
            left0 = av.fma(b0, left0);
            right0 = av.fma(b1, right0);
            av = FloatVector.broadcast(SPECIES, ap[ao + 1]);
            left1 = av.fma(b0, left1);
            right1 = av.fma(b1, right1);
            av = FloatVector.broadcast(SPECIES, ap[ao + 2]);
            left2 = av.fma(b0, left2);
            right2 = av.fma(b1, right2);
            av = FloatVector.broadcast(SPECIES, ap[ao + 3]);
            left3 = av.fma(b0, left3);
            right3 = av.fma(b1, right3);
            av = FloatVector.broadcast(SPECIES, ap[ao + 4]);
            left4 = av.fma(b0, left4);
            right4 = av.fma(b1, right4);
            av = FloatVector.broadcast(SPECIES, ap[ao + 5]);
            left5 = av.fma(b0, left5);
            right5 = av.fma(b1, right5);
            av = FloatVector.broadcast(SPECIES, ap[ao + 6]);
            left6 = av.fma(b0, left6);
            right6 = av.fma(b1, right6);
            av = FloatVector.broadcast(SPECIES, ap[ao + 7]);
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

    /**
     * The 4×NR register block, for a panel of four rows. Same contract as {@link #micro12}.
     */
    static void micro4(int kc, float[] ap, int ao, float[] bp, int bo, int bStep, float[] c,
                             int co, int ldc, boolean add) {
        FloatVector left0 = FloatVector.zero(SPECIES);
        FloatVector right0 = left0;
        FloatVector left1 = left0;
        FloatVector right1 = left0;
        FloatVector left2 = left0;
        FloatVector right2 = left0;
        FloatVector left3 = left0;
        FloatVector right3 = left0;
        for (int aEnd = ao + 4 * kc; ao < aEnd; ao += 4, bo += bStep) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, bp, bo);
            FloatVector b1 = FloatVector.fromArray(SPECIES, bp, bo + LANES);
            FloatVector av = FloatVector.broadcast(SPECIES, ap[ao]);
            left0 = av.fma(b0, left0);
            right0 = av.fma(b1, right0);
            av = FloatVector.broadcast(SPECIES, ap[ao + 1]);
            left1 = av.fma(b0, left1);
            right1 = av.fma(b1, right1);
            av = FloatVector.broadcast(SPECIES, ap[ao + 2]);
            left2 = av.fma(b0, left2);
            right2 = av.fma(b1, right2);
            av = FloatVector.broadcast(SPECIES, ap[ao + 3]);
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

    /**
     * The 8×LANES register block for n <= LANES: eight rows, one vector each. Same contract as {@link #micro12}.
     */
    static void microNarrow(int kc, float[] ap, int ao, float[] bp, int bo, int bStep, float[] c,
                             int co, int ldc, boolean add) {
        FloatVector c0 = FloatVector.zero(SPECIES);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        FloatVector c4 = c0;
        FloatVector c5 = c0;
        FloatVector c6 = c0;
        FloatVector c7 = c0;
        for (int aEnd = ao + 8 * kc; ao < aEnd; ao += 8, bo += bStep) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, bp, bo);
            FloatVector av = FloatVector.broadcast(SPECIES, ap[ao]);
            c0 = av.fma(b0, c0);
            av = FloatVector.broadcast(SPECIES, ap[ao + 1]);
            c1 = av.fma(b0, c1);
            av = FloatVector.broadcast(SPECIES, ap[ao + 2]);
            c2 = av.fma(b0, c2);
            av = FloatVector.broadcast(SPECIES, ap[ao + 3]);
            c3 = av.fma(b0, c3);
            av = FloatVector.broadcast(SPECIES, ap[ao + 4]);
            c4 = av.fma(b0, c4);
            av = FloatVector.broadcast(SPECIES, ap[ao + 5]);
            c5 = av.fma(b0, c5);
            av = FloatVector.broadcast(SPECIES, ap[ao + 6]);
            c6 = av.fma(b0, c6);
            av = FloatVector.broadcast(SPECIES, ap[ao + 7]);
            c7 = av.fma(b0, c7);
        }
        if (add) {
            FloatVector.fromArray(SPECIES, c, co).add(c0).intoArray(c, co);
            FloatVector.fromArray(SPECIES, c, co + ldc).add(c1).intoArray(c, co + ldc);
            FloatVector.fromArray(SPECIES, c, co + 2 * ldc).add(c2).intoArray(c, co + 2 * ldc);
            FloatVector.fromArray(SPECIES, c, co + 3 * ldc).add(c3).intoArray(c, co + 3 * ldc);
            FloatVector.fromArray(SPECIES, c, co + 4 * ldc).add(c4).intoArray(c, co + 4 * ldc);
            FloatVector.fromArray(SPECIES, c, co + 5 * ldc).add(c5).intoArray(c, co + 5 * ldc);
            FloatVector.fromArray(SPECIES, c, co + 6 * ldc).add(c6).intoArray(c, co + 6 * ldc);
            FloatVector.fromArray(SPECIES, c, co + 7 * ldc).add(c7).intoArray(c, co + 7 * ldc);
        } else {
            c0.intoArray(c, co);
            c1.intoArray(c, co + ldc);
            c2.intoArray(c, co + 2 * ldc);
            c3.intoArray(c, co + 3 * ldc);
            c4.intoArray(c, co + 4 * ldc);
            c5.intoArray(c, co + 5 * ldc);
            c6.intoArray(c, co + 6 * ldc);
            c7.intoArray(c, co + 7 * ldc);
        }
    }

    /** Edge tiles: C = tile or C + tile, per element so nothing outside C is touched. */
    static void mergeTile(float[] tile, int nr, int rows, int cols, float[] c, int co, int ldc, boolean add) {
        for (int r = 0; r < rows; r++) {
            int t = r * nr;
            int ci = co + r * ldc;
            for (int j = 0; j < cols; j++) {
                c[ci + j] = add ? c[ci + j] + tile[t + j] : tile[t + j];
            }
        }
    }
}
