package studio.backprop.ui.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The three colour-scale modes stretch a map over its own, its layer's or every layer's range. */
class ColourScaleTest {

    // a 1×2 layer with 2 channels: channel 0 holds {1, 3}, channel 1 holds {0, 10}
    private final LayerMaps first = new LayerMaps("c1", 1, 2, 2, new float[] {1, 0, 3, 10});
    // a 1×1 layer with 1 channel holding −4
    private final LayerMaps second = new LayerMaps("c2", 1, 1, 1, new float[] {-4});
    private final List<LayerMaps> layers = List.of(first, second);

    @Test
    void perMapUsesTheChannelsOwnRange() {
        assertArrayEquals(new double[] {1, 3}, ColourScale.PER_MAP.range(layers, 0, 0));
        assertArrayEquals(new double[] {0, 10}, ColourScale.PER_MAP.range(layers, 0, 1));
    }

    @Test
    void perLayerUsesTheLayersRange() {
        assertArrayEquals(new double[] {0, 10}, ColourScale.PER_LAYER.range(layers, 0, 0));
        assertArrayEquals(new double[] {-4, -4}, ColourScale.PER_LAYER.range(layers, 1, 0));
    }

    @Test
    void globalUsesEveryLayersRange() {
        assertArrayEquals(new double[] {-4, 10}, ColourScale.GLOBAL.range(layers, 0, 0));
        assertArrayEquals(new double[] {-4, 10}, ColourScale.GLOBAL.range(layers, 1, 0));
    }

    @Test
    void positionsAreClampedSymmetricAroundZeroAndHalfWhenFlat() {
        assertEquals(0.5, ColourScale.position(2, 1, 3), 1e-12);
        assertEquals(1, ColourScale.position(7, 1, 3), 1e-12);
        assertEquals(0.5, ColourScale.position(0, -4, 10), 1e-12, "zero is the middle of a range spanning zero");
        assertEquals(0.3, ColourScale.position(-4, -4, 10), 1e-12);
        assertEquals(0.5, ColourScale.position(-4, -4, -4), 1e-12);
        assertEquals(3f, first.value(0, 1, 0));
        assertEquals(10f, first.value(0, 1, 1));
    }
}
