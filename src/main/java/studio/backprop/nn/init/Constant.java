package studio.backprop.nn.init;

import java.util.Map;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * Every value c; draws nothing from the generator.
 *
 * @param value c; a finite number
 */
public record Constant(double value) implements Initializer {

    public Constant {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("the value c of the constant initialiser must be a finite number,"
                    + " but was " + value);
        }
    }

    @Override
    public String name() {
        return "constant";
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("value", value);
    }

    @Override
    public void fill(Tensor target, FanInOut fans, Rng rng) {
        target.buffer();
        target.fill((float) value);
    }
}
