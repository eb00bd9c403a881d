package studio.backprop.nn.init;

import java.util.Map;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * The fan-scaled initialisers: a uniform U[−L, L) or a plain normal N(0, σ²) whose spread keeps the variance of
 * activations (and, for Glorot, of gradients) roughly the same from layer to layer.
 */
final class FanScaled implements Initializer {

    /** Which fans the variance divides by. */
    private enum Mode { FAN_IN, FAN_AVG }

    /** Glorot/Xavier uniform: L = √(6/(fan_in + fan_out)). */
    static final FanScaled GLOROT_UNIFORM = new FanScaled("glorot_uniform", true, 6, Mode.FAN_AVG);
    /** Glorot/Xavier normal: σ = √(2/(fan_in + fan_out)). */
    static final FanScaled GLOROT_NORMAL = new FanScaled("glorot_normal", false, 2, Mode.FAN_AVG);
    /** He uniform, for ReLU layers: L = √(6/fan_in). */
    static final FanScaled HE_UNIFORM = new FanScaled("he_uniform", true, 6, Mode.FAN_IN);
    /** He normal, for ReLU layers: σ = √(2/fan_in). */
    static final FanScaled HE_NORMAL = new FanScaled("he_normal", false, 2, Mode.FAN_IN);
    /** LeCun normal, for SELU/tanh layers: σ = √(1/fan_in). */
    static final FanScaled LECUN_NORMAL = new FanScaled("lecun_normal", false, 1, Mode.FAN_IN);

    static final FanScaled[] ALL = {GLOROT_UNIFORM, GLOROT_NORMAL, HE_UNIFORM, HE_NORMAL, LECUN_NORMAL};

    private final String name;
    /** Uniform in [−L, L) when true, normal N(0, σ²) when false. */
    private final boolean uniform;
    /** The numerator under the root: 6 for the uniform limits, 2 or 1 for the standard deviations. */
    private final double numerator;
    private final Mode mode;

    private FanScaled(String name, boolean uniform, double numerator, Mode mode) {
        this.name = name;
        this.uniform = uniform;
        this.numerator = numerator;
        this.mode = mode;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of();
    }

    /** L for the uniform ones, σ for the normal ones. */
    double spread(FanInOut fans) {
        int denominator = mode == Mode.FAN_IN ? fans.fanIn() : fans.fanIn() + fans.fanOut();
        if (denominator == 0) {
            throw new IllegalArgumentException(name + " needs " + (mode == Mode.FAN_IN ? "fan_in ≥ 1"
                    : "fan_in + fan_out ≥ 1") + ", but the fans are " + fans);
        }
        return Math.sqrt(numerator / denominator);
    }

    @Override
    public void fill(Tensor target, FanInOut fans, Rng rng) {
        float[] out = target.buffer();
        if (out.length == 0) {
            return;
        }
        double s = spread(fans);
        if (uniform) {
            Draw.uniform(out, -s, s, rng);
        } else {
            Draw.normal(out, s, rng);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
