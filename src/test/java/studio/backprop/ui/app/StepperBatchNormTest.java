package studio.backprop.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.train.StepRecord;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.PngExporter;
import studio.backprop.ui.stepper.StepperView;

/** A network with batch normalisation in the stepper: Next steps a whole batch, and its maths is written out. */
@ExtendWith(ApplicationExtension.class)
class StepperBatchNormTest {

    private AppModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        TestWindow shown = TestWindow.show(stage, 780);
        model = shown.model();
        window = shown.window();
        model.open(Path.of("samples", "batchnorm-2-3-1.bps"), m -> { });
    }

    @Test
    void aBatchIsSteppedAndItsStatisticsWrittenOut(FxRobot robot) throws Exception {
        await(() -> model.training().snapshotProperty().get() != null
                && model.training().snapshotProperty().get().document().name().startsWith("Batch"));
        robot.interact(() -> window.showPage("Stepper"));
        assertEquals("before the first step · Next takes one on one batch", text("#stepper-where"));
        StepperView view = robot.lookup(".stepper").queryAs(StepperView.class);
        robot.clickOn(view.lookup(".stepper-formula"));
        robot.type(KeyCode.PAGE_DOWN);
        await(() -> record() != null);
        assertEquals(4, record().samples().length, "the whole batch of four");
        while (!text(".stepper-formula").startsWith("forward · bn/batchNorm")) {
            robot.type(KeyCode.RIGHT);
        }
        assertTrue(math().contains("channel 1: μ_B = (x₁ + x₂ + x₃ + x₄)/4 = "), math());
        picture(robot, view, "stepper-batchnorm-forward.png");
        robot.clickOn("backward");
        while (!text(".stepper-formula").startsWith("backward · hidden/matMul")) {
            robot.type(KeyCode.RIGHT);
        }
        assertTrue(math().contains("batch normalisation's gradient"), math());
        picture(robot, view, "stepper-batchnorm-backward.png");
    }

    private void picture(FxRobot robot, StepperView view, String name) throws Exception {
        Path png = Path.of("target", "screens", name);
        robot.interact(() -> {
            try {
                PngExporter.write(view, png, 1, ExportBackground.WHITE);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(Files.size(png) > 10_000, name);
    }

    private StepRecord record() {
        var s = model.training().snapshotProperty().get();
        return s == null ? null : s.payloads().values().stream().filter(StepRecord.class::isInstance)
                .map(StepRecord.class::cast).findFirst().orElse(null);
    }

    private String text(String id) {
        WaitForAsyncUtils.waitForFxEvents();
        return window.scene().lookup(id) instanceof Label l ? l.getText() : "";
    }

    private String math() {
        WaitForAsyncUtils.waitForFxEvents();
        StringBuilder sb = new StringBuilder();
        window.scene().getRoot().lookupAll(".stepper-math-line").forEach(n -> sb.append(((Label) n).getText())
                .append('\n'));
        return sb.toString();
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
