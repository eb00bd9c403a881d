package studio.backprop.spec;

import static studio.backprop.spec.SettingSpec.automaticDecimal;
import static studio.backprop.spec.SettingSpec.bool;
import static studio.backprop.spec.SettingSpec.choice;
import static studio.backprop.spec.SettingSpec.decimal;
import static studio.backprop.spec.SettingSpec.initializer;
import static studio.backprop.spec.SettingSpec.integer;
import static studio.backprop.spec.SettingSpec.padding;
import static studio.backprop.spec.SettingSpec.size;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import studio.backprop.autograd.ops.BatchVariance;
import studio.backprop.autograd.ops.Pool2dOp;
import studio.backprop.nn.Activation;
import studio.backprop.nn.init.Initializer;
import studio.backprop.nn.layers.ActivationLayer;
import studio.backprop.nn.layers.Add;
import studio.backprop.nn.layers.BatchNormalization;
import studio.backprop.nn.layers.Conv2D;
import studio.backprop.nn.layers.Conv2DTranspose;
import studio.backprop.nn.layers.Dense;
import studio.backprop.nn.layers.Dropout;
import studio.backprop.nn.layers.Flatten;
import studio.backprop.nn.layers.GlobalPooling2D;
import studio.backprop.nn.layers.Layer;
import studio.backprop.nn.layers.Pooling2D;
import studio.backprop.nn.layers.UpSampling2D;
import studio.backprop.nn.perceptron.LabelConvention;
import studio.backprop.nn.perceptron.PerceptronUpdate;

/**
 * Every layer type the editor's palette offers, with its settings. This is the one place that maps the
 * document's words ("Dense", units = 2) onto the engine's layers.
 */
public final class LayerCatalog {

    private static final int MAX = Integer.MAX_VALUE;
    private static final List<String> ACTIVATIONS = Arrays.stream(Activation.values()).map(Activation::id).toList();

    private static final String INITIALIZER_HELP = "how the values start: a name such as he_uniform, or normal(σ), "
            + "uniform(a, b), constant(c)";

    private static final Map<String, LayerType> TYPES = new java.util.LinkedHashMap<>();

    static {
        register(new LayerType("Dense", "Core", "Fully connected: z = x·W + b, then the activation.", List.of(
                integer("units", 8, 1, 1_000_000, "number of units (neurons)"),
                choice("activation", "linear", ACTIVATIONS, "function applied to z"),
                alpha(),
                bool("use_bias", true, "add a bias per unit"),
                initializer("kernel_initializer", "glorot_uniform", INITIALIZER_HELP),
                initializer("bias_initializer", "zeros", INITIALIZER_HELP)), 1, 1,
                s -> new Dense(s.name(), s.integer("units"), activation(s), alpha(s, activation(s)), s.bool("use_bias"),
                        s.initializer("kernel_initializer"), s.initializer("bias_initializer"))));
        register(new LayerType("Perceptron", "Core", "One threshold unit trained by the perceptron rule: "
                + "ŷ = step(w·x + b).", List.of(
                choice("labels", "0/1", List.of("0/1", "-1/+1"), "0/1 with step(0) = 0, or -1/+1 with sign(0) = +1"),
                choice("update", PerceptronUpdate.ERROR.id(), PerceptronUpdate.ids(), "error: w ← w + η(y − ŷ)x when "
                        + "ŷ ≠ y; mistake: w ← w + ηyx when ŷ ≠ y; margin: w ← w + ηyx when y(w·x + b) ≤ 0 (the "
                        + "last two need labels -1/+1)")),
                1, 1, s -> new Dense(s.name(), 1, s.choice("labels").equals("0/1") ? Activation.STEP : Activation.SIGN,
                        0f, true, Initializer.zeros(), Initializer.zeros())));
        register(new LayerType("Conv2D", "Convolution", "Slides filters over the image (cross-correlation).",
                List.of(integer("filters", 8, 1, 65_536, "number of filters (output channels)"),
                        size("kernel", "3", "window size, e.g. 3 or 3x5"),
                        integer("stride", 1, 1, 1024, "step between windows"),
                        padding("padding", "valid", "valid, same, a number, or top,bottom,left,right"),
                        integer("dilation", 1, 1, 64, "spacing between kernel taps"),
                        bool("use_bias", true, "add a bias per filter"),
                        choice("activation", "relu", ACTIVATIONS, "function applied to the output"),
                        initializer("kernel_initializer", "glorot_uniform", INITIALIZER_HELP),
                        alpha()), 1, 1,
                s -> {
                    int[] k = s.size("kernel");
                    return new Conv2D(s.name(), s.integer("filters"), k[0], k[1], s.integer("stride"),
                            s.padding("padding"), s.integer("dilation"), s.bool("use_bias"), activation(s),
                            alpha(s, activation(s)), s.initializer("kernel_initializer"));
                }));
        register(new LayerType("Conv2DTranspose", "Convolution", "Transposed convolution: upsamples by the stride.",
                List.of(integer("filters", 8, 1, 65_536, "number of output channels"),
                        integer("kernel", 3, 1, 64, "window size"),
                        integer("stride", 2, 1, 64, "upsampling factor"),
                        padding("padding", "same", "valid, same, a number, or top,bottom,left,right"),
                        integer("output_padding", 0, 0, 63, "extra rows/columns at the bottom/right"),
                        bool("use_bias", true, "add a bias per filter"),
                        choice("activation", "relu", ACTIVATIONS, "function applied to the output"),
                        alpha()), 1, 1,
                s -> new Conv2DTranspose(s.name(), s.integer("filters"), s.integer("kernel"), s.integer("stride"),
                        s.padding("padding"), s.integer("output_padding"), s.bool("use_bias"), activation(s),
                        alpha(s, activation(s)))));
        pooling("MaxPool2D", Pool2dOp.Kind.MAX, "Keeps the largest value of each window.");
        pooling("AvgPool2D", Pool2dOp.Kind.AVG, "Averages each window.");
        pooling("L2Pool2D", Pool2dOp.Kind.L2, "√(sum of squares) of each window.");
        register(new LayerType("GlobalAvgPool2D", "Pooling", "One average per channel.", List.of(), 1, 1,
                s -> new GlobalPooling2D(s.name(), false)));
        register(new LayerType("GlobalMaxPool2D", "Pooling", "One maximum per channel.", List.of(), 1, 1,
                s -> new GlobalPooling2D(s.name(), true)));
        register(new LayerType("UpSampling2D", "Pooling", "Repeats every pixel factor×factor times.",
                List.of(integer("factor", 2, 1, 64, "how many times larger")), 1, 1,
                s -> new UpSampling2D(s.name(), s.integer("factor"))));
        register(new LayerType("Flatten", "Core", "Turns an image into one vector (channels last).", List.of(), 1, 1,
                s -> new Flatten(s.name())));
        register(new LayerType("Dropout", "Regularisation", "Randomly silences units while training.", List.of(
                decimal("rate", 0.5, 0, 0.99, "probability of dropping a unit"),
                choice("mode", "inverted", List.of("inverted", "classic"), "where the 1/(1−p) scaling happens")), 1, 1,
                s -> new Dropout(s.name(), s.decimal("rate"), s.choice("mode").equals("inverted"))));
        register(new LayerType("BatchNormalization", "Regularisation", "Normalises each feature over the batch.",
                List.of(decimal("epsilon", 1e-5, 1e-12, 1, "added to the variance"),
                        decimal("momentum", 0.99, 0, 0.9999, "how slowly the running statistics move"),
                        choice("variance", "biased", BatchVariance.ids(), "biased: normalise with σ² = Σ(x − μ)²/m "
                                + "and keep it; unbiased: normalise with σ², keep σ²·m/(m − 1) for inference "
                                + "(PyTorch); unbiased_batch: use m − 1 for both")), 1, 1,
                s -> new BatchNormalization(s.name(), s.decimal("epsilon"), s.decimal("momentum"),
                        BatchVariance.byId(s.choice("variance")))));
        register(new LayerType("Add", "Merge", "Adds its inputs (residual connections).", List.of(), 2, MAX,
                s -> new Add(s.name())));
        register(new LayerType("Activation", "Core", "Applies an activation function on its own.", List.of(
                choice("function", "relu", ACTIVATIONS, "the function"),
                alpha()), 1, 1,
                s -> new ActivationLayer(s.name(), Activation.byName(s.choice("function")),
                        alpha(s, Activation.byName(s.choice("function"))))));
        SequenceLayerTypes.all().forEach(LayerCatalog::register);
        GenerativeLayerTypes.all().forEach(LayerCatalog::register);
    }

    private LayerCatalog() {
    }

    private static void pooling(String type, Pool2dOp.Kind kind, String help) {
        register(new LayerType(type, "Pooling", help, List.of(
                integer("pool", 2, 1, 64, "window size"),
                integer("stride", 0, 0, 64, "step between windows (0: the pool size)"),
                padding("padding", "valid", "valid, same, a number, or top,bottom,left,right")), 1, 1,
                s -> {
                    int pool = s.integer("pool");
                    int stride = s.integer("stride");
                    return new Pooling2D(s.name(), kind, pool, stride == 0 ? pool : stride, s.padding("padding"));
                }));
    }

    /** α of leaky ReLU and ELU; left out, each function's own default (0.01 and 1, as in Keras). */
    private static SettingSpec alpha() {
        return automaticDecimal("alpha", 0, 10, "slope of leaky ReLU for x < 0 (auto: 0.01) or scale of ELU's "
                + "e^x − 1 (auto: 1); unused by other functions");
    }

    private static float alpha(LayerSettings s, Activation activation) {
        return s.decimalOr("alpha", activation.defaultAlpha());
    }

    private static Activation activation(LayerSettings s) {
        return Activation.byName(s.choice("activation"));
    }

    private static void register(LayerType type) {
        TYPES.put(type.type(), type);
    }

    /** Every layer type, in palette order. */
    public static List<LayerType> types() {
        return List.copyOf(TYPES.values());
    }

    /** The type of this name, or null. */
    public static LayerType type(String name) {
        return TYPES.get(name);
    }

    /** Every problem with a layer's type and settings, in words; empty when it can be built. */
    public static List<String> problems(LayerSpec layer) {
        LayerType type = TYPES.get(layer.type());
        if (type == null) {
            return List.of("'" + layer.name() + "' has the unknown type '" + layer.type() + "'; the types are "
                    + String.join(", ", TYPES.keySet()));
        }
        List<String> out = new ArrayList<>(new LayerSettings(layer, type).problems());
        if (type.type().equals("Perceptron") && out.isEmpty()) {
            perceptronUpdateProblem(layer, out);
        }
        int n = layer.inputs().size();
        if (n < type.minInputs() || n > type.maxInputs()) {
            out.add(type.type() + " '" + layer.name() + "' needs " + (type.maxInputs() == MAX
                    ? "at least " + type.minInputs() + " inputs" : type.minInputs() + " input")
                    + ", it has " + (n == 0 ? "none: connect one" : n));
        }
        return out;
    }

    /** The ηyx update forms learn nothing from a label 0: they need labels -1/+1. */
    private static void perceptronUpdateProblem(LayerSpec layer, List<String> out) {
        PerceptronUpdate update = PerceptronUpdate.byId(layer.settings().getOrDefault("update",
                PerceptronUpdate.ERROR.id()));
        boolean plusMinus = layer.settings().getOrDefault("labels", "0/1").trim().equals("-1/+1");
        if (!update.worksWith(plusMinus ? LabelConvention.MINUS_ONE_PLUS_ONE : LabelConvention.ZERO_ONE)) {
            out.add("Perceptron '" + layer.name() + "': update = " + update.id() + " (w ← w + ηyx) needs labels = "
                    + "-1/+1; with labels 0/1 a sample labelled 0 never moves the unit. Set labels = -1/+1, or "
                    + "update = error");
        }
    }

    /**
     * Builds the runnable layer.
     *
     * @throws SettingException if a setting cannot be used
     */
    public static Layer build(LayerSpec layer) {
        LayerType type = TYPES.get(layer.type());
        if (type == null) {
            throw new SettingException(layer.name(), "type", problems(layer).get(0));
        }
        Function<LayerSettings, Layer> factory = type.factory();
        return factory.apply(new LayerSettings(layer, type));
    }
}
