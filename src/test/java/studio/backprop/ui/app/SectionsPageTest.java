package studio.backprop.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.ui.export.PngExporter;

/** The Setup page edits the loss, optimiser, training plan and data: checked as typed, undoable, saved. */
@ExtendWith(ApplicationExtension.class)
class SectionsPageTest {

    @TempDir
    Path dir;

    private AppModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        TestWindow shown = TestWindow.show(stage, 800);
        model = shown.model();
        window = shown.window();
    }

    @Test
    void aLossChosenInTheAppIsSavedReadBackAndUndone(FxRobot robot) throws Exception {
        robot.interact(() -> model.open(Path.of("samples", "sigmoid-unit-or.bps"), m -> { }));
        await(() -> model.documentProperty().get() != null);
        robot.interact(() -> window.showPage("Setup"));
        WaitForAsyncUtils.waitForFxEvents();
        String before = model.documentProperty().get().loss().type();
        assertTrue(!model.history().canUndoProperty().get(), "showing a freshly opened file edits nothing");
        Label notes = robot.lookup("#setup-notes").queryAs(Label.class);
        assertTrue(notes.getText().startsWith("Look at: The loss falls smoothly"), "the sample's teaching text: "
                + notes.getText());

        ComboBox<?> loss = robot.lookup("#section-loss-type").queryComboBox();
        robot.clickOn(loss).clickOn("binary_cross_entropy");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("binary_cross_entropy", model.documentProperty().get().loss().type());
        ComboBox<?> reduction = robot.lookup("#section-loss-reduction").queryComboBox();
        robot.clickOn(reduction).clickOn("sum");
        assertEquals("sum", model.documentProperty().get().loss().get("reduction"));

        Path saved = dir.resolve("chosen.bps");
        AtomicReference<String> error = new AtomicReference<>();
        robot.interact(() -> model.saveAs(saved, () -> { }, error::set));
        await(() -> Files.exists(saved) && !model.dirtyProperty().get());
        assertNull(error.get());
        NetworkDocument reread = DocumentFormat.read(Files.readString(saved), "chosen.bps");
        assertEquals("binary_cross_entropy", reread.loss().type());
        assertEquals("sum", reread.loss().get("reduction"));

        robot.interact(() -> model.history().undo());
        robot.interact(() -> model.history().undo());
        assertEquals(before, model.documentProperty().get().loss().type(), "undo puts the loss back");
        assertEquals(before, loss.getValue(), "and the page shows it");
    }

    @Test
    void aValueIsCheckedAsItIsTypedAndCommittedWithEnter(FxRobot robot) throws Exception {
        robot.interact(() -> model.open(Path.of("samples", "spiral-playground.bps"), m -> { }));
        await(() -> model.documentProperty().get() != null);
        robot.interact(() -> window.showPage("Setup"));
        WaitForAsyncUtils.waitForFxEvents();
        TextField rate = robot.lookup("#section-optimizer-learning_rate").queryAs(TextField.class);
        robot.interact(() -> rate.setText("fast"));
        assertTrue(rate.getStyleClass().contains("invalid"));
        assertTrue(robot.lookup(".message").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("learning_rate: 'fast' is not a number")), "the engine's words");
        robot.interact(() -> rate.setText("0.05"));
        assertTrue(!rate.getStyleClass().contains("invalid"));
        robot.clickOn(rate).type(javafx.scene.input.KeyCode.ENTER);
        assertEquals("0.05", model.documentProperty().get().optimizer().get("learning_rate"));

        TextField momentum = robot.lookup("#section-optimizer-beta1").queryAs(TextField.class);
        assertTrue(momentum.isVisible(), "adam's own settings are offered");
        robot.interact(() -> model.themeProperty().set(AppModel.Theme.LIGHT));
        robot.interact(() -> picture("setup-page-light.png"));
        robot.interact(() -> model.themeProperty().set(AppModel.Theme.DARK));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> picture("setup-page-dark.png"));
        robot.interact(() -> model.themeProperty().set(AppModel.Theme.LIGHT));
    }

    private void picture(String name) {
        try {
            PngExporter.write(window.scene().getRoot(), Path.of("target", "screens", name), 1,
                    javafx.scene.paint.Color.WHITE);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
