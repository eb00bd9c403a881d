package studio.backprop.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.TrainerState;
import studio.backprop.train.TrainingSnapshot;

/**
 * Where two features meet training: the regressions of the session boundary, done with the window's own controls.
 */
@ExtendWith(ApplicationExtension.class)
class SessionBoundaryTest {

    private AppModel model;
    private MainWindow window;
    private final AtomicReference<String> error = new AtomicReference<>();

    @Start
    void start(Stage stage) throws Exception {
        TestWindow shown = TestWindow.show(stage, 780);
        model = shown.model();
        window = shown.window();
        model.open(Path.of("samples", "spiral-playground.bps"), error::set);
    }

    @Test
    void changingTheOptimizerAfterAStepKeepsTrainingAndItsSettings(FxRobot robot) throws Exception {
        await(() -> snapshot() != null && "Spiral playground".equals(snapshot().document().name()));
        robot.clickOn("#step-batch");
        await(() -> snapshot().step() == 1);
        NetworkDocument before = model.documentProperty().get();
        robot.interact(() -> model.edit(new DocumentEdit("momentum", d -> d.withOptimizer(d.optimizer()
                .with("momentum", "0.8").with("schedule", "step").with("decay_steps", "50")))));
        robot.interact(() -> robot.lookup("#optimizer").queryAs(ChoiceBox.class).setValue("momentum"));
        WaitForAsyncUtils.waitForFxEvents();
        NetworkDocument changed = model.documentProperty().get();
        assertEquals("momentum", changed.optimizer().type());
        assertEquals("0.8", changed.optimizer().get("momentum"), "the other settings stay");
        assertEquals("step", changed.optimizer().get("schedule"));
        assertEquals(before.optimizer().get("learning_rate"), changed.optimizer().get("learning_rate"));
        robot.clickOn("#play");
        await(() -> snapshot().step() > 30);
        assertEquals(TrainerState.RUNNING, snapshot().state(), "the trainer lives on: " + snapshot().message());
        assertEquals("momentum", snapshot().document().optimizer().type(), "the session runs the new optimizer");
        robot.clickOn("#play");
        await(() -> snapshot().state() == TrainerState.PAUSED);
        robot.interact(() -> model.history().undo());
        long steps = snapshot().step();
        robot.clickOn("#step-batch");
        await(() -> snapshot().step() == steps + 1);
        assertEquals(before.optimizer().type(), snapshot().document().optimizer().type(), "undo reaches the trainer");
        assertNull(error.get());
    }

    @Test
    void movingABoxKeepsTheStepCount(FxRobot robot) throws Exception {
        await(() -> snapshot() != null);
        robot.clickOn("#step-batch");
        robot.clickOn("#step-batch");
        await(() -> snapshot().step() == 2);
        long session = snapshot().session();
        robot.interact(() -> model.edit(new DocumentEdit("move", d -> {
            LayerSpec h1 = d.layer("h1");
            return d.withReplaced("h1", h1.at(h1.x() + 40, h1.y() + 25));
        })));
        robot.clickOn("#step-batch");
        await(() -> snapshot().step() == 3);
        assertEquals(session, snapshot().session(), "the same session goes on");
    }

    @Test
    void anEditThatRestartsTrainingCanBeUndoneWithItsRun(FxRobot robot) throws Exception {
        await(() -> snapshot() != null);
        for (int i = 1; i <= 3; i++) {
            robot.clickOn("#step-batch");
            int n = i;
            await(() -> snapshot().step() == n);
        }
        long session = snapshot().session();
        robot.interact(() -> model.edit(new DocumentEdit("wider", d -> d.withReplaced("h1",
                d.layer("h1").withSetting("units", "6")))));
        await(() -> snapshot() != null && snapshot().session() != session);
        assertEquals(0, snapshot().step(), "a new computation starts at step 0");
        assertTrue(model.statusProperty().get().contains("the settings of 'h1' changed"),
                model.statusProperty().get());
        robot.interact(() -> model.history().undo());
        await(() -> snapshot() != null && snapshot().session() == session);
        assertEquals(3, snapshot().step(), "undo brings the earlier run back, never a lost run");
    }

    @Test
    void openingLeNetAfterTheSpiralShowsLeNetBeforePlay(FxRobot robot) throws Exception {
        await(() -> snapshot() != null);
        robot.clickOn("#step-batch");
        await(() -> snapshot().step() == 1);
        robot.interact(() -> model.open(Path.of("samples", "lenet5-digits.bps"), error::set));
        await(() -> snapshot() != null && snapshot().document().name().contains("LeNet"));
        TrainingSnapshot s = snapshot();
        assertEquals(0, s.step());
        assertEquals(0, s.stepLoss().size(), "no curve of the spiral is left");
        assertTrue(window.controls().countersLabel().getText().endsWith("/" + s.epochSize()),
                window.controls().countersLabel().getText());
        assertNotEquals(280, s.epochSize(), "the digits, not the spiral's 280 points");
        assertNull(error.get());
    }

    @Test
    void leNetOpenedAfterTheMnistMlpGetsTheDigitsAsImages(FxRobot robot) throws Exception {
        // Both files read the same [data mnist] section: 784 flat values for the MLP, 28×28×1 for LeNet.
        robot.interact(() -> model.open(Path.of("samples", "mnist-mlp-784-128-64-10.bps"), error::set));
        await(() -> snapshot() != null && snapshot().document().name().contains("MLP"));
        robot.interact(() -> model.open(Path.of("samples", "lenet5-digits.bps"), error::set));
        await(() -> snapshot() != null && snapshot().document().name().contains("LeNet"));
        assertNull(model.whyNoSession(), model.whyNoSession());
        robot.clickOn("#step-batch");
        await(() -> snapshot().step() == 1);
        assertNull(error.get());
    }

    @Test
    void aPerceptronFileTrainsWithPlayAndNoSettingsError(FxRobot robot) throws Exception {
        robot.interact(() -> model.open(Path.of("samples", "perceptron-or.bps"), error::set));
        await(() -> snapshot() != null && snapshot().document().name().contains("OR"));
        assertFalse(robot.lookup("#optimizer").queryAs(ChoiceBox.class).isVisible(),
                "the perceptron rule has no optimizer to choose");
        TextField eta = robot.lookup("#learning-rate").queryAs(TextField.class);
        assertEquals("1", eta.getText());
        assertFalse(eta.getStyleClass().contains("invalid"));
        robot.clickOn("#play");
        await(() -> snapshot().state() == TrainerState.FINISHED);
        assertTrue(snapshot().message().startsWith("Converged"), snapshot().message());
        assertEquals(12, snapshot().step(), "three epochs of four samples: the classic OR trace");
        studio.backprop.ui.training.PlaygroundView playground = robot.lookup(".playground")
                .queryAs(studio.backprop.ui.training.PlaygroundView.class);
        assertTrue(playground.outputView().isVisible(), "the gate's own points and the line are drawn");
        await(() -> playground.outputView().grid() != null);
        assertNull(error.get());
    }

    @Test
    void aNotANumberLearningRateIsRefusedInWordsAndTheDocumentKeepsItsRate(FxRobot robot) throws Exception {
        await(() -> snapshot() != null);
        String rate = model.documentProperty().get().optimizer().get("learning_rate");
        robot.doubleClickOn("#learning-rate").write("fast").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.statusProperty().get().contains("must be a positive number, not 'fast'"),
                model.statusProperty().get());
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        assertEquals(rate, model.documentProperty().get().optimizer().get("learning_rate"));
        assertTrue(robot.lookup("#learning-rate").queryAs(TextField.class).getStyleClass().contains("invalid"));
    }

    /**
     * A learning rate typed and left without Enter (Play clicked instead, or Enter taken by the field's context menu)
     * is applied when the field loses focus: it used to stay on show while the run used the document's. A bad one
     * left the same way is refused in words, and the document keeps its rate.
     */
    @Test
    void aLearningRateTypedAndLeftWithoutEnterIsAppliedOrRefused(FxRobot robot) throws Exception {
        await(() -> snapshot() != null);
        String rate = model.documentProperty().get().optimizer().get("learning_rate");
        robot.doubleClickOn("#learning-rate").eraseText(12).write("0.0625");
        robot.interact(() -> robot.lookup("#play").query().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0.0625", model.documentProperty().get().optimizer().get("learning_rate"));
        robot.interact(() -> model.history().undo());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(rate, model.documentProperty().get().optimizer().get("learning_rate"), "undone as one edit");
        TextField eta = robot.lookup("#learning-rate").queryAs(TextField.class);
        assertEquals(rate, eta.getText().trim(), "the field shows the document's rate again");
        boolean couldUndo = model.history().canUndoProperty().get();
        robot.clickOn("#learning-rate");
        robot.interact(() -> robot.lookup("#play").query().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(couldUndo, model.history().canUndoProperty().get(), "leaving the field unchanged edits nothing");
        int windows = showingWindows(robot);
        robot.doubleClickOn("#learning-rate").eraseText(12).write("slow");
        robot.interact(() -> robot.lookup("#play").query().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.statusProperty().get().contains("must be a positive number, not 'slow'"),
                model.statusProperty().get());
        assertEquals(windows + 1, showingWindows(robot), "one dialog says why");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        assertEquals(rate, model.documentProperty().get().optimizer().get("learning_rate"));
        assertTrue(eta.getStyleClass().contains("invalid"));
        robot.clickOn("#learning-rate").type(javafx.scene.input.KeyCode.ENTER);
        // on a desktop the dialog takes the focus from the field (Monocle's headless windows do not)
        robot.interact(() -> robot.lookup("#play").query().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(windows + 1, showingWindows(robot), "Enter tries again; the field losing the focus to its "
                + "dialog does not stack a second one");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(windows, showingWindows(robot));
    }

    private static int showingWindows(FxRobot robot) {
        int[] count = new int[1];
        robot.interact(() -> count[0] = (int) javafx.stage.Window.getWindows().stream()
                .filter(javafx.stage.Window::isShowing).count());
        return count[0];
    }

    private TrainingSnapshot snapshot() {
        return model.training().snapshotProperty().get();
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
