package studio.backprop.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.backprop.nn.Network;
import studio.backprop.nn.StandardNetworks;

/** Receptive fields layer by layer, on LeNet-5 as the sample file builds it. */
class ReceptiveFieldTest {

    private static Network lenet() {
        return StandardNetworks.leNet5();
    }

    @Test
    void leNetSeesFiveSixFourteenSixteenPixels() {
        // r: 1 → c1 1 + 4·1 = 5 → s2 5 + 1·1 = 6 (jump 2) → c3 6 + 4·2 = 14 → s4 14 + 1·2 = 16 (jump 4)
        Map<String, ReceptiveField> f = ReceptiveField.of(lenet());
        assertEquals(List.of("input", "c1", "s2", "c3", "s4"), List.copyOf(f.keySet()), "the walk ends at Flatten");
        assertEquals(1, f.get("input").sizeH());
        assertEquals(5, f.get("c1").sizeH());
        assertEquals(6, f.get("s2").sizeW());
        assertEquals(14, f.get("c3").sizeH());
        assertEquals(16, f.get("s4").sizeH());
        assertEquals(4, f.get("s4").jumpW());
        assertFalse(f.containsKey("f5"));
    }

    @Test
    void aUnitsWindowIsPlacedByItsJumpAndClippedToTheImage() {
        Map<String, ReceptiveField> f = ReceptiveField.of(lenet());
        // c1 is "same": unit (0, 0) is centred on pixel (0, 0) and sees rows −2 … 2, clipped to 0 … 2
        assertArrayEquals(new int[] {0, 0, 3, 3}, f.get("c1").window(0, 0, 28, 28));
        // c3 unit (0, 0): centre 0.5 + (0.5 − 0)·1 + (2 − 0)·2 = 5, 14 wide: rows 0 … 11 after clipping −2
        assertArrayEquals(new int[] {0, 0, 12, 12}, f.get("c3").window(0, 0, 28, 28));
        // s4 unit (1, 2): centre 6 + 4, 16 wide → rows 2 … 17; columns centre 6 + 8 → 6 … 21
        assertArrayEquals(new int[] {2, 6, 18, 22}, f.get("s4").window(1, 2, 28, 28));
    }
}
