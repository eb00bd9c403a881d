package studio.backprop.nn.init;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FanInOutTest {

    @Test
    void denseWeightInByOut() {
        assertEquals(new FanInOut(784, 128), FanInOut.dense(784, 128));
        assertEquals(new FanInOut(784, 128), FanInOut.of(784, 128));
    }

    @Test
    void convolutionHwioMultipliesTheReceptiveField() {
        // 3×3 kernel, 16 → 32 channels: fan_in = 3·3·16 = 144, fan_out = 3·3·32 = 288
        assertEquals(new FanInOut(144, 288), FanInOut.conv2d(3, 3, 16, 32));
        assertEquals(new FanInOut(144, 288), FanInOut.of(3, 3, 16, 32));
    }

    @Test
    void transposedConvolutionCountsLikeKeras() {
        // weight (kh, kw, cout, cin) = (5, 5, 8, 4): fan_in = 5·5·8 = 200, fan_out = 5·5·4 = 100
        assertEquals(new FanInOut(200, 100), FanInOut.conv2dTranspose(5, 5, 8, 4));
    }

    @Test
    void vectorsAndScalars() {
        assertEquals(new FanInOut(10, 10), FanInOut.of(10));
        assertEquals(new FanInOut(1, 1), FanInOut.of());
    }
}
