package studio.backprop.train.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.train.exercise.AnswerCheck.Verdict;

/** An exercise's trace table: the engine's numbers, the hidden ones resolved, bad references named in words. */
class ExerciseSheetTest {

    private static final String NETWORK = """
            backprop-studio network 1
            name = 2-2-2
            input = 2
            [layer hidden]
            type = Dense
            units = 2
            activation = sigmoid
            [layer output]
            type = Dense
            units = 2
            activation = sigmoid
            [weights hidden]
            kernel = [[0.15, 0.25], [0.20, 0.30]]
            bias = [0.35, 0.35]
            [weights output]
            kernel = [[0.40, 0.50], [0.45, 0.55]]
            bias = [0.60, 0.60]
            [loss mse]
            half = true
            reduction = sum
            [optimizer sgd]
            learning_rate = 0.5
            [training]
            batch_size = full
            [data inline]
            rows =
                0.05, 0.10 -> 0.01, 0.99
            """;

    private static ExerciseSheet sheet(String exercise) throws ExerciseException {
        return Exercises.set(NETWORK + "[exercise]\n" + exercise, "ex.bps", Path.of("."), false);
    }

    private static SheetRow row(ExerciseSheet s, String reference) {
        return s.rows().stream().filter(r -> r.reference().equals(reference)).findFirst().orElseThrow();
    }

    @Test
    void hiddenValuesAreTheEnginesNumbersOfTheStep() throws Exception {
        ExerciseSheet s = sheet("hide = hidden/z[0], output/delta, hidden/kernel'[1,0]\ntolerance = 0.0001\n");
        List<String> hidden = s.rows().stream().filter(SheetRow::hidden).map(SheetRow::reference).toList();
        assertEquals(List.of("dL/doutput/z[0]", "dL/doutput/z[1]", "hidden/z[0]", "hidden/kernel'[1,0]").stream()
                .sorted().toList(), hidden.stream().sorted().toList());
        assertEquals(0.3775f, row(s, "hidden/z[0]").value(), 1e-7f);
        assertEquals(0.138499, row(s, "dL/doutput/z[0]").value(), 1e-6);
        assertEquals(0.199561, row(s, "hidden/kernel'[1,0]").value(), 1e-6);
        assertEquals("0.0275", SheetNumbers.of(row(s, "hidden/matMul[0]").value()));
        assertEquals("∂L/∂output/z[0]", row(s, "dL/doutput/z[0]").label());
    }

    @Test
    void aTypedAnswerIsRightWithinTheToleranceWrongOutsideAndNotANumberInWords() throws Exception {
        ExerciseSheet s = sheet("hide = hidden/sigmoid[0]\ntolerance = 0.0001\n");
        SheetRow out = row(s, "hidden/sigmoid[0]");
        assertEquals(Verdict.RIGHT, AnswerCheck.of(out, "0.59327", s.spec()).verdict());
        assertEquals(Verdict.RIGHT, AnswerCheck.of(out, " 0.5933 ", s.spec()).verdict());
        AnswerCheck wrong = AnswerCheck.of(out, "0.6", s.spec());
        assertEquals(Verdict.WRONG, wrong.verdict());
        assertTrue(!wrong.message().contains("0.59327"), "a wrong answer does not give the value away");
        AnswerCheck comma = AnswerCheck.of(out, "0,5933", s.spec());
        assertEquals(Verdict.NOT_A_NUMBER, comma.verdict());
        assertEquals("hidden/sigmoid[0]: '0,5933' is not a number (write the decimal point as '.', e.g. 0.5933)",
                comma.message());
        assertEquals(Verdict.NOT_A_NUMBER, AnswerCheck.of(out, "NaN", s.spec()).verdict());
        assertEquals(Verdict.NOT_A_NUMBER, AnswerCheck.of(out, "abc", s.spec()).verdict());
    }

    @Test
    void aRelativeToleranceScalesWithTheValue() throws Exception {
        ExerciseSheet s = sheet("hide = loss\ntolerance = 1%\n");
        SheetRow loss = row(s, "loss");
        assertEquals(Verdict.RIGHT, AnswerCheck.of(loss, "0.296", s.spec()).verdict());
        assertEquals(Verdict.WRONG, AnswerCheck.of(loss, "0.29", s.spec()).verdict());
    }

    @Test
    void aHiddenValueTheNetworkDoesNotHaveIsNamedAtLoadTime() {
        ExerciseException e = assertThrows(ExerciseException.class, () -> sheet("hide = hidden/zz[0]\n"));
        assertTrue(e.getMessage().startsWith("ex.bps, line 29: hide 'hidden/zz[0]': this network has no such value;"
                + " its values are input, target, hidden/kernel, hidden/bias,"), e.getMessage());
        ExerciseException index = assertThrows(ExerciseException.class, () -> sheet("hide = hidden/z[2]\n"));
        assertEquals("ex.bps, line 29: hide 'hidden/z[2]': there is no such entry; hidden/z runs from hidden/z[0] to"
                + " hidden/z[1] (indices count from 0).", index.getMessage());
        ExerciseException step = assertThrows(ExerciseException.class, () -> sheet("hide = 2:hidden/z\n"));
        assertTrue(step.getMessage().contains("step 2 is not part of it; the exercise has 1 step"), step.getMessage());
        ExerciseException none = assertThrows(ExerciseException.class, () -> sheet("steps = 1\n"));
        assertTrue(none.getMessage().contains("an exercise needs questions"), none.getMessage());
        ExerciseException key = assertThrows(ExerciseException.class, () -> sheet("hidden = loss\n"));
        assertEquals("ex.bps, line 29: unknown key 'hidden' in [exercise]; the keys are task, steps, order, hide, "
                + "tolerance and show", key.getMessage());
    }
}
