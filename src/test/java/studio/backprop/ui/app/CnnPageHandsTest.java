package studio.backprop.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.train.TrainerCommand;
import studio.backprop.ui.cnn.CnnView;
import studio.backprop.ui.cnn.DigitPad;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.export.PngExporter;

/** An instructor's hands on the CNN page: LeNet trains a few steps, a digit is drawn, the probabilities follow. */
@ExtendWith(ApplicationExtension.class)
class CnnPageHandsTest {

    private AppModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        TestWindow shown = TestWindow.show(stage, 800);
        model = shown.model();
        window = shown.window();
        model.open(Path.of("samples", "lenet5-digits.bps"), m -> { });
    }

    @Test
    void drawingAStrokeChangesTheProbabilitiesAndEveryPanelExports(FxRobot robot) throws Exception {
        await(() -> model.training().snapshotProperty().get() != null
                && model.training().snapshotProperty().get().document().name().contains("LeNet"));
        robot.interact(() -> window.showPage("CNN"));
        CnnView view = robot.lookup(".cnn-page").queryAs(CnnView.class);
        for (int i = 0; i < 5; i++) {
            robot.interact(() -> model.training().send(new TrainerCommand.StepBatch()));
        }
        await(() -> model.training().snapshotProperty().get().step() == 5);
        await(() -> view.probabilities().shown() != null);
        assertTrue(view.featureMaps().imageLayers().containsAll(java.util.List.of("input", "c1", "s2", "c3", "s4")),
                "every conv and pooling layer is drawn: " + view.featureMaps().imageLayers());
        float[] sample = view.probabilities().shown();
        javafx.geometry.Point2D c3 = view.featureMaps().localToScreen(view.featureMaps().mapCentre("c3", 0));
        robot.moveTo(c3.getX(), c3.getY());
        assertTrue(view.featureMaps().readoutProperty().get().contains("sees input rows"),
                view.featureMaps().readoutProperty().get());
        int[] seen = view.featureMaps().seenRegion();
        assertTrue(seen != null && seen[2] - seen[0] == 14 && seen[3] - seen[1] == 14,
                "a unit in the middle of c3 sees 14×14 input pixels: " + java.util.Arrays.toString(seen));

        DigitPad pad = view.pad();
        Bounds b = pad.localToScreen(pad.getBoundsInLocal());
        robot.moveTo(b.getMinX() + 120, b.getMinY() + 40).press(MouseButton.PRIMARY);
        robot.moveTo(b.getMinX() + 124, b.getMinY() + 110).moveTo(b.getMinX() + 126, b.getMinY() + 190);
        robot.release(MouseButton.PRIMARY);
        await(() -> view.probabilities().shown() != null && !java.util.Arrays.equals(sample,
                view.probabilities().shown()));
        float sum = 0;
        for (float p : view.probabilities().shown()) {
            sum += p;
        }
        assertEquals(1f, sum, 1e-4f, "probabilities of the drawn digit sum to 1");

        robot.clickOn("Why this class");
        await(() -> view.why().shown() != null && view.why().shown().adversarial() != null);
        robot.clickOn("Evaluation");
        await(() -> view.evaluation().getHeight() > 200);
        javafx.geometry.Point2D cell = view.evaluation().localToScreen(view.evaluation().cellCentre(7, 1));
        robot.clickOn(cell.getX(), cell.getY(), MouseButton.PRIMARY);
        assertEquals(new studio.backprop.ui.cnn.EvaluationViewModel.Cell(7, 1), view.evaluation().openedCell(),
                "a click opens the cell of true 7 predicted as 1");
        robot.clickOn("Kernels and weights");
        for (Exportable e : view.exportables()) {
            Path png = Path.of("target", "screens", "cnn-" + e.exportName() + ".png");
            robot.interact(() -> {
                try {
                    PngExporter.write(e, png, 1, ExportBackground.WHITE);
                } catch (java.io.IOException ex) {
                    throw new IllegalStateException(ex);
                }
            });
            BufferedImage image = ImageIO.read(png.toFile());
            assertNotNull(image, png + " decodes");
            assertTrue(colours(image) > 3, png + " is not blank");
        }
        robot.interact(() -> {
            try {
                PngExporter.write(window.scene().getRoot(), Path.of("target", "screens", "cnn-page.png"), 1,
                        javafx.scene.paint.Color.WHITE);
            } catch (java.io.IOException ex) {
                throw new IllegalStateException(ex);
            }
        });
        robot.interact(view.pad()::clear);
        assertFalse(view.exportables().isEmpty());
    }

    @Test
    void aDigitsMlpShowsItsFirstLayerAsImagesAndAPlaneNetworkSaysWhyThereAreNoMaps(FxRobot robot) throws Exception {
        await(() -> model.training().snapshotProperty().get() != null);
        Path mlp = java.nio.file.Files.createTempDirectory("cnn-page").resolve("digits-mlp.bps");
        java.nio.file.Files.writeString(mlp, String.join("\n", "backprop-studio network 1", "name = Digits MLP",
                "input = 28x28x1", "[layer flatten]", "type = Flatten", "[layer h1]", "type = Dense", "units = 16",
                "activation = relu", "[layer logits]", "type = Dense", "units = 10",
                "[loss categorical_cross_entropy_from_logits]", "[optimizer sgd]", "learning_rate = 0.1",
                "[training]", "batch_size = 32", "seed = 1", "[data mnist]", ""));
        robot.interact(() -> model.open(mlp, m -> { }));
        await(() -> model.training().snapshotProperty().get() != null
                && model.training().snapshotProperty().get().document().name().equals("Digits MLP"));
        robot.interact(() -> window.showPage("CNN"));
        CnnView view = robot.lookup(".cnn-page").queryAs(CnnView.class);
        robot.clickOn("Kernels and weights");
        for (int i = 0; i < 3; i++) {
            robot.interact(() -> model.training().send(new TrainerCommand.StepBatch()));
        }
        await(() -> model.training().snapshotProperty().get().step() == 3);
        await(() -> view.kernels().matrices().contains("h1/kernel"));
        Path png = Path.of("target", "screens", "cnn-mlp-kernels.png");
        robot.interact(() -> {
            try {
                PngExporter.write(view.kernels(), png, 1, ExportBackground.WHITE);
                PngExporter.write(view.distributions(), Path.of("target", "screens", "cnn-mlp-distributions.png"), 1,
                        ExportBackground.WHITE);
            } catch (java.io.IOException ex) {
                throw new IllegalStateException(ex);
            }
        });
        assertTrue(colours(ImageIO.read(png.toFile())) > 20, "the unit images are drawn");

        robot.interact(() -> model.open(Path.of("samples", "xor-2-2-1-given-weights.bps"), m -> { }));
        await(() -> model.training().snapshotProperty().get() != null
                && model.training().snapshotProperty().get().document().name().startsWith("XOR"));
        robot.clickOn("What each layer sees");
        javafx.scene.control.Label why = robot.lookup(".cnn-not-applicable").queryAs(javafx.scene.control.Label.class);
        assertTrue(why.isVisible() && why.getText().contains("not an image"), why.getText());
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
