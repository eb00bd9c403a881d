package studio.backprop.kernels;

import java.util.Arrays;

/**
 * Copies a kc×cols window of a row-major matrix into a dense panel of {@code width} floats per row, padding
 * columns {@code cols..width-1} with zeros so micro-kernels never need an edge case inside their k-loop.
 *
 * <p>Window element (p, j), for p in [0, kc) and j in [0, cols), goes to {@code dst[dOff + p·width + j]}.
 * Modified: dst. Not modified: src.
 */
final class GemmPacking {

    /** Below this many floats a plain loop beats the call overhead of {@link System#arraycopy}. */
    private static final int ARRAYCOPY_MIN = 16;

    private GemmPacking() {
    }

    /** Window element (p, j) is {@code src[off + (p0 + p)·ld + j0 + j]}: rows of the window are rows of src. */
    static void packColumns(float[] src, int off, int ld, int j0, int cols, int p0, int kc,
                            float[] dst, int dOff, int width) {
        if (cols == width && width <= 12 && width % 4 == 0) {
            for (int j = 0; j < width; j += 4) {
                packFour(src, off + p0 * ld + j0 + j, ld, kc, dst, dOff + j, width);
            }
            return;
        }
        for (int p = 0; p < kc; p++) {
            int s = off + (p0 + p) * ld + j0;
            int d = dOff + p * width;
            if (cols >= ARRAYCOPY_MIN) {
                System.arraycopy(src, s, dst, d, cols);
            } else {
                for (int j = 0; j < cols; j++) {
                    dst[d + j] = src[s + j];
                }
            }
            if (cols < width) {
                Arrays.fill(dst, d + cols, d + width, 0f);
            }
        }
    }

    /**
     * Copies four floats per row for kc rows (src stride ld, dst stride dstStride). A length-4 inner loop costs
     * C2 more in loop overhead than the copy itself, which made packing a transposed A the bottleneck.
     */
    private static void packFour(float[] src, int s, int ld, int kc, float[] dst, int d, int dstStride) {
        for (int p = 0; p < kc; p++, s += ld, d += dstStride) {
            dst[d] = src[s];
            dst[d + 1] = src[s + 1];
            dst[d + 2] = src[s + 2];
            dst[d + 3] = src[s + 3];
        }
    }

    /**
     * Four rows of src (from s, stride ld) interleaved: dst[d + p·dstStride + r] = src[s + r·ld + p] for r < 4.
     * Walking p outermost reads four streams and writes each destination row whole, where a row at a time wrote
     * one float in every dstStride (the packing of a batch's rows took a tenth of an MLP step).
     */
    private static void packFourTransposed(float[] src, int s, int ld, int kc, float[] dst, int d, int dstStride) {
        int s1 = s + ld;
        int s2 = s1 + ld;
        int s3 = s2 + ld;
        for (int p = 0; p < kc; p++, d += dstStride) {
            dst[d] = src[s + p];
            dst[d + 1] = src[s1 + p];
            dst[d + 2] = src[s2 + p];
            dst[d + 3] = src[s3 + p];
        }
    }

    /** Window element (p, j) is {@code src[off + (j0 + j)·ld + p0 + p]}: columns of the window are rows of src. */
    static void packColumnsTransposed(float[] src, int off, int ld, int j0, int cols, int p0, int kc,
                                      float[] dst, int dOff, int width) {
        if (cols == width && width <= 12 && width % 4 == 0) {
            for (int j = 0; j < width; j += 4) {
                packFourTransposed(src, off + (j0 + j) * ld + p0, ld, kc, dst, dOff + j, width);
            }
            return;
        }
        for (int j = 0; j < cols; j++) {
            int s = off + (j0 + j) * ld + p0;
            for (int p = 0, d = dOff + j; p < kc; p++, d += width) {
                dst[d] = src[s + p];
            }
        }
        for (int j = cols; j < width; j++) {
            for (int p = 0, d = dOff + j; p < kc; p++, d += width) {
                dst[d] = 0f;
            }
        }
    }
}
