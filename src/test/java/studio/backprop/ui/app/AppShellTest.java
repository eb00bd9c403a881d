package studio.backprop.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.train.TrainerState;
import studio.backprop.ui.export.PngExporter;

/** The main window as a person meets it: a sample loaded, Play trains, Pause stops, nothing blocks. */
@ExtendWith(ApplicationExtension.class)
class AppShellTest {

    private AppModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        TestWindow shown = TestWindow.show(stage, 780);
        model = shown.model();
        window = shown.window();
        model.open(Path.of("samples", "spiral-playground.bps"), m -> { });
    }

    @Test
    void playTrainsTheLoadedSampleAndPauseStopsIt(FxRobot robot) throws Exception {
        await(() -> model.documentProperty().get() != null);
        assertEquals("Spiral playground", model.documentProperty().get().name());
        assertFalse(model.dirtyProperty().get());
        robot.clickOn("#play");
        await(() -> snapshotStep() > 20);
        assertEquals(TrainerState.RUNNING, model.training().snapshotProperty().get().state());
        assertTrue(window.controls().countersLabel().getText().startsWith("epoch "));
        robot.clickOn("#play");
        await(() -> model.training().snapshotProperty().get().state() == TrainerState.PAUSED);
        long paused = snapshotStep();
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(paused, snapshotStep());
        robot.interact(() -> picture("network-tab.png"));
        robot.interact(window::showTrainingTab);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        robot.interact(() -> picture("training-tab.png"));
        assertTrue(Files.size(Path.of("target", "screens", "training-tab.png")) > 10_000);
        robot.interact(() -> model.themeProperty().set(AppModel.Theme.DARK));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> picture("training-tab-dark.png"));
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

    @Test
    void stepButtonsMoveOneStepAtATime(FxRobot robot) throws Exception {
        await(() -> model.documentProperty().get() != null);
        robot.clickOn("#step-batch");
        await(() -> snapshotStep() == 1);
        robot.clickOn("#step-batch");
        await(() -> snapshotStep() == 2);
        robot.clickOn("#reset");
        await(() -> snapshotStep() == 0);
    }

    @Test
    void openingANetworkWithFileDataKeepsItsData(FxRobot robot) throws Exception {
        await(() -> model.documentProperty().get() != null);
        robot.interact(() -> model.open(Path.of("samples", "keras-cnn-34826.bps"), m -> { }));
        await(() -> model.documentProperty().get().name().startsWith("Keras"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("mnist", model.documentProperty().get().data().type(), "the 2-D panel must not swap the data");
        assertFalse(model.dirtyProperty().get());
    }

    @Test
    void presenterModeEnlargesTheEditorAndThePlaygroundAndGivesItBack(FxRobot robot) throws Exception {
        await(() -> model.documentProperty().get() != null);
        javafx.scene.Node sheet = ((studio.backprop.ui.export.Exportable) robot.lookup("#editor-canvas")
                .query()).exportNode();
        java.util.function.DoubleSupplier zoom = () -> ((javafx.scene.transform.Scale) sheet.getTransforms()
                .get(0)).getX();
        double before = zoom.getAsDouble();
        robot.interact(() -> model.presenterModeProperty().set(true));
        assertEquals(before * 1.5, zoom.getAsDouble(), 1e-9, "the editor zooms in with the larger type");
        robot.interact(window::showTrainingTab);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> picture("presenter-training.png"));
        robot.interact(() -> model.presenterModeProperty().set(false));
        assertEquals(before, zoom.getAsDouble(), 1e-9, "and back");
        javafx.scene.control.Button zoomIn = robot.lookup("+").queryButton();
        for (int i = 0; i < 12; i++) {
            robot.interact(zoomIn::fire);
        }
        double most = zoom.getAsDouble();
        assertEquals(studio.backprop.ui.editor.EditorViewModel.MAX_ZOOM, most, 1e-9, "zoomed in to the largest");
        robot.interact(() -> model.presenterModeProperty().set(true));
        robot.interact(() -> model.presenterModeProperty().set(false));
        assertEquals(most, zoom.getAsDouble(), 1e-9, "back to the same zoom even at the largest one");
    }

    private long snapshotStep() {
        var s = model.training().snapshotProperty().get();
        return s == null ? -1 : s.step();
    }

    private void await(BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            var s = model.training().snapshotProperty().get();
            throw new AssertionError("not reached: trainer active " + model.training().active() + ", snapshot "
                    + (s == null ? "none" : s.state() + " at step " + s.step() + ", " + s.message()) + ", status '"
                    + model.statusProperty().get() + "', document " + (model.documentProperty().get() == null ? "none"
                    : model.documentProperty().get().name()), e);
        }
    }
}
