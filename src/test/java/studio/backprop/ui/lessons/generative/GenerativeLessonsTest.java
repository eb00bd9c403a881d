package studio.backprop.ui.lessons.generative;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.ui.app.AppModel;
import studio.backprop.ui.app.MainWindow;
import studio.backprop.ui.app.Page;
import studio.backprop.ui.app.Pages;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.export.PngExporter;

/** The generative lessons open in the main window, react to their buttons and export their views. */
@ExtendWith(ApplicationExtension.class)
class GenerativeLessonsTest {

    private MainWindow window;
    private AppModel model;

    @Start
    void start(Stage stage) throws Exception {
        model = new AppModel(Files.createTempDirectory("backprop-gen"), Path.of("samples").toAbsolutePath(),
                Preferences.userRoot().node("backprop-studio-test-" + System.nanoTime()));
        window = new MainWindow(model, stage);
        Pages.install(window, model, stage);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @org.junit.jupiter.api.AfterEach
    void end() {
        close(window.pages().stream().filter(GenerativePage.class::isInstance).map(GenerativePage.class::cast)
                .findFirst().orElseThrow());
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> model.shutdown());
    }

    /** Hides the tab (its GAN page's frame timer stops) and ends the GAN lesson's thread, so no test leaves them. */
    static void close(GenerativePage tab) {
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            tab.setShowing(false);
            ((GanLabPage) tab.subPages().get(2)).model().close();
        });
    }

    /** Shows the Generative tab's sub-page of this title and returns it. */
    private <T extends Page> T page(FxRobot robot, String title, Class<T> type) {
        GenerativePage tab = window.pages().stream().filter(GenerativePage.class::isInstance)
                .map(GenerativePage.class::cast).findFirst().orElseThrow();
        robot.interact(() -> {
            window.showPage(GenerativePage.TITLE);
            assertTrue(tab.show(title), title);
        });
        return type.cast(tab.chosen());
    }

    @Test
    void theGanLessonStepsEachNetworkPlaysAndExports(FxRobot robot) throws Exception {
        GanLabPage page = page(robot, "GAN", GanLabPage.class);
        await(() -> page.model().frame() != null);
        robot.clickOn(".gan-step-d");
        await(() -> page.model().frame().step() == 1 && page.model().frame().phase().equals("discriminator step"));
        robot.clickOn(".gan-step-g");
        await(() -> page.model().frame().step() == 2 && page.model().frame().phase().equals("generator step"));
        robot.clickOn(".gan-play");
        await(() -> page.model().frame().step() > 200);
        robot.clickOn(".gan-play");
        robot.interact(page::refreshNow);
        exportAll(robot, page, "gan");
    }

    @Test
    void theAutoencoderLessonShowsCodesAndReconstructionsAndDecodesAnEditedCode(FxRobot robot) throws Exception {
        AutoencoderPage page = page(robot, "Autoencoder", AutoencoderPage.class);
        robot.clickOn("AE");
        await(() -> page.showsEverything());
        robot.clickOn(".autoencoder-play");
        await(() -> steps() > 30);
        robot.clickOn(".autoencoder-play");
        robot.interact(() -> page.valueSlider().setValue(page.valueSlider().getValue() + 3));
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(page.showsEverything());
        exportAll(robot, page, "autoencoder");
    }

    @Test
    void theVaeLessonDrawsTheLatentGridAndTheCodes(FxRobot robot) throws Exception {
        VaePage page = page(robot, "VAE", VaePage.class);
        robot.clickOn("Open the VAE template");
        await(() -> page.showsEverything());
        robot.interact(() -> model.training().send(new studio.backprop.train.TrainerCommand.Play()));
        try {
            await(() -> steps() > 30);
        } catch (java.util.concurrent.TimeoutException e) {
            var snap = model.training().snapshotProperty().get();
            throw new AssertionError("training did not go on: " + snap.state() + " step " + snap.step() + ", "
                    + snap.message());
        }
        robot.interact(() -> model.training().send(new studio.backprop.train.TrainerCommand.Pause()));
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        exportAll(robot, page, "vae");
    }

    private long steps() {
        var s = model.training().snapshotProperty().get();
        return s == null ? 0 : s.step();
    }

    /** Every view of the page as PNG: on white, then in presenter mode on the dark background. */
    private void exportAll(FxRobot robot, Page page, String stem) throws Exception {
        exportAll(robot, page, stem, ExportBackground.WHITE);
        robot.interact(() -> model.presenterModeProperty().set(true));
        exportAll(robot, page, stem + "-presenter-dark", ExportBackground.DARK);
        robot.interact(() -> model.presenterModeProperty().set(false));
    }

    static void exportAll(FxRobot robot, Page page, String stem, ExportBackground background) throws Exception {
        for (Exportable view : page.exportables()) {
            Path png = Path.of("target", "screens", stem + "-" + view.exportName() + ".png");
            robot.interact(() -> {
                try {
                    PngExporter.write(view, png, 1, background);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(Files.size(png) > 3_000, png + " holds a picture");
        }
    }

    static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
