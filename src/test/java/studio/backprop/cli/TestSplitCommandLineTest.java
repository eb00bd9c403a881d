package studio.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train prints the test split's loss and accuracy once at the end; evaluate --split test scores a session on it. */
class TestSplitCommandLineTest {

    @TempDir
    Path dir;

    private Path file(String test) throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            rows.append("    ").append(i % 8 / 8.0).append(", ").append(i % 3 / 3.0).append(" -> ").append(i % 2)
                    .append('\n');
        }
        Path f = dir.resolve("rows.bps");
        Files.writeString(f, """
                backprop-studio network 1
                input = 2

                [layer out]
                type = Dense
                units = 1
                activation = sigmoid

                [loss binary_cross_entropy]

                [optimizer sgd]

                [training]
                batch_size = 4
                epochs = 3
                validation = 0.2
                %s

                [data inline]
                rows =
                """.formatted(test) + rows);
        return f;
    }

    @Test
    void trainReportsTheTestSplitOnceAndEvaluateCanScoreIt() throws Exception {
        Path session = dir.resolve("run.bpsession");
        CliRun train = CliRun.of("train", file("test = 0.25").toString(), "--save", session.toString());
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("Training 'untitled' on 22 samples (+8 for validation) for 3 epochs"),
                train.out());
        assertTrue(train.out().contains("Holding out 10 samples as the test split"), train.out());
        assertEquals(1, train.out().split("test split \\(10 samples\\): loss ", -1).length - 1, train.out());
        CliRun evaluate = CliRun.of("evaluate", session.toString(), "--split", "test");
        assertEquals(0, evaluate.code(), evaluate.err());
        assertTrue(evaluate.out().startsWith("Evaluated on the test data: 10 samples"), evaluate.out());
    }

    @Test
    void evaluateOnASessionWithoutATestSplitSaysHowToGetOne() throws Exception {
        Path session = dir.resolve("plain.bpsession");
        assertEquals(0, CliRun.of("train", file("").toString(), "--save", session.toString()).code());
        CliRun evaluate = CliRun.of("evaluate", session.toString(), "--split", "test");
        assertEquals(2, evaluate.code());
        assertTrue(evaluate.err().contains("this data has no test split (set [training] test = 0.1"), evaluate.err());
    }
}
