package studio.backprop.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.PngExporter;
import studio.backprop.ui.lessons.conv.ConvExplorerView;
import studio.backprop.ui.lessons.conv.KernelPresets;

/** A student's hands on the convolution explorer: open the page, change the stride and the kernel, step the window. */
@ExtendWith(ApplicationExtension.class)
class ConvExplorerHandsTest {

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = TestWindow.show(stage, 800).window();
    }

    @Test
    void strideAndPresetChangeTheOutputAndTheWindowSteps(FxRobot robot) throws Exception {
        robot.interact(() -> window.showPage("Convolution"));
        ConvExplorerView view = robot.lookup(".conv-explorer").queryAs(ConvExplorerView.class);
        assertTrue(text(robot, view).contains("y[1,1] = 1·−1 + 2·1 + 0·2 + 1·1 + 0·1 + 0·0 + 2·−1 + 1·−2 + 2·0 = −2"),
                text(robot, view));
        robot.clickOn("#conv-step");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, view).contains("y[1,2] = ") && text(robot, view).contains("= −1"), text(robot, view));

        Spinner<Integer> down = robot.lookup("#conv-stride-down").query();
        Spinner<Integer> across = robot.lookup("#conv-stride-across").query();
        robot.interact(() -> {
            down.getValueFactory().setValue(3);
            across.getValueFactory().setValue(2);
        });
        WaitForAsyncUtils.waitForFxEvents();
        String shown = text(robot, view);
        assertTrue(shown.contains("⌊(5 + 0 + 0 − 1·2 − 1) / 3⌋ + 1 = 1"), shown);
        assertTrue(shown.contains("not a multiple of the stride 3") && shown.contains("rows 4, 5"), shown);

        ComboBox<KernelPresets.Preset> preset = robot.lookup("#conv-preset").query();
        robot.interact(() -> {
            down.getValueFactory().setValue(1);
            across.getValueFactory().setValue(1);
            preset.getSelectionModel().select(KernelPresets.ALL.get(5));
            preset.getOnAction().handle(null);
        });
        WaitForAsyncUtils.waitForFxEvents();
        TextArea kernel = (TextArea) view.lookupAll(".text-area").toArray()[1];
        assertEquals("-1, 0, 1\n-2, 0, 2\n-1, 0, 1", kernel.getText());
        robot.interact(() -> kernel.setText("1, 2, 3\n4, 5\n7, 8, 9"));
        assertTrue(text(robot, view).contains("an entry is missing in row 2"), text(robot, view));

        robot.interact(() -> view.loadPicture(pngOf(40, 40), "big.png"));
        assertTrue(text(robot, view).contains("big.png is 40×40 pixels"), text(robot, view));

        Path png = Path.of("target", "screens", "conv-explorer.png");
        robot.interact(() -> {
            kernel.setText("-1, 0, 1\n-2, 0, 2\n-1, 0, 1");
            view.loadPicture(pngOf(12, 10), "stripes.png");
            try {
                PngExporter.write(view, png, 1, ExportBackground.WHITE);
                PngExporter.write(window.scene().getRoot(), png.resolveSibling("conv-explorer-page.png"), 1,
                        javafx.scene.paint.Color.WHITE);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        ComboBox<studio.backprop.ui.lessons.conv.ConvOperation> operation = robot.lookup("#conv-operation").query();
        for (var op : new studio.backprop.ui.lessons.conv.ConvOperation[] {
                studio.backprop.ui.lessons.conv.ConvOperation.MAX_UNPOOL,
                studio.backprop.ui.lessons.conv.ConvOperation.TRANSPOSED}) {
            robot.interact(() -> {
                view.loadPicture(pngOf(6, 6), "small.png");
                operation.setValue(op);
                operation.getOnAction().handle(null);
                try {
                    PngExporter.write(view, png.resolveSibling("conv-explorer-" + op.name().toLowerCase() + ".png"), 1,
                            ExportBackground.WHITE);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(text(robot, view).contains(op.label()), text(robot, view));
        }
        BufferedImage picture = ImageIO.read(png.toFile());
        assertTrue(picture.getWidth() > 400 && picture.getHeight() > 300, picture.getWidth() + "×" + picture.getHeight());
    }

    /** Every label's text in the view, one per line. */
    private static String text(FxRobot robot, ConvExplorerView view) {
        WaitForAsyncUtils.waitForFxEvents();
        StringBuilder b = new StringBuilder();
        for (var node : view.lookupAll(".label")) {
            if (node instanceof Label l && l.getText() != null) {
                b.append(l.getText()).append('\n');
            }
        }
        return b.toString();
    }

    /** A grey picture of vertical stripes. */
    private static byte[] pngOf(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.getRaster().setSample(x, y, 0, (x / 3) % 2 == 0 ? 255 : 0);
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
