package studio.backprop.ui.exercise;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import studio.backprop.train.exercise.AnswerCheck;
import studio.backprop.train.exercise.ExerciseSheet;
import studio.backprop.train.exercise.SheetRow;

/**
 * What the exercise page shows, without any Node: the sheet, what the student typed in each hidden cell and whether
 * it was right, and a cursor that walks the trace table question by question (the rows before a question are shown
 * with it, so the table fills row by row). Every check is against the engine's value in the sheet.
 *
 * <p>Thread: the JavaFX application thread.
 */
public final class ExerciseViewModel {

    /** Where a row of the table stands. */
    public enum Status {
        /** Not a question: the engine's value is shown. */
        GIVEN,
        /** A question not yet answered. */
        OPEN,
        /** The last answer typed was wrong. */
        WRONG,
        /** Answered right. */
        RIGHT,
        /** Shown on request, without an answer. */
        REVEALED
    }

    /** A row of the table and the student's work on it. */
    public record RowState(SheetRow row, Status status, String typed) {

        /** Whether the engine's value may be shown in this row. */
        public boolean valueShown() {
            return status == Status.GIVEN || status == Status.RIGHT || status == Status.REVEALED;
        }
    }

    private final ReadOnlyObjectWrapper<ExerciseSheet> sheet = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper cursor = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final List<RowState> states = new ArrayList<>();

    /** Sets a new exercise: every question open, the table shown up to the first question. */
    public void setSheet(ExerciseSheet s) {
        states.clear();
        for (SheetRow r : s.rows()) {
            states.add(new RowState(r, r.hidden() ? Status.OPEN : Status.GIVEN, ""));
        }
        sheet.set(s);
        int first = nextQuestion(-1);
        cursor.set(first < 0 ? states.size() - 1 : first);
        message.set(s.questions() + " question" + (s.questions() == 1 ? "" : "s") + ": type each value in its "
                + "box and press Enter; Page Down for the next question, Page Up for the one before.");
        revision.set(revision.get() + 1);
    }

    /** An exercise that could not be set: the message in words, the last good sheet kept. */
    public void setProblem(String problem) {
        message.set(problem);
    }

    /** The rows shown so far: up to and including the cursor. */
    public List<RowState> shown() {
        return cursor.get() < 0 ? List.of() : List.copyOf(states.subList(0, cursor.get() + 1));
    }

    /** The state of row {@code index} of the sheet. */
    public RowState state(int index) {
        return states.get(index);
    }

    /** Shows the table up to the next question (or to its end after the last one). */
    public void next() {
        if (sheet.get() == null) {
            message.set("No exercise is open: open an exercise file (a network file with an [exercise] section).");
            return;
        }
        int n = nextQuestion(cursor.get());
        if (n < 0) {
            cursor.set(states.size() - 1);
            message.set("That was the last question: the table is complete. " + score());
        } else {
            cursor.set(n);
            message.set("");
        }
    }

    /** Goes back to the question before; the answers stay. */
    public void previous() {
        for (int i = cursor.get() - 1; i >= 0; i--) {
            if (states.get(i).row().hidden()) {
                cursor.set(i);
                message.set("");
                return;
            }
        }
        message.set("This is the first question: there is nothing before it to go back to.");
    }

    /**
     * Checks a typed answer for row {@code index}: right, wrong, or not a number (then nothing changes but the
     * message). A right answer moves on to the next question.
     */
    public AnswerCheck answer(int index, String typed) {
        RowState s = states.get(index);
        AnswerCheck check = AnswerCheck.of(s.row(), typed, sheet.get().spec());
        message.set(check.message());
        switch (check.verdict()) {
            case RIGHT -> states.set(index, new RowState(s.row(), Status.RIGHT, typed.trim()));
            case WRONG -> states.set(index, new RowState(s.row(), Status.WRONG, typed.trim()));
            default -> {
                return check;
            }
        }
        revision.set(revision.get() + 1);
        if (check.verdict() == AnswerCheck.Verdict.RIGHT && index == cursor.get()) {
            next();
            if (cursor.get() != index) {
                message.set(check.message());
            }
        }
        return check;
    }

    /** Shows the engine's value of a question without an answer. */
    public void reveal(int index) {
        RowState s = states.get(index);
        if (s.status() == Status.OPEN || s.status() == Status.WRONG) {
            states.set(index, new RowState(s.row(), Status.REVEALED, s.typed()));
            message.set(s.row().label() + " revealed.");
            revision.set(revision.get() + 1);
        }
    }

    /** Reveals the question at the cursor. */
    public void revealCurrent() {
        if (cursor.get() >= 0) {
            reveal(cursor.get());
        }
    }

    /** Reveals every question and shows the whole table. */
    public void revealAll() {
        for (int i = 0; i < states.size(); i++) {
            reveal(i);
        }
        if (!states.isEmpty()) {
            cursor.set(states.size() - 1);
        }
        message.set("Every value revealed. " + score());
    }

    /** "3 of 5 answered right." */
    public String score() {
        long right = states.stream().filter(s -> s.status() == Status.RIGHT).count();
        long questions = states.stream().filter(s -> s.row().hidden()).count();
        return right + " of " + questions + " answered right.";
    }

    private int nextQuestion(int after) {
        for (int i = after + 1; i < states.size(); i++) {
            if (states.get(i).row().hidden()) {
                return i;
            }
        }
        return -1;
    }

    public ReadOnlyObjectProperty<ExerciseSheet> sheetProperty() {
        return sheet.getReadOnlyProperty();
    }

    /** The last row shown (a question, or the end of the table). */
    public ReadOnlyIntegerProperty cursorProperty() {
        return cursor.getReadOnlyProperty();
    }

    /** Changes whenever an answer, a reveal or a new sheet changes what the rows show. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The last check, reveal or problem in words. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
