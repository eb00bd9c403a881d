package studio.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary names a setting the optimiser ignores, and says how hinge reads 0/1 labels. */
class SummaryConventionsTest {

    @TempDir
    Path dir;

    @Test
    void aForeignSettingIsAWarningAndHingeSaysHowItReadsLabels() throws IOException {
        Path file = dir.resolve("gate.bps");
        Files.writeString(file, """
                backprop-studio network 1
                input = 2

                [layer out]
                type = Dense
                units = 1

                [loss hinge]

                [optimizer adam]
                momentum = 0.9

                [data logic]
                gate = or
                """);
        CliRun run = CliRun.of("summary", file.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Warning: ") && run.out().contains("momentum = 0.9 is a setting of sgd, "
                + "momentum, nesterov; adam does not use it"), run.out());
        assertTrue(run.out().contains("0/1 labels read as −1/+1"), run.out());
        assertTrue(run.err().isEmpty(), run.err());

        CliRun train = CliRun.of("train", file.toString(), "--epochs", "3");
        assertEquals(0, train.code(), "the gate's 0/1 labels train under hinge: " + train.err());
    }
}
