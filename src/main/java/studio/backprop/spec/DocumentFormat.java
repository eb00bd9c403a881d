package studio.backprop.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes network documents in the human-readable format described in the repository's
 * {@code samples/FORMAT.md}: a header line {@code backprop-studio network 1}, top-level name, description and
 * input shape, then sections {@code [layer NAME]}, {@code [weights LAYER]}, {@code [loss TYPE]},
 * {@code [optimizer TYPE]}, {@code [training]} and {@code [data SOURCE]}.
 *
 * <p>A file of a newer format version is refused with a message saying so; older versions are upgraded on read
 * (version 1 is the first, so there is nothing to upgrade yet).
 */
public final class DocumentFormat {

    private static final List<String> LAYER_KEYS = List.of("type", "inputs", "position");
    /** The farthest a layer may be drawn from the origin, in editor units. */
    private static final double MAX_POSITION = 1e6;

    private DocumentFormat() {
    }

    /**
     * Parses a document.
     *
     * @param source the file name used in messages
     * @throws DocumentFormatException naming the line and the problem
     */
    public static NetworkDocument read(String text, String source) throws DocumentFormatException {
        Sections.Parsed parsed = Sections.parse(text, source);
        if (!parsed.format().equals("network")) {
            throw new DocumentFormatException(source, parsed.headerLine(), "this is a Backprop Studio '"
                    + parsed.format() + "' file, not a network file");
        }
        if (parsed.version() > NetworkDocument.FORMAT_VERSION) {
            throw new DocumentFormatException(source, parsed.headerLine(), "this file uses format version "
                    + parsed.version() + ", written by a newer Backprop Studio; this version reads formats up to "
                    + NetworkDocument.FORMAT_VERSION);
        }
        if (parsed.version() < 1) {
            throw new DocumentFormatException(source, parsed.headerLine(), "format version " + parsed.version()
                    + " does not exist; the first version is 1");
        }
        return new Reader(parsed, source).document().withComments(FileComments.of(text));
    }

    /**
     * Writes a document in the current format; reading it back gives an equal document. The comments of the file
     * it was read from come back at the places they annotated (see {@link FileComments}).
     */
    public static String write(NetworkDocument doc) {
        StringBuilder sb = new StringBuilder();
        sb.append(Sections.MAGIC).append(" network ").append(NetworkDocument.FORMAT_VERSION).append('\n');
        Sections.write(sb, "name", doc.name());
        if (!doc.description().isEmpty()) {
            Sections.write(sb, "description", doc.description());
        }
        Sections.write(sb, "input", shapeText(doc.inputShape()));
        String previous = "input";
        for (LayerSpec l : doc.layers()) {
            sb.append("\n[layer ").append(l.name()).append("]\n");
            Sections.write(sb, "type", l.type());
            if (!l.inputs().equals(List.of(previous))) {
                Sections.write(sb, "inputs", String.join(", ", l.inputs()));
            }
            if (l.x() != 0 || l.y() != 0) {
                Sections.write(sb, "position", NumberLists.plain(l.x()) + ", " + NumberLists.plain(l.y()));
            }
            l.settings().forEach((k, v) -> Sections.write(sb, k, v));
            previous = l.name();
        }
        Map<String, List<WeightsSpec>> byLayer = new LinkedHashMap<>();
        doc.weights().forEach(w -> byLayer.computeIfAbsent(w.layer(), k -> new ArrayList<>()).add(w));
        byLayer.forEach((layer, list) -> {
            sb.append("\n[weights ").append(layer).append("]\n");
            list.forEach(w -> Sections.write(sb, w.role(), NumberLists.format(w.shape(), w.values())));
        });
        component(sb, "loss", doc.loss(), true);
        component(sb, "optimizer", doc.optimizer(), true);
        component(sb, "training", doc.training(), false);
        component(sb, "data", doc.data(), true);
        return doc.comments().weaveInto(sb.toString());
    }

    private static void component(StringBuilder sb, String kind, ComponentSpec spec, boolean named) {
        sb.append("\n[").append(kind).append(named ? " " + spec.type() : "").append("]\n");
        spec.settings().forEach((k, v) -> Sections.write(sb, k, v));
    }

    /** "28x28x1" for images, "2" for vectors. */
    public static String shapeText(int[] shape) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : "x").append(shape[i]);
        }
        return sb.toString();
    }

    /** The converse of {@link #shapeText}; null when the text is not a shape. */
    public static int[] parseShape(String text) {
        String[] parts = text.toLowerCase(Locale.ROOT).replace('×', 'x').replace(" ", "").split("x|,");
        int[] shape = new int[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                shape[i] = Integer.parseInt(parts[i]);
                if (shape[i] < 1) {
                    return null;
                }
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return shape;
    }

    /** Turns parsed sections into a document, checking structure (not semantics: the compiler does that). */
    private static final class Reader {
        private final Sections.Parsed parsed;
        private final String source;

        Reader(Sections.Parsed parsed, String source) {
            this.parsed = parsed;
            this.source = source;
        }

        NetworkDocument document() throws DocumentFormatException {
            Sections.Section top = parsed.top();
            for (String key : top.entries().keySet()) {
                if (!List.of("name", "description", "input").contains(key)) {
                    throw fail(top.lineOf(key), "unknown top-level key '" + key + "'; the keys before the first "
                            + "section are name, description and input");
                }
            }
            String inputText = top.get("input");
            if (inputText == null) {
                throw fail(parsed.headerLine(), "the input shape is missing: add a line like 'input = 2' or "
                        + "'input = 28x28x1'");
            }
            int[] input = parseShape(inputText);
            if (input == null) {
                throw fail(top.lineOf("input"), "'" + inputText + "' is not an input shape; write e.g. 2 or 28x28x1");
            }
            NetworkDocument doc = NetworkDocument.empty(top.get("name") == null ? "untitled" : top.get("name"), input)
                    .withDescription(top.get("description") == null ? "" : top.get("description"));
            List<LayerSpec> layers = new ArrayList<>();
            List<WeightsSpec> weights = new ArrayList<>();
            String previous = "input";
            for (Sections.Section s : parsed.sections()) {
                switch (s.kind()) {
                    case "layer" -> {
                        LayerSpec l = layer(s, previous);
                        layers.add(l);
                        previous = l.name();
                    }
                    case "weights" -> weights.addAll(weights(s));
                    case "loss" -> doc = doc.withLoss(component(s, true));
                    case "optimizer" -> doc = doc.withOptimizer(component(s, true));
                    case "training" -> doc = doc.withTraining(component(s, false).withType("minibatch"));
                    case "data" -> doc = doc.withData(component(s, true));
                    case "exercise" -> {
                        // an exercise file's questions: read by ExerciseFormat, not part of the network
                    }
                    default -> throw fail(s.line(), "unknown section '[" + s.kind() + "]'; the sections are layer, "
                            + "weights, loss, optimizer, training, data and exercise");
                }
            }
            return doc.withLayers(layers).withWeights(weights);
        }

        private LayerSpec layer(Sections.Section s, String previous) throws DocumentFormatException {
            if (s.name().isEmpty()) {
                throw fail(s.line(), "a layer section needs a name: [layer hidden1]");
            }
            String type = s.get("type");
            if (type == null) {
                throw fail(s.line(), "layer '" + s.name() + "' has no type; add e.g. 'type = Dense'");
            }
            List<String> inputs = s.get("inputs") == null ? List.of(previous)
                    : List.of(s.get("inputs").split("\\s*,\\s*"));
            double x = 0;
            double y = 0;
            if (s.get("position") != null) {
                String[] xy = s.get("position").split("\\s*,\\s*");
                try {
                    x = position(Double.parseDouble(xy[0]));
                    y = position(Double.parseDouble(xy[1]));
                } catch (RuntimeException e) {
                    throw fail(s.lineOf("position"), "position must be two numbers 'x, y', not '" + s.get("position")
                            + "'");
                }
            }
            Map<String, String> settings = new LinkedHashMap<>();
            s.entries().forEach((k, e) -> {
                if (!LAYER_KEYS.contains(k)) {
                    settings.put(k, e.value());
                }
            });
            return new LayerSpec(s.name(), type.trim(), settings, inputs, x, y);
        }

        /** A drawing position the editor can show and save again: NaN and infinity drop to 0, far ones clamp. */
        private static double position(double v) {
            return Double.isFinite(v) ? Math.max(-MAX_POSITION, Math.min(MAX_POSITION, v)) : 0;
        }

        private List<WeightsSpec> weights(Sections.Section s) throws DocumentFormatException {
            List<WeightsSpec> out = new ArrayList<>();
            for (Sections.Entry e : s.entries().values()) {
                try {
                    NumberLists.Parsed p = NumberLists.parse(e.value());
                    out.add(new WeightsSpec(s.name(), e.key(), p.shape(), p.values()));
                } catch (IllegalArgumentException ex) {
                    throw fail(e.line(), "weights of '" + s.name() + "', " + e.key() + ": " + ex.getMessage());
                }
            }
            return out;
        }

        private ComponentSpec component(Sections.Section s, boolean named) throws DocumentFormatException {
            if (named && s.name().isEmpty()) {
                throw fail(s.line(), "the [" + s.kind() + "] section needs a type, e.g. [" + s.kind() + " "
                        + switch (s.kind()) {
                            case "loss" -> "mse";
                            case "optimizer" -> "sgd";
                            default -> "spiral";
                        } + "]");
            }
            Map<String, String> settings = new LinkedHashMap<>();
            s.entries().forEach((k, e) -> settings.put(k, e.value()));
            return new ComponentSpec(s.name(), settings);
        }

        private DocumentFormatException fail(int line, String problem) {
            return new DocumentFormatException(source, line, problem);
        }
    }
}
