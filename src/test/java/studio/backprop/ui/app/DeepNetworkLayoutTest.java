package studio.backprop.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.ui.editor.EditorCanvas;
import studio.backprop.ui.export.PngExporter;

/** VGG-16's 24 layers, opened in a 1280×800 window, fit the editor at a readable zoom, wires clear of the boxes. */
@ExtendWith(ApplicationExtension.class)
class DeepNetworkLayoutTest {

    private AppModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        TestWindow shown = TestWindow.show(stage, 800);
        model = shown.model();
        window = shown.window();
    }

    @Test
    void vgg16FitsTheWindowReadablyAndNoWireCrossesABox(FxRobot robot) throws Exception {
        check(robot, "vgg16", 25, "editor-vgg16.png");
        check(robot, "residual-block-digits", 9, "editor-residual.png");
    }

    private void check(FxRobot robot, String sample, int boxes, String picture) throws Exception {
        robot.interact(() -> model.open(Path.of("samples", sample + ".bps"), m -> { }));
        robot.interact(() -> window.showPage("Network"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".layer-node").queryAll().size() == boxes);
        WaitForAsyncUtils.waitForFxEvents();
        EditorCanvas canvas = robot.lookup("#editor-canvas").queryAs(EditorCanvas.class);
        double zoom = canvas.scaleOfSheet();
        assertTrue(zoom >= 0.55, sample + " is drawn at " + zoom + ", too small to read");
        Bounds view = canvas.localToScene(canvas.getLayoutBounds());
        List<Bounds> boxBounds = new ArrayList<>();
        for (Node box : robot.lookup(".layer-node").queryAll()) {
            Bounds b = box.localToScene(box.getLayoutBounds());
            assertTrue(view.contains(b), sample + ": a box lies outside the editor: " + b + " not in " + view);
            boxBounds.add(box.getBoundsInParent());
        }
        int checked = 0;
        for (Node wire : robot.lookup(".connection").queryAll()) {
            Shape line = Shape.union(new Rectangle(0, 0, 0, 0), (Shape) wire);
            javafx.scene.shape.Path copy = new javafx.scene.shape.Path(((javafx.scene.shape.Path) wire).getElements());
            copy.setFill(null);
            copy.setStroke(Color.BLACK);
            copy.setStrokeWidth(1);
            for (Bounds b : boxBounds) {
                // A wire touches its own two boxes at their ports, which stick out at the sides: leave those out.
                Rectangle inner = new Rectangle(b.getMinX() + 14, b.getMinY() + 3, b.getWidth() - 28,
                        b.getHeight() - 6);
                Bounds hit = Shape.intersect(copy, inner).getBoundsInLocal();
                assertTrue(hit.isEmpty() || hit.getWidth() <= 0, sample + ": a wire crosses the box at " + b);
            }
            checked += line == null ? 0 : 1;
        }
        assertEquals(boxes - 1 + (sample.startsWith("residual") ? 1 : 0), checked, "every wire checked");
        robot.interact(() -> {
            try {
                PngExporter.write(window.scene().getRoot(), Path.of("target", "screens", "window-" + picture), 1,
                        Color.WHITE);
                PngExporter.write(canvas, Path.of("target", "screens", picture), 1, Color.WHITE);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
