package studio.backprop.nn.init;

import java.util.Map;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * Plain (untruncated) normal values N(0, σ²), whatever the fans.
 *
 * @param std σ; a finite number ≥ 0
 */
public record Normal(double std) implements Initializer {

    public Normal {
        if (!(std >= 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("the standard deviation σ of the normal initialiser must be a finite"
                    + " number ≥ 0, but was " + std);
        }
    }

    @Override
    public String name() {
        return "normal";
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("std", std);
    }

    @Override
    public void fill(Tensor target, FanInOut fans, Rng rng) {
        Draw.normal(target.buffer(), std, rng);
    }
}
