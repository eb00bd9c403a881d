package studio.backprop.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.train.TrainingLoop;
import studio.backprop.train.TrainingSnapshot;

/** The Playground screen with a real trainer: drawing points, reading a weight by hovering, typing a new one. */
@ExtendWith(ApplicationExtension.class)
class PlaygroundViewTest {

    private final DatasetViewModel data = new DatasetViewModel();
    private TrainingViewModel training;
    private PlaygroundView playground;
    private DatasetPanel panel;

    @Start
    void start(Stage stage) {
        training = new TrainingViewModel();
        panel = new DatasetPanel(data);
        playground = new PlaygroundView(training, data);
        training.start(new TrainingLoop(DocumentCompiler.compile(PlaygroundDocuments.dense("p", 6, 8, "tanh", 1)),
                data.dataProperty().get()));
        stage.setScene(new Scene(new HBox(panel, playground), 1290, 560));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(training::stop).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aClickOnThePlotAddsAPointOfTheChosenClass(FxRobot robot) {
        int before = data.dataProperty().get().trainSize();
        robot.clickOn("#tool-class-1");
        DecisionBoundaryView plot = panel.plot();
        double[] at = plot.toView(2, 3);
        robot.clickOn(plot.localToScreen(at[0], at[1]));
        assertEquals(before + 1, data.dataProperty().get().trainSize());
        DataPoint added = data.points().get(data.points().size() - 1);
        assertEquals(2, added.x(), 0.1);
        assertEquals(3, added.y(), 0.1);
        assertEquals(1, added.label());
        assertEquals(DatasetViewModel.Source.DRAWN, data.sourceProperty().get());
    }

    @Test
    void twoDimensionalDataThePanelDoesNotDriveIsDrawnFromTheSession(FxRobot robot) throws Exception {
        awaitWeights();
        // a logic gate or an exercise's rows: the panel stays out of the way, the plane shows the session's points
        WaitForAsyncUtils.asyncFx(() -> playground.planarDataProperty().set(false)).get(5, TimeUnit.SECONDS);
        assertTrue(playground.outputView().isVisible());
        Label status = robot.lookup(".playground-status").queryAs(Label.class);
        assertEquals("", status.getText());
        WaitForAsyncUtils.asyncFx(() -> playground.planarDataProperty().set(true)).get(5, TimeUnit.SECONDS);
        assertTrue(playground.outputView().isVisible());
        assertEquals("", status.getText());
    }

    @Test
    void hoveringAWeightLineShowsItsValue(FxRobot robot) {
        float weight = awaitWeights().values()[1];
        robot.moveTo(linePoint(0, 1));
        String text = playground.networkView().hoverTextProperty().get();
        assertEquals("Weight x1 → h1 #2 = " + PlaygroundNetworkView.format(weight) + "  (click to change)", text);
        assertTrue(robot.lookup(".playground-hover").queryAs(Label.class).isVisible());
    }

    @Test
    void aTypedWeightReachesTheTrainer(FxRobot robot) {
        awaitWeights();
        robot.clickOn(linePoint(0, 1));
        TextField field = robot.lookup("#weight-field").queryAs(TextField.class);
        Label error = robot.lookup("#weight-error").queryAs(Label.class);
        robot.doubleClickOn(field).eraseText(12).write("abc").type(KeyCode.ENTER);
        assertEquals("'abc' is not a number.", error.getText());
        robot.eraseText(3).write("NaN").type(KeyCode.ENTER);
        assertEquals("A weight must be a finite number, not NaN.", error.getText());
        robot.eraseText(3).type(KeyCode.ENTER);
        assertEquals("Type a number, e.g. 0.5 or -1.2.", error.getText());
        robot.write("1.5").type(KeyCode.ENTER);
        assertTrue(!field.getParent().isVisible());
        awaitCondition(() -> kernel() != null && kernel().values()[1] == 1.5f);
        assertEquals(1.5f, kernel().values()[1]);
    }

    @Test
    void aStillRightClickOnANeuronOffersToExportItAndTheWholeViews(FxRobot robot) {
        awaitWeights();
        Point2D neuron = playground.networkView().localToScreen(playground.networkView().neuronPoint(1, 1));
        robot.rightClickOn(neuron);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> items = robot.listWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing())
                .flatMap(w -> ((ContextMenu) w).getItems().stream()).map(MenuItem::getText).toList();
        assertEquals(List.of("Export neuron h1 #2…", "Export the network with its neurons…",
                "Export the output plot…", "Export the whole Playground…"), items);
        assertFalse(robot.lookup("#weight-field").queryAs(TextField.class).getParent().isVisible(),
                "the right button does not open the weight field");
        robot.type(KeyCode.ESCAPE);
    }

    private Point2D linePoint(int from, int to) {
        Point2D local = playground.networkView().weightLinePoint(1, from, to);
        return playground.networkView().localToScreen(local);
    }

    private TrainingSnapshot.TensorCopy awaitWeights() {
        awaitCondition(() -> kernel() != null && playground.outputView().grid() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return kernel();
    }

    private TrainingSnapshot.TensorCopy kernel() {
        TrainingSnapshot s = training.snapshotProperty().get();
        return s == null ? null : playground.shownParameter(s, "h1/kernel");
    }

    private static void awaitCondition(java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting", e);
        }
    }
}
