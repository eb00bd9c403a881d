package studio.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Wrong shapes fail early with a message that names the op, the shapes and what was expected. */
class ConvValidationTest {

    @Test
    void aKernelThatDoesNotFitIsReportedWithItsOutputSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Conv2d.forward(
                new float[9], 1, 3, 3, 1, new float[25], null, 1, ConvGeometry.square(5, 1, 0), null, new float[1]));
        assertEquals("conv2d: kernel 5×5 does not fit a 3×3 input (padding 0); output would be -1×-1",
                e.getMessage());
    }

    @Test
    void aWrongWeightLengthNamesTheWeightShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Conv2d.forward(
                new float[2 * 5 * 5 * 3], 2, 5, 5, 3, new float[3 * 3 * 2 * 4], null, 4, ConvGeometry.square(3, 1, 1),
                null, new float[2 * 5 * 5 * 4]));
        assertTrue(e.getMessage().startsWith("conv2d: weights has length 72 but shape (kh=3, kw=3, cin=3, cout=4)"
                + " needs 108"), e.getMessage());
    }

    @Test
    void aWrongOutputLengthNamesTheExpectedShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pool2d.avgForward(
                new float[16], 1, 4, 4, 1, ConvGeometry.square(2, 2, 0), new float[16]));
        assertEquals("average pool: y has length 16 but shape (n=1, h=2, w=2, c=1) needs 4", e.getMessage());
    }

    @Test
    void mismatchedChannelsAndSmallWorkspacesAreRejected() {
        ConvGeometry g = ConvGeometry.square(3, 1, 0);
        assertThrows(IllegalArgumentException.class, () -> Conv2d.backwardInput(new float[9 * 2], 1, 5, 5, 3,
                new float[3 * 3 * 3 * 3], 3, g, null, new float[75], false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Conv2d.forward(
                new float[75], 1, 5, 5, 3, new float[81], null, 3, g, new float[1], new float[27]));
        assertTrue(e.getMessage().contains("workspace"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Conv2d.forward(new float[75], 1, 5, 5, 3, new float[81],
                new float[2], 3, g, null, new float[27]));
    }

    @Test
    void transposeRejectsOutputPaddingAtOrAboveTheStride() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConvTranspose2d.forward(
                new float[9], 1, 3, 3, 1, new float[9], null, 1, ConvGeometry.square(3, 2, 0), 2, 0, null,
                new float[81]));
        assertTrue(e.getMessage().startsWith("conv2d transpose: output padding 2×0"), e.getMessage());
    }

    @Test
    void teachingCorrelationRejectsRaggedAndOversizedInput() {
        assertThrows(IllegalArgumentException.class, () -> Correlation.correlate2d(
                new double[][] {{1, 2}, {3}}, new double[][] {{1}}, 0, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Correlation.correlate1d(
                new double[] {1, 2}, new double[] {1, 2, 3}, 0, 1));
        assertTrue(e.getMessage().startsWith("correlate1d: kernel of length 3 does not fit"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Upsample.nearestForward(new float[4], 1, 2, 2, 1, 0, 2,
                new float[8]));
    }
}
