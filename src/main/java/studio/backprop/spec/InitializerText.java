package studio.backprop.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import studio.backprop.nn.init.Initializer;
import studio.backprop.tensor.Excerpt;

/**
 * Reads an initialiser setting of a layer: a name ({@code he_normal}), or one of the three initialisers with
 * numbers of their own written after the name in brackets:
 * <ul>
 *   <li>{@code constant(c)}: every value c (bare {@code constant}: c = 0);</li>
 *   <li>{@code uniform(a, b)}: U[a, b) with a ≤ b (bare {@code uniform}: a = −0.05, b = 0.05);</li>
 *   <li>{@code normal(σ)}: N(0, σ²) with σ ≥ 0 (bare {@code normal}: σ = 0.05).</li>
 * </ul>
 * The text is kept as typed in the document, so a file saves back exactly as it was written.
 */
public final class InitializerText {

    /** What the layer editor offers in its list; any other text of the forms above may be typed. */
    public static final List<String> SUGGESTIONS = List.of("glorot_uniform", "glorot_normal", "he_uniform",
            "he_normal", "lecun_normal", "zeros", "constant(0.1)", "uniform(-0.05, 0.05)", "normal(0.05)");

    private static final Map<String, List<String>> NUMBERS = Map.of("constant", List.of("value"),
            "uniform", List.of("low", "high"), "normal", List.of("std"));

    private InitializerText() {
    }

    /**
     * The initialiser this text names.
     *
     * @throws IllegalArgumentException in words: which part is wrong and what to write instead
     */
    public static Initializer parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        int open = t.indexOf('(');
        String name = (open < 0 ? t : t.substring(0, open)).trim();
        if (!Initializer.names().contains(name)) {
            throw new IllegalArgumentException("'" + Excerpt.of(text) + "' is not an initialiser; write one of "
                    + String.join(", ", Initializer.names()) + ", or give numbers as in normal(0.1), "
                    + "uniform(-0.5, 0.5), constant(0.2)");
        }
        if (open < 0) {
            return Initializer.byName(name);
        }
        List<String> keys = NUMBERS.get(name);
        if (keys == null) {
            throw new IllegalArgumentException(name + " takes no numbers; write just " + name
                    + " (only constant(c), uniform(a, b) and normal(σ) take numbers)");
        }
        if (!t.endsWith(")")) {
            throw new IllegalArgumentException("'" + Excerpt.of(text) + "' misses its closing bracket; write e.g. "
                    + example(name));
        }
        List<Double> numbers = numbers(t.substring(open + 1, t.length() - 1), name);
        if (numbers.size() != keys.size()) {
            throw new IllegalArgumentException(name + " takes " + keys.size() + (keys.size() == 1 ? " number" :
                    " numbers") + " (" + String.join(", ", keys) + "), not " + numbers.size() + "; write e.g. "
                    + example(name));
        }
        return build(name, keys, numbers);
    }

    /** Null when the text can be used, otherwise why not in words. */
    public static String problem(String text) {
        try {
            parse(text);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static List<Double> numbers(String inside, String name) {
        List<Double> out = new ArrayList<>();
        if (inside.isBlank()) {
            return out;
        }
        for (String part : inside.split(",", -1)) {
            try {
                double d = Double.parseDouble(part.trim());
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                out.add(d);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ": '" + Excerpt.of(part.trim()) + "' is not a finite "
                        + "number; write e.g. " + example(name));
            }
        }
        return out;
    }

    private static Initializer build(String name, List<String> keys, List<Double> numbers) {
        if (name.equals("normal") && numbers.get(0) < 0) {
            throw new IllegalArgumentException("normal(σ): σ is a standard deviation and cannot be negative ("
                    + plain(numbers.get(0)) + "); write e.g. normal(0.1)");
        }
        if (name.equals("uniform") && numbers.get(0) > numbers.get(1)) {
            throw new IllegalArgumentException("uniform(a, b): the low end a = " + plain(numbers.get(0))
                    + " is above the high end b = " + plain(numbers.get(1)) + "; swap them");
        }
        Map<String, Double> parameters = new java.util.HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            parameters.put(keys.get(i), numbers.get(i));
        }
        return Initializer.byName(name, parameters);
    }

    private static String example(String name) {
        return switch (name) {
            case "constant" -> "constant(0.2)";
            case "uniform" -> "uniform(-0.5, 0.5)";
            default -> "normal(0.1)";
        };
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
