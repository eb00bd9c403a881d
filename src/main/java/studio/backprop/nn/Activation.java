package studio.backprop.nn;

import java.util.Arrays;
import java.util.Locale;
import studio.backprop.autograd.Variable;
import studio.backprop.kernels.UnaryFn;

/**
 * The activation functions of the curriculum, applied element-wise (softmax over the last axis).
 * Kinks follow the course: ReLU'(0) = 0, step'(x) = 0, leaky ReLU'(0) = α; step(0) = 0, sign(0) = +1.
 */
public enum Activation {
    LINEAR, STEP, SIGN, SIGMOID, TANH, RELU, LEAKY_RELU, ELU, GELU, SOFTMAX,
    /** softplus(x) = ln(1 + eˣ), the smooth ReLU; its derivative is the sigmoid. */
    SOFTPLUS;

    /** Default α of leaky ReLU (slope for x < 0) and of ELU (scale of e^x − 1). */
    public static final float DEFAULT_LEAKY_ALPHA = 0.01f;
    public static final float DEFAULT_ELU_ALPHA = 1.0f;

    /** Applies the function; {@code alpha} is used by leaky ReLU and ELU only. */
    public Variable apply(Variable x, float alpha) {
        return switch (this) {
            case LINEAR -> x;
            case STEP -> x.map(UnaryFn.STEP);
            case SIGN -> x.map(UnaryFn.SIGN);
            case SIGMOID -> x.sigmoid();
            case TANH -> x.tanh();
            case RELU -> x.relu();
            case LEAKY_RELU -> x.map(UnaryFn.LEAKY_RELU, alpha);
            case ELU -> x.map(UnaryFn.ELU, alpha);
            case GELU -> x.map(UnaryFn.GELU);
            case SOFTMAX -> x.softmax();
            case SOFTPLUS -> x.map(UnaryFn.SOFTPLUS);
        };
    }

    /** The conventional α for this function (0 when it has none). */
    public float defaultAlpha() {
        return this == LEAKY_RELU ? DEFAULT_LEAKY_ALPHA : this == ELU ? DEFAULT_ELU_ALPHA : 0f;
    }

    /** File and UI name: "relu", "leaky_relu". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Looks an activation up by its name, with a message listing the valid names. */
    public static Activation byName(String name) {
        for (Activation a : values()) {
            if (a.id().equals(name.trim().toLowerCase(Locale.ROOT).replace('-', '_'))) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "'; choose one of "
                + Arrays.stream(values()).map(Activation::id).toList());
    }
}
