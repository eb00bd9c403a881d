package studio.backprop.nn.perceptron;

/**
 * Which two labels the perceptron uses, and therefore which threshold function turns the net input z into
 * the output ŷ.
 *
 * <ul>
 *   <li>{@link #ZERO_ONE} (the default): labels {0, 1}, ŷ = step(z) = 1 if z &gt; 0, else 0. So step(0) = 0.</li>
 *   <li>{@link #MINUS_ONE_PLUS_ONE}: labels {−1, +1}, ŷ = sign(z) = +1 if z ≥ 0, else −1. So sign(0) = +1.</li>
 * </ul>
 *
 * <p>The behaviour at exactly z = 0 matters: from zero weights every first net input is 0, and which way it
 * falls decides whether the first update fires.
 */
public enum LabelConvention {

    /** Labels {0, 1}; ŷ = 1 iff z &gt; 0. */
    ZERO_ONE(0, 1) {
        @Override
        public int output(double z) {
            return z > 0 ? 1 : 0;
        }
    },

    /** Labels {−1, +1}; ŷ = +1 iff z ≥ 0. */
    MINUS_ONE_PLUS_ONE(-1, 1) {
        @Override
        public int output(double z) {
            return z >= 0 ? 1 : -1;
        }
    };

    private final int low;
    private final int high;

    LabelConvention(int low, int high) {
        this.low = low;
        this.high = high;
    }

    /** The threshold function: the output ŷ for net input z. */
    public abstract int output(double z);

    /** The label meaning "no" / false: 0 or −1. */
    public int low() {
        return low;
    }

    /** The label meaning "yes" / true: 1 in both conventions. */
    public int high() {
        return high;
    }

    /** The label for a truth value bit 0 or 1. */
    public int fromBit(int bit) {
        if (bit != 0 && bit != 1) {
            throw new IllegalArgumentException("a bit is 0 or 1, not " + bit);
        }
        return bit == 1 ? high : low;
    }

    /** True when {@code label} is one of the two labels of this convention. */
    public boolean contains(int label) {
        return label == low || label == high;
    }

    /** The label set as written in messages and on exercise sheets: "{0, 1}" or "{-1, +1}". */
    public String setNotation() {
        return this == ZERO_ONE ? "{0, 1}" : "{-1, +1}";
    }
}
