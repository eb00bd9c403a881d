package studio.backprop.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentFormatTest {

    static final String EXERCISE = """
            backprop-studio network 1
            # A 2-2-2 sigmoid network with the weights of the exercise sheet.
            name = Two-two-two backprop exercise
            description = One forward and backward pass, then one update with η = 0.5.
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
            kernel = [[0.15, 0.25],
                      [0.20, 0.30]]
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
            epochs = 1
            order = listed
            steps = 1

            [data inline]
            rows =
                0.05, 0.10 -> 0.01, 0.99
            """;

    @Test
    void anExerciseFileReadsIntoTheDocumentItDescribes() throws DocumentFormatException {
        NetworkDocument doc = DocumentFormat.read(EXERCISE, "exercise.bps");
        assertEquals("Two-two-two backprop exercise", doc.name());
        assertArrayEquals(new int[] {2}, doc.inputShape());
        assertEquals(List.of("hidden", "output"), doc.layers().stream().map(LayerSpec::name).toList());
        assertEquals(List.of("hidden"), doc.layer("output").inputs());
        assertEquals("sigmoid", doc.layer("hidden").setting("activation"));
        WeightsSpec kernel = doc.weights().get(0);
        assertArrayEquals(new int[] {2, 2}, kernel.shape());
        assertArrayEquals(new double[] {0.15, 0.25, 0.20, 0.30}, kernel.values());
        assertEquals("mse", doc.loss().type());
        assertEquals("0.5", doc.optimizer().get("learning_rate"));
        assertEquals("0.05, 0.10 -> 0.01, 0.99", doc.data().get("rows"));
    }

    @Test
    void writingAndReadingBackGivesAnEqualDocument() throws DocumentFormatException {
        NetworkDocument doc = DocumentFormat.read(EXERCISE, "exercise.bps");
        String written = DocumentFormat.write(doc);
        assertEquals(doc, DocumentFormat.read(written, "again.bps"));
        assertEquals(written, DocumentFormat.write(DocumentFormat.read(written, "again.bps")));
    }

    @Test
    void branchingInputsAndPositionsSurviveARoundTrip() throws DocumentFormatException {
        NetworkDocument doc = NetworkDocument.empty("residual", 8, 8, 1)
                .withLayer(new LayerSpec("a", "Conv2D", java.util.Map.of("filters", "4", "padding", "same"),
                        List.of("input"), 10, 20))
                .withLayer(new LayerSpec("b", "Conv2D", java.util.Map.of("filters", "4", "padding", "same"),
                        List.of("a"), 10, 80.5))
                .withLayer(LayerSpec.of("sum", "Add", List.of("a", "b")));
        NetworkDocument back = DocumentFormat.read(DocumentFormat.write(doc), "r.bps");
        assertEquals(doc, back);
        assertEquals(80.5, back.layer("b").y());
    }

    @Test
    void aNewerFormatIsRefusedWithTheReason() {
        DocumentFormatException e = assertThrows(DocumentFormatException.class,
                () -> DocumentFormat.read("backprop-studio network 7\ninput = 2\n", "future.bps"));
        assertEquals("future.bps, line 1: this file uses format version 7, written by a newer Backprop Studio; "
                + "this version reads formats up to 1", e.getMessage());
    }

    @Test
    void malformedFilesNameTheLineAndTheProblem() {
        assertMessage("notes.txt, line 1: this is not a Backprop Studio file: the first line should read "
                + "'backprop-studio network 1', not 'hello'", "hello\n");
        assertMessage("f.bps, line 3: expected 'key = value' or a section like '[layer name]', found 'units 2'",
                "backprop-studio network 1\ninput = 2\nunits 2\n");
        assertMessage("f.bps, line 5: 'units' is given twice in this section (first on line 4)",
                "backprop-studio network 1\ninput = 2\n[layer h]\nunits = 2\nunits = 3\ntype = Dense\n");
        assertMessage("f.bps, line 3: layer 'h' has no type; add e.g. 'type = Dense'",
                "backprop-studio network 1\ninput = 2\n[layer h]\nunits = 2\n");
        assertMessage("f.bps, line 4: weights of 'h', kernel: rows have different lengths (2 and 1); every row must "
                + "have the same number of values", "backprop-studio network 1\ninput = 2\n[weights h]\n"
                + "kernel = [[1, 2], [3]]\n");
        assertMessage("f.bps, line 2: 'two' is not an input shape; write e.g. 2 or 28x28x1",
                "backprop-studio network 1\ninput = two\n");
        assertMessage("f.bps, line 3: unknown section '[layers]'; the sections are layer, weights, loss, optimizer, "
                + "training, data and exercise", "backprop-studio network 1\ninput = 2\n[layers]\n");
        assertMessage("f.bps: the file is empty; a network file starts with the line 'backprop-studio network 1'",
                "\n\n");
    }

    @Test
    void numberListsKeepTheirShapeAndRefuseUnevenNesting() {
        NumberLists.Parsed p = NumberLists.parse("[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]");
        assertArrayEquals(new int[] {2, 2, 2}, p.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, p.values());
        assertArrayEquals(new int[0], NumberLists.parse("-0.5").shape());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NumberLists.parse("[[1, 2], 3]"))
                .getMessage().contains("nested unevenly"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NumberLists.parse("[1, x]"))
                .getMessage().contains("'x' is not a number"));
        assertEquals("-0.0052877", NumberLists.plain(-0.0052877));
    }

    private static void assertMessage(String expected, String text) {
        String source = expected.substring(0, expected.indexOf(expected.contains(", line") ? ", line" : ":"));
        DocumentFormatException e = assertThrows(DocumentFormatException.class,
                () -> DocumentFormat.read(text, source));
        assertEquals(expected, e.getMessage());
    }
}
