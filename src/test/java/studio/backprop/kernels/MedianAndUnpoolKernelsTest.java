package studio.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.backprop.kernels.KernelTestSupport.random;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Median pooling and max unpooling against their naive references, on awkward shapes and worked numbers. */
class MedianAndUnpoolKernelsTest {

    private record Case(int n, int h, int w, int c, ConvGeometry g) {
    }

    private static final List<Case> CASES = List.of(
            new Case(1, 1, 1, 1, ConvGeometry.square(1, 1, 0)),
            new Case(3, 7, 7, 3, ConvGeometry.square(2, 2, 0)),
            new Case(1, 9, 7, 5, ConvGeometry.square(3, 2, 1)),
            new Case(2, 8, 9, 1, new ConvGeometry(3, 2, 3, 2, 1, 0, 0, 1, 1, 1)),
            new Case(2, 7, 9, 2, ConvGeometry.square(3, 1, 2, 2)));

    @Test
    void medianPoolingMatchesItsSortingReference() {
        Random rnd = new Random(5);
        for (Case c : CASES) {
            float[] x = random(rnd, c.n() * c.h() * c.w() * c.c());
            int outs = c.n() * c.g().outH(c.h()) * c.g().outW(c.w()) * c.c();
            float[] y = new float[outs];
            float[] expected = new float[outs];
            MedianPool.forward(x, c.n(), c.h(), c.w(), c.c(), c.g(), y, new int[2 * outs]);
            MedianPool.forwardReference(x, c.n(), c.h(), c.w(), c.c(), c.g(), expected);
            assertArrayEquals(expected, y, c.toString());
        }
    }

    @Test
    void medianOfA3x3WindowIsItsFifthValueAndOfAPairTheirMean() {
        float[] x = {9, 1, 5, 3, 7, 2, 8, 4, 6};
        float[] y = new float[1];
        int[] middle = new int[2];
        MedianPool.forward(x, 1, 3, 3, 1, ConvGeometry.square(3, 1, 0), y, middle);
        assertEquals(5f, y[0]);
        assertArrayEquals(new int[] {2, 2}, middle);
        float[] pairs = new float[2];
        MedianPool.forward(new float[] {1, 4, 10, 2}, 1, 1, 4, 1, new ConvGeometry(1, 2, 1, 2, 0, 0, 0, 0, 1, 1),
                pairs, new int[4]);
        assertArrayEquals(new float[] {2.5f, 6f}, pairs);
    }

    @Test
    void unpoolingPutsEachMaximumBackAtItsSwitchAndGathersTheGradientThere() {
        float[] x = {1, 1, 2, 4, 5, 6, 7, 8, 3, 2, 1, 0, 1, 2, 3, 4};
        ConvGeometry g = ConvGeometry.square(2, 2, 0);
        float[] pooled = new float[4];
        int[] switches = new int[4];
        Pool2d.maxForward(x, 1, 4, 4, 1, g, pooled, switches);
        float[] y = new float[16];
        float[] expected = new float[16];
        Pool2d.maxUnpool(pooled, switches, 1, 4, 4, 1, g, y);
        MaxUnpool.forwardReference(pooled, switches, expected);
        assertArrayEquals(expected, y);
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 6, 0, 8, 3, 0, 0, 0, 0, 0, 0, 4}, y);
        float[] dy = new float[16];
        for (int i = 0; i < 16; i++) {
            dy[i] = i;
        }
        float[] dPooled = new float[4];
        MaxUnpool.backward(dy, switches, dPooled, false);
        assertArrayEquals(new float[] {5, 7, 8, 15}, dPooled);
    }
}
