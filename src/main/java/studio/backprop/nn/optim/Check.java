package studio.backprop.nn.optim;

/**
 * Validation of hyperparameters. Every refusal names the setting, the allowed range and the value given, so the
 * app can show the message as it is.
 */
final class Check {

    private Check() {
    }

    /** A learning rate: a finite number ≥ 0 (0 freezes the parameters, which is allowed). */
    static double learningRate(String setting, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw refuse(setting, "a finite number ≥ 0", value);
        }
        return value;
    }

    /** A finite number ≥ 0 (penalty strengths, decay rates, initial accumulators). */
    static double nonNegative(String setting, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw refuse(setting, "a finite number ≥ 0", value);
        }
        return value;
    }

    /** A finite number &gt; 0 (ε). */
    static double positive(String setting, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw refuse(setting, "a finite number > 0", value);
        }
        return value;
    }

    /** A number in [0, 1) (momentum, β₁, β₂, ρ): 1 would never forget, so it is refused. */
    static double unitHalfOpen(String setting, double value) {
        if (!(value >= 0 && value < 1)) {
            throw refuse(setting, "in [0, 1)", value);
        }
        return value;
    }

    /** A number in (0, 1] (decay factors of schedules: 1 means no decay, 0 would stop learning at once). */
    static double decayFactor(String setting, double value) {
        if (!(value > 0 && value <= 1)) {
            throw refuse(setting, "in (0, 1]", value);
        }
        return value;
    }

    /** A count of steps ≥ 1. */
    static long atLeastOne(String setting, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(setting + " must be a whole number ≥ 1, but was " + value);
        }
        return value;
    }

    static IllegalArgumentException refuse(String setting, String range, double value) {
        return new IllegalArgumentException(setting + " must be " + range + ", but was " + describe(value));
    }

    private static String describe(double value) {
        if (Double.isNaN(value)) {
            return "NaN (not a number)";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+∞" : "−∞";
        }
        return String.valueOf(value);
    }
}
