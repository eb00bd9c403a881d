package studio.backprop.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.ui.exercise.ExerciseView;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.PngExporter;

/**
 * A student's hands on an exercise: the 2-2-1 sheet walked with the keyboard, a wrong and then a right value typed
 * into the trace table, and the sheet exported as Markdown and PNG.
 */
@ExtendWith(ApplicationExtension.class)
class ExerciseHandsTest {

    private AppModel model;
    private MainWindow window;

    @TempDir
    Path folder;

    @Start
    void start(Stage stage) throws Exception {
        TestWindow shown = TestWindow.show(stage, 780);
        model = shown.model();
        window = shown.window();
        model.open(Path.of("samples", "exercise-xor-2-2-1.bps"), m -> { });
    }

    @Test
    void theKeyboardWalksTheQuestionsAndTypedValuesAreChecked(FxRobot robot) throws Exception {
        robot.interact(() -> window.showPage("Exercise"));
        ExerciseView view = robot.lookup(".exercise").queryAs(ExerciseView.class);
        TableView<?> table = robot.lookup(".exercise .table-view").queryAs(TableView.class);
        await(() -> !table.getItems().isEmpty());
        int first = table.getItems().size();
        robot.clickOn(view.lookup(".exercise-task"));
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(first + 1, rows(table), "the next question is the next row");
        robot.type(KeyCode.PAGE_DOWN);
        int third = rows(table);
        assertTrue(third > first + 1, "the rows before a question fill in with it");
        robot.type(KeyCode.PAGE_UP, 2);
        assertEquals(first, rows(table), "back at the first question");
        robot.type(KeyCode.PAGE_UP);
        assertTrue(message().startsWith("This is the first question"), message());

        TextField answer = answerField(robot);
        robot.clickOn(answer).write("0.6").type(KeyCode.ENTER);
        assertTrue(message().startsWith("hidden/sigmoid[0]: 0.6 is not right"), message());
        assertEquals(first, rows(table), "a wrong answer stays on its question");
        answer = answerField(robot);
        robot.interact(answer::clear);
        robot.clickOn(answer).write("abc").type(KeyCode.ENTER);
        assertTrue(message().contains("'abc' is not a number"), message());
        answer = answerField(robot);
        robot.interact(answer::clear);
        robot.clickOn(answer).write("0.525").type(KeyCode.ENTER);
        assertTrue(message().startsWith("hidden/sigmoid[0] = 0.524979: right"), message());
        assertEquals(first + 1, rows(table), "a right answer moves on to the next question");

        List<String> said = new ArrayList<>();
        Path md = folder.resolve("sheet.md");
        Path png = folder.resolve("sheet.png");
        robot.interact(() -> {
            view.export(false, md, said::add);
            view.export(false, png, said::add);
        });
        assertEquals("The sheet was written to sheet.png", said.get(1), said.toString());
        String text = Files.readString(md);
        assertTrue(text.startsWith("# Exercise: a 2-2-1 XOR network, one sample\n"), text);
        assertTrue(text.contains("| 1 | 2 | forward | hidden/sigmoid[0] | y = sigmoid(x) |  |\n"), text);
        assertTrue(text.contains("| 1 | 2 | given | hidden/kernel[0,1] |  | -0.4 |\n"), text);
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 900 && image.getHeight() > 1000, image.getWidth() + "×" + image.getHeight());
        assertTrue(countPixels(image, 0xfff8dc) > 500, "the question boxes are drawn");

        Path window = Path.of("target", "screens", "exercise-2-2-1.png");
        Path solution = Path.of("target", "screens", "exercise-2-2-1-solution.png");
        robot.interact(() -> {
            try {
                PngExporter.write(view, window, 1, ExportBackground.WHITE);
                PngExporter.write(view.solutionPicture(), solution, 1, ExportBackground.WHITE);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(countPixels(ImageIO.read(solution.toFile()), 0xdff3df) > 500, "the answers are filled on green");
    }

    /** The one answer box on the screen: the question at the cursor (cells are reused, so look it up afresh). */
    private static TextField answerField(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        List<TextField> shown = robot.lookup(".exercise-answer").queryAllAs(TextField.class).stream()
                .filter(f -> f.getScene() != null && f.isVisible() && f.getParent() != null
                        && f.getParent().isVisible()).toList();
        assertEquals(1, shown.size(), "one open question is shown");
        return shown.get(0);
    }

    private static int countPixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
            }
        }
        return n;
    }

    private static int rows(TableView<?> table) {
        WaitForAsyncUtils.waitForFxEvents();
        return table.getItems().size();
    }

    private String message() {
        WaitForAsyncUtils.waitForFxEvents();
        return window.scene().lookup(".exercise-message") instanceof Label l ? l.getText() : "";
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
