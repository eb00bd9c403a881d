package studio.backprop.nn.perceptron;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The update forms of the perceptron rule the course texts use. Each says when a sample moves the unit and by how
 * much; the move is always along the input, {@code w ← w + c·x, b ← b + c}, with the factor c below.
 *
 * <ul>
 *   <li>{@link #ERROR} (the default, any labels): update when ŷ ≠ y, c = η(y − ŷ). With labels −1/+1 the error is
 *       ±2, so every step is twice ηyx.</li>
 *   <li>{@link #MISTAKE} (labels −1/+1): update when ŷ ≠ y, c = ηy.</li>
 *   <li>{@link #MARGIN} (labels −1/+1): update whenever y·(w·x + b) ≤ 0, c = ηy. It differs from {@link #MISTAKE}
 *       only at z = 0 with y = +1: sign(0) = +1 is right, but a zero margin still updates.</li>
 * </ul>
 */
public enum PerceptronUpdate {

    /** ŷ ≠ y: w ← w + η(y − ŷ)x. */
    ERROR("error", "w ← w + η(y − ŷ)x when ŷ ≠ y") {
        @Override
        public boolean fires(double z, int predicted, int label) {
            return predicted != label;
        }

        @Override
        public double factor(double eta, int predicted, int label) {
            return eta * (label - predicted);
        }
    },

    /** ŷ ≠ y: w ← w + ηyx. */
    MISTAKE("mistake", "w ← w + ηyx when ŷ ≠ y") {
        @Override
        public boolean fires(double z, int predicted, int label) {
            return predicted != label;
        }

        @Override
        public double factor(double eta, int predicted, int label) {
            return eta * label;
        }
    },

    /** y·z ≤ 0: w ← w + ηyx. */
    MARGIN("margin", "w ← w + ηyx when y(w·x + b) ≤ 0") {
        @Override
        public boolean fires(double z, int predicted, int label) {
            return label * z <= 0;
        }

        @Override
        public double factor(double eta, int predicted, int label) {
            return eta * label;
        }
    };

    private final String id;
    private final String formula;

    PerceptronUpdate(String id, String formula) {
        this.id = id;
        this.formula = formula;
    }

    /** Whether a sample with net input z, output ŷ and label y moves the unit. */
    public abstract boolean fires(double z, int predicted, int label);

    /** The factor c of {@code w ← w + c·x, b ← b + c} for a sample that fires. */
    public abstract double factor(double eta, int predicted, int label);

    /** The word a file uses: error, mistake or margin. */
    public String id() {
        return id;
    }

    /** The rule in one line, e.g. "w ← w + ηyx when ŷ ≠ y". */
    public String formula() {
        return formula;
    }

    /** Whether this form can learn with these labels: the ηyx forms need −1/+1 (with y = 0 they never move). */
    public boolean worksWith(LabelConvention labels) {
        return this == ERROR || labels == LabelConvention.MINUS_ONE_PLUS_ONE;
    }

    /** Every id, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(PerceptronUpdate::id).toList();
    }

    /**
     * The form of this id (case and spaces ignored).
     *
     * @throws IllegalArgumentException in words when there is none
     */
    public static PerceptronUpdate byId(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (PerceptronUpdate u : values()) {
            if (u.id.equals(key)) {
                return u;
            }
        }
        throw new IllegalArgumentException("the perceptron update '" + id + "' is not one of "
                + String.join(", ", ids()));
    }
}
