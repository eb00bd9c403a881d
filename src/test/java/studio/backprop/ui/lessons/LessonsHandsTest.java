package studio.backprop.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.export.PngExporter;

/** A student's hands on the Lessons page: each lesson opened, a control changed, its pictures exported and read. */
@ExtendWith(ApplicationExtension.class)
class LessonsHandsTest {

    private LessonsPage page;
    private Scene scene;

    @Start
    void start(Stage stage) {
        page = new LessonsPage();
        scene = new Scene((javafx.scene.Parent) page.content(), 1260, 760);
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    @Test
    void typingALearningRateRunsDescentAgainAndTheIterationCountFollows(FxRobot robot) throws Exception {
        robot.interact(() -> page.show("Gradient descent"));
        await(() -> readout().startsWith("η = 0.1:"));
        String before = readout();
        TextField eta = robot.lookup(".lesson-eta").queryAs(TextField.class);
        robot.interact(() -> eta.setText("0.02"));
        await(() -> readout().startsWith("η = 0.02:"));
        assertNotEquals(before, readout());
        int slow = iterations(readout());
        robot.interact(() -> eta.setText("0.4"));
        await(() -> readout().startsWith("η = 0.4:"));
        assertTrue(iterations(readout()) < slow, "a larger η (below 1) needs fewer steps on x²: " + readout());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Objective> functions = robot.lookup(".lesson-function")
                .queryAs(javafx.scene.control.ComboBox.class);
        for (Objective f : new Objective[] {Objective.ROSENBROCK, Objective.LOCAL_MINIMUM, Objective.VALLEY}) {
            robot.interact(() -> functions.setValue(f));
            await(() -> readout().startsWith("η = " + Format.number(f.goodEta()) + ":"));
            Path png = Path.of("target", "screens", "lesson-descent-" + f.name().toLowerCase() + ".png");
            Files.createDirectories(png.getParent());
            robot.interact(() -> {
                try {
                    PngExporter.write(scene.getRoot(), png, 1, javafx.scene.paint.Color.WHITE);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        robot.interact(() -> eta.setText("fast"));
        assertTrue(robot.lookup(".lesson-message").queryAs(Label.class).getText().contains("not a number"));
    }

    @Test
    void turningAnOptimiserOffTakesItOutOfTheRaceAndAStepCountChangeReruns(FxRobot robot) throws Exception {
        robot.interact(() -> page.show("Optimiser race"));
        await(() -> raceReadout().contains("Adam:"));
        javafx.scene.control.CheckBox adam = robot.lookup(".race-adam").queryAs(javafx.scene.control.CheckBox.class);
        robot.interact(() -> adam.setSelected(false));
        await(() -> !raceReadout().isEmpty() && !raceReadout().contains("Adam:"));
        assertTrue(raceReadout().contains("AdaDelta:"), raceReadout());
        robot.interact(() -> adam.setSelected(true));
        await(() -> raceReadout().contains("Adam:"));
    }

    @Test
    void theActivationsLossesEntropyAndScheduleLessonsFollowTheirControls(FxRobot robot) throws Exception {
        robot.interact(() -> page.show("Activations"));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<studio.backprop.nn.Activation> activation = robot.lookup(".activation-choice")
                .queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> activation.setValue(studio.backprop.nn.Activation.RELU));
        assertTrue(text(".activation-readout").startsWith("dead on [−5, 0]"), text(".activation-readout"));
        robot.interact(() -> page.show("Losses"));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> loss = robot.lookup(".loss-choice")
                .queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> loss.setValue("hinge"));
        robot.interact(() -> page.show("Entropy and KL"));
        TextField q = robot.lookup(".information-q").queryAs(TextField.class);
        robot.interact(() -> q.setText("1, 1, 1, 1, 1, 1, 1, 1"));
        assertTrue(text(".information-readout").startsWith("H(P) = 3 bits"), text(".information-readout"));
        assertTrue(text(".information-readout").endsWith("KL(P‖Q) = 0 bits"), text(".information-readout"));
        robot.interact(() -> q.setText("1, oops"));
        assertTrue(text(".lesson-message").contains("'oops' (value 2) is not a number"));
        robot.interact(() -> page.show("Learning-rate schedules"));
        TextField rate = robot.lookup(".schedule-rate").queryAs(TextField.class);
        robot.interact(() -> rate.setText("0.9"));
        robot.interact(() -> page.show("Batch, mini-batch, stochastic"));
        await(() -> text(".batch-readout").contains("digits. Loss after"));
        TextField eta = robot.lookup(".batch-eta").queryAs(TextField.class);
        robot.interact(() -> eta.setText("2"));
        await(() -> text(".batch-readout").contains("digits. Loss after"));
        robot.interact(() -> eta.setText("-1"));
        assertTrue(text(".lesson-message").contains("must be a finite number > 0"), text(".lesson-message"));
        robot.interact(() -> page.show("Initialisation"));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> init = robot.lookup(".init-choice")
                .queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> init.setValue("zeros"));
        await(() -> text(".init-readout").startsWith("Last layer: activations σ = 0,"));
        robot.interact(() -> page.show("Data handling"));
        TextField train = robot.lookup(".data-train").queryAs(TextField.class);
        robot.interact(() -> train.setText("0.5"));
        assertTrue(text(".lesson-message").isEmpty(), text(".lesson-message"));
        robot.interact(() -> train.setText("0.95"));
        assertTrue(text(".lesson-message").contains("add up to more than 1"), text(".lesson-message"));
    }

    @Test
    void aRegularisationRunTrainsInTheBackgroundAndReports(FxRobot robot) throws Exception {
        robot.interact(() -> page.show("Overfitting and regularisation"));
        robot.interact(() -> {
            for (javafx.scene.Node box : scene.getRoot().lookupAll(".check-box")) {
                ((javafx.scene.control.CheckBox) box).setSelected(
                        ((javafx.scene.control.CheckBox) box).getText().equals("no remedy"));
            }
            javafx.scene.control.TextField epochs = (TextField) scene.getRoot().lookupAll(".text-field").iterator()
                    .next();
            epochs.setText("2");
        });
        robot.interact(() -> ((javafx.scene.control.Button) scene.lookup(".regularisation-run")).fire());
        await(() -> text(".regularisation-readout").startsWith("no remedy: training"));
    }

    @Test
    void everyLessonExportsReadablePicturesInLightAndDarkColours(FxRobot robot) throws Exception {
        for (String title : page.titles()) {
            robot.interact(() -> page.show(title));
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        Path folder = Path.of("target", "screens");
        Files.createDirectories(folder);
        for (boolean dark : new boolean[] {false, true}) {
            robot.interact(() -> page.setDarkColours(dark));
            for (String title : page.titles()) {
                robot.interact(() -> page.show(title));
                WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
                WaitForAsyncUtils.waitForFxEvents();
                for (Exportable view : page.exportables()) {
                    if (!view.exportNode().isVisible() || view.exportNode().getScene() == null) {
                        continue;
                    }
                    Path png = folder.resolve("lesson-" + view.exportName() + (dark ? "-dark" : "") + ".png");
                    robot.interact(() -> {
                        try {
                            PngExporter.write(view, png, 1, dark ? ExportBackground.DARK : ExportBackground.WHITE);
                        } catch (java.io.IOException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    BufferedImage image = ImageIO.read(png.toFile());
                    assertTrue(image.getWidth() > 100 && image.getHeight() > 100, png.toString());
                    assertTrue(colours(image) > 5, "the picture is not blank: " + png);
                }
            }
        }
        robot.interact(() -> page.show("Gradient descent"));
        Path whole = folder.resolve("lessons-page.png");
        robot.interact(() -> {
            try {
                PngExporter.write(scene.getRoot(), whole, 1, javafx.scene.paint.Color.WHITE);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(ImageIO.read(whole.toFile()).getWidth() >= 1200);
    }

    private String readout() {
        WaitForAsyncUtils.waitForFxEvents();
        return scene.lookup(".lesson-readout") instanceof Label l ? l.getText() : "";
    }

    private String text(String selector) {
        WaitForAsyncUtils.waitForFxEvents();
        return scene.getRoot().lookupAll(selector).stream().filter(javafx.scene.Node::isVisible)
                .filter(n -> n.getScene() != null && n instanceof Label).map(n -> ((Label) n).getText())
                .filter(t -> !t.isEmpty()).findFirst().orElse("");
    }

    private String raceReadout() {
        WaitForAsyncUtils.waitForFxEvents();
        return scene.lookup(".race-readout") instanceof Label l ? l.getText() : "";
    }

    private static int iterations(String readout) {
        return Integer.parseInt(readout.replaceAll("^η = [^:]*: (\\d+) iteration.*$", "$1"));
    }

    private static int colours(BufferedImage image) {
        Set<Integer> out = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                out.add(image.getRGB(x, y));
            }
        }
        return out.size();
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
