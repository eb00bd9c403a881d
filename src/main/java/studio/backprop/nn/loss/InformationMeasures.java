package studio.backprop.nn.loss;

import studio.backprop.autograd.Variable;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Shapes;

/**
 * Entropy, cross-entropy and KL divergence of discrete distributions, as plain numbers for the lessons and as a
 * graph for the entropy of predicted rows.
 *
 * <ul>
 *   <li>H(P) = −Σ p·log p, with 0·log 0 = 0;</li>
 *   <li>H(P, Q) = −Σ p·log q = H(P) + KL(P‖Q);</li>
 *   <li>KL(P‖Q) = Σ p·log(p/q) ≥ 0.</li>
 * </ul>
 * The {@link Base} picks the unit: natural log gives nats, log₂ gives bits. Where p &gt; 0 but q = 0 the
 * cross-entropy and divergence are +∞, which is the true value. Distributions must have the same length, entries
 * in [0, 1] and sum to 1 within {@link #SUM_TOLERANCE}.
 */
public final class InformationMeasures {

    /** How far a distribution's sum may be from 1, for rounded numbers typed in a lesson. */
    public static final double SUM_TOLERANCE = 1e-6;

    /** The clip below which a probability counts as ε inside the graph's log, as in the losses. */
    public static final float EPSILON = 1e-7f;

    private InformationMeasures() {
    }

    /** H(P) in the given unit. */
    public static double entropy(Base base, double... p) {
        checkDistribution("entropy", "P", p);
        double h = 0;
        for (double pi : p) {
            if (pi > 0) {
                h -= pi * base.log(pi);
            }
        }
        return h;
    }

    public static double entropyBits(double... p) {
        return entropy(Base.BITS, p);
    }

    public static double entropyNats(double... p) {
        return entropy(Base.NATS, p);
    }

    /** H(P, Q) in the given unit. */
    public static double crossEntropy(Base base, double[] p, double[] q) {
        checkPair("cross-entropy", p, q);
        double h = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                h -= p[i] * base.log(q[i]);
            }
        }
        return h;
    }

    /** KL(P‖Q) in the given unit. */
    public static double klDivergence(Base base, double[] p, double[] q) {
        checkPair("KL divergence", p, q);
        double kl = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                kl += p[i] * (base.log(p[i]) - base.log(q[i]));
            }
        }
        return kl;
    }

    /**
     * The entropy of each row of {@code probabilities} (N × classes), averaged over the batch, as a graph node:
     * −(1/N) Σ p·log p, with p clipped below at 1e-7 inside the log so that 0·log 0 = 0.
     */
    public static Variable entropy(Variable probabilities, Base base) {
        int[] shape = probabilities.shape();
        if (shape.length != 2 || shape[0] == 0 || shape[1] == 0) {
            throw new ShapeException("entropy: probabilities have shape " + Shapes.str(shape)
                    + " but need (N × classes) with at least one row, one distribution per row");
        }
        Checks.probabilities("entropy", "probability", probabilities.value());
        Variable total = probabilities.mul(AbstractLoss.clipBelow(probabilities, EPSILON).log()).sum();
        return AbstractLoss.scaled(total, -base.perNat() / shape[0]).named("entropy");
    }

    private static void checkPair(String measure, double[] p, double[] q) {
        checkDistribution(measure, "P", p);
        checkDistribution(measure, "Q", q);
        if (p.length != q.length) {
            throw new IllegalArgumentException(measure + ": P has " + p.length + " values but Q has " + q.length
                    + "; both must cover the same outcomes");
        }
    }

    private static void checkDistribution(String measure, String label, double[] p) {
        if (p.length == 0) {
            throw new IllegalArgumentException(measure + ": " + label + " is empty; a distribution needs at least "
                    + "one outcome");
        }
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException(measure + ": " + label + "[" + (i + 1) + "] = " + p[i]
                        + " is not a probability; values must lie in [0, 1]");
            }
            sum += p[i];
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException(measure + ": " + label + " sums to " + sum
                    + ", not 1; a distribution's probabilities must add up to 1");
        }
    }
}
