package studio.backprop.train.exercise;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as an exercise sheet prints them: a set number of significant digits, trailing zeros dropped, so the
 * float32 value of 0.05·0.15 + 0.1·0.2 reads 0.0275, not 0.027500002. A float is first read as the shortest decimal
 * that is that float, then rounded half to even.
 */
public final class SheetNumbers {

    /** The digits a sheet shows unless asked otherwise. */
    public static final int DIGITS = 6;

    private SheetNumbers() {
    }

    /** {@code v} rounded to {@code digits} significant digits, plain unless very large or small, ASCII minus. */
    public static String of(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        // a float is read as the shortest decimal that is that float (0.0275, not 0.027500000223517418), so
        // rounding it does not round the storage's noise
        BigDecimal exact = (float) v == v ? new BigDecimal(Float.toString((float) v)) : new BigDecimal(v);
        BigDecimal d = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        double magnitude = Math.abs(d.doubleValue());
        return magnitude >= 1e-4 && magnitude < 1e7 ? d.toPlainString()
                : d.toString().replace("E+", "e").replace('E', 'e');
    }

    /** At the sheet's digits. */
    public static String of(double v) {
        return of(v, DIGITS);
    }
}
