package studio.backprop.ui.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import studio.backprop.train.exercise.AnswerCheck.Verdict;
import studio.backprop.train.exercise.Exercises;
import studio.backprop.ui.exercise.ExerciseViewModel.Status;

/** The exercise page's model without a toolkit: the cursor walks the questions, answers and reveals are kept. */
class ExerciseViewModelTest {

    @Test
    void theTableFillsQuestionByQuestionAndKeepsTheStudentsWork() throws Exception {
        ExerciseViewModel m = new ExerciseViewModel();
        m.setSheet(Exercises.load(Path.of("samples", "exercise-one-neuron.bps"), false));
        int first = m.cursorProperty().get();
        assertEquals("neuron/z", m.state(first).row().reference(), "the first question ends the rows shown");
        assertEquals(first + 1, m.shown().size());
        assertEquals(Verdict.WRONG, m.answer(first, "2").verdict());
        assertEquals(Status.WRONG, m.state(first).status());
        assertEquals(first, m.cursorProperty().get(), "a wrong answer stays");
        assertEquals(Verdict.NOT_A_NUMBER, m.answer(first, "one").verdict());
        assertEquals(Status.WRONG, m.state(first).status(), "a non-number changes nothing but the message");
        assertEquals(Verdict.RIGHT, m.answer(first, "1").verdict());
        int second = m.cursorProperty().get();
        assertEquals("neuron/sigmoid", m.state(second).row().reference(), "a right answer moves on");
        m.revealCurrent();
        assertEquals(Status.REVEALED, m.state(second).status());
        m.previous();
        assertEquals(first, m.cursorProperty().get());
        m.previous();
        assertTrue(m.messageProperty().get().startsWith("This is the first question"));
        assertEquals(Status.RIGHT, m.state(first).status(), "going back keeps the answers");
        m.revealAll();
        assertEquals(Exercises.load(Path.of("samples", "exercise-one-neuron.bps"), false).rows().size(),
                m.shown().size(), "every row shown");
        assertEquals("1 of 9 answered right.", m.score());
    }
}
