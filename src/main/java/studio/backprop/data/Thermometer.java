package studio.backprop.data;

import java.util.List;

/**
 * The thermometer ("ordered") encoding of an ordinal value: with L ordered levels, level k (counted from 0) becomes
 * L − 1 bits whose first k are 1, so that every step up the order switches on one more bit. For small, medium,
 * large: small → (0, 0), medium → (1, 0), large → (1, 1). Unlike one-hot it keeps the order; unlike the ordinal
 * number it does not claim that the steps are equal.
 */
public final class Thermometer {

    private Thermometer() {
    }

    /** The bits of level {@code position} (from 0) of {@code levels} ordered levels. */
    public static float[] encode(int position, int levels) {
        if (levels < 2) {
            throw new IllegalArgumentException("a thermometer encoding needs at least 2 ordered levels; got " + levels);
        }
        if (position < 0 || position >= levels) {
            throw new IllegalArgumentException("level " + position + " is not one of the " + levels
                    + " levels 0 … " + (levels - 1));
        }
        float[] bits = new float[levels - 1];
        for (int i = 0; i < position; i++) {
            bits[i] = 1f;
        }
        return bits;
    }

    /** The bits of {@code value}, one of {@code orderedLevels} (lowest first), named in the message if it is not. */
    public static float[] encode(String value, List<String> orderedLevels) {
        int position = orderedLevels.indexOf(value);
        if (position < 0) {
            throw new IllegalArgumentException("'" + value + "' is not one of the ordered levels " + orderedLevels);
        }
        return encode(position, orderedLevels.size());
    }
}
