package studio.backprop.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GAN file format ({@code backprop-studio gan 1}): the network format's sections, with {@code [generator NAME]}
 * and {@code [discriminator NAME]} layer sections, {@code [generator_optimizer TYPE]} and
 * {@code [discriminator_optimizer TYPE]}, and {@code [rule gan]}. Network files are untouched by it.
 */
public final class GanFormat {

    private static final List<String> TOP_KEYS = List.of("name", "description", "latent", "sample");

    private GanFormat() {
    }

    /** True when the text's first line says it is a GAN file (so that callers can pick the reader). */
    public static boolean isGan(String text) {
        for (String line : text.split("\n", 50)) {
            String t = line.trim();
            if (!t.isEmpty() && !t.startsWith("#")) {
                return t.matches(Sections.MAGIC + "\\s+gan\\s+\\d+");
            }
        }
        return false;
    }

    /**
     * Parses a GAN document.
     *
     * @throws DocumentFormatException naming the line and the problem
     */
    public static GanDocument read(String text, String source) throws DocumentFormatException {
        Sections.Parsed parsed = Sections.parse(text, source);
        if (!parsed.format().equals("gan")) {
            throw new DocumentFormatException(source, parsed.headerLine(), "this is a Backprop Studio '"
                    + parsed.format() + "' file, not a GAN file");
        }
        if (parsed.version() < 1 || parsed.version() > GanDocument.FORMAT_VERSION) {
            throw new DocumentFormatException(source, parsed.headerLine(), "GAN format version " + parsed.version()
                    + " is not one this version reads (1 to " + GanDocument.FORMAT_VERSION + ")");
        }
        Sections.Section top = parsed.top();
        for (String key : top.entries().keySet()) {
            if (!TOP_KEYS.contains(key)) {
                throw new DocumentFormatException(source, top.lineOf(key), "unknown top-level key '" + key
                        + "'; the keys before the first section are " + String.join(", ", TOP_KEYS));
            }
        }
        int latent = positive(top, "latent", source);
        int[] sample = DocumentFormat.parseShape(required(top, "sample", source));
        if (sample == null) {
            throw new DocumentFormatException(source, top.lineOf("sample"), "'" + top.get("sample")
                    + "' is not a sample shape; write e.g. 2 or 784");
        }
        List<LayerSpec> generator = new ArrayList<>();
        List<LayerSpec> discriminator = new ArrayList<>();
        Map<String, ComponentSpec> parts = new LinkedHashMap<>();
        for (Sections.Section s : parsed.sections()) {
            switch (s.kind()) {
                case "generator" -> generator.add(layer(s, generator, source));
                case "discriminator" -> discriminator.add(layer(s, discriminator, source));
                case "generator_optimizer", "discriminator_optimizer", "rule", "training", "data" -> {
                    if (parts.containsKey(s.kind())) {
                        throw new DocumentFormatException(source, s.line(), "a second [" + s.kind() + "] section; "
                                + "a GAN file has one");
                    }
                    parts.put(s.kind(), component(s));
                }
                default -> throw new DocumentFormatException(source, s.line(), "unknown section '[" + s.kind()
                        + "]'; a GAN file has generator, discriminator, generator_optimizer, "
                        + "discriminator_optimizer, rule, training and data sections");
            }
        }
        ComponentSpec adam = new ComponentSpec("adam", Map.of("learning_rate", "0.001"));
        return new GanDocument(top.get("name") == null ? "untitled GAN" : top.get("name"),
                top.get("description") == null ? "" : top.get("description"), latent, sample, generator,
                discriminator, parts.getOrDefault("generator_optimizer", adam),
                parts.getOrDefault("discriminator_optimizer", adam),
                parts.getOrDefault("rule", ComponentSpec.of("gan")),
                parts.getOrDefault("training", ComponentSpec.of("minibatch")).withType("minibatch"),
                parts.getOrDefault("data", ComponentSpec.of("none")));
    }

    /** Writes a GAN document; reading it back gives an equal document. */
    public static String write(GanDocument doc) {
        StringBuilder sb = new StringBuilder();
        sb.append(Sections.MAGIC).append(" gan ").append(GanDocument.FORMAT_VERSION).append('\n');
        Sections.write(sb, "name", doc.name());
        if (!doc.description().isEmpty()) {
            Sections.write(sb, "description", doc.description());
        }
        Sections.write(sb, "latent", String.valueOf(doc.latent()));
        Sections.write(sb, "sample", DocumentFormat.shapeText(doc.sampleShape()));
        layers(sb, "generator", doc.generatorLayers());
        layers(sb, "discriminator", doc.discriminatorLayers());
        component(sb, "generator_optimizer", doc.generatorOptimizer(), true);
        component(sb, "discriminator_optimizer", doc.discriminatorOptimizer(), true);
        component(sb, "rule", doc.rule(), true);
        component(sb, "training", doc.training(), false);
        component(sb, "data", doc.data(), true);
        return sb.toString();
    }

    private static void layers(StringBuilder sb, String kind, List<LayerSpec> layers) {
        String previous = "input";
        for (LayerSpec l : layers) {
            sb.append("\n[").append(kind).append(' ').append(l.name()).append("]\n");
            Sections.write(sb, "type", l.type());
            if (!l.inputs().equals(List.of(previous))) {
                Sections.write(sb, "inputs", String.join(", ", l.inputs()));
            }
            l.settings().forEach((k, v) -> Sections.write(sb, k, v));
            previous = l.name();
        }
    }

    private static void component(StringBuilder sb, String kind, ComponentSpec spec, boolean named) {
        sb.append("\n[").append(kind).append(named ? " " + spec.type() : "").append("]\n");
        spec.settings().forEach((k, v) -> Sections.write(sb, k, v));
    }

    private static LayerSpec layer(Sections.Section s, List<LayerSpec> before, String source)
            throws DocumentFormatException {
        if (s.name().isEmpty()) {
            throw new DocumentFormatException(source, s.line(), "a " + s.kind() + " layer needs a name: ["
                    + s.kind() + " " + s.kind().charAt(0) + "1]");
        }
        String type = s.get("type");
        if (type == null) {
            throw new DocumentFormatException(source, s.line(), s.kind() + " layer '" + s.name()
                    + "' has no type; add e.g. 'type = Dense'");
        }
        String previous = before.isEmpty() ? "input" : before.get(before.size() - 1).name();
        List<String> inputs = s.get("inputs") == null ? List.of(previous) : List.of(s.get("inputs").split("\\s*,\\s*"));
        Map<String, String> settings = new LinkedHashMap<>();
        s.entries().forEach((k, e) -> {
            if (!List.of("type", "inputs", "position").contains(k)) {
                settings.put(k, e.value());
            }
        });
        return new LayerSpec(s.name(), type.trim(), settings, inputs, 0, 0);
    }

    private static ComponentSpec component(Sections.Section s) {
        Map<String, String> settings = new LinkedHashMap<>();
        s.entries().forEach((k, e) -> settings.put(k, e.value()));
        return new ComponentSpec(s.name(), settings);
    }

    private static String required(Sections.Section top, String key, String source) throws DocumentFormatException {
        String v = top.get(key);
        if (v == null) {
            throw new DocumentFormatException(source, top.line(), "the '" + key + "' line is missing: add e.g. '"
                    + key + " = 2'");
        }
        return v;
    }

    private static int positive(Sections.Section top, String key, String source) throws DocumentFormatException {
        String v = required(top, key, source).trim();
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= 100_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below says what is wanted
        }
        throw new DocumentFormatException(source, top.lineOf(key), key + " must be a whole number from 1 to 100000, "
                + "not '" + studio.backprop.tensor.Excerpt.of(v) + "'");
    }
}
