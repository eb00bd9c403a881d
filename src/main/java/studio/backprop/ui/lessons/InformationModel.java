package studio.backprop.ui.lessons;

import java.util.Arrays;
import studio.backprop.nn.loss.Base;
import studio.backprop.nn.loss.InformationMeasures;

/**
 * Entropy, cross-entropy and KL divergence of two distributions P and Q typed as lists of numbers, in bits or nats,
 * computed by the engine's information measures: H(P) = −Σ p log p, H(P, Q) = −Σ p log q, KL(P‖Q) = Σ p log(p/q),
 * so that H(P, Q) = H(P) + KL(P‖Q).
 *
 * @param p the distribution P
 * @param q the distribution Q (same length)
 */
public record InformationModel(double[] p, double[] q, Base base, double entropy, double crossEntropy,
                               double divergence) {

    /** Computes the three measures; the engine refuses, in words, lists that are not distributions. */
    public static InformationModel of(double[] p, double[] q, Base base) {
        if (p.length != q.length) {
            throw new IllegalArgumentException("P has " + p.length + " values and Q has " + q.length
                    + "; give both the same number of outcomes");
        }
        return new InformationModel(p.clone(), q.clone(), base, InformationMeasures.entropy(base, p),
                InformationMeasures.crossEntropy(base, p, q), InformationMeasures.klDivergence(base, p, q));
    }

    /**
     * Reads a list such as "0.5, 0.25, 0.25" or "1 1 2" (weights, which are scaled to sum to 1 when they are not
     * already a distribution).
     */
    public static double[] parse(String name, String text) {
        String[] parts = text.trim().split("[,;\\s]+");
        if (text.isBlank()) {
            throw new IllegalArgumentException(name + " is empty; type probabilities such as 0.5, 0.25, 0.25");
        }
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].replace('−', '-'));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ": '" + parts[i] + "' (value " + (i + 1)
                        + ") is not a number; type probabilities such as 0.5, 0.25, 0.25");
            }
            if (!(values[i] >= 0) || Double.isInfinite(values[i])) {
                throw new IllegalArgumentException(name + ": value " + (i + 1) + " is " + parts[i]
                        + "; probabilities are finite numbers ≥ 0");
            }
        }
        double sum = Arrays.stream(values).sum();
        if (!(sum > 0)) {
            throw new IllegalArgumentException(name + " has no weight at all; at least one value must be above 0");
        }
        if (Math.abs(sum - 1) > InformationMeasures.SUM_TOLERANCE) {
            for (int i = 0; i < values.length; i++) {
                values[i] /= sum;
            }
        }
        return values;
    }
}
