package studio.backprop.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.backprop.tensor.Excerpt;

/**
 * The text layer of the network file format: a header line, then sections headed {@code [kind name]} holding
 * {@code key = value} lines. A value continues on following lines that are indented; {@code #} starts a comment
 * at the beginning of a line. Every key remembers its line, so later checks can point at it.
 *
 * <pre>
 * backprop-studio network 1
 * name = XOR with given weights
 *
 * [layer hidden]
 * type = Dense
 * units = 2
 * </pre>
 */
final class Sections {

    /** One {@code key = value} entry and the line it started on. */
    record Entry(String key, String value, int line) {
    }

    /** A section: its kind ("layer"), its optional name ("hidden"), its entries in file order. */
    record Section(String kind, String name, int line, Map<String, Entry> entries) {

        String get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        int lineOf(String key) {
            Entry e = entries.get(key);
            return e == null ? line : e.line();
        }
    }

    /** The parsed file: header fields, then sections in order. */
    record Parsed(String format, int version, int headerLine, Section top, List<Section> sections) {
    }

    static final String MAGIC = "backprop-studio";

    private Sections() {
    }

    static Parsed parse(String text, String source) throws DocumentFormatException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int i = 0;
        while (i < lines.length && isBlankOrComment(lines[i])) {
            i++;
        }
        if (i == lines.length) {
            throw new DocumentFormatException(source, 0, "the file is empty; a network file starts with the line '"
                    + MAGIC + " network 1'");
        }
        String[] header = lines[i].trim().split("\\s+");
        if (header.length != 3 || !header[0].equals(MAGIC)) {
            throw new DocumentFormatException(source, i + 1, "this is not a Backprop Studio file: the first line "
                    + "should read '" + MAGIC + " network 1', not '" + Excerpt.of(lines[i].trim()) + "'");
        }
        int version;
        try {
            version = Integer.parseInt(header[2]);
        } catch (NumberFormatException e) {
            throw new DocumentFormatException(source, i + 1, "the format version '" + Excerpt.of(header[2])
                    + "' is not a whole number");
        }
        int headerLine = i + 1;
        List<Section> sections = new ArrayList<>();
        Section current = new Section("", "", headerLine, new LinkedHashMap<>());
        Section top = current;
        Entry open = null;
        StringBuilder value = new StringBuilder();
        for (i = i + 1; i < lines.length; i++) {
            String raw = lines[i];
            if (isBlankOrComment(raw)) {
                continue;
            }
            if (Character.isWhitespace(raw.charAt(0)) && open != null) {
                // a builder, not string concatenation: a value of 100,000 lines would be copied quadratically
                value.append(value.length() == 0 ? "" : "\n").append(raw.trim());
                continue;
            }
            close(current, open, value);
            String line = raw.trim();
            if (line.startsWith("[")) {
                current = sectionHeader(line, i + 1, source);
                sections.add(current);
                open = null;
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new DocumentFormatException(source, i + 1, "expected 'key = value' or a section like "
                        + "'[layer name]', found '" + Excerpt.of(line) + "'");
            }
            String key = line.substring(0, eq).trim().toLowerCase(java.util.Locale.ROOT);
            if (current.entries().containsKey(key)) {
                throw new DocumentFormatException(source, i + 1, "'" + Excerpt.of(key) + "' is given twice in this "
                        + "section (first on line " + current.entries().get(key).line() + ")");
            }
            open = new Entry(key, line.substring(eq + 1).trim(), i + 1);
            current.entries().put(key, open);
            value.setLength(0);
            value.append(open.value());
        }
        close(current, open, value);
        return new Parsed(header[1], version, headerLine, top, sections);
    }

    /** Stores the open entry with the continuation lines gathered in {@code value}. */
    private static void close(Section section, Entry open, StringBuilder value) {
        if (open != null && value.length() != open.value().length()) {
            section.entries().put(open.key(), new Entry(open.key(), value.toString(), open.line()));
        }
    }

    private static Section sectionHeader(String line, int lineNo, String source) throws DocumentFormatException {
        if (!line.endsWith("]")) {
            throw new DocumentFormatException(source, lineNo, "a section header must end with ']': '"
                    + Excerpt.of(line) + "'");
        }
        String[] parts = line.substring(1, line.length() - 1).trim().split("\\s+", 2);
        if (parts[0].isEmpty()) {
            throw new DocumentFormatException(source, lineNo, "empty section header '[]'");
        }
        return new Section(parts[0].toLowerCase(java.util.Locale.ROOT), parts.length > 1 ? parts[1].trim() : "",
                lineNo, new LinkedHashMap<>());
    }

    private static boolean isBlankOrComment(String line) {
        String t = line.trim();
        return t.isEmpty() || t.startsWith("#");
    }

    /** Writes one entry; a multi-line value goes on indented lines below its key. */
    static void write(StringBuilder sb, String key, String value) {
        if (value.contains("\n")) {
            sb.append(key).append(" =\n");
            for (String part : value.split("\n")) {
                sb.append("    ").append(part).append('\n');
            }
        } else {
            sb.append(key).append(" = ").append(value).append('\n');
        }
    }
}
