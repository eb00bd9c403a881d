package studio.backprop.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.spec.NetworkDocument;

/** What hands do in the editor: drag, drop, connect, move, select, delete, undo, type. */
@ExtendWith(ApplicationExtension.class)
class EditorHandsTest {

    private EditorViewModel vm;
    private EditorView view;

    @Start
    void start(Stage stage) {
        vm = new EditorViewModel(NetworkDocument.empty("hands", 2));
        view = new EditorView(vm);
        stage.setScene(new Scene(view, 1200, 760));
        stage.show();
    }

    @Test
    void dragADenseLayerFromThePaletteConnectItFromTheInputAndUndo(FxRobot robot) {
        robot.drag("#palette-Dense", MouseButton.PRIMARY).dropTo(centreOf(robot, 500, 150));
        assertNotNull(vm.document().layer("dense_1"), "the drop added a layer");
        LayerNode input = view.canvas().node("input");
        robot.drag(input.outPort(), MouseButton.PRIMARY).dropTo(view.canvas().node("dense_1"));
        assertEquals(List.of("input"), vm.document().layer("dense_1").inputs());
        assertNotNull(view.canvas().shapeLabel("input", "dense_1"));
        assertEquals("2", view.canvas().shapeLabel("input", "dense_1").getText());
        robot.clickOn(view.canvas().node("dense_1")).press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z,
                KeyCode.CONTROL);
        assertEquals(List.of(), vm.document().layer("dense_1").inputs(), "undo took back the connection");
    }

    @Test
    void aStillRightClickOnTheBackgroundOffersExportButARightDragPans(FxRobot robot) {
        Bounds all = view.canvas().localToScreen(view.canvas().getBoundsInLocal());
        robot.clickOn(all.getMinX() + 600, all.getMinY() + 400, MouseButton.SECONDARY);
        List<String> items = robot.listWindows().stream()
                .filter(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing())
                .flatMap(w -> ((javafx.scene.control.ContextMenu) w).getItems().stream())
                .map(javafx.scene.control.MenuItem::getText).toList();
        assertEquals(List.of(studio.backprop.ui.export.ExportMenu.EXPORT), items);
        robot.type(KeyCode.ESCAPE);
        double before = view.canvas().exportNode().getTranslateX();
        robot.drag(all.getMinX() + 600, all.getMinY() + 400, MouseButton.SECONDARY).moveBy(50, 0).drop();
        assertEquals(before + 50, view.canvas().exportNode().getTranslateX(), 1, "the right drag panned");
        assertTrue(robot.listWindows().stream().noneMatch(w -> w instanceof javafx.scene.control.ContextMenu
                && w.isShowing()), "and opened no menu");
    }

    @Test
    void moveRubberBandDeleteAndUndo(FxRobot robot) {
        robot.interact(() -> {
            vm.addLayer("Dense");
            vm.addLayer("Dense");
        });
        LayerNode first = view.canvas().node("dense_1");
        double x = vm.positionsProperty().get().get("dense_1").getX();
        robot.drag(first, MouseButton.PRIMARY).moveBy(60, 80).drop();
        assertEquals(x + 60, vm.document().layer("dense_1").x(), 2);
        assertEquals("Move dense_1", vm.history().undoDescriptionProperty().get(), "one drag, one command");

        Bounds all = view.canvas().localToScreen(view.canvas().getBoundsInLocal());
        robot.drag(all.getMinX() + 5, all.getMinY() + 5, MouseButton.PRIMARY)
                .dropTo(centreOf(robot, all.getWidth() - 10, all.getHeight() - 10));
        assertEquals(Set.of("input", "dense_1", "dense_2"), vm.selection());

        robot.type(KeyCode.DELETE);
        assertTrue(vm.document().layers().isEmpty());
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertEquals(2, vm.document().layers().size());
    }

    @Test
    void inspectorEditOfUnitsUpdatesTheParameterCountOnTheBox(FxRobot robot) {
        robot.interact(() -> vm.addLayer("Dense"));
        robot.clickOn(view.canvas().node("dense_1"));
        TextField units = robot.lookup("#setting-units").queryAs(TextField.class);
        robot.doubleClickOn(units).eraseText(3).write("5").type(KeyCode.ENTER);
        assertEquals("5", vm.document().layer("dense_1").setting("units"));
        assertTrue(labelTexts(view.canvas().node("dense_1")).contains("15 parameters"),
                labelTexts(view.canvas().node("dense_1")).toString());

        robot.doubleClickOn(units).eraseText(3).write("x");
        assertTrue(units.getStyleClass().contains("invalid"), "red while the text cannot be used");
    }

    @Test
    void paletteEnterAddsAfterTheSelectedLayer(FxRobot robot) {
        robot.interact(() -> view.palette().selectType("Dense"));
        robot.clickOn("#palette-Dense").type(KeyCode.ENTER);
        robot.interact(() -> view.palette().selectType("Activation"));
        robot.type(KeyCode.ENTER);
        assertEquals(List.of("dense_1"), vm.document().layer("activation_1").inputs());
        assertNotNull(view.canvas().shapeLabel("dense_1", "activation_1"));
        assertEquals("8", view.canvas().shapeLabel("dense_1", "activation_1").getText());
    }

    private static List<String> labelTexts(Node node) {
        return node.lookupAll(".label").stream().map(n -> ((javafx.scene.control.Label) n).getText()).toList();
    }

    private javafx.geometry.Point2D centreOf(FxRobot robot, double localX, double localY) {
        WaitForAsyncUtils.waitForFxEvents();
        return view.canvas().localToScreen(localX, localY);
    }
}
