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

/** The 784-128-64-10 MNIST network in the stepper: wide layers fold, and a click on a fold opens its units. */
@ExtendWith(ApplicationExtension.class)
class StepperWideLayersTest {

    private AppModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        TestWindow shown = TestWindow.show(stage, 780);
        model = shown.model();
        window = shown.window();
        model.open(Path.of("samples", "mnist-mlp-784-128-64-10.bps"), m -> { });
    }

    @Test
    void aClickOnAFoldOpensTheUnitsItStandsForInTheDrawingTheMathsAndTheTable(FxRobot robot) throws Exception {
        await(() -> model.training().snapshotProperty().get() != null
                && model.training().snapshotProperty().get().document().name().startsWith("MNIST"));
        robot.interact(() -> window.showPage("Stepper"));
        StepperView view = robot.lookup(".stepper").queryAs(StepperView.class);
        robot.clickOn(view.lookup(".stepper-formula"));
        robot.type(KeyCode.PAGE_DOWN);
        await(() -> record() != null);
        robot.type(KeyCode.PAGE_DOWN);
        assertTrue(formula().startsWith("forward · h1/matMul"), formula());
        assertTrue(math().contains("(xW)₁ = x₁·w₁₁"), math());
        List<Map.Entry<String, Bounds>> folds = view.foldsOnScreen();
        assertEquals(List.of("input", "h1", "h2"), folds.stream().map(Map.Entry::getKey).toList(),
                "784, 128 and 64 units fold; the ten logits are drawn whole");
        Bounds h1 = folds.get(1).getValue();
        robot.clickOn(h1.getCenterX(), h1.getCenterY());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("h1: units 5–8 of 128", text("#stepper-units"));
        assertTrue(math().startsWith("forward · h1/matMul\n(xW)₅ = x₁·w₁,₅") || math().contains("(xW)₅ = x₁·w₁₅"),
                math());
        assertTrue(formula().contains("h1/matMul"), formula());
        assertTrue(numbers().contains("units 5–8 of 128: ["), "the table and the numbers follow: " + numbers());
        robot.clickOn("#stepper-units-next");
        assertEquals("h1: units 9–12 of 128", text("#stepper-units"));
        robot.clickOn("#stepper-units-back");
        robot.clickOn("#stepper-units-back");
        assertEquals("h1: units 1–4 of 128", text("#stepper-units"));
        Path png = Path.of("target", "screens", "stepper-mnist-folded.png");
        robot.interact(() -> {
            try {
                PngExporter.write(view, png, 1, ExportBackground.WHITE);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(Files.size(png) > 10_000);
        robot.type(KeyCode.END);
        assertTrue(formula().startsWith("update · "), formula());
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

    private String numbers() {
        return text(".stepper-numbers");
    }

    private String math() {
        WaitForAsyncUtils.waitForFxEvents();
        StringBuilder sb = new StringBuilder();
        window.scene().getRoot().lookupAll(".stepper-math-heading").forEach(n -> sb.append(((Label) n).getText())
                .append('\n'));
        window.scene().getRoot().lookupAll(".stepper-math-line").forEach(n -> sb.append(((Label) n).getText())
                .append('\n'));
        return sb.toString();
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
