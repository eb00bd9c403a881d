package studio.backprop.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * The padded-plane layout of one {@link ConvDirect} correlation: input planes of {@code c} channels, output on the
 * same grid. Each image is copied into zero-padded planes (row length Wp = padded width) so that every tap of a
 * stride-1 window is the same plane shifted by {@code ky·dh·Wp + kx·dw}.
 */
final class ConvGrid {

    /** Float lanes of the direct kernels' vectors: grid rows are computed two vectors at a time. */
    private static final int LANES = FloatVector.SPECIES_PREFERRED.length();

    final int h;
    final int w;
    final int c;
    final int padT;
    final int padL;
    final int wp;
    final int outH;
    final int outW;
    final int kh;
    final int kw;
    final int rowStep;
    final int dw;
    /** Grid positions computed per output plane: outH·Wp rounded up to two vectors. */
    final int len;
    /** Floats per padded input plane, enough for the furthest shifted read of the last grid vector. */
    final int plane;
    /** Per (tap, ci) row in (ky, kx, ci) order: where its shifted plane starts. */
    final int[] shifts;

    final int padB;
    final int padR;
    /** {@link #pixels}' last table and the images it covers. */
    private int[] pixelTable;
    private int pixelImages;
    final ConvGeometry geometry;

    ConvGrid(int h, int w, int c, int padT, int padB, int padL, int padR, ConvGeometry g) {
        this.padB = padB;
        this.padR = padR;
        this.geometry = g;
        this.h = h;
        this.w = w;
        this.c = c;
        this.padT = padT;
        this.padL = padL;
        this.wp = w + padL + padR;
        int hp = h + padT + padB;
        this.kh = g.kernelH();
        this.kw = g.kernelW();
        this.rowStep = g.dilationH() * wp;
        this.dw = g.dilationW();
        this.outH = hp - (kh - 1) * g.dilationH();
        this.outW = wp - (kw - 1) * dw;
        int step = 2 * LANES;
        this.len = (outH * wp + step - 1) / step * step;
        this.plane = Math.max(hp * wp, len + (kh - 1) * rowStep + (kw - 1) * dw);
        this.shifts = new int[kh * kw * c];
        for (int ky = 0, r = 0; ky < kh; ky++) {
            for (int kx = 0; kx < kw; kx++) {
                for (int ci = 0; ci < c; ci++) {
                    shifts[r++] = ci * plane + ky * rowStep + kx * dw;
                }
            }
        }
    }

    /**
     * Where each output pixel of {@code images} consecutive images sits in their planes: entry
     * (b·outH + oy)·outW + ox holds b·c·plane + oy·Wp + ox. Kept for the next call with as many images.
     */
    int[] pixels(int images) {
        if (pixelImages != images) {
            int[] table = new int[images * outH * outW];
            for (int b = 0, p = 0; b < images; b++) {
                for (int oy = 0; oy < outH; oy++) {
                    for (int ox = 0; ox < outW; ox++) {
                        table[p++] = b * c * plane + oy * wp + ox;
                    }
                }
            }
            pixelTable = table;
            pixelImages = images;
        }
        return pixelTable;
    }

    int taps() {
        return kh * kw;
    }

    boolean matches(int h2, int w2, int c2, int t, int b, int l, int r, ConvGeometry g) {
        return h == h2 && w == w2 && c == c2 && padT == t && padB == b && padL == l && padR == r
                && geometry.equals(g);
    }

    /**
     * Copies NHWC image {@code src[srcOff…]} (h, w, c) into c zero-padded planes at {@code dst[dstOff…]}.
     * Only the padding around the copied rows is zeroed (zeroing whole planes first wrote most floats twice).
     */
    void planes(float[] src, int srcOff, float[] dst, int dstOff) {
        for (int ci = 0; ci < c; ci++) {
            int base = dstOff + ci * plane;
            int zeroFrom = base;
            for (int y = 0; y < h; y++) {
                int d = base + (y + padT) * wp + padL;
                zero(dst, zeroFrom, d);
                zeroFrom = d + w;
            }
            zero(dst, zeroFrom, base + plane);
        }
        for (int y = 0; y < h; y++) {
            int s = srcOff + y * w * c;
            int d = dstOff + (y + padT) * wp + padL;
            if (c == 1) {
                System.arraycopy(src, s, dst, d, w);
            } else {
                deinterleave(src, s, c, w, dst, d, plane);
            }
        }
    }

    /**
     * One row of NHWC pixels into channel rows: {@code dst[d + ch·stride + x] = src[s + x·c + ch]} for x < count
     * and ch < c. Four channels per pass over the row, so each pass reads the pixels' neighbouring floats
     * together; a channel per pass cost about a nanosecond per float (these copies took 274 µs of the 1.2 ms
     * weight gradient of LeNet's second layer, batch 64).
     */
    static void deinterleave(float[] src, int s, int c, int count, float[] dst, int d, int stride) {
        int ch = 0;
        for (; ch + 4 <= c; ch += 4) {
            int d0 = d + ch * stride;
            int d1 = d0 + stride;
            int d2 = d1 + stride;
            int d3 = d2 + stride;
            for (int x = 0, at = s + ch; x < count; x++, at += c) {
                dst[d0 + x] = src[at];
                dst[d1 + x] = src[at + 1];
                dst[d2 + x] = src[at + 2];
                dst[d3 + x] = src[at + 3];
            }
        }
        for (; ch < c; ch++) {
            int d0 = d + ch * stride;
            for (int x = 0, at = s + ch; x < count; x++, at += c) {
                dst[d0 + x] = src[at];
            }
        }
    }

    /** d[from..to) = 0; a plain loop for the few floats between two rows, where a call costs more. */
    static void zero(float[] d, int from, int to) {
        if (to - from > 16) {
            Arrays.fill(d, from, to, 0f);
            return;
        }
        for (int i = from; i < to; i++) {
            d[i] = 0f;
        }
    }
}
