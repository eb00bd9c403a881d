package studio.backprop.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** A hand-written file saved after edits keeps its # comments at the places they annotate. */
class FileCommentsTest {

    static final String ANNOTATED = """
            # Before the header: who wrote this sheet.
            backprop-studio network 1
            # About the whole network.
            name = Annotated
            input = 2

            # The hidden layer is small on purpose.
            [layer hidden]
            type = Dense
            # Two units: one per line of the XOR cut.
            units = 2
            activation = sigmoid
            # Closing note of the hidden layer.

            [layer output]
            type = Dense
            units = 1

            [optimizer sgd]
            learning_rate = 0.5
            # Momentum helps here.
            momentum = 0.9

            [training]
            batch_size = full
            epochs = 5

            [data inline]
            rows =
                # the two zeros
                0, 0 -> 0
                1, 1 -> 0
                # the two ones
                0, 1 -> 1
                1, 0 -> 1
            # The end of the sheet.
            """;

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            return files.filter(p -> p.toString().endsWith(".bps")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleKeepsItsCommentsInPlaceThroughAnEditOfOtherSettings(Path sample) throws Exception {
        String original = Files.readString(sample, StandardCharsets.UTF_8);
        NetworkDocument doc = DocumentFormat.read(original, sample.getFileName().toString());
        NetworkDocument edited = edited(doc);
        String saved = DocumentFormat.write(edited);

        assertEquals(commentLines(original), commentLines(saved), sample + ": the comment lines");
        assertEquals(FileComments.of(original), FileComments.of(saved), sample + ": where the comments sit");
        assertEquals(edited, DocumentFormat.read(saved, "saved"), sample + ": the edit itself");
        assertEquals(saved, DocumentFormat.write(DocumentFormat.read(saved, "saved")), sample + ": a second save");
    }

    @Test
    void commentsBeforeKeysHeadersValueLinesAndSectionEndsComeBackThere() throws Exception {
        NetworkDocument doc = DocumentFormat.read(ANNOTATED, "annotated.bps");
        String saved = DocumentFormat.write(doc.withOptimizer(doc.optimizer().with("learning_rate", "0.25")));

        assertEquals("""
                # Before the header: who wrote this sheet.
                backprop-studio network 1
                # About the whole network.
                name = Annotated
                input = 2

                # The hidden layer is small on purpose.
                [layer hidden]
                type = Dense
                # Two units: one per line of the XOR cut.
                units = 2
                activation = sigmoid
                # Closing note of the hidden layer.

                [layer output]
                type = Dense
                units = 1

                [loss mse]

                [optimizer sgd]
                learning_rate = 0.25
                # Momentum helps here.
                momentum = 0.9

                [training]
                batch_size = full
                epochs = 5

                [data inline]
                rows =
                    # the two zeros
                    0, 0 -> 0
                    1, 1 -> 0
                    # the two ones
                    0, 1 -> 1
                    1, 0 -> 1
                # The end of the sheet.
                """, saved);
    }

    @Test
    void aRemovedSettingsCommentMovesToTheEndOfItsSectionAndADeletedLayerTakesItsOwn() throws Exception {
        NetworkDocument doc = DocumentFormat.read(ANNOTATED, "annotated.bps");
        Map<String, String> settings = new LinkedHashMap<>(doc.optimizer().settings());
        settings.remove("momentum");
        String saved = DocumentFormat.write(doc.withOptimizer(new ComponentSpec("sgd", settings))
                .withoutLayer("hidden"));

        assertTrue(saved.contains("learning_rate = 0.5\n# Momentum helps here.\n"), saved);
        assertFalse(saved.contains("hidden layer"), saved);
        assertFalse(saved.contains("Two units"), saved);
        assertTrue(saved.contains("# About the whole network.\nname = Annotated\n"), saved);
    }

    @Test
    void renamingALayerKeepsItsComments() throws Exception {
        NetworkDocument doc = DocumentFormat.read(ANNOTATED, "annotated.bps");
        NetworkDocument renamed = doc.withReplaced("hidden", doc.layer("hidden").withName("middle"))
                .withComments(doc.comments().withLayerRenamed("hidden", "middle"));
        String saved = DocumentFormat.write(renamed);

        assertTrue(saved.contains("# The hidden layer is small on purpose.\n[layer middle]\n"), saved);
        assertTrue(saved.contains("# Two units: one per line of the XOR cut.\nunits = 2\n"), saved);
    }

    @Test
    void commentsDoNotMakeTwoDocumentsDifferent() throws Exception {
        NetworkDocument doc = DocumentFormat.read(ANNOTATED, "annotated.bps");
        assertEquals(doc.withComments(FileComments.NONE), doc);
        assertTrue(DocumentFormat.write(doc.withComments(FileComments.NONE)).lines().noneMatch(l -> l.contains("#")));
    }

    private static NetworkDocument edited(NetworkDocument doc) {
        NetworkDocument out = doc.withOptimizer(doc.optimizer().with("learning_rate", "0.0123"))
                .withTraining(doc.training().with("epochs", "77"));
        if (!doc.layers().isEmpty()) {
            LayerSpec first = doc.layers().get(0);
            out = out.withReplaced(first.name(), first.at(first.x() + 40, first.y() + 20));
        }
        return out;
    }

    private static List<String> commentLines(String text) {
        return text.lines().map(String::trim).filter(l -> l.startsWith("#")).toList();
    }
}
