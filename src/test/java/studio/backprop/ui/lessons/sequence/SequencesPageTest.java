package studio.backprop.ui.lessons.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.ui.app.Pages;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.export.PngExporter;

/** The Sequences page opened headless: every picture computed, exported and not blank; training changes them. */
@ExtendWith(ApplicationExtension.class)
class SequencesPageTest {

    private SequencesPage page;

    @Start
    void start(Stage stage) {
        page = new SequencesPage(new Pages.Context(null, null, stage));
        stage.setScene(new Scene((javafx.scene.Parent) page.content(), 1200, 760));
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    @Test
    void everyLessonPictureIsDrawnAndExports(FxRobot robot) throws Exception {
        robot.interact(() -> page.setShowing(true));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, page::settled);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Sequences", page.title());
        Path folder = Path.of("target", "app-pictures", "sequences");
        for (Exportable view : page.exportables()) {
            Path png = folder.resolve(view.exportName() + ".png");
            robot.interact(() -> {
                try {
                    PngExporter.write(view, png, 1, ExportBackground.WHITE);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(Files.size(png) > 2000, view.exportName() + " looks blank: " + Files.size(png) + " bytes");
        }
        Button trainLstm = robot.lookup("Train 300 more steps").queryButton();
        robot.interact(trainLstm::fire);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, page::settled);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            try {
                PngExporter.write(page.content(), folder.resolve("whole-page.png"), 1, javafx.scene.paint.Color.WHITE);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("after 300 steps")), "the LSTM trained and says so");
    }
}
