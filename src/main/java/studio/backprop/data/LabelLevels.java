package studio.backprop.data;

/** The two numbers a two-class target column uses: {0, 1} (sigmoid, step) or {−1, +1} (tanh, sign). */
public enum LabelLevels {
    ZERO_ONE(0f, 1f, "0", "1"),
    MINUS_ONE_PLUS_ONE(-1f, 1f, "−1", "+1");

    private final float negative;
    private final float positive;
    private final String negativeName;
    private final String positiveName;

    LabelLevels(float negative, float positive, String negativeName, String positiveName) {
        this.negative = negative;
        this.positive = positive;
        this.negativeName = negativeName;
        this.positiveName = positiveName;
    }

    public float negative() {
        return negative;
    }

    public float positive() {
        return positive;
    }

    /** How class 0 is shown. */
    public String negativeName() {
        return negativeName;
    }

    /** How class 1 is shown. */
    public String positiveName() {
        return positiveName;
    }
}
