package studio.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.NetworkDocument;

/** The three ways samples/FORMAT.md gives sequences reach a recurrent network in its shape. */
class SequenceDataSourcesTest {

    private static final String HEAD = """
            backprop-studio network 1
            input = 3x1

            [layer rnn]
            type = SimpleRNN
            units = 2

            [layer out]
            type = Dense
            units = 1

            [loss mse]

            [optimizer sgd]

            """;

    @Test
    void inlineRowsListTheStepsInOrder(@TempDir Path dir) {
        TrainingData data = resolve(HEAD + """
                [data inline]
                rows =
                    0.1, 0.5, 0.9 -> 1.5
                    0.2, 0.2, 0.3 -> 0.7
                """, dir);
        assertArrayEquals(new int[] {2, 3, 1}, data.trainX().shape());
        assertEquals(0.9f, data.trainX().get(0, 2, 0));
    }

    @Test
    void aCsvSequenceColumn(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("waves.csv"), "id,sequence,target\n1,0.1 0.4 0.9,1\n2,0.3;0.2;0.1,0\n");
        TrainingData data = resolve(HEAD + """
                [data csv_sequence]
                file = waves.csv
                """, dir);
        assertArrayEquals(new int[] {2, 3, 1}, data.trainX().shape());
        assertArrayEquals(new float[] {1, 0}, data.trainY().toArray());
    }

    @Test
    void aGeneratedTaskWithATargetPerStepAndAWrongShapeInWords(@TempDir Path dir) {
        String perStep = HEAD.replace("units = 2\n", "units = 2\nreturn_sequences = true\n")
                .replace("type = Dense", "type = TimeDistributedDense");
        TrainingData data = resolve(perStep + """
                [data sequence]
                task = echo
                steps = 3
                delay = 1
                samples = 50
                """, dir);
        assertArrayEquals(new int[] {50, 3, 1}, data.trainY().shape());
        DataResolutionException e = assertThrows(DataResolutionException.class, () -> resolve(HEAD + """
                [data sequence]
                task = echo
                steps = 3
                delay = 5
                """, dir));
        assertTrue(e.getMessage().contains("[data sequence]") && e.getMessage().contains("delay 5"), e.getMessage());
    }

    private static TrainingData resolve(String text, Path dir) {
        NetworkDocument doc;
        try {
            doc = DocumentFormat.read(text, "t.bps");
        } catch (studio.backprop.spec.DocumentFormatException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        Compilation c = DocumentCompiler.compile(doc);
        assertTrue(c.problems().stream().noneMatch(p -> p.error()), c.problems().toString());
        return DataResolver.resolve(doc, dir, false, c.network().outputShape());
    }
}
