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

    /** Window element (p, j) is {@code src[off + (j0 + j)·ld + p0 + p]}: columns of the window are rows of src. */
    static void packColumnsTransposed(float[] src, int off, int ld, int j0, int cols, int p0, int kc,
                                      float[] dst, int dOff, int width) {
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
