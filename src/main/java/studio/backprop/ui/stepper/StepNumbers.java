package studio.backprop.ui.stepper;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Numbers as a student reads them: a set number of significant digits (6 by default), trailing zeros dropped, so
 * the float32 noise of 0.05·0.15 + 0.1·0.2 reads 0.0275, not 0.027500002. The full float is available on hover.
 */
public final class StepNumbers {

    private StepNumbers() {
    }

    /** {@code v} rounded to {@code digits} significant digits, in plain notation unless very large or small. */
    public static String of(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        // a float is read as the shortest decimal that is that float, so rounding does not round its storage noise
        BigDecimal exact = (float) v == v ? new BigDecimal(Float.toString((float) v)) : new BigDecimal(v);
        BigDecimal d = exact.round(new MathContext(digits, java.math.RoundingMode.HALF_EVEN)).stripTrailingZeros();
        double magnitude = Math.abs(d.doubleValue());
        String text = magnitude >= 1e-4 && magnitude < 1e7 ? d.toPlainString()
                : d.toString().replace("E+", "e").replace('E', 'e');
        return text.replace('-', '−');
    }

    /** Up to {@code limit} values in brackets, "…" for the rest. */
    public static String list(float[] values, int digits, int limit) {
        if (values.length == 1) {
            return of(values[0], digits);
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < Math.min(limit, values.length); i++) {
            sb.append(i == 0 ? "" : ", ").append(of(values[i], digits));
        }
        return sb.append(values.length > limit ? ", … (" + values.length + " values)]" : "]").toString();
    }

    /** Every value exactly as the float holds it (for the tooltip). */
    public static String exact(float[] values, int limit) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(limit, values.length); i++) {
            sb.append(i == 0 ? "" : ", ").append(Float.toString(values[i]));
        }
        return sb.append(values.length > limit ? ", …" : "").toString();
    }
}
