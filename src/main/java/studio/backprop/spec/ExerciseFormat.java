package studio.backprop.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an exercise file: a network file (see {@link DocumentFormat}) with an {@code [exercise]} section
 * ({@link ExerciseSpec}). The network part opens anywhere a network file does; this reader adds the questions. An
 * exercise's {@code order} replaces the {@code [training]} section's, so the network runs the samples the sheet
 * names.
 */
public final class ExerciseFormat {

    private static final Set<String> KEYS = Set.of("task", "steps", "order", "hide", "tolerance", "show");
    /** More steps than a sheet can hold is a mistake, not an exercise. */
    private static final int MAX_STEPS = 1000;

    /** A network document and its exercise. */
    public record ExerciseFile(NetworkDocument document, ExerciseSpec exercise) {
    }

    private ExerciseFormat() {
    }

    /** Whether the text has an {@code [exercise]} section (a cheap look, no parsing of the network). */
    public static boolean hasExercise(String text) {
        for (String line : text.split("\n")) {
            String t = line.trim().toLowerCase(Locale.ROOT);
            if (t.startsWith("[exercise") && t.endsWith("]")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses an exercise file.
     *
     * @param source the file name used in messages
     * @throws DocumentFormatException naming the line and the problem, also when there is no [exercise] section
     */
    public static ExerciseFile read(String text, String source) throws DocumentFormatException {
        NetworkDocument doc = DocumentFormat.read(text, source);
        Sections.Parsed parsed = Sections.parse(text, source);
        Sections.Section section = null;
        for (Sections.Section s : parsed.sections()) {
            if (s.kind().equals("exercise")) {
                if (section != null) {
                    throw new DocumentFormatException(source, s.line(), "a file holds one [exercise] section; the "
                            + "first is on line " + section.line());
                }
                section = s;
            }
        }
        if (section == null) {
            throw new DocumentFormatException(source, parsed.headerLine(), "this network file has no [exercise] "
                    + "section; add one with e.g. 'steps = 1' and 'hide = output/z' (see samples/FORMAT.md)");
        }
        ExerciseSpec spec = spec(section, source);
        if (spec.order() != null) {
            doc = doc.withTraining(doc.training().with("order", spec.order()));
        }
        return new ExerciseFile(doc, spec);
    }

    private static ExerciseSpec spec(Sections.Section s, String source) throws DocumentFormatException {
        for (Sections.Entry e : s.entries().values()) {
            if (!KEYS.contains(e.key())) {
                throw new DocumentFormatException(source, e.line(), "unknown key '" + e.key() + "' in [exercise]; "
                        + "the keys are task, steps, order, hide, tolerance and show");
            }
        }
        int steps = 1;
        if (s.get("steps") != null) {
            try {
                steps = Integer.parseInt(s.get("steps").trim());
            } catch (NumberFormatException e) {
                steps = -1;
            }
            if (steps < 1 || steps > MAX_STEPS) {
                throw new DocumentFormatException(source, s.lineOf("steps"), "steps must be a whole number from 1 "
                        + "to " + MAX_STEPS + ", not '" + s.get("steps") + "'");
            }
        }
        String tol = s.get("tolerance") == null ? "" : s.get("tolerance").trim();
        boolean relative = tol.endsWith("%");
        double tolerance = ExerciseSpec.DEFAULT_TOLERANCE;
        if (!tol.isEmpty()) {
            try {
                tolerance = Double.parseDouble(relative ? tol.substring(0, tol.length() - 1).trim() : tol);
            } catch (NumberFormatException e) {
                tolerance = -1;
            }
            if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
                throw new DocumentFormatException(source, s.lineOf("tolerance"), "tolerance must be a number of 0 "
                        + "or more (e.g. 0.0005), or a percentage (e.g. 1%), not '" + tol + "'");
            }
            tolerance = relative ? tolerance / 100 : tolerance;
        }
        String show = s.get("show") == null ? "all" : s.get("show").trim().toLowerCase(Locale.ROOT);
        if (!show.equals("all") && !show.equals("questions")) {
            throw new DocumentFormatException(source, s.lineOf("show"), "show must be 'all' (every value of the "
                    + "trace) or 'questions' (the givens and the hidden values), not '" + show + "'");
        }
        List<String> hide = s.get("hide") == null ? List.of() : items(s.get("hide"));
        if (hide.isEmpty()) {
            throw new DocumentFormatException(source, s.line(), "an exercise needs questions: add a line like "
                    + "'hide = hidden/z[0], output/delta' naming the values the student computes");
        }
        String order = s.get("order") == null ? null : s.get("order").replace('\n', ' ').trim();
        return new ExerciseSpec(s.get("task") == null ? "" : s.get("task").replace('\n', ' ').trim(), steps, order,
                hide, s.lineOf("hide"), tolerance, relative, show.equals("all"), source);
    }

    /** Splits a hide list at commas that are not inside brackets ({@code kernel'[1,0]} is one item). */
    static List<String> items(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder item = new StringBuilder();
        for (char ch : text.replace('\n', ',').toCharArray()) {
            depth += ch == '[' ? 1 : ch == ']' ? -1 : 0;
            if (ch == ',' && depth <= 0) {
                add(out, item);
            } else {
                item.append(ch);
            }
        }
        add(out, item);
        return out;
    }

    private static void add(List<String> out, StringBuilder item) {
        String t = item.toString().trim();
        if (!t.isEmpty()) {
            out.add(t);
        }
        item.setLength(0);
    }
}
