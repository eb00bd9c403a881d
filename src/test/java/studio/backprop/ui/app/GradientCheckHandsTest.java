package studio.backprop.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.train.GradientCheckReport;
import studio.backprop.train.GradientCheckReport.Verdict;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.PngExporter;
import studio.backprop.ui.gradcheck.GradientCheckView;

/** The gradient check page on the XOR 2-2-1 sheet: everything agrees, then a planted bug turns the table red. */
@ExtendWith(ApplicationExtension.class)
class GradientCheckHandsTest {

    private AppModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        TestWindow shown = TestWindow.show(stage, 780);
        model = shown.model();
        window = shown.window();
        model.open(Path.of("samples", "xor-2-2-1-given-weights.bps"), m -> { });
    }

    @Test
    void backpropAgreesAndAPlantedBugShowsRed(FxRobot robot) throws Exception {
        await(() -> model.training().snapshotProperty().get() != null
                && model.training().snapshotProperty().get().document().name().startsWith("XOR"));
        robot.interact(() -> window.showPage("Gradient Check"));
        GradientCheckView view = robot.lookup(".gradient-check").queryAs(GradientCheckView.class);
        @SuppressWarnings("unchecked")
        TableView<GradientCheckReport.Row> table = robot.from(view).lookup(".table-view").queryAs(TableView.class);
        await(() -> table.getItems().size() == 9);
        assertTrue(table.getItems().stream().allMatch(r -> r.verdict() == Verdict.AGREES),
                () -> table.getItems().get(0).label() + " " + table.getItems().get(0).relativeError());
        robot.clickOn("#gradient-check-bug");
        await(() -> !table.getItems().isEmpty() && table.getItems().get(0).verdict() == Verdict.WRONG);
        assertEquals(0.5, table.getItems().get(0).relativeError(), 0.05);
        Path png = Path.of("target", "screens", "gradient-check.png");
        robot.interact(() -> {
            try {
                PngExporter.write(view, png, 1, ExportBackground.WHITE);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 400 && image.getHeight() > 300, image.getWidth() + "×" + image.getHeight());
        assertTrue(hasRed(image), "the wrong verdicts are drawn in red");
    }

    private static boolean hasRed(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                if (r > 150 && g < 90 && b < 90) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
