package studio.backprop.nn.init;

import java.util.Map;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * Uniform values in [a, b): a + (b − a)·u with u = {@link Rng#nextDouble()}, whatever the fans.
 *
 * @param low  a; a finite number
 * @param high b; a finite number ≥ a
 */
public record Uniform(double low, double high) implements Initializer {

    public Uniform {
        if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
            throw new IllegalArgumentException("the uniform initialiser needs finite bounds with a ≤ b, but had a = "
                    + low + ", b = " + high);
        }
    }

    @Override
    public String name() {
        return "uniform";
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("low", low, "high", high);
    }

    @Override
    public void fill(Tensor target, FanInOut fans, Rng rng) {
        Draw.uniform(target.buffer(), low, high, rng);
    }
}
