package studio.backprop.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.train.TrainerCommand;
import studio.backprop.train.TrainerState;

/** Opening the stepper after training has run to its end: the header tells the truth about where the session is. */
@ExtendWith(ApplicationExtension.class)
class StepperAfterTrainingTest {

    private AppModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        TestWindow shown = TestWindow.show(stage, 780);
        model = shown.model();
        window = shown.window();
        model.open(Path.of("samples", "exercise-backprop-2-2-2.bps"), m -> { });
    }

    @Test
    void theHeaderNamesTheLastStepOfAFinishedRun(FxRobot robot) throws Exception {
        await(() -> model.training().snapshotProperty().get() != null);
        robot.interact(() -> model.training().send(new TrainerCommand.Play()));
        await(() -> model.training().snapshotProperty().get().state() == TrainerState.FINISHED);
        long steps = model.training().snapshotProperty().get().step();
        robot.interact(() -> window.showPage("Stepper"));
        WaitForAsyncUtils.waitForFxEvents();
        String header = ((Label) window.scene().lookup("#stepper-where")).getText();
        assertEquals("after step " + steps + " (epoch 1, finished) · training is over; Reset Weights (Ctrl+R) starts "
                + "again from step 0", header);
        // That long header gives way to the buttons: at 1280×800 it had squeezed them to "◀ ...", "Ne...".
        for (String id : new String[] {"#stepper-back", "#stepper-next"}) {
            Button button = (Button) window.scene().lookup(id);
            assertTrue(button.getWidth() >= button.prefWidth(-1) - 0.5, id + " is " + button.getWidth()
                    + " wide, its text needs " + button.prefWidth(-1));
        }
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
