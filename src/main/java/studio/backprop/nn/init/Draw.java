package studio.backprop.nn.init;

import studio.backprop.tensor.Rng;

/** The two sampling loops every initialiser shares, so that the draw order is the same everywhere. */
final class Draw {

    private Draw() {
    }

    /** a + (b − a)·u per element, row-major, one nextDouble each. */
    static void uniform(float[] out, double low, double high, Rng rng) {
        double width = high - low;
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (low + width * rng.nextDouble());
        }
    }

    /** σ·z per element, row-major, one nextGaussian each (plain normal: nothing is redrawn). */
    static void normal(float[] out, double std, Rng rng) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (std * rng.nextGaussian());
        }
    }
}
