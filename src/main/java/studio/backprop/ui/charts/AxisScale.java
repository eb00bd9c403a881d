package studio.backprop.ui.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A value axis: a range mapped onto pixels, linearly or logarithmically, with "nice" tick values (1, 2, 5 × 10ⁿ on a
 * linear axis, powers of ten on a log axis). On a log axis zero, negative and NaN values have no position:
 * {@link #toPixel} gives NaN for them and the chart leaves a gap.
 *
 * @param lo  the value at the low end (&gt; 0 on a log axis)
 * @param hi  the value at the high end (&gt; lo)
 * @param log logarithmic when true
 */
public record AxisScale(double lo, double hi, boolean log) {

    public AxisScale {
        if (!(hi > lo) || log && !(lo > 0) || Double.isInfinite(lo) || Double.isInfinite(hi)) {
            throw new IllegalArgumentException("an axis needs lo < hi" + (log ? " and lo > 0 on a log scale" : "")
                    + ", got [" + lo + ", " + hi + "]");
        }
    }

    /**
     * The axis for data between {@code min} and {@code max} (either may be NaN when there is no data), widened to
     * tick values. On a log axis {@code min} must be the smallest positive value; with none it falls back to
     * [0.1, 1].
     */
    public static AxisScale fit(double min, double max, boolean log) {
        if (log) {
            if (!(min > 0) || !(max > 0)) {
                return new AxisScale(0.1, 1, true);
            }
            double lo = niceBelow(min);
            double hi = niceStep(max);
            return new AxisScale(lo, hi > lo ? hi : lo * 10, true);
        }
        if (Double.isNaN(min) || Double.isNaN(max)) {
            return new AxisScale(0, 1, false);
        }
        if (max - min < 1e-12 * Math.max(1, Math.abs(max))) {
            // a flat positive value (a constant learning rate) reads truest from zero, with room above it for a
            // legend; other flat values get a margin on both sides
            if (max > 0) {
                min = 0;
                max *= 1.25;
            } else {
                double pad = max == 0 ? 1 : Math.abs(max) * 0.1;
                min -= pad;
                max += pad;
            }
        }
        double step = niceStep((max - min) / 5);
        return new AxisScale(Math.floor(min / step) * step, Math.ceil(max / step) * step, false);
    }

    /** An axis from 0 to {@code max} rounded up to a tick (for x axes that grow with training). */
    public static AxisScale fromZero(double max) {
        if (!(max > 0)) {
            return new AxisScale(0, 1, false);
        }
        double step = niceStep(max / 5);
        return new AxisScale(0, Math.ceil(max / step - 1e-9) * step, false);
    }

    /** The smallest 1, 2 or 5 × 10ⁿ at least {@code rough}. */
    static double niceStep(double rough) {
        double p = Math.pow(10, Math.floor(Math.log10(rough)));
        double f = rough / p;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    }

    /** The largest 1, 2 or 5 × 10ⁿ at most {@code v} (&gt; 0). */
    static double niceBelow(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        double f = v / p;
        return (f >= 5 ? 5 : f >= 2 ? 2 : 1) * p;
    }

    /** Where {@code value} falls between {@code pixelLo} (at lo) and {@code pixelHi} (at hi); NaN if it cannot. */
    public double toPixel(double value, double pixelLo, double pixelHi) {
        double t;
        if (log) {
            if (!(value > 0)) {
                return Double.NaN;
            }
            t = (Math.log(value) - Math.log(lo)) / (Math.log(hi) - Math.log(lo));
        } else {
            t = (value - lo) / (hi - lo);
        }
        return pixelLo + t * (pixelHi - pixelLo);
    }

    /** The value at {@code pixel}: the inverse of {@link #toPixel}. */
    public double fromPixel(double pixel, double pixelLo, double pixelHi) {
        double t = (pixel - pixelLo) / (pixelHi - pixelLo);
        return log ? Math.exp(Math.log(lo) + t * (Math.log(hi) - Math.log(lo))) : lo + t * (hi - lo);
    }

    /** Tick values inside the range, about {@code target} of them. */
    public List<Double> ticks(int target) {
        List<Double> out = new ArrayList<>();
        if (log) {
            int a = (int) Math.floor(Math.log10(lo) + 1e-9);
            int b = (int) Math.floor(Math.log10(hi) + 1e-9);
            boolean fine = b - a <= 2;
            int every = Math.max(1, (int) Math.ceil((b - a + 1) / (double) Math.max(1, target)));
            for (int e = a; e <= b; e += fine ? 1 : every) {
                for (int m : fine ? new int[] {1, 2, 5} : new int[] {1}) {
                    double t = e < 0 ? m / Math.pow(10, -e) : m * Math.pow(10, e);
                    if (t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9)) {
                        out.add(t);
                    }
                }
            }
            return out;
        }
        double step = niceStep((hi - lo) / Math.max(1, target));
        int e = (int) Math.floor(Math.log10(step) + 1e-9);
        long m = Math.round(step / Math.pow(10, e));
        for (long k = (long) Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) {
            // k·m / 10^-e rather than k·step: 3 × 0.2 would give 0.6000000000000001
            out.add(k == 0 ? 0.0 : e < 0 ? (k * m) / Math.pow(10, -e) : k * m * Math.pow(10, e));
        }
        return out;
    }

    /** A short label for a tick: "0.25", "1e-4", "2,000"; percentages when {@code percent}. */
    public static String label(double v, boolean percent) {
        if (percent) {
            return String.format(Locale.ROOT, "%s%%", trim(v * 100));
        }
        double a = Math.abs(v);
        if (v != 0 && (a < 1e-3 || a >= 1e6)) {
            String s = String.format(Locale.ROOT, "%.1e", v);
            return s.replace(".0e", "e").replace("e-0", "e-").replace("e+0", "e").replace("e+", "e");
        }
        return trim(v);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }
}
