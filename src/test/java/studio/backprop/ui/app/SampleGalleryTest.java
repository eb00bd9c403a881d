package studio.backprop.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The gallery shows each sample's title and what it is about, and a double click opens one. */
@ExtendWith(ApplicationExtension.class)
class SampleGalleryTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 300, 200));
        stage.show();
    }

    static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            return files.filter(p -> p.toString().endsWith(".bps")).sorted().toList();
        }
    }

    @Test
    void everySampleHasItsOwnTitleAndOneLineAboutIt() throws IOException {
        List<Path> samples = samples();
        for (Path sample : samples) {
            assertTrue(SampleCatalog.knows(sample), sample + " needs a title and a description in samples.properties");
            assertFalse(SampleCatalog.description(sample).contains("\n"), sample + ": one line");
        }
        assertEquals(samples.size(), new HashSet<>(samples.stream().map(SampleCatalog::title).toList()).size(),
                "titles tell the samples apart");
        assertEquals(Path.of("samples", "perceptron-or.bps"), SampleCatalog.inCourseOrder(samples).get(0),
                "the course starts with the perceptron");
    }

    @Test
    void aFileTheCatalogueLacksKeepsItsNameAndComesLast() {
        List<Path> ordered = SampleCatalog.inCourseOrder(List.of(Path.of("mine.bps"), Path.of("lenet5-digits.bps")));
        assertEquals(Path.of("mine.bps"), ordered.get(1));
        assertEquals("mine", SampleCatalog.title(Path.of("mine.bps")));
        assertEquals("", SampleCatalog.description(Path.of("mine.bps")));
    }

    @Test
    void aDoubleClickOnAnEntryOpensIt(FxRobot robot) throws IOException {
        List<Path> samples = samples();
        Dialog<Path>[] dialog = new Dialog[1];
        robot.interact(() -> {
            dialog[0] = SampleGallery.dialog(stage, samples);
            dialog[0].show();
        });
        Path wanted = Path.of("samples", "lenet5-digits.bps");
        ListView<Path> list = robot.from(dialog[0].getDialogPane()).lookup("#sample-gallery").queryListView();
        robot.interact(() -> list.scrollTo(wanted));
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> lenet = robot.from(list).lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> wanted.equals(c.getItem())).findFirst().orElseThrow();
        List<String> shown = lenet.lookupAll(".label").stream().map(n -> ((Label) n).getText()).toList();
        assertTrue(shown.contains("Handwritten digits: LeNet-5"), shown.toString());
        assertTrue(shown.stream().anyMatch(t -> t.startsWith("The classic convolutional network")), shown.toString());
        assertFalse(lenet.lookupAll("Canvas").isEmpty(), "each entry has a picture of its architecture");
        robot.interact(() -> list.getSelectionModel().select(wanted));
        Label notes = robot.from(dialog[0].getDialogPane()).lookup("#sample-notes").queryAs(Label.class);
        assertTrue(notes.getText().startsWith("Look at: The summary's output shapes shrink"), notes.getText());

        robot.interact(() -> {
            try {
                studio.backprop.ui.export.PngExporter.write(dialog[0].getDialogPane(),
                        Path.of("target", "app-pictures", "gallery.png"), 1, javafx.scene.paint.Color.WHITE);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        robot.doubleClickOn((Node) lenet);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(dialog[0].isShowing(), "the double click opened the sample");
        assertEquals(wanted, dialog[0].getResult());
    }
}
