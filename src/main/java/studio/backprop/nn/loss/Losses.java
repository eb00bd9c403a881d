package studio.backprop.nn.loss;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The catalogue of losses by stable name, for files and menus: {@link #byName} gives a loss with its default
 * settings, {@link #create} rebuilds one from saved {@link LossSettings}. Unknown names and settings a loss does
 * not have fail with a message listing what is valid.
 */
public final class Losses {

    private static final Map<String, Supplier<Loss>> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put(MeanSquaredError.NAME, MeanSquaredError::new);
        DEFAULTS.put(MeanAbsoluteError.NAME, MeanAbsoluteError::new);
        DEFAULTS.put(BinaryCrossEntropy.NAME, BinaryCrossEntropy::fromProbabilities);
        DEFAULTS.put(BinaryCrossEntropy.LOGITS_NAME, BinaryCrossEntropy::fromLogits);
        DEFAULTS.put(CategoricalCrossEntropy.NAME, CategoricalCrossEntropy::fromProbabilities);
        DEFAULTS.put(CategoricalCrossEntropy.LOGITS_NAME, CategoricalCrossEntropy::fromLogits);
        DEFAULTS.put(Hinge.NAME, Hinge::plain);
        DEFAULTS.put(Hinge.SQUARED_NAME, Hinge::squared);
        DEFAULTS.put(KLDivergence.NAME, KLDivergence::new);
    }

    private Losses() {
    }

    /** Every stable name, in menu order. */
    public static List<String> names() {
        return List.copyOf(DEFAULTS.keySet());
    }

    /** The loss called {@code name} (case and surrounding spaces ignored) with mean reduction, no ½, nats. */
    public static Loss byName(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        Supplier<Loss> make = DEFAULTS.get(key);
        if (make == null) {
            throw new IllegalArgumentException("unknown loss \"" + name + "\"; valid names are "
                    + String.join(", ", DEFAULTS.keySet()));
        }
        return make.get();
    }

    /**
     * The loss that {@code settings} describe.
     *
     * @throws IllegalArgumentException for an unknown name, a ½ factor on a loss other than MSE, or bits for a
     *                                  loss that takes no logarithm
     */
    public static Loss create(LossSettings settings) {
        Loss loss = byName(settings.name()).withReduction(settings.reduction());
        if (settings.half()) {
            if (!(loss instanceof MeanSquaredError mse)) {
                throw new IllegalArgumentException(loss.displayName() + ": the ½ factor applies only to "
                        + MeanSquaredError.NAME);
            }
            loss = mse.withHalf(true);
        }
        return inBase(loss, settings.base());
    }

    private static Loss inBase(Loss loss, Base base) {
        if (loss instanceof BinaryCrossEntropy bce) {
            return bce.inBase(base);
        }
        if (loss instanceof CategoricalCrossEntropy cce) {
            return cce.inBase(base);
        }
        if (loss instanceof KLDivergence kl) {
            return kl.inBase(base);
        }
        if (base != Base.NATS) {
            throw new IllegalArgumentException(loss.displayName() + " takes no logarithm, so it has no unit in "
                    + base.unit() + "; only the cross-entropies and KL divergence do");
        }
        return loss;
    }
}
