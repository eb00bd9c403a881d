package studio.backprop.nn.init;

import java.util.List;
import java.util.Map;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * A rule for the starting values of a weight tensor, drawn from the engine's seeded {@link Rng}.
 *
 * <table>
 *   <caption>The initialisers and their names</caption>
 *   <tr><th>name</th><th>values</th></tr>
 *   <tr><td>zeros</td><td>0</td></tr>
 *   <tr><td>constant</td><td>c (parameter "value", default 0)</td></tr>
 *   <tr><td>uniform</td><td>U[a, b) (parameters "low", "high", default −0.05, 0.05)</td></tr>
 *   <tr><td>normal</td><td>N(0, σ²) (parameter "std", default 0.05)</td></tr>
 *   <tr><td>glorot_uniform</td><td>U[−L, L), L = √(6/(fan_in + fan_out))</td></tr>
 *   <tr><td>glorot_normal</td><td>N(0, σ²), σ = √(2/(fan_in + fan_out))</td></tr>
 *   <tr><td>he_uniform</td><td>U[−L, L), L = √(6/fan_in)</td></tr>
 *   <tr><td>he_normal</td><td>N(0, σ²), σ = √(2/fan_in)</td></tr>
 *   <tr><td>lecun_normal</td><td>N(0, σ²), σ = √(1/fan_in)</td></tr>
 * </table>
 *
 * <p>Normals are plain, not truncated: σ is exactly the formula's, and rare values beyond 2σ are kept. (Keras
 * draws from a truncated normal with an adjusted σ instead, so its samples differ from these.) Fans come from
 * {@link FanInOut#of(int...)} unless given. Values are drawn in row-major order: one {@link Rng#nextDouble()}
 * per uniform element, one {@link Rng#nextGaussian()} per normal element, so a seed fixes every value.
 */
public interface Initializer {

    /** The name for the file format and the UI, e.g. "glorot_uniform". */
    String name();

    /** The settings that, with the name, recreate this initialiser through {@link #byName(String, Map)}. */
    Map<String, Double> parameters();

    /** Overwrites every element of the dense tensor {@code target}, using {@code fans} for the scale. */
    void fill(Tensor target, FanInOut fans, Rng rng);

    /** Overwrites every element of {@code target}, with the fans of its shape. */
    default void fill(Tensor target, Rng rng) {
        fill(target, FanInOut.of(target.shape()), rng);
    }

    /** A new tensor of {@code shape} filled by this rule. */
    default Tensor create(Rng rng, int... shape) {
        Tensor t = Tensor.zeros(shape);
        fill(t, rng);
        return t;
    }

    static Initializer zeros() {
        return Zeros.INSTANCE;
    }

    static Initializer constant(double value) {
        return new Constant(value);
    }

    static Initializer uniform(double low, double high) {
        return new Uniform(low, high);
    }

    /** N(0, σ²). */
    static Initializer normal(double std) {
        return new Normal(std);
    }

    static Initializer glorotUniform() {
        return FanScaled.GLOROT_UNIFORM;
    }

    static Initializer glorotNormal() {
        return FanScaled.GLOROT_NORMAL;
    }

    static Initializer heUniform() {
        return FanScaled.HE_UNIFORM;
    }

    static Initializer heNormal() {
        return FanScaled.HE_NORMAL;
    }

    static Initializer lecunNormal() {
        return FanScaled.LECUN_NORMAL;
    }

    /** Every valid name, in the order of the table above. */
    static List<String> names() {
        return Registry.NAMES;
    }

    /** The initialiser of this name with default parameters; an unknown name is refused with the valid ones. */
    static Initializer byName(String name) {
        return Registry.create(name, Map.of());
    }

    /** The initialiser of this name with the given parameters (missing ones take their defaults). */
    static Initializer byName(String name, Map<String, Double> parameters) {
        return Registry.create(name, parameters);
    }
}
