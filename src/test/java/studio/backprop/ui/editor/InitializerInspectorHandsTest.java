package studio.backprop.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.ui.export.PngExporter;

/** Typing an initialiser with its numbers into the inspector: checked as typed, committed once, undoable. */
@ExtendWith(ApplicationExtension.class)
class InitializerInspectorHandsTest {

    private EditorViewModel vm;
    private EditorView view;

    @Start
    void start(Stage stage) {
        vm = new EditorViewModel(NetworkDocument.empty("init", 2));
        view = new EditorView(vm);
        stage.setScene(new Scene(view, 1200, 760));
        stage.show();
    }

    @Test
    void aNormalWithItsSigmaIsTypedCheckedCommittedAndUndone(FxRobot robot) throws Exception {
        robot.interact(() -> vm.addLayer("Dense"));
        robot.clickOn(view.canvas().node("dense_1"));
        @SuppressWarnings("unchecked")
        ComboBox<String> box = robot.lookup("#setting-kernel_initializer").queryAs(ComboBox.class);
        assertTrue(box.getItems().contains("normal(0.05)"), box.getItems().toString());
        robot.clickOn(box.getEditor()).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("normal(-1)");
        assertTrue(box.getStyleClass().contains("invalid"), "red while σ is negative");
        assertTrue(robot.lookup(".message").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.isVisible() && l.getText().contains("cannot be negative")));
        snapshot(robot, "inspector-initializer-invalid.png");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("normal(0.1)")
                .type(KeyCode.ENTER);
        assertTrue(!box.getStyleClass().contains("invalid"));
        assertEquals("normal(0.1)", vm.document().layer("dense_1").setting("kernel_initializer"));
        snapshot(robot, "inspector-initializer.png");
        robot.interact(() -> vm.history().undo());
        assertEquals(null, vm.document().layer("dense_1").setting("kernel_initializer"));
    }

    private void snapshot(FxRobot robot, String name) throws Exception {
        Path png = Path.of("target", "screens", name);
        Files.createDirectories(png.getParent());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(4);
        robot.interact(() -> {
            try {
                PngExporter.write(view.inspector(), png, 1, javafx.scene.paint.Color.WHITE);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
