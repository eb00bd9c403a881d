package studio.backprop.data;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * One-dimensional regression sets: x uniform in [−1, 1], y = f(x) + n·ε with ε standard normal; features
 * (N, 1) named "x", targets (N, 1) named "y". The x values are not sorted, so any split draws from the whole
 * range. Same arguments, same seed: identical data.
 */
public final class Curves {

    private Curves() {
    }

    /** y = sin(πx) + noise·ε: one full period over [−1, 1]. */
    public static Dataset sine(int size, double noise, long seed) {
        return curve("sine", size, noise, seed, x -> Math.sin(Math.PI * x));
    }

    /**
     * y = c₀ + c₁x + c₂x² + … + noise·ε.
     *
     * @param coefficients c₀ first; at least one
     */
    public static Dataset polynomial(int size, double noise, long seed, double... coefficients) {
        if (coefficients.length == 0) {
            throw new IllegalArgumentException("polynomial: give at least one coefficient");
        }
        double[] c = coefficients.clone();
        return curve("polynomial", size, noise, seed, x -> {
            double y = 0;
            for (int i = c.length - 1; i >= 0; i--) {
                y = y * x + c[i];
            }
            return y;
        });
    }

    private static Dataset curve(String name, int size, double noise, long seed, DoubleUnaryOperator f) {
        if (size < 1) {
            throw new IllegalArgumentException(name + ": size must be at least 1, got " + size);
        }
        if (!(noise >= 0)) {
            throw new IllegalArgumentException(name + ": noise must be 0 or more, got " + noise);
        }
        Rng rng = new Rng(seed);
        float[] xs = new float[size];
        float[] ys = new float[size];
        for (int i = 0; i < size; i++) {
            double x = 2 * rng.nextDouble() - 1;
            xs[i] = (float) x;
            ys[i] = (float) (f.applyAsDouble(x) + noise * rng.nextGaussian());
        }
        return Dataset.regression(name, Tensor.wrap(xs, size, 1), Tensor.wrap(ys, size, 1), List.of("x"),
                List.of("y"));
    }
}
