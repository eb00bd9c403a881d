package studio.backprop.ui.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

/** A student's hands on the stepper: a 2-2-1 network walked with the keyboard, forwards and back. */
@ExtendWith(ApplicationExtension.class)
class StepperHandsTest {

    private AppModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        TestWindow shown = TestWindow.show(stage, 780);
        model = shown.model();
        window = shown.window();
        model.open(Path.of("samples", "xor-2-2-1-given-weights.bps"), m -> { });
    }

    @Test
    void theKeyboardWalksAStepAndStepsBackExactly(FxRobot robot) throws Exception {
        await(() -> model.training().snapshotProperty().get() != null
                && model.training().snapshotProperty().get().document().name().startsWith("XOR"));
        robot.interact(() -> window.showPage("Stepper"));
        StepperView view = robot.lookup(".stepper").queryAs(StepperView.class);
        robot.clickOn(view.lookup(".stepper-formula"));
        robot.type(KeyCode.PAGE_DOWN);
        await(() -> record() != null);
        StepRecord first = record();
        assertEquals(1, first.step());
        assertTrue(formula().startsWith("forward · input:"), formula());
        robot.type(KeyCode.PAGE_DOWN, 3);
        assertTrue(formula().contains("hidden"), formula());
        robot.type(KeyCode.END);
        assertTrue(formula().startsWith("update · "), formula());
        robot.type(KeyCode.SPACE);
        await(() -> record() != null && record().step() == 2);
        assertTrue(formula().startsWith("forward · "), "a new step starts at its first stage: " + formula());
        robot.type(KeyCode.PAGE_UP);
        await(() -> record() != null && record().step() == 1);
        assertTrue(formula().startsWith("update · "), "back at the end of the first step: " + formula());
        assertArrayEquals(first.after().get("hidden/kernel").values(), record().after().get("hidden/kernel").values(),
                "stepping back restores the first step exactly");
        robot.type(KeyCode.SPACE);
        await(() -> record() != null && record().step() == 2);
        StepRecord again = record();
        robot.type(KeyCode.PAGE_UP);
        await(() -> record().step() == 1);
        robot.type(KeyCode.SPACE);
        await(() -> record().step() == 2);
        assertArrayEquals(again.after().get("output/kernel").values(), record().after().get("output/kernel").values(),
                "forward again gives the same numbers, bit for bit");
        Path png = Path.of("target", "screens", "stepper-2-2-1.png");
        robot.interact(() -> {
            try {
                PngExporter.write(view, png, 1, ExportBackground.WHITE);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(Files.size(png) > 10_000);
    }

    private StepRecord record() {
        var s = model.training().snapshotProperty().get();
        return s == null ? null : s.payloads().values().stream().filter(StepRecord.class::isInstance)
                .map(StepRecord.class::cast).findFirst().orElse(null);
    }

    private String formula() {
        WaitForAsyncUtils.waitForFxEvents();
        return window.scene().lookup(".stepper-formula") instanceof Label l ? l.getText() : "";
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
