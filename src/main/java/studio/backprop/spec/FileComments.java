package studio.backprop.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code #} comment lines of a hand-written network file, each tied to the place it annotates, so that a file
 * saved after edits keeps its instructor's notes where they were.
 *
 * <p>A block of comment lines belongs to the line that follows it: a {@code key = value} line, a section header,
 * or a continuation line inside a multi-line value. A block between a section's last entry and the next header is
 * split at its last blank line: what comes before the gap closes the section above, what touches the header
 * introduces the section below. The format allows comments only on whole lines, so a {@code #} after a value is
 * part of that value and not a comment.
 *
 * <p>Saving weaves the comments into the freshly written text at the same places. A comment whose key is no
 * longer written (a setting back at its default) moves to the end of its section; the comments of a section that
 * is gone (a deleted layer) go with it. Comments take no part in a document's equality: they never restart
 * training or mark a document as changed.
 */
public final class FileComments {

    /** No comments: a document built in the app. */
    public static final FileComments NONE = new FileComments(Map.of(), List.of());

    /**
     * Sections the network does not read but other readers of the file do (an exercise file's {@code [exercise]}
     * questions): kept verbatim, comments and all, and written back after the network's sections, so saving an
     * exercise from the app never loses its questions.
     */
    static final Set<String> KEPT_VERBATIM = Set.of("exercise");

    /**
     * Where a block of comments sits.
     *
     * @param section     "" for the lines before the first section (and the header line), "layer NAME" and
     *                    "weights NAME" for those sections, the kind alone for loss, optimizer, training and data
     * @param key         the key whose line follows the block; {@link #HEADER} before the section's header,
     *                    {@link #END} after the section's last entry
     * @param valueLine   the index of the value line the block precedes inside a multi-line value, -1 otherwise
     */
    record Anchor(String section, String key, int valueLine) {
    }

    static final String HEADER = "[";
    static final String END = "]";

    private final Map<Anchor, List<String>> blocks;
    /** The lines of the sections kept verbatim, header first, in file order. */
    private final List<String> verbatim;

    private FileComments(Map<Anchor, List<String>> blocks, List<String> verbatim) {
        this.blocks = blocks;
        this.verbatim = List.copyOf(verbatim);
    }

    /** Collects the comments of a file's text, each tied to the line it annotates. */
    public static FileComments of(String text) {
        List<String> verbatim = new ArrayList<>();
        text = withoutVerbatimSections(text, verbatim);
        Map<Anchor, List<String>> blocks = new LinkedHashMap<>();
        List<String> pending = new ArrayList<>();
        Line previous = Line.start();
        for (Line line : Line.scan(text)) {
            if (line.isComment() || line.isBlank()) {
                if (line.isComment() || !pending.isEmpty()) {
                    pending.add(line.text());
                }
                continue;
            }
            if (line.isSectionHeader() && !previous.section().equals(line.section())) {
                int gap = pending.lastIndexOf("");
                if (gap >= 0) {
                    add(blocks, new Anchor(previous.section(), END, -1), pending.subList(0, gap));
                    pending = new ArrayList<>(pending.subList(gap + 1, pending.size()));
                }
            }
            add(blocks, line.anchor(), pending);
            pending = new ArrayList<>();
            previous = line;
        }
        add(blocks, new Anchor(previous.section(), END, -1), pending);
        return blocks.isEmpty() && verbatim.isEmpty() ? NONE : new FileComments(blocks, verbatim);
    }

    /**
     * The text without its {@link #KEPT_VERBATIM} sections (a section runs from its header to the next header),
     * whose lines, trailing blank lines trimmed, are added to {@code kept}.
     */
    private static String withoutVerbatimSections(String text, List<String> kept) {
        StringBuilder rest = new StringBuilder();
        List<String> section = null;
        for (String line : text.split("\\R", -1)) {
            String t = line.trim();
            if (t.startsWith("[")) {
                if (section != null) {
                    kept.addAll(trimBlank(section));
                }
                String kind = t.substring(1).split("[\\s\\]]", 2)[0].toLowerCase(java.util.Locale.ROOT);
                section = KEPT_VERBATIM.contains(kind) ? new ArrayList<>() : null;
            }
            if (section != null) {
                section.add(line);
            } else {
                rest.append(line).append('\n');
            }
        }
        if (section != null) {
            kept.addAll(trimBlank(section));
        }
        return rest.toString();
    }

    private static void add(Map<Anchor, List<String>> blocks, Anchor at, List<String> lines) {
        List<String> trimmed = trimBlank(lines);
        if (!trimmed.isEmpty()) {
            blocks.computeIfAbsent(at, a -> new ArrayList<>()).addAll(trimmed);
        }
    }

    private static List<String> trimBlank(List<String> lines) {
        int from = 0;
        int to = lines.size();
        while (from < to && lines.get(from).isEmpty()) {
            from++;
        }
        while (to > from && lines.get(to - 1).isEmpty()) {
            to--;
        }
        return List.copyOf(lines.subList(from, to));
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** Every comment line in file order of its anchor (blank lines inside a block included). */
    public List<String> lines() {
        return blocks.values().stream().flatMap(List::stream).toList();
    }

    /** The same comments with those of layer {@code from} (and of its weights) now tied to layer {@code to}. */
    public FileComments withLayerRenamed(String from, String to) {
        if (blocks.isEmpty()) {
            return this;
        }
        Map<Anchor, List<String>> renamed = new LinkedHashMap<>();
        blocks.forEach((a, lines) -> renamed.put(new Anchor(renamedSection(a.section(), from, to), a.key(),
                a.valueLine()), lines));
        return new FileComments(renamed, verbatim);
    }

    private static String renamedSection(String section, String from, String to) {
        for (String kind : List.of("layer ", "weights ")) {
            if (section.equals(kind + from)) {
                return kind + to;
            }
        }
        return section;
    }

    /**
     * Puts the comments into text written by {@link DocumentFormat#write}, each before the line it annotated.
     * The text itself is not changed otherwise.
     */
    public String weaveInto(String written) {
        if (blocks.isEmpty()) {
            return withVerbatim(written);
        }
        Set<Anchor> placed = new HashSet<>();
        StringBuilder out = new StringBuilder();
        List<String> blanks = new ArrayList<>();
        Line previous = Line.start();
        for (Line line : Line.scan(written)) {
            if (line.isBlank() || line.isComment()) {
                blanks.add(line.text());
                continue;
            }
            if (line.isSectionHeader()) {
                closeSection(out, previous.section(), placed);
            }
            blanks.forEach(b -> out.append(b).append('\n'));
            blanks.clear();
            emit(out, line.anchor(), placed);
            out.append(line.text()).append('\n');
            previous = line;
        }
        closeSection(out, previous.section(), placed);
        blanks.forEach(b -> out.append(b).append('\n'));
        return withVerbatim(out.toString());
    }

    /** The written text followed by the sections kept verbatim, after one blank line. */
    private String withVerbatim(String written) {
        if (verbatim.isEmpty()) {
            return written;
        }
        StringBuilder out = new StringBuilder(written);
        if (!written.endsWith("\n")) {
            out.append('\n');
        }
        if (!written.endsWith("\n\n")) {
            out.append('\n');
        }
        verbatim.forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }

    /** The section's closing comments, after any whose key or value line was not written this time. */
    private void closeSection(StringBuilder out, String section, Set<Anchor> placed) {
        for (Anchor a : blocks.keySet()) {
            if (a.section().equals(section) && !a.key().equals(END) && !a.key().equals(HEADER)) {
                emit(out, a, placed);
            }
        }
        emit(out, new Anchor(section, END, -1), placed);
    }

    private void emit(StringBuilder out, Anchor at, Set<Anchor> placed) {
        List<String> lines = blocks.get(at);
        if (lines != null && placed.add(at)) {
            lines.forEach(l -> out.append(l).append('\n'));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileComments c && c.blocks.equals(blocks) && c.verbatim.equals(verbatim);
    }

    @Override
    public int hashCode() {
        return Objects.hash(blocks, verbatim);
    }

    @Override
    public String toString() {
        return blocks.toString();
    }

    /** One line of a file, read the way {@link Sections} reads it, with the anchor a comment above it gets. */
    private record Line(String text, Kind kind, String section, String key, int valueLine) {

        enum Kind { START, COMMENT, BLANK, MAGIC, SECTION, KEY, CONTINUATION }

        static Line start() {
            return new Line("", Kind.START, "", HEADER, -1);
        }

        boolean isComment() {
            return kind == Kind.COMMENT;
        }

        boolean isBlank() {
            return kind == Kind.BLANK;
        }

        boolean isSectionHeader() {
            return kind == Kind.SECTION;
        }

        Anchor anchor() {
            return new Anchor(section, key, kind == Kind.CONTINUATION ? valueLine : -1);
        }

        /** Classifies every line; a text's final newline ends its last line and does not start another. */
        static List<Line> scan(String text) {
            String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
            if (normalised.endsWith("\n")) {
                normalised = normalised.substring(0, normalised.length() - 1);
            }
            List<Line> out = new ArrayList<>();
            Line open = start();
            for (String raw : normalised.split("\n", -1)) {
                String content = raw.stripTrailing();
                String t = content.trim();
                Line line;
                if (t.isEmpty()) {
                    line = new Line("", Kind.BLANK, open.section, open.key, -1);
                } else if (t.startsWith("#")) {
                    line = new Line(content, Kind.COMMENT, open.section, open.key, -1);
                } else if (open.kind == Kind.START) {
                    line = new Line(content, Kind.MAGIC, "", HEADER, -1);
                } else if (Character.isWhitespace(raw.charAt(0)) && open.kind != Kind.MAGIC
                        && open.kind != Kind.SECTION) {
                    line = new Line(content, Kind.CONTINUATION, open.section, open.key, open.valueLine + 1);
                } else if (t.startsWith("[")) {
                    line = new Line(content, Kind.SECTION, sectionId(t), HEADER, -1);
                } else {
                    int eq = t.indexOf('=');
                    String key = (eq < 0 ? t : t.substring(0, eq)).trim().toLowerCase(java.util.Locale.ROOT);
                    boolean valueOnKeyLine = eq >= 0 && !t.substring(eq + 1).isBlank();
                    line = new Line(content, Kind.KEY, open.section, key, valueOnKeyLine ? 0 : -1);
                }
                out.add(line);
                if (line.kind != Kind.BLANK && line.kind != Kind.COMMENT) {
                    open = line;
                }
            }
            return out;
        }

        /** "layer hidden" and "weights hidden" for named parts, the kind alone for the one-of-a-kind sections. */
        private static String sectionId(String header) {
            String inner = header.substring(1, header.endsWith("]") ? header.length() - 1 : header.length()).trim();
            String[] parts = inner.split("\\s+", 2);
            String kind = parts[0].toLowerCase(java.util.Locale.ROOT);
            boolean named = kind.equals("layer") || kind.equals("weights");
            return named && parts.length > 1 ? kind + " " + parts[1].trim() : kind;
        }
    }
}
