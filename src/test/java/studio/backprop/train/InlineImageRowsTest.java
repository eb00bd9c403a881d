package studio.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.spec.Problem;

/** [data inline] rows feed an image-shaped input: H·W·C numbers, row by row of the image, channels last. */
class InlineImageRowsTest {

    private static NetworkDocument doc(String input, String rows) throws Exception {
        return DocumentFormat.read("backprop-studio network 1\ninput = " + input + "\n\n[layer conv]\ntype = Conv2D\n"
                + "filters = 1\nkernel = 2\nactivation = linear\n\n[layer flat]\ntype = Flatten\n\n[loss mse]\n\n"
                + "[optimizer sgd]\n\n[training]\nbatch_size = full\n\n[data inline]\nrows =\n    " + rows + "\n", "t");
    }

    @Test
    void rowOfTwelveNumbersFillsA2x3x2ImageChannelsLast() throws Exception {
        NetworkDocument d = doc("2x3x2", "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 -> 0, 0");
        Compilation c = DocumentCompiler.compile(d);
        TrainingData data = DataResolver.resolve(d, Path.of("."), false, c.network().outputShape());
        assertArrayEquals(new int[] {1, 2, 3, 2}, data.trainX().shape());
        // x[1, 0, 1] is number (1·3 + 0)·2 + 1 = 7 counting from 0, the eighth number
        assertEquals(8f, data.trainX().get(0, 1, 0, 1));
        assertTrue(c.errors().isEmpty(), c.errors().toString());
    }

    @Test
    void aRowThatDoesNotFillTheImageIsRefusedInWords() throws Exception {
        NetworkDocument d = doc("3x3x1", "1, 2, 3, 4, 5, 6, 7, 8 -> 0, 0, 0, 0");
        Compilation c = DocumentCompiler.compile(d);
        assertTrue(c.errors().stream().map(Problem::message).anyMatch(m -> m.contains("8 inputs")
                && m.contains("takes 9") && m.contains("3x3x1")), c.errors().toString());
        DataResolutionException e = assertThrows(DataResolutionException.class,
                () -> DataResolver.resolve(d, Path.of("."), false, new int[] {4}));
        assertTrue(e.getMessage().contains("each row has 8 inputs") && e.getMessage().contains("3x3x1 = 9"),
                e.getMessage());
    }
}
