package studio.backprop.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.ui.export.PngExporter;

/** A wire dropped on a layer that already has its one input, and the wire's menu, as hands meet them. */
@ExtendWith(ApplicationExtension.class)
class WireDropHandsTest {

    private EditorViewModel vm;
    private EditorView view;

    @Start
    void start(Stage stage) {
        NetworkDocument doc = NetworkDocument.empty("wires", 2)
                .withLayer(dense("hidden_1", "input", 220, 60))
                .withLayer(dense("hidden_2", "input", 220, 300))
                .withLayer(dense("out_1", "hidden_1", 520, 180));
        vm = new EditorViewModel(doc);
        view = new EditorView(vm);
        stage.setScene(new Scene(view, 1200, 760));
        stage.show();
    }

    private static LayerSpec dense(String name, String input, double x, double y) {
        return new LayerSpec(name, "Dense", Map.of("units", "2"), List.of(input), x, y);
    }

    @Test
    void aWireDroppedOnAnOccupiedInputReplacesTheOldOneSaysSoBesideThePointerAndUndoes(FxRobot robot) {
        robot.drag(view.canvas().node("hidden_2").outPort(), MouseButton.PRIMARY)
                .dropTo(view.canvas().node("out_1"));

        assertEquals(List.of("hidden_2"), vm.document().layer("out_1").inputs(), "the new wire took the old's place");
        assertEquals("Reconnect out_1 to hidden_2", vm.history().undoDescriptionProperty().get(), "one step");
        Node notice = view.canvas().notice();
        assertTrue(notice.isVisible(), "the canvas says what happened");
        assertTrue(view.canvas().notice().getText().contains("instead of 'hidden_1'"),
                view.canvas().notice().getText());
        assertNoticeNear(notice, view.canvas().node("out_1"));
        picture(robot, "wire-replaced.png");

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertEquals(List.of("hidden_1"), vm.document().layer("out_1").inputs(), "undo puts the old wire back");
    }

    @Test
    void aRefusedWireSaysWhyOnTheCanvas(FxRobot robot) {
        NetworkDocument before = vm.document();
        robot.drag(view.canvas().node("out_1").outPort(), MouseButton.PRIMARY)
                .dropTo(view.canvas().node("hidden_1"));

        assertEquals(before, vm.document(), "nothing changed");
        Node notice = view.canvas().notice();
        assertTrue(notice.isVisible(), "the refusal shows where the wire was dropped");
        assertTrue(notice.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("refusal")));
        assertTrue(view.canvas().notice().getText().contains("would make a loop"), view.canvas().notice().getText());
        assertNoticeNear(notice, view.canvas().node("hidden_1"));
        picture(robot, "wire-refused.png");

        robot.clickOn(notice);
        assertFalse(notice.isVisible(), "a click puts it away");
    }

    @Test
    void theWiresMenuShowsLayerNamesWithTheirUnderscores(FxRobot robot) {
        robot.rightClickOn(view.canvas().shapeLabel("hidden_1", "out_1"));
        WaitForAsyncUtils.waitForFxEvents();
        ContextMenu menu = robot.listWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing())
                .map(w -> (ContextMenu) w).findFirst().orElseThrow();
        MenuItem disconnect = menu.getItems().get(0);
        assertFalse(disconnect.isMnemonicParsing(), "an underscore is text here");
        List<String> shown = texts(menu);
        assertTrue(shown.stream().anyMatch(t -> t.contains("hidden_1 → out_1")), shown.toString());
        robot.interact(menu::hide);
    }

    /** The editor as it looks now, written to target/ for a person to look at. */
    private void picture(FxRobot robot, String name) {
        robot.interact(() -> {
            try {
                PngExporter.write(view, Path.of("target", "editor-pictures", name), 1, Color.WHITE);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The texts the menu draws (what the eye reads, after any mnemonic underscores were taken out). */
    private static List<String> texts(Window window) {
        List<String> out = new java.util.ArrayList<>();
        collect(window.getScene().getRoot(), out);
        return out;
    }

    private static void collect(Node node, List<String> out) {
        if (node instanceof Text text) {
            out.add(text.getText());
        }
        if (node instanceof javafx.scene.Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, out));
        }
    }

    private static void assertNoticeNear(Node notice, Node target) {
        Bounds n = notice.localToScreen(notice.getBoundsInLocal());
        Bounds t = target.localToScreen(target.getBoundsInLocal());
        double dx = Math.max(0, Math.max(t.getMinX() - n.getMaxX(), n.getMinX() - t.getMaxX()));
        double dy = Math.max(0, Math.max(t.getMinY() - n.getMaxY(), n.getMinY() - t.getMaxY()));
        assertTrue(Math.hypot(dx, dy) < 60, "the notice " + n + " is beside the drop target " + t);
    }
}
