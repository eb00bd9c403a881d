package studio.backprop.kernels;

/**
 * The sliding-window geometry shared by convolution and pooling kernels over NHWC images.
 *
 * <p>Output size per axis: ⌊(n + padBefore + padAfter − d·(k − 1) − 1) / s⌋ + 1. The window is said not to
 * "fit" when the numerator leaves a remainder: the last {@code remainder} rows/columns are then never visited.
 *
 * @param kernelH   window height k_h
 * @param kernelW   window width k_w
 * @param strideH   vertical stride s_h (at least 1)
 * @param strideW   horizontal stride s_w (at least 1)
 * @param padTop    zero rows added above the image
 * @param padBottom zero rows added below the image
 * @param padLeft   zero columns added left of the image
 * @param padRight  zero columns added right of the image
 * @param dilationH vertical spacing between kernel taps (1 = dense)
 * @param dilationW horizontal spacing between kernel taps (1 = dense)
 */
public record ConvGeometry(int kernelH, int kernelW, int strideH, int strideW,
                           int padTop, int padBottom, int padLeft, int padRight,
                           int dilationH, int dilationW) {

    public ConvGeometry {
        if (kernelH < 1 || kernelW < 1) {
            throw new IllegalArgumentException("window must be at least 1×1, got " + kernelH + "×" + kernelW);
        }
        if (strideH < 1 || strideW < 1) {
            throw new IllegalArgumentException("stride must be at least 1, got " + strideH + "×" + strideW);
        }
        if (dilationH < 1 || dilationW < 1) {
            throw new IllegalArgumentException("dilation must be at least 1, got " + dilationH + "×" + dilationW);
        }
        if (padTop < 0 || padBottom < 0 || padLeft < 0 || padRight < 0) {
            throw new IllegalArgumentException("padding cannot be negative");
        }
    }

    /** Square window, equal stride, symmetric padding, no dilation. */
    public static ConvGeometry square(int kernel, int stride, int pad) {
        return new ConvGeometry(kernel, kernel, stride, stride, pad, pad, pad, pad, 1, 1);
    }

    /** Square window with dilation. */
    public static ConvGeometry square(int kernel, int stride, int pad, int dilation) {
        return new ConvGeometry(kernel, kernel, stride, stride, pad, pad, pad, pad, dilation, dilation);
    }

    /**
     * "same" padding at stride 1: total padding d·(k−1) per axis, the odd one extra on the bottom/right.
     */
    public static ConvGeometry same(int kernelH, int kernelW, int strideH, int strideW, int dilationH,
                                    int dilationW) {
        int totalH = dilationH * (kernelH - 1);
        int totalW = dilationW * (kernelW - 1);
        return new ConvGeometry(kernelH, kernelW, strideH, strideW, totalH / 2, totalH - totalH / 2,
                totalW / 2, totalW - totalW / 2, dilationH, dilationW);
    }

    /** Output height for an input of the given height; below 1 means the window does not fit at all. */
    public int outH(int inH) {
        return outSize(inH, kernelH, strideH, padTop + padBottom, dilationH);
    }

    /** Output width for an input of the given width; below 1 means the window does not fit at all. */
    public int outW(int inW) {
        return outSize(inW, kernelW, strideW, padLeft + padRight, dilationW);
    }

    /** Rows of the (padded) input never visited because the stride does not divide the span; 0 when it fits. */
    public int droppedRows(int inH) {
        int span = inH + padTop + padBottom - dilationH * (kernelH - 1) - 1;
        return span < 0 ? 0 : span % strideH;
    }

    /** Columns of the (padded) input never visited because the stride does not divide the span. */
    public int droppedCols(int inW) {
        int span = inW + padLeft + padRight - dilationW * (kernelW - 1) - 1;
        return span < 0 ? 0 : span % strideW;
    }

    /** ⌊(n + pad − d(k − 1) − 1)/s⌋ + 1, with floor division so a too-large window gives a value below 1. */
    public static int outSize(int n, int k, int s, int totalPad, int d) {
        return Math.floorDiv(n + totalPad - d * (k - 1) - 1, s) + 1;
    }
}
