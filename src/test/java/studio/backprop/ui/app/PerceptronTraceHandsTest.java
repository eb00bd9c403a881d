package studio.backprop.ui.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.train.Probe;
import studio.backprop.train.TrainerCommand;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.PngExporter;
import studio.backprop.ui.training.PerceptronTraceView;

/** The perceptron lesson in the app: OR in the order 3, 4, 1, 2 fills the trace table row by row, and steps back. */
@ExtendWith(ApplicationExtension.class)
class PerceptronTraceHandsTest {

    private AppModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        TestWindow shown = TestWindow.show(stage, 780);
        model = shown.model();
        window = shown.window();
        model.open(Path.of("samples", "perceptron-or.bps"), m -> { });
    }

    @Test
    void theClassicOrEpochFillsTheTraceTable(FxRobot robot) throws Exception {
        await(() -> model.training().snapshotProperty().get() != null
                && model.training().snapshotProperty().get().document().name().contains("OR"));
        assertTrue(!model.history().canUndoProperty().get(), "opening a file edits nothing (every page only shows it)");
        assertEquals("or", model.documentProperty().get().data().get("gate"));
        robot.interact(() -> window.showPage("Training"));
        PerceptronTraceView trace = robot.lookup(".perceptron-trace").queryAs(PerceptronTraceView.class);
        assertTrue(trace.isVisible(), "a perceptron shows its trace beside the plane");
        for (int i = 0; i < 4; i++) {
            model.training().send(new TrainerCommand.StepSample());
        }
        await(() -> trace.shown().size() == 4);
        List<Probe.TraceLine> rows = trace.shown();
        assertEquals(List.of(3, 4, 1, 2), rows.stream().map(l -> l.row().sample()).toList(), "the sheet's order");
        assertEquals(List.of(true, false, true, true), rows.stream().map(l -> l.row().updated()).toList(),
                () -> rows.stream().map(l -> l.step() + ": x " + java.util.Arrays.toString(l.row().x()) + " z "
                        + l.row().z() + " w " + java.util.Arrays.toString(l.row().weightsBefore()) + " b "
                        + l.row().biasBefore()).toList().toString());
        assertEquals(List.of(1, 0, -1, 1), rows.stream().map(l -> l.row().error()).toList(), "y − ŷ");
        assertArrayEquals(new float[] {1, 1}, rows.get(3).row().weightsAfter(), "w after the first epoch");
        assertEquals(1f, rows.get(3).row().biasAfter(), "b after the first epoch");

        model.training().send(new TrainerCommand.StepBack());
        await(() -> trace.shown().size() == 3);

        Path png = Path.of("target", "screens", "perceptron-trace.png");
        robot.interact(() -> {
            try {
                PngExporter.write(trace, png, 1, ExportBackground.WHITE);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(Files.size(png) > 5_000);
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
