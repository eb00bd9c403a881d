package studio.backprop.ui.sections;

import java.util.List;

/**
 * One setting of a document section as the section editor offers it.
 *
 * @param key          the key in the file, e.g. "learning_rate"
 * @param kind         how it is edited
 * @param choices      the words a CHOICE offers (empty otherwise)
 * @param defaultValue what the engine uses when the setting is left out
 * @param help         one line: what it does, with the formula where there is one
 */
public record SectionField(String key, Kind kind, List<String> choices, String defaultValue, String help) {

    /** How a setting is edited. */
    public enum Kind {
        /** One line of text (a number, a name, a list), checked as you type. */
        TEXT,
        /** One of {@link #choices()}. */
        CHOICE,
        /** true or false. */
        BOOL,
        /** Several lines (the rows of inline data). */
        LINES
    }

    public SectionField {
        choices = List.copyOf(choices);
    }

    static SectionField text(String key, String def, String help) {
        return new SectionField(key, Kind.TEXT, List.of(), def, help);
    }

    static SectionField choice(String key, String def, List<String> choices, String help) {
        return new SectionField(key, Kind.CHOICE, choices, def, help);
    }

    static SectionField bool(String key, boolean def, String help) {
        return new SectionField(key, Kind.BOOL, List.of("true", "false"), String.valueOf(def), help);
    }

    static SectionField lines(String key, String help) {
        return new SectionField(key, Kind.LINES, List.of(), "", help);
    }
}
