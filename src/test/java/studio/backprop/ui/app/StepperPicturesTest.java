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

/**
 * The stepper's pictures of the 2-2-2 exercise at a forward, a backward and an update stage, and of a convolution,
 * with the stage's mathematics written out beside the drawing (written to target/screens to be looked at).
 */
@ExtendWith(ApplicationExtension.class)
class StepperPicturesTest {

    private AppModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        TestWindow shown = TestWindow.show(stage, 780);
        model = shown.model();
        window = shown.window();
    }

    @Test
    void forwardBackwardAndUpdateOfTheTwoTwoTwoSheetAndAConvolution(FxRobot robot) throws Exception {
        StepperView view = open(robot, "exercise-backprop-2-2-2.bps");
        robot.type(KeyCode.RIGHT, 3);
        assertTrue(math().contains("a₁ = σ(z₁) = 1 / (1 + e^(−0.3775)) = 0.59327"), math());
        picture(robot, view, "stepper-2-2-2-forward.png");
        robot.clickOn("backward");
        robot.type(KeyCode.RIGHT, 5);
        assertTrue(math().contains("δ₁ = ∂L/∂a₁ · σ′(z₁) = ∂L/∂a₁ · a₁(1 − a₁) = 0.741365 · 0.751365·(1 − 0.751365) "
                + "= 0.741365 · 0.186816 = 0.138499"), math());
        picture(robot, view, "stepper-2-2-2-backward.png");
        robot.clickOn("update");
        robot.type(KeyCode.RIGHT, 2);
        assertTrue(math().contains("w₁₁′ = w₁₁ − η·∂L/∂w₁₁ = 0.4 − 0.5·0.082167 = 0.358916"), math());
        picture(robot, view, "stepper-2-2-2-update.png");

        view = open(robot, "exercise-convolution.bps");
        robot.type(KeyCode.RIGHT);
        assertTrue(math().contains("y[1,1] = Σᵤᵥ x[1+u, 1+v]·k[u,v]"), math());
        picture(robot, view, "stepper-conv-forward.png");
        robot.clickOn("update");
        robot.type(KeyCode.LEFT);
        assertTrue(math().contains("every position of the window adds its input"), math());
        assertTrue(math().contains("∂L/∂k[1,1] = "), math());
        picture(robot, view, "stepper-conv-backward.png");
    }

    private StepperView open(FxRobot robot, String sample) throws Exception {
        robot.interact(() -> model.open(Path.of("samples", sample), m -> { }));
        await(() -> model.training().snapshotProperty().get() != null && model.fileProperty().get() != null
                && model.fileProperty().get().endsWith(sample) && model.training().snapshotProperty().get()
                .document().name().equals(model.documentProperty().get().name()));
        robot.interact(() -> window.showPage("Stepper"));
        StepperView view = robot.lookup(".stepper").queryAs(StepperView.class);
        robot.clickOn(view.lookup(".stepper-formula"));
        robot.type(KeyCode.PAGE_DOWN);
        await(() -> record() != null);
        return view;
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

    private String math() {
        WaitForAsyncUtils.waitForFxEvents();
        StringBuilder sb = new StringBuilder();
        window.scene().getRoot().lookupAll(".stepper-math-line").forEach(n -> {
            if (n instanceof Label l) {
                sb.append(l.getText()).append('\n');
            }
        });
        return sb.toString();
    }

    private StepRecord record() {
        var s = model.training().snapshotProperty().get();
        return s == null ? null : s.payloads().values().stream().filter(StepRecord.class::isInstance)
                .map(StepRecord.class::cast).findFirst().orElse(null);
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
