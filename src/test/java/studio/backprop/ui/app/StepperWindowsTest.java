package studio.backprop.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
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
 * A convolution and its pooling in the stepper: the window drawn on the image and moved by a click or ▶, the
 * gradient routed to the maximum (max pooling) or shared (average pooling), and the kernel's gradient; pictures of
 * each are written to target/screens to be looked at.
 */
@ExtendWith(ApplicationExtension.class)
class StepperWindowsTest {

    private AppModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        TestWindow shown = TestWindow.show(stage, 780);
        model = shown.model();
        window = shown.window();
    }

    @Test
    void theWindowSlidesForwardAndTheGradientGoesBackThroughIt(FxRobot robot) throws Exception {
        StepperView view = open(robot, Path.of("samples", "conv-pool-6x6.bps"));
        robot.type(KeyCode.RIGHT);
        assertTrue(formula().startsWith("forward · conv/z"), formula());
        assertEquals("conv: window at row 1, column 1 (position 1 of 16)", text("#stepper-units"));
        List<Map.Entry<String, Bounds>> cells = view.foldsOnScreen();
        assertEquals(16, cells.size(), "each cell of the 4×4 output can be clicked");
        Bounds sixth = cells.get(5).getValue();
        robot.clickOn(sixth.getCenterX(), sixth.getCenterY());
        assertEquals("conv: window at row 2, column 2 (position 6 of 16)", text("#stepper-units"));
        assertTrue(math().contains("y[2,2] = Σᵤᵥ x[2+u, 2+v]·k[u,v]"), "the maths follows the window: " + math());
        robot.clickOn("#stepper-units-next");
        assertEquals("conv: window at row 2, column 3 (position 7 of 16)", text("#stepper-units"));
        picture(robot, view, "stepper-conv-pool-forward.png");
        Path sketch = Path.of("target", "screens", "stepper-conv-sketch-2x.png");
        StepperView shown = view;
        robot.interact(() -> {
            try {
                PngExporter.write(shown.sketch(), sketch, 2, ExportBackground.WHITE);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(Files.size(sketch) > 10_000, "the drawing alone, at twice the size");
        robot.type(KeyCode.RIGHT, 2);
        assertTrue(formula().startsWith("forward · pool/maxPool2d"), formula());
        picture(robot, view, "stepper-maxpool-forward.png");
        robot.clickOn("backward");
        while (!formula().startsWith("backward · conv/relu")) {
            robot.type(KeyCode.RIGHT);
        }
        assertTrue(math().contains("max pooling sends each window's gradient to the input that was its maximum"),
                math());
        picture(robot, view, "stepper-maxpool-backward.png");
        while (!formula().startsWith("backward · conv/kernel")) {
            robot.type(KeyCode.RIGHT);
        }
        assertTrue(text("#stepper-units").startsWith("conv: window at row"), text("#stepper-units"));
        picture(robot, view, "stepper-conv-kernel-gradient.png");

        Path avg = Files.createTempDirectory("stepper-avg").resolve("conv-avgpool-6x6.bps");
        Files.writeString(avg, Files.readString(Path.of("samples", "conv-pool-6x6.bps"))
                .replace("type = MaxPool2D", "type = AvgPool2D"));
        view = open(robot, avg);
        robot.clickOn("backward");
        while (!formula().startsWith("backward · conv/relu")) {
            robot.type(KeyCode.RIGHT);
        }
        assertTrue(math().contains("average pooling shares each window's gradient equally among its 4 inputs"),
                math());
        picture(robot, view, "stepper-avgpool-backward.png");

        Path twice = avg.resolveSibling("conv-conv-6x6.bps");
        Files.writeString(twice, Files.readString(Path.of("samples", "conv-pool-6x6.bps"))
                .replace("type = MaxPool2D\npool = 2", "type = Conv2D\nfilters = 1\nkernel = 2\nactivation = linear")
                .replace("-> 5, 1, 1, 4", "-> 1, 2, 3, 4, 5, 6, 7, 8, 9")
                .replace("-> 1, 3, 2, 2", "-> 0, 0, 0, 0, 0, 0, 0, 0, 0"));
        view = open(robot, twice);
        robot.clickOn("backward");
        while (!formula().startsWith("backward · conv/relu")) {
            robot.type(KeyCode.RIGHT);
        }
        assertEquals("pool: window at row 1, column 1 (position 1 of 9)", text("#stepper-units"),
                "the second convolution's window, through which the gradient goes back");
        robot.clickOn("#stepper-units-next");
        picture(robot, view, "stepper-conv-input-gradient.png");
    }

    private StepperView open(FxRobot robot, Path file) throws Exception {
        String name = file.getFileName().toString();
        robot.interact(() -> model.open(file, m -> { }));
        await(() -> model.training().snapshotProperty().get() != null && model.fileProperty().get() != null
                && model.fileProperty().get().endsWith(name) && model.training().snapshotProperty().get()
                .document().name().equals(model.documentProperty().get().name())
                && model.training().snapshotProperty().get().step() == 0);
        robot.interact(() -> window.showPage("Stepper"));
        StepperView view = robot.lookup(".stepper").queryAs(StepperView.class);
        robot.clickOn(view.lookup(".stepper-formula"));
        robot.type(KeyCode.PAGE_DOWN);
        await(() -> record() != null && record().step() == 1);
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

    private StepRecord record() {
        var s = model.training().snapshotProperty().get();
        return s == null ? null : s.payloads().values().stream().filter(StepRecord.class::isInstance)
                .map(StepRecord.class::cast).findFirst().orElse(null);
    }

    private String text(String id) {
        WaitForAsyncUtils.waitForFxEvents();
        return window.scene().lookup(id) instanceof Label l ? l.getText() : "";
    }

    private String formula() {
        return text(".stepper-formula");
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
