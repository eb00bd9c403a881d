package studio.backprop.ui.sections;

import static studio.backprop.ui.sections.SectionField.bool;
import static studio.backprop.ui.sections.SectionField.choice;
import static studio.backprop.ui.sections.SectionField.lines;
import static studio.backprop.ui.sections.SectionField.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import studio.backprop.nn.loss.Losses;
import studio.backprop.spec.OptimizerSettings;

/**
 * What the section editor offers for each part of the document: the types to choose from and, for a type, its
 * settings with their defaults and a line of help. The words and defaults are those of {@code samples/FORMAT.md};
 * the engine checks the values, so a setting shown here never has rules of its own.
 */
public final class SectionSchema {

    /** The data sources in the order a menu offers them; "none" leaves the data to the Training page. */
    public static final List<String> DATA_SOURCES = List.of("none", "inline", "logic", "generated", "curve", "mnist",
            "csv", "idx", "images");

    private static final List<SectionField> LOSS = List.of(
            choice("reduction", "mean", List.of("mean", "sum"), "mean: divide the total by the batch (and outputs); "
                    + "sum: the plain total"),
            bool("half", false, "multiply by ½ (MSE's ½·Σ(y − ŷ)², so the gradient is ŷ − y)"),
            choice("unit", "nats", List.of("nats", "bits"), "logarithms base e (nats) or base 2 (bits)"));

    private static final Map<String, SectionField> OPTIMIZER = Map.ofEntries(
            Map.entry("learning_rate", text("learning_rate", "0.01 (adaptive ones 0.001)", "η, the step size: "
                    + "w ← w − η·g")),
            Map.entry("momentum", text("momentum", "0.9 (sgd: 0)", "μ: v ← μ·v − η·g, w ← w + v")),
            Map.entry("beta1", text("beta1", "0.9", "β₁: m ← β₁·m + (1 − β₁)·g")),
            Map.entry("beta2", text("beta2", "0.999", "β₂: v ← β₂·v + (1 − β₂)·g²")),
            Map.entry("epsilon", text("epsilon", "1e-7", "ε, added outside the square root: η·g/(√s + ε)")),
            Map.entry("rho", text("rho", "0.9", "ρ: s ← ρ·s + (1 − ρ)·g²")),
            Map.entry("initial_accumulator", text("initial_accumulator", "0.1", "G₀, where AdaGrad's G ← G + g² "
                    + "starts")),
            Map.entry("l1", text("l1", "0", "λ₁: adds λ₁·sign(w) to every weight gradient")),
            Map.entry("l2", text("l2", "0", "λ₂: adds 2λ₂·w to every weight gradient")),
            Map.entry("weight_decay", text("weight_decay", "0", "decoupled decay: w ← w − η·λ·w after the step")),
            Map.entry("schedule", choice("schedule", "constant", List.of("constant", "step", "exponential",
                    "inverse_time"), "η over the steps t: constant, η₀·γ^⌊t/T⌋, η₀·γ^(t/T), η₀/(1 + k·t/T)")),
            Map.entry("decay_rate", text("decay_rate", "0.5 (inverse_time: 0.01)", "γ in (0, 1], or k ≥ 0 for "
                    + "inverse_time")),
            Map.entry("decay_steps", text("decay_steps", "100 (inverse_time: 1)", "T, the steps per decay")),
            Map.entry("staircase", bool("staircase", false, "floor t/T, so η falls in stairs")));

    private static final List<SectionField> TRAINING = List.of(
            text("batch_size", "32", "samples per step; full for the whole training set"),
            text("epochs", "10", "passes over the training set"),
            text("seed", "1", "one seed for initialisation, shuffling and dropout"),
            text("order", "shuffled", "shuffled, listed, or 1-based sample numbers like 3, 4, 1, 2"),
            text("validation", "0", "fraction of the data held out for validation, 0 to 0.95"),
            text("test", "0", "fraction held out as a test split that training and early stopping never see, "
                    + "reported once at the end"),
            choice("split", "shuffled", List.of("shuffled", "last"), "which samples are held out: a seeded "
                    + "shuffle, or the last fraction (as Keras)"),
            text("steps", "0", "for exercises: how many steps trace runs (0: whole epochs)"),
            text("patience", "0", "early stopping: epochs without a better validation loss (0: off)"),
            text("augment_shift", "0", "images only: shift each training image by up to this many pixels per axis"),
            text("augment_rotation", "0", "images only: rotate each training image by up to this many degrees"),
            text("augment_noise", "0", "images only: add Gaussian noise of this σ to each training image"));

    private static final Map<String, List<SectionField>> DATA = Map.of(
            "none", List.of(),
            "inline", List.of(lines("rows", "one sample a line: inputs -> targets, e.g. 0, 1 -> 1")),
            "logic", List.of(choice("gate", "xor", List.of("and", "or", "nand", "nor", "xor"), "the truth table"),
                    choice("labels", "0/1", List.of("0/1", "-1/+1"), "how the outputs are written")),
            "generated", List.of(choice("generator", "spiral", List.of("circle", "xor", "gaussians", "spiral",
                            "moons", "blobs"), "the shape of the two-dimensional set"),
                    text("samples", "400", "how many points"), text("noise", "0.1", "spread, 0 to 1"),
                    text("seed", "1", "the set's own seed"), text("classes", "3", "blobs only: how many")),
            "curve", List.of(choice("function", "sine", List.of("sine", "polynomial"), "the curve to fit"),
                    text("coefficients", "0, 1", "polynomial: c₀, c₁, … of c₀ + c₁x + …"),
                    text("samples", "200", "how many points"), text("noise", "0.05", "spread"),
                    text("seed", "1", "the set's own seed")),
            "mnist", List.of(text("count", "10000", "how many of the bundled digits"),
                    choice("targets", "labels", List.of("labels", "inputs"), "labels, or the image itself (an "
                            + "autoencoder)")),
            "csv", List.of(text("file", "", "the table, next to the network file"),
                    text("label", "", "the label column: a name or a 0-based index"),
                    bool("header", true, "the first line names the columns"),
                    text("delimiter", ",", "what separates the columns"),
                    choice("numeric", "min_max", List.of("min_max", "standardize", "raw"), "scaling of numbers"),
                    choice("categorical", "one_hot", List.of("one_hot", "ordinal"), "encoding of words")),
            "idx", List.of(text("images", "", "MNIST-format image file"), text("labels", "", "MNIST-format label "
                    + "file"), text("classes", "10", "how many classes")),
            "images", List.of(text("folder", "", "one sub-folder per class"), text("size", "28x28", "every image "
                    + "is resized to this"), choice("color", "grayscale", List.of("grayscale", "rgb"),
                    "channels")));

    private SectionSchema() {
    }

    /** The types a section can have: losses, optimisers, data sources; empty for the training plan. */
    public static List<String> types(Section section) {
        return switch (section) {
            case LOSS -> Losses.names();
            case OPTIMIZER -> OptimizerSettings.gradientOptimizers();
            case TRAINING -> List.of();
            case DATA -> DATA_SOURCES;
        };
    }

    /** The settings the section offers for this type, in the order shown. */
    public static List<SectionField> fields(Section section, String type) {
        String t = type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
        return switch (section) {
            case LOSS -> LOSS;
            case OPTIMIZER -> optimizerFields(t);
            case TRAINING -> TRAINING;
            case DATA -> DATA.getOrDefault(t, List.of());
        };
    }

    private static List<SectionField> optimizerFields(String type) {
        List<SectionField> out = new ArrayList<>();
        for (String key : OptimizerSettings.readBy(type)) {
            SectionField f = OPTIMIZER.get(key);
            out.add(f != null ? f : text(key, "", "a setting of " + type));
        }
        return out;
    }
}
