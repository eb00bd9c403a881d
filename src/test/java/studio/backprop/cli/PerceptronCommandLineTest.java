package studio.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Perceptron files through every command: summary, train with --epochs and --save, evaluate of the session. */
class PerceptronCommandLineTest {

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
    void everyShippedPerceptronHasASummary() {
        for (String sample : new String[] {"perceptron-and", "perceptron-or", "perceptron-xor"}) {
            assertEquals(0, run("summary", "samples/" + sample + ".bps"), err);
            assertTrue(out.contains("Learning rule: the perceptron rule"), out);
        }
    }

    @Test
    void trainHonoursEpochsAndSavesASessionThatEvaluates() throws Exception {
        Path session = dir.resolve("xor.bpsession");
        assertEquals(0, run("train", "samples/perceptron-xor.bps", "--epochs", "3", "--save", session.toString()),
                err);
        assertTrue(out.contains("epoch 3"), out);
        assertTrue(!out.contains("epoch 4"), "three epochs, as asked: " + out);
        assertTrue(Files.size(session) > 0, "the session is written");
        assertEquals(0, run("evaluate", session.toString()), err);
        assertTrue(out.contains("accuracy"), out);
        Path converged = dir.resolve("or.bpsession");
        assertEquals(0, run("train", "samples/perceptron-or.bps", "--save", converged.toString()), err);
        assertEquals(0, run("evaluate", converged.toString()), err);
        assertTrue(out.contains("1.0000"), "OR is learnt exactly: " + out);
    }
}
