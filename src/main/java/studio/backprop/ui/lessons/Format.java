package studio.backprop.ui.lessons;

import java.util.Locale;

/** Numbers as the lessons show them: four significant digits, no exponent for everyday sizes. */
final class Format {

    private Format() {
    }

    /** {@code v} with about four significant digits: "0.768", "1.2e-05", "−3.5". */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        String s = a >= 1e-3 && a < 1e5 ? String.format(Locale.ROOT, "%.4g", v) : String.format(Locale.ROOT, "%.3g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s.replace('-', '−');
    }
}
