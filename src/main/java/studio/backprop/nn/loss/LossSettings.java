package studio.backprop.nn.loss;

import java.util.Objects;

/**
 * Everything needed to rebuild a loss, as a saved file stores it: the stable {@link Loss#name()}, the reduction,
 * whether the ½ factor is applied (MSE only) and the unit of log-based losses ({@link Base#NATS} for the others).
 * {@link Losses#create(LossSettings)} turns it back into a loss.
 */
public record LossSettings(String name, Reduction reduction, boolean half, Base base) {

    public LossSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reduction, "reduction");
        Objects.requireNonNull(base, "base");
    }

    /** The default settings of a loss: mean, no ½, nats. */
    public static LossSettings of(String name) {
        return new LossSettings(name, Reduction.MEAN, false, Base.NATS);
    }
}
