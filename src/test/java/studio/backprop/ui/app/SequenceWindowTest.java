package studio.backprop.ui.app;

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

/** The LSTM template in the main window: the Sequences tab is there, and the stepper walks the unrolled steps. */
@ExtendWith(ApplicationExtension.class)
class SequenceWindowTest {

    private AppModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        TestWindow shown = TestWindow.show(stage, 780);
        model = shown.model();
        window = shown.window();
        model.open(Path.of("samples", "lstm-delayed-copy.bps"), m -> { });
    }

    @Test
    void theStepperWalksTheUnrolledLstm(FxRobot robot) throws Exception {
        await(() -> model.training().snapshotProperty().get() != null
                && model.training().snapshotProperty().get().document().name().startsWith("LSTM"));
        robot.interact(() -> window.showPage("Sequences"));
        robot.interact(() -> window.showPage("Stepper"));
        StepperView view = robot.lookup(".stepper").queryAs(StepperView.class);
        robot.clickOn(view.lookup(".stepper-formula"));
        robot.type(KeyCode.PAGE_DOWN);
        await(() -> record() != null);
        assertTrue(record().nodes().stream().anyMatch(n -> n.name().equals("lstm/t5/forget_gate")),
                "the record holds every step's gates");
        robot.type(KeyCode.PAGE_DOWN, 4);
        WaitForAsyncUtils.waitForFxEvents();
        String formula = window.scene().lookup(".stepper-formula") instanceof Label l ? l.getText() : "";
        assertTrue(formula.startsWith("forward"), formula);
        Path png = Path.of("target", "screens", "stepper-lstm.png");
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

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
