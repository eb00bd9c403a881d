package studio.backprop.train.exercise;

import java.util.List;

/**
 * An exercise sheet as text: the questions as a table with the hidden cells blank, or its solution with every cell
 * filled (the answers in bold in Markdown, marked in CSV). Markdown for handouts and wikis, CSV for spreadsheets.
 */
public final class SheetText {

    /** The columns of the table, in order. */
    public static final List<String> COLUMNS = List.of("step", "sample", "part", "value", "formula", "answer");

    private SheetText() {
    }

    /** The answer cell: blank for a question on the sheet, the engine's value otherwise. */
    public static String answer(SheetRow row, boolean solution) {
        return row.hidden() && !solution ? "" : SheetNumbers.of(row.value());
    }

    /** A heading, the task and the tolerance, then the table. */
    public static String markdown(ExerciseSheet sheet, boolean solution) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(escape(sheet.title())).append(solution ? " (solution)" : "").append("\n\n");
        if (!sheet.spec().task().isEmpty()) {
            sb.append(escape(sheet.spec().task())).append("\n\n");
        }
        sb.append(sheet.questions()).append(" question").append(sheet.questions() == 1 ? "" : "s")
                .append(solution ? " (answers in bold)" : " (the blank cells)").append("; an answer within ")
                .append(sheet.spec().toleranceText()).append(" of the exact value is right.\n\n");
        sb.append("| ").append(String.join(" | ", COLUMNS)).append(" |\n");
        sb.append("|---:|---:|---|---|---|---:|\n");
        for (SheetRow r : sheet.printed()) {
            String answer = answer(r, solution);
            if (r.hidden()) {
                answer = solution ? "**" + answer + "**" : "";
            }
            sb.append("| ").append(r.step()).append(" | ").append(r.samples()).append(" | ").append(r.part())
                    .append(" | ").append(escape(r.label())).append(" | ").append(escape(r.formula())).append(" | ")
                    .append(answer).append(" |\n");
        }
        return sb.toString();
    }

    /** One header line, then one line per printed row; a last column says which rows are questions. */
    public static String csv(ExerciseSheet sheet, boolean solution) {
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append(",question\n");
        for (SheetRow r : sheet.printed()) {
            sb.append(r.step()).append(',').append(quote(r.samples())).append(',').append(r.part()).append(',')
                    .append(quote(r.label())).append(',').append(quote(r.formula())).append(',')
                    .append(answer(r, solution)).append(',').append(r.hidden() ? "yes" : "no").append('\n');
        }
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")
                .replace("\n", " ");
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
