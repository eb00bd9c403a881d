package studio.backprop.ui.cnn;

import java.util.List;

/**
 * Which values a feature map's colours stretch between. The choice matters for teaching: per map, every map uses its
 * full colour range, so a weak channel looks as bright as a strong one; per layer, the channels of a layer can be
 * compared; globally, layers can be compared too (and deep, small-valued layers fade).
 */
public enum ColourScale {

    /** Each map from its own minimum to its own maximum. */
    PER_MAP("per map"),
    /** Every map of a layer over the layer's minimum and maximum. */
    PER_LAYER("per layer"),
    /** Every map of every layer over the minimum and maximum of all of them. */
    GLOBAL("global");

    private final String label;

    ColourScale(String label) {
        this.label = label;
    }

    /** The words on the button. */
    public String label() {
        return label;
    }

    /**
     * The {lo, hi} that channel {@code channel} of {@code layers.get(layer)} is coloured over. A map whose values
     * are all equal gets lo = hi; the colour scheme draws it in its middle colour.
     */
    public double[] range(List<LayerMaps> layers, int layer, int channel) {
        return switch (this) {
            case PER_MAP -> layers.get(layer).channelRange(channel);
            case PER_LAYER -> layers.get(layer).range();
            case GLOBAL -> global(layers);
        };
    }

    private static double[] global(List<LayerMaps> layers) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (LayerMaps m : layers) {
            double[] r = m.range();
            lo = Math.min(lo, r[0]);
            hi = Math.max(hi, r[1]);
        }
        return new double[] {lo, hi};
    }

    /**
     * Where {@code value} falls in [lo, hi], as t in [0, 1] (clamped). A range that spans zero is made symmetric,
     * [−m, m] with m = max(|lo|, |hi|), so that zero is always the middle colour of a diverging scheme; a flat range
     * (lo = hi) gives ½.
     */
    public static double position(double value, double lo, double hi) {
        if (lo < 0 && hi > 0) {
            double m = Math.max(-lo, hi);
            lo = -m;
            hi = m;
        }
        if (!(hi > lo)) {
            return 0.5;
        }
        return Math.max(0, Math.min(1, (value - lo) / (hi - lo)));
    }
}
