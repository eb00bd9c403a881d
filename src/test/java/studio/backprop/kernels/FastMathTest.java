package studio.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FastMathTest {

    @Test
    void tanhIsWithinTwoUlpOfTheExactValueOverADenseSweep() {
        double worst = 0;
        float worstAt = 0;
        // Every 101st float from 0 to 11 (about 11 million), both signs; beyond 9.1 the result is ±1.
        for (int bits = 0; bits < 0x41300000; bits += 101) {
            float x = Float.intBitsToFloat(bits);
            for (float s : new float[] {x, -x}) {
                double exact = Math.tanh((double) s);
                double ulps = Math.abs(FastMath.tanh(s) - exact) / Math.ulp((float) exact);
                if (ulps > worst) {
                    worst = ulps;
                    worstAt = s;
                }
            }
        }
        assertTrue(worst <= 2, "worst error " + worst + " ulp at x = " + worstAt);
    }

    @Test
    void tanhKeepsSignsNaNAndLimits() {
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(FastMath.tanh(-0f)), "tanh(-0) = -0");
        assertEquals(0f, FastMath.tanh(0f));
        assertTrue(Float.isNaN(FastMath.tanh(Float.NaN)));
        assertEquals(1f, FastMath.tanh(Float.POSITIVE_INFINITY));
        assertEquals(-1f, FastMath.tanh(Float.NEGATIVE_INFINITY));
        assertEquals(1f, FastMath.tanh(Float.MAX_VALUE));
        assertEquals(Float.MIN_VALUE, FastMath.tanh(Float.MIN_VALUE));
        assertEquals(1e-20f, FastMath.tanh(1e-20f));
        assertEquals((float) Math.tanh(0.5), FastMath.tanh(0.5f), Math.ulp(0.5f));
    }
}
