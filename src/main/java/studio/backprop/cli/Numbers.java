package studio.backprop.cli;

import java.math.BigDecimal;

/**
 * Numbers as a student reads them: 6 significant digits, the precision of the course's worked examples and safely
 * inside what float32 carries (so −0.8 + 0.9 reads 0.1, not 0.09999996); no exponent for ordinary sizes. The JSON
 * output keeps every float exactly.
 */
final class Numbers {

    private Numbers() {
    }

    static String of(float v) {
        if (Float.isNaN(v) || Float.isInfinite(v)) {
            return String.valueOf(v);
        }
        if (v == 0f) {
            return "0";
        }
        float a = Math.abs(v);
        if (a < 1e-6f || a >= 1e9f) {
            return String.valueOf(v);
        }
        // round the float's exact binary value, not its shortest decimal form, to avoid rounding twice
        return new BigDecimal((double) v).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString();
    }

    /** A tensor's values as nested lists, at most {@code limit} numbers (then "…"). */
    static String tensor(int[] shape, float[] values, int limit) {
        if (shape.length == 0) {
            return of(values[0]);
        }
        StringBuilder sb = new StringBuilder();
        int[] written = {0};
        write(sb, shape, values, 0, 0, limit, written);
        return sb.toString();
    }

    private static int write(StringBuilder sb, int[] shape, float[] v, int axis, int index, int limit, int[] written) {
        sb.append('[');
        for (int i = 0; i < shape[axis]; i++) {
            if (written[0] >= limit) {
                sb.append(i == 0 ? "…" : ", …");
                index += stride(shape, axis) * (shape[axis] - i);
                break;
            }
            if (i > 0) {
                sb.append(", ");
            }
            if (axis == shape.length - 1) {
                sb.append(of(v[index++]));
                written[0]++;
            } else {
                index = write(sb, shape, v, axis + 1, index, limit, written);
            }
        }
        sb.append(']');
        return index;
    }

    private static int stride(int[] shape, int axis) {
        int s = 1;
        for (int i = axis + 1; i < shape.length; i++) {
            s *= shape[i];
        }
        return s;
    }

    /** "2×3" (or "scalar"). */
    static String shape(int[] shape) {
        if (shape.length == 0) {
            return "scalar";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : "×").append(shape[i]);
        }
        return sb.toString();
    }
}
