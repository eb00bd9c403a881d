package studio.backprop.spec;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a document's [data] section without reading any file, so that the editor can show its problems before
 * training is prepared: the source is one the app knows, the settings each source needs are there, the generated
 * set and the logic gate exist, and inline rows have inputs, an arrow and targets, with one input per network input.
 * Reading the data (files, decoding, sizes) stays with the loaders, which say in words what they find.
 */
final class DataSectionCheck {

    /** Each source and the settings it cannot do without. */
    private static final Map<String, List<String>> SOURCES = Map.of(
            "inline", List.of("rows"), "generated", List.of(), "logic", List.of(), "curve", List.of(),
            "mnist", List.of(), "csv", List.of("file"), "idx", List.of("images", "labels"),
            "images", List.of("folder"), "sequence", List.of(), "csv_sequence", List.of("file"));

    private static final List<String> GENERATORS = List.of("circle", "xor", "gaussians", "spiral", "moons", "blobs");
    private static final List<String> GATES = List.of("and", "or", "nand", "nor", "xor");

    private DataSectionCheck() {
    }

    static void check(NetworkDocument doc, List<Problem> problems) {
        ComponentSpec data = doc.data();
        String source = data.type().trim().toLowerCase(Locale.ROOT);
        if (source.isEmpty() || source.equals("none")) {
            problems.add(Problem.warning("data", "there is no data yet: add a [data] section (inline rows, a "
                    + "generated set, the MNIST sample or a file), or draw points in the Training page"));
            return;
        }
        List<String> required = SOURCES.get(source);
        if (required == null) {
            problems.add(Problem.error("data", "unknown data source '" + data.type() + "'; choose one of "
                    + String.join(", ", SOURCES.keySet().stream().sorted().toList())));
            return;
        }
        for (String key : required) {
            String value = data.get(key);
            if (value == null || value.isBlank()) {
                problems.add(Problem.error("data", "[data " + source + "] needs '" + key + " = …'"));
            }
        }
        if (source.equals("generated")) {
            oneOf(data, "generator", "spiral", GENERATORS, problems);
        } else if (source.equals("logic")) {
            oneOf(data, "gate", "xor", GATES, problems);
        } else if (source.equals("inline") && data.get("rows") != null) {
            rows(data.get("rows"), doc.inputShape(), problems);
        }
    }

    private static void oneOf(ComponentSpec data, String key, String fallback, List<String> allowed,
                              List<Problem> problems) {
        String value = data.get(key, fallback).trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            problems.add(Problem.error("data", key + ": '" + data.get(key) + "' is not one of "
                    + String.join(", ", allowed)));
        }
    }

    private static String imageWords(int[] shape) {
        StringBuilder b = new StringBuilder();
        for (int d : shape) {
            b.append(b.length() == 0 ? "" : "x").append(d);
        }
        return b.toString();
    }

    private static void rows(String rows, int[] inputShape, List<Problem> problems) {
        long inputs = 1;
        for (int d : inputShape) {
            inputs *= d;
        }
        try {
            List<float[]> xs = InlineRows.parse(rows).inputs();
            if (xs.get(0).length != inputs) {
                problems.add(Problem.error("data", "inline data: each row has " + xs.get(0).length + " input"
                        + (xs.get(0).length == 1 ? "" : "s") + " but the network takes " + inputs
                        + (inputShape.length > 1 ? " (an image " + imageWords(inputShape) + ", written row by row of "
                        + "the image, channels last)" : "")));
            }
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error("data", e.getMessage()));
        }
    }
}
