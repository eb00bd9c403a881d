package studio.backprop.kernels;

/**
 * The element functions the curriculum needs, each with its value f(x) and its derivative f'(x).
 *
 * <p>The derivative may use the already computed output y = f(x) (sigmoid' = y(1 − y), tanh' = 1 − y²), which is
 * why {@link #derivative} takes both. Kink conventions follow the course: ReLU'(0) = 0, step'(x) = 0,
 * leaky ReLU'(0) = α. {@code alpha} is the parameter of the parameterised functions (leaky ReLU slope, ELU scale,
 * power exponent) and is ignored by the others.
 */
public enum UnaryFn {
    IDENTITY, NEG, EXP, LOG, SQRT, SQUARE, ABS, RECIPROCAL, POW,
    SIGMOID, TANH, RELU, LEAKY_RELU, ELU, GELU, SOFTPLUS, STEP, SIGN, SIN, COS;

    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2 * Math.PI);

    /** f(x). */
    public float apply(float x, float alpha) {
        return switch (this) {
            case IDENTITY -> x;
            case NEG -> -x;
            case EXP -> (float) Math.exp(x);
            case LOG -> (float) Math.log(x);
            case SQRT -> (float) Math.sqrt(x);
            case SQUARE -> x * x;
            case ABS -> Math.abs(x);
            case RECIPROCAL -> 1f / x;
            case POW -> (float) Math.pow(x, alpha);
            case SIGMOID -> sigmoid(x);
            case TANH -> FastMath.tanh(x);
            case RELU -> x > 0f ? x : 0f;
            case LEAKY_RELU -> x > 0f ? x : alpha * x;
            case ELU -> x > 0f ? x : (float) (alpha * Math.expm1(x));
            case GELU -> (float) (0.5 * x * (1.0 + Erf.erf(x * SQRT_HALF)));
            case SOFTPLUS -> (float) (Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x))));
            case STEP -> x > 0f ? 1f : 0f;
            case SIGN -> x >= 0f ? 1f : -1f;
            case SIN -> (float) Math.sin(x);
            case COS -> (float) Math.cos(x);
        };
    }

    /** f'(x), given x and y = f(x). */
    public float derivative(float x, float y, float alpha) {
        return switch (this) {
            case IDENTITY -> 1f;
            case NEG -> -1f;
            case EXP -> y;
            case LOG -> 1f / x;
            case SQRT -> 0.5f / y;
            case SQUARE -> 2f * x;
            case ABS -> x > 0f ? 1f : (x < 0f ? -1f : 0f);
            case RECIPROCAL -> -y * y;
            case POW -> (float) (alpha * Math.pow(x, alpha - 1));
            case SIGMOID -> y * (1f - y);
            case TANH -> 1f - y * y;
            case RELU -> x > 0f ? 1f : 0f;
            case LEAKY_RELU -> x > 0f ? 1f : alpha;
            case ELU -> x > 0f ? 1f : y + alpha;
            case GELU -> (float) (0.5 * (1.0 + Erf.erf(x * SQRT_HALF)) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x));
            case SOFTPLUS -> sigmoid(x);
            case STEP, SIGN -> 0f;
            case SIN -> (float) Math.cos(x);
            case COS -> (float) -Math.sin(x);
        };
    }

    /**
     * Whether f(x) is finite for every finite x, whatever alpha: bounded functions, and those that never grow
     * faster than |x| (not exp, square, 1/x, powers, or the parameterised ones).
     */
    public boolean finiteFromFinite() {
        return switch (this) {
            case IDENTITY, NEG, ABS, SIGMOID, TANH, RELU, STEP, SIGN, SIN, COS -> true;
            default -> false;
        };
    }

    /** Logistic function 1/(1 + e^−x), computed without overflow for large |x|. */
    static float sigmoid(float x) {
        if (x >= 0f) {
            return (float) (1.0 / (1.0 + Math.exp(-x)));
        }
        double e = Math.exp(x);
        return (float) (e / (1.0 + e));
    }
}
