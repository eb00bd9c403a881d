package studio.backprop.ui.lessons.conv;

/**
 * One explorer example: the input, the kernel, the operation and its window geometry.
 *
 * @param input     the image, {@code input[i][j]} row i, column j (at least 1×1, rectangular)
 * @param kernel    the kernel for correlation, convolution and transposed convolution
 * @param operation what slides over the input
 * @param padding   valid, same, or the explicit {@code pads}
 * @param pads      explicit zero padding: top, bottom, left, right
 * @param strideH   vertical stride (at least 1)
 * @param strideW   horizontal stride (at least 1)
 * @param dilation  spacing between kernel taps (1 = dense), both axes
 * @param poolH     pool window height (pooling and unpooling)
 * @param poolW     pool window width
 * @param factor    upsampling factor
 */
public record ConvSettings(float[][] input, float[][] kernel, ConvOperation operation, PaddingMode padding,
                           int[] pads, int strideH, int strideW, int dilation, int poolH, int poolW, int factor) {

    /** How the padding is chosen. */
    public enum PaddingMode {
        VALID("valid (none)"), SAME("same"), EXPLICIT("explicit per side");

        private final String label;

        PaddingMode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public ConvSettings {
        pads = pads.clone();
    }

    /** Worked example 14 of the course: the 5×5 image and 3×3 kernel, valid, stride 1. */
    public static ConvSettings courseExample() {
        float[][] x = {{1, 2, 0, 3, 1}, {1, 0, 0, 2, 2}, {2, 1, 2, 1, 1}, {0, 0, 1, 0, 0}, {1, 2, 1, 1, 1}};
        float[][] k = {{-1, 1, 2}, {1, 1, 0}, {-1, -2, 0}};
        return new ConvSettings(x, k, ConvOperation.CORRELATION, PaddingMode.VALID, new int[4], 1, 1, 1, 2, 2, 2);
    }

    public ConvSettings withInput(float[][] value) {
        return new ConvSettings(value, kernel, operation, padding, pads, strideH, strideW, dilation, poolH, poolW,
                factor);
    }

    public ConvSettings withKernel(float[][] value) {
        return new ConvSettings(input, value, operation, padding, pads, strideH, strideW, dilation, poolH, poolW,
                factor);
    }

    public ConvSettings withOperation(ConvOperation value) {
        return new ConvSettings(input, kernel, value, padding, pads, strideH, strideW, dilation, poolH, poolW, factor);
    }

    public ConvSettings withPadding(PaddingMode mode, int[] explicit) {
        return new ConvSettings(input, kernel, operation, mode, explicit, strideH, strideW, dilation, poolH, poolW,
                factor);
    }

    public ConvSettings withStride(int vertical, int horizontal) {
        return new ConvSettings(input, kernel, operation, padding, pads, vertical, horizontal, dilation, poolH, poolW,
                factor);
    }

    public ConvSettings withDilation(int value) {
        return new ConvSettings(input, kernel, operation, padding, pads, strideH, strideW, value, poolH, poolW,
                factor);
    }

    public ConvSettings withPool(int height, int width) {
        return new ConvSettings(input, kernel, operation, padding, pads, strideH, strideW, dilation, height, width,
                factor);
    }

    public ConvSettings withFactor(int value) {
        return new ConvSettings(input, kernel, operation, padding, pads, strideH, strideW, dilation, poolH, poolW,
                value);
    }

    /** Window height: the kernel's for kernel operations, the pool's for pooling. */
    public int windowH() {
        return operation.usesPoolWindow() ? poolH : kernel.length;
    }

    /** Window width. */
    public int windowW() {
        return operation.usesPoolWindow() ? poolW : kernel[0].length;
    }
}
