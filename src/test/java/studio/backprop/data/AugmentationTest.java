package studio.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/** Shifts, rotations and noise on small images, by hand, and the same seed giving the same batch. */
class AugmentationTest {

    /** A 3 × 3 image with one lit pixel at (row, column). */
    private static float[] dot(int row, int column) {
        float[] image = new float[9];
        image[row * 3 + column] = 1f;
        return image;
    }

    @Test
    void aShiftMovesThePixelAndLeavesBackgroundBehind() {
        float[] out = new float[9];
        // the pixel at (0, 0) shifted one row down and two columns right lands at (1, 2)
        Augmentation.transform(dot(0, 0), 0, out, 0, 3, 3, 1, 1, 2, 0);
        assertArrayEquals(dot(1, 2), out);
    }

    @Test
    void aQuarterTurnAboutTheCentre() {
        float[] out = new float[9];
        // 90°, clockwise as seen: output (0, 0) has u = v = −1 and reads source row 1 + (−1)·0 − (−1)·1 = 2,
        // column 1 + (−1)·1 + (−1)·0 = 0, so the bottom-left corner (2, 0) moves up to the top-left (0, 0)
        Augmentation.transform(dot(2, 0), 0, out, 0, 3, 3, 1, 0, 0, 90);
        assertArrayEquals(dot(0, 0), out);
    }

    @Test
    void theSameSeedGivesTheSameBatchAndNoiseStaysInRange() {
        Tensor images = Tensor.of(new float[] {0, 0.5f, 1, 0, 0.2f, 0.9f, 0.4f, 0, 1, 0, 0.5f, 1, 0, 0.2f, 0.9f, 0.4f,
                0, 1}, 2, 3, 3, 1);
        Augmentation a = new Augmentation(1, 15, 0.1);
        Tensor first = a.apply(images, new Rng(42));
        Tensor again = a.apply(images, new Rng(42));
        assertArrayEquals(first.toArray(), again.toArray());
        assertNotEquals(0, java.util.Arrays.compare(first.toArray(), a.apply(images, new Rng(43)).toArray()));
        for (float v : first.toArray()) {
            assertTrue(v >= 0 && v <= 1);
        }
        assertArrayEquals(images.toArray(), Augmentation.NONE.apply(images, new Rng(1)).toArray());
    }

    @Test
    void outOfRangeSettingsAreRefusedInWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Augmentation(1, 200, 0));
        assertEquals("augmentation: the largest rotation must be 0 to 180 degrees; got 200.0", e.getMessage());
    }
}
