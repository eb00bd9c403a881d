package studio.backprop.spec;

import java.util.List;
import java.util.Locale;
import studio.backprop.nn.ShapeReport;

/**
 * Checks the network's output layer against the data, before training and naming the layer: a classification
 * loss needs one output per class (10 for the digits), categorical cross-entropy on probabilities needs a softmax
 * at the end, and the "from logits" losses must not get one. The classes are counted only where the document
 * says them without reading a file: the MNIST sample (10), a logic gate (2), a generated set (2, or the blobs'
 * {@code classes}), IDX files with {@code classes}.
 */
final class OutputCheck {

    /** The most classes a data section may claim (the loaders' limit); beyond it the loader's message stands. */
    private static final int MAX_CLASSES = 1000;

    private OutputCheck() {
    }

    static void check(NetworkDocument doc, ShapeReport shapes, List<Problem> problems) {
        if (doc.layers().isEmpty()) {
            return;
        }
        LayerSpec out = doc.layers().get(doc.layers().size() - 1);
        ShapeReport.NodeShape shape = shapes.node(out.name());
        String loss = doc.loss().type().trim().toLowerCase(Locale.ROOT);
        int classes = classes(doc);
        if (classes > MAX_CLASSES) {
            return; // the data loader refuses the count itself, in its own words
        }
        if (shape == null || shape.outputShape() == null || shape.outputShape().length != 1 || classes < 2
                || !loss.contains("entropy") && !loss.equals("kl_divergence")) {
            return;
        }
        int units = shape.outputShape()[0];
        String activation = activation(out);
        String data = dataWords(doc, classes);
        boolean categorical = loss.startsWith("categorical") || loss.equals("kl_divergence");
        if (categorical && units != classes) {
            problems.add(Problem.error(out.name(), "the output layer '" + out.name() + "' has " + units + " output"
                    + (units == 1 ? "" : "s") + " but " + data + ": " + loss + " needs one output per class; set "
                    + "units = " + classes + " on '" + out.name() + "'"
                    + (loss.equals("categorical_cross_entropy") ? " with activation = softmax" : "")));
        } else if (!categorical && classes > 2) {
            problems.add(Problem.error(out.name(), data + ", but " + loss + " scores one yes/no output; use "
                    + "categorical_cross_entropy with " + classes + " outputs and softmax on '" + out.name() + "'"));
        } else if (!categorical && units != 1) {
            problems.add(Problem.error(out.name(), "the output layer '" + out.name() + "' has " + units
                    + " outputs but " + loss + " with " + data + " needs 1 output (the probability of class 1)"));
        }
        if (loss.equals("categorical_cross_entropy") && units == classes && !activation.equals("softmax")) {
            problems.add(Problem.error(out.name(), "the output layer '" + out.name() + "' ends in " + activation
                    + ", but categorical_cross_entropy reads probabilities: set activation = softmax on '"
                    + out.name() + "', or use categorical_cross_entropy_from_logits"));
        } else if (loss.equals("binary_cross_entropy") && units == 1 && !activation.equals("sigmoid")) {
            problems.add(Problem.error(out.name(), "the output layer '" + out.name() + "' ends in " + activation
                    + ", but binary_cross_entropy reads a probability: set activation = sigmoid on '" + out.name()
                    + "', or use binary_cross_entropy_from_logits"));
        } else if (loss.endsWith("_from_logits") && (activation.equals("softmax") || activation.equals("sigmoid"))) {
            problems.add(Problem.warning(out.name(), "the output layer '" + out.name() + "' ends in " + activation
                    + ", and " + loss + " applies it again: use activation = linear on '" + out.name() + "'"));
        }
    }

    /** The activation the output layer ends in, as the catalog's defaults give it. */
    private static String activation(LayerSpec out) {
        String a = out.type().equals("Activation") ? out.setting("function") : out.setting("activation");
        if (a == null || a.isBlank()) {
            a = out.type().equals("Dense") ? "linear" : "relu";
        }
        return a.trim().toLowerCase(Locale.ROOT);
    }

    /** The number of classes the data section says, or 0 when only reading the data would tell. */
    private static int classes(NetworkDocument doc) {
        ComponentSpec data = doc.data();
        try {
            return switch (data.type().trim().toLowerCase(Locale.ROOT)) {
                case "mnist" -> data.get("targets", "labels").trim().equals("inputs") ? 0 : 10;
                case "logic" -> 2;
                case "generated" -> data.get("generator", "spiral").trim().equals("blobs")
                        ? Integer.parseInt(data.get("classes", "3").trim()) : 2;
                case "idx" -> data.get("classes") == null ? 0 : Integer.parseInt(data.get("classes").trim());
                default -> 0;
            };
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String dataWords(NetworkDocument doc, int classes) {
        String source = doc.data().type().trim().toLowerCase(Locale.ROOT);
        String what = switch (source) {
            case "mnist" -> "the digits";
            case "logic" -> "the logic gate";
            case "generated" -> "the generated set";
            default -> "the data";
        };
        return what + " " + (what.endsWith("s") && !what.endsWith("set") ? "have " : "has ") + classes + " classes";
    }
}
