package studio.backprop.ui.app;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.train.TrainerState;
import studio.backprop.train.TrainingSnapshot;
import studio.backprop.ui.export.PngExporter;

/** A file with a test split: when training finishes, the Training page says how the network did on it. */
@ExtendWith(ApplicationExtension.class)
class TestSplitOnTrainingPageTest {

    @TempDir
    static Path dir;

    private AppModel model;
    private final AtomicReference<String> error = new AtomicReference<>();

    @Start
    void start(Stage stage) throws Exception {
        model = TestWindow.show(stage, 780).model();
        String spiral = Files.readString(Path.of("samples", "spiral-playground.bps"))
                .replace("epochs = 10000", "epochs = 3").replace("validation = 0.3", "validation = 0.2\ntest = 0.25");
        Path file = dir.resolve("spiral-test.bps");
        Files.writeString(file, spiral);
        model.open(file, error::set);
    }

    @Test
    void theFinishMessageReportsTheTestSplitOnce(FxRobot robot) throws Exception {
        await(() -> snapshot() != null && snapshot().document().training().get("test") != null);
        robot.clickOn("#play");
        await(() -> snapshot().state() == TrainerState.FINISHED);
        Label status = robot.lookup(".playground-status").queryAs(Label.class);
        await(() -> status.getText().contains("Test split"));
        assertTrue(status.getText().startsWith("Finished: all 3 epochs are done. Test split (100 samples, never "
                + "trained on): loss "), status.getText());
        assertTrue(status.getText().contains("accuracy"), status.getText());
        Path png = Path.of("target", "screens", "training-test-split.png");
        Files.createDirectories(png.getParent());
        robot.interact(() -> {
            try {
                PngExporter.write(status.getScene().getRoot(), png, 1, javafx.scene.paint.Color.WHITE);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertNull(error.get());
    }

    @Test
    void changingTheTestFractionInTheAppSplitsTheDataAgain(FxRobot robot) throws Exception {
        await(() -> snapshot() != null && snapshot().document().training().get("test") != null);
        assertTrue(snapshot().epochSize() == 220, "400 points less 80 for validation and 100 for test: "
                + snapshot().epochSize());
        robot.interact(() -> model.edit(new DocumentEdit("test", d -> d.withTraining(d.training().with("test",
                "0.5")))));
        await(() -> "0.5".equals(snapshot().document().training().get("test")) && snapshot().epochSize() == 120);
        assertNull(error.get());
    }

    private TrainingSnapshot snapshot() {
        return model.training().snapshotProperty().get();
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
