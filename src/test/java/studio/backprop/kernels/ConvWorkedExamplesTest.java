package studio.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The worked examples of the course, checked through the teaching Correlation and the float kernels. */
class ConvWorkedExamplesTest {

    private static final double[][] INPUT_14 = {
        {1, 2, 0, 3, 1}, {1, 0, 0, 2, 2}, {2, 1, 2, 1, 1}, {0, 0, 1, 0, 0}, {1, 2, 1, 1, 1}};
    private static final double[][] KERNEL_14 = {{-1, 1, 2}, {1, 1, 0}, {-1, -2, 0}};

    @Test
    void sobelXOnASmallPatchGivesTwoAndItsTrueConvolutionMinusTwo() {
        double[][] x = {{3, 2, 1}, {1, 2, 3}, {1, 1, 1}};
        double[][] sobel = {{-1, 0, 1}, {-2, 0, 2}, {-1, 0, 1}};
        assertMatrix(new double[][] {{2}}, Correlation.correlate2d(x, sobel, 0, 1));
        assertMatrix(new double[][] {{-2}}, Correlation.convolve2d(x, sobel, 0, 1));
        assertMatrix(new double[][] {{2}}, viaConv2d(x, sobel, ConvGeometry.square(3, 1, 0)));
    }

    @Test
    void fiveByFiveValidStrideOneCorrelationAndTrueConvolution() {
        double[][] valid = {{-2, -1, 3}, {2, 5, 8}, {-2, 0, -1}};
        assertMatrix(valid, Correlation.correlate2d(INPUT_14, KERNEL_14, 0, 1));
        assertMatrix(valid, viaConv2d(INPUT_14, KERNEL_14, ConvGeometry.square(3, 1, 0)));
        assertMatrix(new double[][] {{-1, 2, 1}, {2, 2, -2}, {0, 0, -1}},
                Correlation.convolve2d(INPUT_14, KERNEL_14, 0, 1));
    }

    @Test
    void fiveByFivePaddingOneStrideOneKeepsTheSize() {
        double[][] expected = {
            {-1, 2, 2, -1, -2}, {2, -2, -1, 3, -1}, {3, 2, 5, 8, 2}, {2, -2, 0, -1, -3}, {1, 5, 4, 1, 2}};
        assertMatrix(expected, Correlation.correlate2d(INPUT_14, KERNEL_14, 1, 1));
        assertMatrix(expected, viaConv2d(INPUT_14, KERNEL_14, ConvGeometry.square(3, 1, 1)));
    }

    @Test
    void fiveByFivePaddingOneStrideTwo() {
        double[][] expected = {{-1, 2, -2}, {3, 5, 2}, {1, 4, 2}};
        assertMatrix(expected, Correlation.correlate2d(INPUT_14, KERNEL_14, 1, 2));
        assertMatrix(expected, viaConv2d(INPUT_14, KERNEL_14, ConvGeometry.square(3, 2, 1)));
    }

    @Test
    void fiveByFiveNoPaddingStrideTwo() {
        double[][] expected = {{-2, 3}, {-2, -1}};
        assertMatrix(expected, Correlation.correlate2d(INPUT_14, KERNEL_14, 0, 2));
        assertMatrix(expected, viaConv2d(INPUT_14, KERNEL_14, ConvGeometry.square(3, 2, 0)));
    }

    @Test
    void binaryImageWithCrossKernelCountsDiagonalHits() {
        double[][] image = {
            {1, 1, 1, 0, 0}, {0, 1, 1, 1, 0}, {0, 0, 1, 1, 1}, {0, 0, 1, 1, 0}, {0, 1, 1, 0, 0}};
        double[][] kernel = {{1, 0, 1}, {0, 1, 0}, {1, 0, 1}};
        double[][] expected = {{4, 3, 4}, {2, 4, 3}, {2, 3, 4}};
        assertMatrix(expected, Correlation.correlate2d(image, kernel, 0, 1));
        assertMatrix(expected, viaConv2d(image, kernel, ConvGeometry.square(3, 1, 0)));
    }

    @Test
    void oneDimensionalCorrelationAndTrueConvolution() {
        double[] x = {1, 2, 3, 4, 5, 6, 7};
        double[] w = {1, -2, 3};
        assertArrayEquals(new double[] {6, 8, 10, 12, 14}, Correlation.correlate1d(x, w, 0, 1), 1e-12);
        assertArrayEquals(new double[] {2, 4, 6, 8, 10}, Correlation.convolve1d(x, w, 0, 1), 1e-12);
    }

    @Test
    void twoByTwoPoolingOfTheFirstExample() {
        float[] x = {1, 1, 2, 4, 5, 6, 7, 8, 3, 2, 1, 0, 1, 2, 3, 4};
        assertArrayEquals(new float[] {6, 8, 3, 4}, maxPool(x), 0f);
        assertArrayEquals(new float[] {3.25f, 5.25f, 2f, 2f}, avgPool(x), 0f);
        float[] l2 = new float[4];
        Pool2d.l2Forward(x, 1, 4, 4, 1, ConvGeometry.square(2, 2, 0), l2);
        // Six decimals of the course plus one float ulp at 11.5 (about 1e-6).
        assertArrayEquals(new float[] {7.937254f, 11.532563f, 4.242641f, 5.099020f}, l2, 1.5e-6f);
    }

    @Test
    void twoByTwoPoolingOfTheSecondExample() {
        float[] x = {5, 3, 5, 7, 2, 8, 2, 4, 3, 2, 6, 1, 1, 5, 0, 5};
        assertArrayEquals(new float[] {8, 7, 5, 6}, maxPool(x), 0f);
        assertArrayEquals(new float[] {4.5f, 4.5f, 2.75f, 3.0f}, avgPool(x), 0f);
    }

    @Test
    void outputSizesOfTheCourseTable() {
        int[][] table = {
            {7, 3, 0, 1, 1, 5}, {7, 3, 0, 2, 1, 3}, {7, 3, 0, 3, 1, 2}, {7, 3, 1, 1, 1, 7}, {32, 5, 2, 1, 1, 32},
            {227, 11, 0, 4, 1, 55}, {28, 7, 0, 1, 1, 22}, {224, 11, 0, 4, 1, 54}, {27, 5, 2, 1, 1, 27},
            {6, 3, 0, 2, 1, 2}, {7, 3, 0, 1, 2, 3}};
        for (int[] row : table) {
            ConvGeometry g = ConvGeometry.square(row[1], row[3], row[2], row[4]);
            assertEquals(row[5], g.outH(row[0]), "output size for (n,k,p,s,d) = " + java.util.Arrays.toString(row));
            assertEquals(row[5], g.outW(row[0]));
        }
        assertTrue(ConvGeometry.square(3, 3, 0).droppedRows(7) > 0, "3×3 stride 3 does not fit 7 rows");
        assertEquals(0, ConvGeometry.square(3, 2, 0).droppedRows(7), "3×3 stride 2 fits 7 rows exactly");
    }

    @Test
    void nearestUpsamplingDoublesEachPixelIntoABlock() {
        float[] y = new float[16];
        Upsample.nearestForward(new float[] {1, 2, 3, 4}, 1, 2, 2, 1, 2, 2, y);
        assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, y, 0f);
    }

    private static float[] maxPool(float[] x) {
        float[] y = new float[4];
        Pool2d.maxForward(x, 1, 4, 4, 1, ConvGeometry.square(2, 2, 0), y, new int[4]);
        return y;
    }

    private static float[] avgPool(float[] x) {
        float[] y = new float[4];
        Pool2d.avgForward(x, 1, 4, 4, 1, ConvGeometry.square(2, 2, 0), y);
        return y;
    }

    /** Runs the float Conv2d with cin = cout = 1 and no bias on a small double matrix. */
    private static double[][] viaConv2d(double[][] input, double[][] kernel, ConvGeometry g) {
        int h = input.length;
        int w = input[0].length;
        float[] x = new float[h * w];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) input[i / w][i % w];
        }
        float[] k = new float[kernel.length * kernel[0].length];
        for (int i = 0; i < k.length; i++) {
            k[i] = (float) kernel[i / kernel[0].length][i % kernel[0].length];
        }
        int outH = g.outH(h);
        int outW = g.outW(w);
        float[] y = new float[outH * outW];
        Conv2d.forward(x, 1, h, w, 1, k, null, 1, g, null, y);
        double[][] out = new double[outH][outW];
        for (int i = 0; i < y.length; i++) {
            out[i / outW][i % outW] = y[i];
        }
        return out;
    }

    private static void assertMatrix(double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length, "rows");
        for (int r = 0; r < expected.length; r++) {
            assertArrayEquals(expected[r], actual[r], 1e-9, "row " + r);
        }
    }
}
