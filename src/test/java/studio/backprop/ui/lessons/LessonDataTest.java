package studio.backprop.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.NetworkDocument;

/** What the data-handling lesson reads from a document, without a stage. */
class LessonDataTest {

    @Test
    void theDigitsBecomeATableOfTheirDigitAndTwoNumbersWithTheFilesPlan() {
        NetworkDocument doc = NetworkDocument.empty("digits", 28, 28, 1)
                .withData(new ComponentSpec("mnist", Map.of("count", "50")))
                .withTraining(new ComponentSpec("minibatch", Map.of("validation", "0.2", "test", "0.1",
                        "split", "last", "seed", "9")));
        assertTrue(LessonData.readable(doc));
        LessonData d = LessonData.of(doc, Path.of("samples"));
        assertEquals(50, d.table().rows());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), d.table().column("digit").levels());
        assertEquals(List.of("mean ink", "centre pixel"), d.table().numeric().stream()
                .map(c -> c.name()).toList());
        assertEquals(0.2, d.validation());
        assertEquals(0.1, d.test());
        assertTrue(d.last());
        assertEquals(9, d.seed());
    }

    @Test
    void aTableOutsideTheDocumentsFolderIsNotRead() {
        NetworkDocument doc = NetworkDocument.empty("far", 2)
                .withData(new ComponentSpec("csv", Map.of("file", "../../elsewhere.csv")));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LessonData.of(doc, Path.of("samples").toAbsolutePath()));
        assertTrue(e.getMessage().contains("outside its folder"), e.getMessage());
    }
}
