package studio.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as a script calls them: output, exit codes and messages for bad input. */
class CommandLineTest {

    private static final Path EXERCISE = Path.of("samples", "backprop-2-2-2-exercise.bps");

    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... args) {
        CliRun r = CliRun.of(args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    @Test
    void traceShowsTheExerciseSheetsNumbers() {
        assertEquals(0, run("trace", EXERCISE.toString()), err);
        assertTrue(out.contains("hidden/matMul       1×2     [[0.0275, 0.0425]]  Y = A·B"), out);
        assertTrue(out.contains("hidden/sigmoid      1×2     [[0.59327, 0.596884]]"), out);
        assertTrue(out.contains("output/sigmoid      1×2     [[0.751365, 0.772928]]"), out);
        assertTrue(out.contains("∂L/∂output/z          [[0.138499, -0.0380982]]"), out);
        assertTrue(!out.contains("reshape"), "plumbing is folded under the op it serves: " + out);
        assertTrue(out.contains("output/kernel = [[0.358916, 0.511301], [0.408666, 0.56137]]"), out);
        assertTrue(out.contains("loss 0.298371"), out);
    }

    @Test
    void traceJsonCarriesEveryNodeWithValueAndGradient() {
        assertEquals(0, run("trace", EXERCISE.toString(), "--json"), err);
        assertTrue(out.startsWith("{\"network\":\"Backprop exercise"), out);
        assertTrue(out.contains("\"name\":\"output/z\",\"layer\":\"output\",\"op\":\"add\",\"formula\":\"y = a + b\","
                + "\"inputs\":[\"output/matMul\",\"output/bias\"],\"internal\":false,\"shape\":[1,2],"
                + "\"value\":[1.105906,1.2249215],\"grad\":[0.13849856,-0.038098235]"), out);
        assertTrue(out.contains("\"samples\":[1]"), out);
    }

    @Test
    void summaryOfABrokenNetworkListsItsProblemsAndExitsWithTwo() throws IOException {
        Path file = dir.resolve("broken.bps");
        Files.writeString(file, "backprop-studio network 1\ninput = 3x3x1\n[layer c2]\ntype = Conv2D\nkernel = 5\n");
        assertEquals(2, run("summary", file.toString()));
        assertTrue(out.contains("Problem: broken.bps, line 3: Conv2D 'c2': kernel 5×5 does not fit a 3×3 input; use "
                + "padding or a smaller "
                + "kernel"), out);
        assertTrue(err.contains("cannot be trained"), err);
    }

    @Test
    void trainSavesASessionThatEvaluateReads() {
        Path session = dir.resolve("run.bpsession");
        assertEquals(0, run("train", EXERCISE.toString(), "--epochs", "5", "--save", session.toString()), err);
        assertTrue(out.contains("epoch 5  loss"), out);
        assertTrue(Files.exists(session));
        assertEquals(0, run("evaluate", session.toString()), err);
        assertTrue(out.contains("Evaluated on the train data: 1 samples"), out);
        assertTrue(out.contains("MSE"), out);
    }

    @Test
    void badInputGetsAMessageAndExitCodeTwoWithoutAStackTrace() {
        assertEquals(2, run("trace", dir.resolve("missing.bps").toString()));
        assertTrue(err.contains("no such file"), err);
        assertEquals(2, run("train", EXERCISE.toString(), "--epochs", "many"));
        assertEquals("train: --epochs takes a whole number, got 'many'\n", err);
        assertEquals(2, run("trace", EXERCISE.toString(), "--colour", "red"));
        assertTrue(err.startsWith("trace: unknown option --colour"), err);
        assertEquals(2, run("evaluate", EXERCISE.toString()));
        assertTrue(err.contains("not a Backprop Studio session"), err);
        assertEquals(2, run("summary"));
        assertEquals("summary: the network file is missing\n", err);
        assertFalse(err.contains("\tat "), err);
    }

    @Test
    void helpListsEveryCommand() {
        assertEquals(0, run("help"));
        for (String c : new String[] {"summary", "train", "trace", "evaluate", "bench"}) {
            assertTrue(out.contains("  " + c), out);
        }
    }
}
