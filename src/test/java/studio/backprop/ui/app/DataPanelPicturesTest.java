package studio.backprop.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.ui.export.PngExporter;
import studio.backprop.ui.training.DatasetPanel;
import studio.backprop.ui.training.Extent;

/** The data panel for the exercise sheets after the spiral: their own rows, fitted, in the light and the dark theme. */
@ExtendWith(ApplicationExtension.class)
class DataPanelPicturesTest {

    private AppModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        TestWindow shown = TestWindow.show(stage, 800);
        model = shown.model();
        window = shown.window();
    }

    @Test
    void theSheetsDataIsShownAsItIs(FxRobot robot) throws Exception {
        open(robot, "spiral-playground.bps", "Spiral");
        open(robot, "xor-2-2-1-given-weights.bps", "XOR");
        robot.interact(window::showTrainingTab);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        robot.interact(() -> picture("data-xor-light.png"));
        DatasetPanel panel = robot.lookup(".dataset-panel").queryAs(DatasetPanel.class);
        Extent plane = panel.plot().extent();
        assertTrue(plane.width() <= 3 && plane.xMin() < 0 && plane.xMax() > 1, "fitted to the sheet's points: " + plane);
        ComboBox<?> kind = robot.lookup("#data-set-kind").queryComboBox();
        assertEquals("Rows of the file", kind.getButtonCell().getText(), "not the previous file's Spiral");
        assertTrue(texts(panel).stream().noneMatch(t -> t.contains("Spiral") || t.contains("arm")), texts(panel)
                .toString());

        robot.clickOn(kind).clickOn("Spiral");
        assertEquals("Spiral", kind.getButtonCell().getText(), "choosing the set the box last held still acts");
        robot.interact(() -> model.open(Path.of("samples", "xor-2-2-1-given-weights.bps"), m -> { }));
        await(() -> "Rows of the file".equals(kind.getButtonCell().getText()));

        robot.interact(() -> model.themeProperty().set(AppModel.Theme.DARK));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> picture("data-xor-dark.png"));
        double[] centre = panel.plot().toView((plane.xMin() + plane.xMax()) / 2 + 0.13, plane.yMin() + 0.2);
        Color inside = WaitForAsyncUtils.asyncFx(() -> pixel(panel.plot(), centre[0], centre[1])).get();
        assertTrue(inside.getBrightness() < 0.35, "the data plot follows the dark theme: " + inside);

        open(robot, "backprop-2-2-2-exercise.bps", "Backprop");
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        robot.interact(() -> picture("data-regression-dark.png"));
        assertFalse(shown(panel), "the regression sheet's rows are not drawn as two classes of a spiral");
        robot.interact(() -> model.themeProperty().set(AppModel.Theme.LIGHT));
    }

    private static Color pixel(javafx.scene.Node node, double x, double y) {
        javafx.scene.image.WritableImage image = node.snapshot(null, null);
        return image.getPixelReader().getColor((int) x, (int) y);
    }

    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> texts(javafx.scene.Parent root) {
        return root.lookupAll(".label").stream().map(n -> ((Labeled) n).getText()).toList();
    }

    private void open(FxRobot robot, String file, String namePrefix) throws Exception {
        robot.interact(() -> model.open(Path.of("samples", file), m -> { }));
        await(() -> model.documentProperty().get() != null
                && model.documentProperty().get().name().startsWith(namePrefix));
        WaitForAsyncUtils.waitForFxEvents();
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
    }
}
