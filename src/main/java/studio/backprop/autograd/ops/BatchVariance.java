package studio.backprop.autograd.ops;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which variance batch normalisation divides by, over the m values a channel has in the batch: the biased
 * σ² = Σ(x − μ)²/m or the unbiased s² = Σ(x − μ)²/(m − 1), for normalising the batch and for the running
 * estimate used at inference.
 */
public enum BatchVariance {
    /** Normalise with σ², keep σ² in the running estimate (Keras; the curriculum's default). */
    BIASED(false, false),
    /** Normalise with σ², keep s² = σ²·m/(m − 1) in the running estimate (PyTorch). */
    UNBIASED(false, true),
    /** Normalise with s² and keep s² (the switch of worked example 12; no framework does this). */
    UNBIASED_BATCH(true, true);

    private final boolean unbiasedBatch;
    private final boolean unbiasedRunning;

    BatchVariance(boolean unbiasedBatch, boolean unbiasedRunning) {
        this.unbiasedBatch = unbiasedBatch;
        this.unbiasedRunning = unbiasedRunning;
    }

    /** Whether the batch is normalised with s² (divided by m − 1). */
    public boolean unbiasedBatch() {
        return unbiasedBatch;
    }

    /** Whether the running estimate takes s². */
    public boolean unbiasedRunning() {
        return unbiasedRunning;
    }

    /** The file's word: "biased", "unbiased", "unbiased_batch". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every file word, in declaration order. */
    public static java.util.List<String> ids() {
        return Arrays.stream(values()).map(BatchVariance::id).toList();
    }

    /** The value of this file word. */
    public static BatchVariance byId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
