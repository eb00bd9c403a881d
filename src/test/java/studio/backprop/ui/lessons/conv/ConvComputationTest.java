package studio.backprop.ui.lessons.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import studio.backprop.ui.lessons.conv.ConvSettings.PaddingMode;

/** The explorer's numbers against the course's worked examples (EXAMPLES.md 13 to 19). */
class ConvComputationTest {

    private static final ConvSettings EX14 = ConvSettings.courseExample();

    private static float[][] out(ConvSettings s) {
        return ConvComputation.run(s).output();
    }

    private static void assertMatrix(float[][] expected, float[][] actual, double tol) {
        assertEquals(expected.length, actual.length, "rows");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length, "columns");
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(expected[i][j], actual[i][j], tol, "at " + i + "," + j);
            }
        }
    }

    @Test
    void example13SobelXGivesTwoAndItsTrueConvolutionMinusTwo() {
        ConvSettings s = EX14.withInput(new float[][] {{3, 2, 1}, {1, 2, 3}, {1, 1, 1}})
                .withKernel(new float[][] {{-1, 0, 1}, {-2, 0, 2}, {-1, 0, 1}});
        assertMatrix(new float[][] {{2}}, out(s), 0);
        assertMatrix(new float[][] {{-2}}, out(s.withOperation(ConvOperation.CONVOLUTION)), 0);
    }

    @Test
    void example14ValidPaddedAndStridedCorrelationsAndTheTrueConvolution() {
        assertMatrix(new float[][] {{-2, -1, 3}, {2, 5, 8}, {-2, 0, -1}}, out(EX14), 0);
        assertMatrix(new float[][] {{-1, 2, 1}, {2, 2, -2}, {0, 0, -1}},
                out(EX14.withOperation(ConvOperation.CONVOLUTION)), 0);
        ConvSettings pad1 = EX14.withPadding(PaddingMode.EXPLICIT, new int[] {1, 1, 1, 1});
        assertMatrix(new float[][] {{-1, 2, 2, -1, -2}, {2, -2, -1, 3, -1}, {3, 2, 5, 8, 2}, {2, -2, 0, -1, -3},
                {1, 5, 4, 1, 2}}, out(pad1), 0);
        assertMatrix(new float[][] {{-1, 2, -2}, {3, 5, 2}, {1, 4, 2}}, out(pad1.withStride(2, 2)), 0);
        assertMatrix(new float[][] {{-2, 3}, {-2, -1}}, out(EX14.withStride(2, 2)), 0);
        assertMatrix(out(pad1), out(EX14.withPadding(PaddingMode.SAME, new int[4])), 0);
    }

    @Test
    void example15BinaryImageWithAnXKernel() {
        ConvSettings s = EX14.withInput(new float[][] {{1, 1, 1, 0, 0}, {0, 1, 1, 1, 0}, {0, 0, 1, 1, 1},
                {0, 0, 1, 1, 0}, {0, 1, 1, 0, 0}}).withKernel(new float[][] {{1, 0, 1}, {0, 1, 0}, {1, 0, 1}});
        assertMatrix(new float[][] {{4, 3, 4}, {2, 4, 3}, {2, 3, 4}}, out(s), 0);
    }

    @Test
    void example16OneDimensionalAsAOneRowImage() {
        ConvSettings s = EX14.withInput(new float[][] {{1, 2, 3, 4, 5, 6, 7}}).withKernel(new float[][] {{1, -2, 3}});
        assertMatrix(new float[][] {{6, 8, 10, 12, 14}}, out(s), 0);
        assertMatrix(new float[][] {{2, 4, 6, 8, 10}}, out(s.withOperation(ConvOperation.CONVOLUTION)), 0);
    }

    @Test
    void example17MaxAverageAndL2Pooling() {
        ConvSettings s = EX14.withInput(new float[][] {{1, 1, 2, 4}, {5, 6, 7, 8}, {3, 2, 1, 0}, {1, 2, 3, 4}})
                .withPool(2, 2).withStride(2, 2);
        assertMatrix(new float[][] {{6, 8}, {3, 4}}, out(s.withOperation(ConvOperation.MAX_POOL)), 0);
        assertMatrix(new float[][] {{3.25f, 5.25f}, {2, 2}}, out(s.withOperation(ConvOperation.AVERAGE_POOL)), 0);
        assertMatrix(new float[][] {{7.937254f, 11.532563f}, {4.242641f, 5.099020f}},
                out(s.withOperation(ConvOperation.L2_POOL)), 1.5e-6);
        ConvSettings t = s.withInput(new float[][] {{5, 3, 5, 7}, {2, 8, 2, 4}, {3, 2, 6, 1}, {1, 5, 0, 5}});
        assertMatrix(new float[][] {{8, 7}, {5, 6}}, out(t.withOperation(ConvOperation.MAX_POOL)), 0);
        assertMatrix(new float[][] {{4.5f, 4.5f}, {2.75f, 3}}, out(t.withOperation(ConvOperation.AVERAGE_POOL)), 0);
        assertMatrix(new float[][] {{4, 4.5f}, {2.5f, 3}}, out(t.withOperation(ConvOperation.MEDIAN_POOL)), 0);
        assertMatrix(new float[][] {{0, 0, 0, 7}, {0, 8, 0, 0}, {0, 0, 6, 0}, {0, 5, 0, 0}},
                out(t.withOperation(ConvOperation.MAX_UNPOOL)), 0);
    }

    @Test
    void example18OutputSizesAndTheStrideThatDoesNotFit() {
        int[][] cases = {{7, 3, 0, 1, 1, 5}, {7, 3, 0, 2, 1, 3}, {7, 3, 0, 3, 1, 2}, {7, 3, 1, 1, 1, 7},
                {32, 5, 2, 1, 1, 32}, {28, 7, 0, 1, 1, 22}, {27, 5, 2, 1, 1, 27}, {6, 3, 0, 2, 1, 2},
                {7, 3, 0, 1, 2, 3}};
        for (int[] c : cases) {
            ConvSettings s = EX14.withInput(new float[c[0]][c[0]]).withKernel(new float[c[1]][c[1]])
                    .withPadding(PaddingMode.EXPLICIT, new int[] {c[2], c[2], c[2], c[2]}).withStride(c[3], c[3])
                    .withDilation(c[4]);
            ConvResult r = ConvComputation.run(s);
            assertEquals(c[5], r.outH(), java.util.Arrays.toString(c));
            assertTrue(r.sizeLines().get(0).endsWith("= " + c[5]), r.sizeLines().get(0));
        }
        ConvResult misfit = ConvComputation.run(EX14.withInput(new float[7][7]).withStride(3, 3));
        assertTrue(misfit.fitNote().contains("not a multiple of the stride 3") && misfit.fitNote().contains("row 7")
                && misfit.fitNote().contains("column 7"), misfit.fitNote());
        assertEquals("", ConvComputation.run(EX14).fitNote());
    }

    @Test
    void example19NearestUpsampling() {
        ConvSettings s = EX14.withInput(new float[][] {{1, 2}, {3, 4}}).withOperation(ConvOperation.UPSAMPLE)
                .withFactor(2);
        assertMatrix(new float[][] {{1, 1, 2, 2}, {1, 1, 2, 2}, {3, 3, 4, 4}, {3, 3, 4, 4}}, out(s), 0);
    }

    @Test
    void trueConvolutionEqualsCorrelationWithTheFlippedKernel() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 5; trial++) {
            float[][] x = random(rnd, 6 + trial, 7);
            float[][] k = random(rnd, 2 + trial % 3, 3);
            ConvSettings s = EX14.withInput(x).withKernel(k).withStride(1 + trial % 2, 1).withDilation(1 + trial % 2);
            assertMatrix(out(s.withKernel(ConvComputation.flip(k))), out(s.withOperation(ConvOperation.CONVOLUTION)),
                    0);
        }
    }

    @Test
    void transposedConvolutionIsTheSumOfTheSpreadTermsAndSameDoublesTheSize() {
        ConvSettings s = EX14.withInput(new float[][] {{1, 2}, {3, 4}}).withKernel(new float[][] {{1, 0}, {2, -1}})
                .withOperation(ConvOperation.TRANSPOSED).withStride(2, 2).withPadding(PaddingMode.SAME, new int[4]);
        ConvResult r = ConvComputation.run(s);
        assertEquals(4, r.outH());
        assertMatrix(new float[][] {{1, 0, 2, 0}, {2, -1, 4, -2}, {3, 0, 4, 0}, {6, -3, 8, -4}}, r.output(), 0);
        assertEquals("y[2,2] = 1·−1 = −1", r.arithmetic(1, 1));
    }

    @Test
    void everyOutputEqualsTheArithmeticOfItsTaps() {
        ConvSettings s = EX14.withPadding(PaddingMode.EXPLICIT, new int[] {1, 0, 2, 1}).withStride(2, 1);
        ConvResult r = ConvComputation.run(s);
        for (int i = 0; i < r.outH(); i++) {
            for (int j = 0; j < r.outW(); j++) {
                double sum = 0;
                for (ConvResult.Term t : r.termsAt(i, j)) {
                    sum += t.value() * t.weight();
                }
                assertEquals(sum, r.output()[i][j], 1e-6);
            }
        }
        assertEquals("y[1,1] = 0·−1 + 0·1 + 0·2 + 0·1 + 0·1 + 1·0 + 0·−1 + 0·−2 + 1·0 = 0", r.arithmetic(0, 0));
    }

    @Test
    void aWindowLargerThanThePaddedInputIsExplainedInWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConvComputation.run(EX14.withInput(new float[][] {{1, 2}, {3, 4}})));
        assertTrue(e.getMessage().contains("does not fit the 2×2 input"), e.getMessage());
    }

    @Test
    void aKernelTypedWithAMissingEntrySaysWhichRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatrixText.parse("1, 2, 3\n4, 5\n7, 8, 9", "kernel", 9));
        assertTrue(e.getMessage().contains("row 2 has 2 entries but row 1 has 3")
                && e.getMessage().contains("an entry is missing in row 2"), e.getMessage());
        assertArrayEquals(new float[] {-1, 0.5f}, MatrixText.parse("−1 0.5", "kernel", 9)[0]);
    }

    private static float[][] random(Random rnd, int h, int w) {
        float[][] m = new float[h][w];
        for (float[] row : m) {
            for (int j = 0; j < w; j++) {
                row[j] = rnd.nextInt(9) - 4;
            }
        }
        return m;
    }
}
