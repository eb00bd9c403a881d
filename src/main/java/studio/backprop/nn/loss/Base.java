package studio.backprop.nn.loss;

/**
 * The unit of an information measure: natural log (nats) or log₂ (bits). One nat is 1/ln 2 ≈ 1.442695 bits.
 *
 * <p>Losses that take no logarithm (MSE, MAE, hinge) report {@link #NATS} and ignore it.
 */
public enum Base {
    NATS("nats", 1.0),
    BITS("bits", 1.0 / Math.log(2.0));

    private final String unit;
    private final double perNat;

    Base(String unit, double perNat) {
        this.unit = unit;
        this.perNat = perNat;
    }

    /** "nats" or "bits". */
    public String unit() {
        return unit;
    }

    /** How many of this unit make one nat: 1 for nats, 1/ln 2 for bits. */
    public double perNat() {
        return perNat;
    }

    /** The logarithm in this base: ln x for nats, log₂ x for bits. */
    public double log(double x) {
        return Math.log(x) * perNat;
    }
}
