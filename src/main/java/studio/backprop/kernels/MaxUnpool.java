package studio.backprop.kernels;

import java.util.Arrays;

/**
 * Max unpooling with the switches a max pooling remembered: the forward pass puts each pooled value back where its
 * maximum came from (zeros elsewhere, {@link Pool2d#maxUnpool}); its backward pass reads the gradient at those
 * same places, ∂L/∂pooled[i] = ∂L/∂y[switches[i]].
 *
 * <p>Shapes: pooled, dPooled (n, outH, outW, c); y, dy (n, inH, inW, c); switches as many as pooled, each a flat
 * index into y or −1 (a window with no in-image tap, which receives nothing).
 */
public final class MaxUnpool {

    private MaxUnpool() {
    }

    /**
     * Backward: dPooled = (accumulate ? dPooled : 0) + dy gathered at the switches.
     * Modified: dPooled. Not modified: dy, switches.
     */
    public static void backward(float[] dy, int[] switches, float[] dPooled, boolean accumulate) {
        if (dy == null || switches == null || dPooled == null || switches.length != dPooled.length) {
            throw new IllegalArgumentException("max unpool backward: needs as many switches as pooled values, got "
                    + (switches == null ? "none" : switches.length) + " for "
                    + (dPooled == null ? "none" : dPooled.length));
        }
        for (int i = 0; i < switches.length; i++) {
            int at = switches[i];
            if (at >= dy.length) {
                throw new IllegalArgumentException("max unpool backward: switch " + i + " points at " + at
                        + ", outside the " + dy.length + " unpooled values");
            }
            float g = at < 0 ? 0f : dy[at];
            dPooled[i] = accumulate ? dPooled[i] + g : g;
        }
    }

    /** Naive reference for {@link Pool2d#maxUnpool}: zeros, then each pooled value at its switch, in order. */
    public static void forwardReference(float[] pooled, int[] switches, float[] y) {
        Arrays.fill(y, 0f);
        for (int i = 0; i < pooled.length; i++) {
            if (switches[i] >= 0) {
                y[switches[i]] = pooled[i];
            }
        }
    }
}
