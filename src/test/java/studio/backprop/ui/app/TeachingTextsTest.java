package studio.backprop.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Teaching texts for every sample and page, the pictures of the gallery, and Help's shortcuts and lessons. */
@ExtendWith(ApplicationExtension.class)
class TeachingTextsTest {

    @Start
    void start(Stage stage) {
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 300, 200));
        stage.show();
    }

    @Test
    void everySampleAndPageHasWhatToLookAtWhatToTryAndTheFormula() throws IOException {
        for (Path sample : SampleGalleryTest.samples()) {
            TeachingText text = TeachingText.ofSample(sample).orElseThrow(() -> new AssertionError(sample
                    + " needs a teaching text in teaching.properties"));
            assertFalse(text.look().isBlank() || text.tryThis().isBlank() || text.formula().isBlank(), sample
                    .toString());
            assertTrue(SampleThumbnail.columns(sample).size() >= 2, sample + ": the input and a layer at least");
        }
        for (String page : List.of("Network", "Training", "Stepper", "Setup")) {
            assertTrue(TeachingText.ofPage(page).isPresent(), page);
        }
        assertTrue(SectionsPage.notesFor(null, studio.backprop.spec.NetworkDocument.empty("LeNet-5 on the digits", 1),
                Path.of("samples")).startsWith("Look at: The summary's output shapes"), "a network new from a template");
        assertTrue(SectionsPage.notesFor(null, studio.backprop.spec.NetworkDocument.empty("mine", 1),
                Path.of("samples")).startsWith("Look at: The loss, the optimiser"), "another network: the page's");
        assertEquals(List.of("input", "Conv2D", "MaxPool2D"), SampleThumbnail.columns(Path.of("samples",
                "lenet5-digits.bps")).stream().limit(3).map(SampleThumbnail.Column::kind).toList());
    }

    @Test
    void lessonsAreListedInCurriculumOrderAndPagesCanRegisterTheirOwn() {
        Lessons.register("B10", "a later topic", "somewhere");
        Lessons.register("B10", "a later topic", "somewhere");
        List<String> topics = Lessons.inCurriculumOrder().stream().map(Lessons.Lesson::topic).toList();
        assertEquals("A1", topics.get(0));
        assertTrue(topics.indexOf("B3") < topics.indexOf("B10") && topics.indexOf("B10") < topics.indexOf("C2"),
                topics.toString());
        assertEquals(1, topics.stream().filter("B10"::equals).count(), "registered once");
        assertThrows(IllegalArgumentException.class, () -> Lessons.register("gradient", "x", "y"));
    }

    @Test
    void helpShowsTheShortcutsAndTheLessons(FxRobot robot) throws Exception {
        TabPane[] help = new TabPane[1];
        robot.interact(() -> help[0] = HelpDialog.content());
        List<String> texts = help[0].getTabs().get(0).getContent().lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).toList();
        assertTrue(texts.contains("Ctrl+Enter, Ctrl+Space") && texts.contains("F1"), texts.toString());
        @SuppressWarnings("unchecked")
        ListView<String> lessons = (ListView<String>) help[0].getTabs().get(1).getContent().lookup(".list-view");
        assertTrue(lessons.getItems().get(0).startsWith("A1  Perceptron"), lessons.getItems().toString());
        robot.interact(() -> {
            Stage s = new Stage();
            s.setScene(new javafx.scene.Scene(help[0]));
            s.show();
            try {
                studio.backprop.ui.export.PngExporter.write(help[0], Path.of("target", "screens", "help-shortcuts.png"),
                        1, javafx.scene.paint.Color.WHITE);
                help[0].getSelectionModel().select(1);
                help[0].applyCss();
                help[0].layout();
                studio.backprop.ui.export.PngExporter.write(help[0], Path.of("target", "screens", "help-lessons.png"),
                        1, javafx.scene.paint.Color.WHITE);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            s.close();
        });
    }
}
