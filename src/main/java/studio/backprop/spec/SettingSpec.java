package studio.backprop.spec;

import java.util.List;

/**
 * One setting a layer type accepts: its key in the file, the kind of value, the default, the allowed range or
 * choices, and a one-line help text for the inspector.
 */
public record SettingSpec(String key, Kind kind, String defaultValue, String help, List<String> choices, double min,
                          double max) {

    /** How a setting's text is read. */
    public enum Kind {
        /** A whole number within [min, max]. */
        INT,
        /** A decimal number within [min, max]. */
        FLOAT,
        /** true or false. */
        BOOL,
        /** One of {@link #choices()}. */
        CHOICE,
        /** A window size: "3" or "3x5" (height × width). */
        SIZE,
        /** "valid", "same", a number of zeros on every side, or "top,bottom,left,right". */
        PADDING,
        /** An initialiser: a name, or constant(c), uniform(a, b), normal(σ) (see {@link InitializerText}). */
        INITIALIZER
    }

    /** The default text of a setting the layer chooses for itself. */
    public static final String AUTO = "auto";

    public SettingSpec {
        choices = List.copyOf(choices);
    }

    static SettingSpec integer(String key, int def, int min, int max, String help) {
        return new SettingSpec(key, Kind.INT, String.valueOf(def), help, List.of(), min, max);
    }

    static SettingSpec decimal(String key, double def, double min, double max, String help) {
        return new SettingSpec(key, Kind.FLOAT, trim(def), help, List.of(), min, max);
    }

    /**
     * A decimal whose default depends on the other settings: left out (or written {@code auto}), the layer
     * chooses, e.g. α = 0.01 for leaky ReLU and 1 for ELU.
     */
    static SettingSpec automaticDecimal(String key, double min, double max, String help) {
        return new SettingSpec(key, Kind.FLOAT, AUTO, help, List.of(), min, max);
    }

    static SettingSpec bool(String key, boolean def, String help) {
        return new SettingSpec(key, Kind.BOOL, String.valueOf(def), help, List.of("true", "false"), 0, 1);
    }

    static SettingSpec choice(String key, String def, List<String> choices, String help) {
        return new SettingSpec(key, Kind.CHOICE, def, help, choices, 0, 0);
    }

    /** An initialiser setting; {@link #choices()} holds the suggestions the editor lists. */
    static SettingSpec initializer(String key, String def, String help) {
        return new SettingSpec(key, Kind.INITIALIZER, def, help, InitializerText.SUGGESTIONS, 0, 0);
    }

    static SettingSpec size(String key, String def, String help) {
        return new SettingSpec(key, Kind.SIZE, def, help, List.of(), 1, 1024);
    }

    static SettingSpec padding(String key, String def, String help) {
        return new SettingSpec(key, Kind.PADDING, def, help, List.of(), 0, 1024);
    }

    private static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
