package studio.backprop.ui.training;

import javafx.scene.paint.Color;

/**
 * The colours of the Playground views: a diverging scale from orange (−1, class 0) through a pale grey (0) to
 * blue (+1, class 1) for activations, weights and binary outputs, and a qualitative palette for more classes.
 */
public final class PlaygroundColors {

    /** Negative values, the first class. */
    public static final Color ORANGE = Color.rgb(245, 147, 34);
    /** Positive values, the second class. */
    public static final Color BLUE = Color.rgb(8, 119, 189);
    /** Zero. */
    public static final Color NEUTRAL = Color.rgb(232, 234, 235);

    private static final Color[] CLASSES = {
        ORANGE, BLUE, Color.rgb(46, 160, 67), Color.rgb(200, 55, 90), Color.rgb(130, 90, 190),
        Color.rgb(140, 100, 60), Color.rgb(220, 200, 40), Color.rgb(40, 180, 180), Color.rgb(120, 120, 120),
        Color.rgb(230, 100, 180)
    };

    private PlaygroundColors() {
    }

    /** The colour of class {@code k} (the palette repeats after ten classes). */
    public static Color classColor(int k) {
        return CLASSES[Math.floorMod(k, CLASSES.length)];
    }

    /** The diverging scale at v, clipped to [−1, 1]. */
    public static Color diverging(double v) {
        return toColor(divergingArgb(v));
    }

    /** The diverging scale at v as an opaque ARGB int (for filling pixel buffers without allocating). */
    public static int divergingArgb(double v) {
        double t = Double.isNaN(v) ? 0 : Math.max(-1, Math.min(1, v));
        Color end = t < 0 ? ORANGE : BLUE;
        return mix(NEUTRAL, end, Math.abs(t));
    }

    /** Class k's colour mixed with the neutral grey: {@code strength} 0 is grey, 1 the full class colour. */
    public static int classArgb(int k, double strength) {
        double s = Math.max(0, Math.min(1, strength));
        return mix(NEUTRAL, classColor(k), s);
    }

    private static int mix(Color a, Color b, double t) {
        int r = channel(a.getRed(), b.getRed(), t);
        int g = channel(a.getGreen(), b.getGreen(), t);
        int bl = channel(a.getBlue(), b.getBlue(), t);
        return 0xFF000000 | r << 16 | g << 8 | bl;
    }

    private static int channel(double a, double b, double t) {
        return (int) Math.round(255 * (a + (b - a) * t));
    }

    private static Color toColor(int argb) {
        return Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF);
    }
}
