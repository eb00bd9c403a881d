package studio.backprop.nn.perceptron;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * An immutable vector of doubles: an input x or a weight vector w in a perceptron trace.
 *
 * <p>Value semantics: two vectors are equal when they have the same entries, so trace records that hold
 * vectors compare by content. Negative zero is stored as positive zero, because a trace table that shows
 * "-0.0" beside "0.0" only confuses the reader and the two are the same number for the perceptron.
 */
public final class Vec {

    private final double[] values;

    private Vec(double[] values) {
        this.values = values;
        for (int i = 0; i < values.length; i++) {
            // Adding +0.0 turns -0.0 into +0.0 and leaves every other double unchanged.
            values[i] = values[i] + 0.0;
        }
    }

    /** A vector holding a copy of the given entries. */
    public static Vec of(double... values) {
        if (values == null) {
            throw new IllegalArgumentException("a vector needs entries, but none (null) were given");
        }
        return new Vec(values.clone());
    }

    /** The number of entries. */
    public int size() {
        return values.length;
    }

    /** Entry {@code i}, counted from 0. */
    public double get(int i) {
        return values[i];
    }

    /**
     * The dot product Σ this[i]·other[i], summed left to right starting from 0, so that a hand calculation
     * done in the same order gives the same double.
     */
    public double dot(Vec other) {
        requireSameSize(other);
        double sum = 0.0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i] * other.values[i];
        }
        return sum;
    }

    /** True when every entry is a finite number (no NaN, no infinity). */
    public boolean isFinite() {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private void requireSameSize(Vec other) {
        if (other.values.length != values.length) {
            throw new IllegalArgumentException("vectors of different lengths: " + values.length
                    + " entries and " + other.values.length + " entries");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vec v && Arrays.equals(values, v.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    /** The entries in parentheses, e.g. {@code (0.0, 1.0)}. */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", "(", ")");
        for (double v : values) {
            joiner.add(Double.toString(v));
        }
        return joiner.toString();
    }
}
