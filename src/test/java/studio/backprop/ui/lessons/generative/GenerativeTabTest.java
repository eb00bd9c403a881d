package studio.backprop.ui.lessons.generative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.prefs.Preferences;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.ui.app.AppModel;
import studio.backprop.ui.app.MainWindow;
import studio.backprop.ui.app.Pages;
import studio.backprop.ui.export.PngExporter;

/**
 * One Generative tab holds the autoencoder, VAE and GAN lessons; a GAN file opened from File ▸ Open (the model's
 * open) lands on its GAN page without touching the network document, and a broken one changes nothing.
 */
@ExtendWith(ApplicationExtension.class)
class GenerativeTabTest {

    private MainWindow window;
    private AppModel model;
    private final List<String> errors = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        model = new AppModel(Files.createTempDirectory("backprop-gen-tab"), Path.of("samples").toAbsolutePath(),
                Preferences.userRoot().node("backprop-studio-test-" + System.nanoTime()));
        window = new MainWindow(model, stage);
        Pages.install(window, model, stage);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @AfterEach
    void end() {
        GenerativeLessonsTest.close(tab());
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> model.shutdown());
    }

    private GenerativePage tab() {
        return window.pages().stream().filter(GenerativePage.class::isInstance).map(GenerativePage.class::cast)
                .findFirst().orElseThrow();
    }

    private TabPane tabs() {
        return (TabPane) window.scene().getRoot().lookup(".tab-pane");
    }

    @Test
    void theThreeGenerativeLessonsShareOneTab() {
        List<String> titles = tabs().getTabs().stream().map(t -> t.getText()).toList();
        assertTrue(titles.contains("Generative"), titles.toString());
        assertFalse(titles.contains("GAN") || titles.contains("VAE") || titles.contains("Autoencoder"),
                titles.toString());
        assertEquals(List.of("Autoencoder", "VAE", "GAN"), tab().subPages().stream().map(p -> p.title()).toList());
        assertEquals(tab().exportables().size(), tab().subPages().stream().mapToInt(p -> p.exportables().size())
                .sum(), "every sub-page's views are offered to File ▸ Export");
    }

    @Test
    void aGanFileOpensOnTheGanPageAndLeavesTheNetworkAlone(FxRobot robot) throws Exception {
        NetworkDocument network = model.documentProperty().get();
        robot.interact(() -> model.open(Path.of("samples", "cgan-two-moons.bpgan"), errors::add));
        GenerativeLessonsTest.await(() -> tab().chosen() instanceof GanLabPage);
        GanLabPage gan = (GanLabPage) tab().chosen();
        assertEquals(GenerativePage.TITLE, tabs().getSelectionModel().getSelectedItem().getText());
        GenerativeLessonsTest.await(() -> gan.model().frame() != null && gan.fileName().equals("cgan-two-moons.bpgan"));
        assertEquals("two_moons", gan.model().targetProperty().get(), "the target is the file's data");
        assertEquals("", gan.model().problem(), "the conditional GAN is drawn, its labels fed to D");
        robot.clickOn(".gan-step-both");
        GenerativeLessonsTest.await(() -> gan.model().frame().step() == 3);
        robot.interact(gan::refreshNow);
        GenerativeLessonsTest.exportAll(robot, gan, "cgan", studio.backprop.ui.export.ExportBackground.WHITE);
        assertSame(network, model.documentProperty().get(), "the network document stays as it was");
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void aMalformedGanFileIsRefusedInWordsAndNothingIsLost(FxRobot robot) throws Exception {
        NetworkDocument network = model.documentProperty().get();
        Path broken = Files.createTempDirectory("gan-broken").resolve("broken.bpgan");
        Files.writeString(broken, "backprop-studio gan 1\nname = broken\nlatent = 2\nsample = 2\n\n[generator g1]\n"
                + "units = 4\n");
        robot.interact(() -> model.open(broken, errors::add));
        GenerativeLessonsTest.await(() -> !errors.isEmpty());
        assertTrue(errors.get(0).contains("broken.bpgan") && errors.get(0).contains("has no type"), errors.get(0));
        assertSame(network, model.documentProperty().get());
        assertEquals("gan-ring.bpgan (the template)", fileLabel(robot), "the GAN shown stays");
    }

    @Test
    void aGanOfDigitsShowsItsGeneratedDigitsAndStepsOneNetworkAtATime(FxRobot robot) throws Exception {
        robot.interact(() -> model.open(Path.of("samples", "dcgan-digits.bpgan"), errors::add));
        GenerativeLessonsTest.await(() -> tab().chosen() instanceof GanLabPage);
        GanLabPage gan = (GanLabPage) tab().chosen();
        GenerativeLessonsTest.await(() -> gan.model().frame() != null && gan.model().frame().digits());
        assertEquals("dcgan-digits.bpgan", fileLabel(robot));
        assertEquals(GanLabModel.SHOWN_DIGITS * 784, gan.model().frame().fake().length);
        robot.clickOn(".gan-step-g");
        GenerativeLessonsTest.await(() -> gan.model().frame().step() == 1
                && gan.model().frame().phase().equals("generator step"));
        robot.interact(gan::refreshNow);
        GenerativeLessonsTest.exportAll(robot, gan, "dcgan", studio.backprop.ui.export.ExportBackground.WHITE);
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void aGanThisPageCannotDrawIsRefusedInWordsAndTheShownOneStays(FxRobot robot) throws Exception {
        Path three = Files.createTempDirectory("gan-3d").resolve("three.bpgan");
        Files.writeString(three, Files.readString(Path.of("samples", "gan-ring.bpgan")).replace("sample = 2",
                "sample = 3").replace("[generator points]\ntype = Dense\nunits = 2", "[generator points]\ntype = "
                + "Dense\nunits = 3"));
        robot.interact(() -> model.open(three, errors::add));
        GenerativeLessonsTest.await(() -> tab().chosen() instanceof GanLabPage);
        GenerativeLessonsTest.await(() -> robot.lookup(".gan-lab .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("three.bpgan: 'A GAN learns the ring' makes samples of shape [3]")
                        && l.getText().contains("backprop train")));
        assertEquals("gan-ring.bpgan (the template)", fileLabel(robot));
        assertTrue(errors.isEmpty(), errors.toString());
        assertTrue(model.statusProperty().get().startsWith("three.bpgan: "), "the status line says why too");
    }

    @Test
    void aGanWhoseDataCannotBeReadKeepsTheGanShownAndSaysWhy(FxRobot robot) throws Exception {
        Path none = Files.createTempDirectory("gan-no-data").resolve("no-digits.bpgan");
        Files.writeString(none, Files.readString(Path.of("samples", "dcgan-digits.bpgan")).strip()
                + "\ncount = 0\n");
        robot.interact(() -> model.open(none, errors::add));
        GenerativeLessonsTest.await(() -> tab().chosen() instanceof GanLabPage);
        GanLabPage gan = (GanLabPage) tab().chosen();
        GenerativeLessonsTest.await(() -> gan.model().problem().contains("count: '0' is not a whole number"));
        assertEquals("gan-ring.bpgan (the template)", fileLabel(robot));
        assertFalse(gan.model().digits(), "the ring is still the GAN trained");
    }

    @Test
    void eachSubPageIsDrawnInTheLightAndDarkThemesAndInPresenterMode(FxRobot robot) throws Exception {
        robot.interact(() -> window.showPage(GenerativePage.TITLE));
        for (String look : List.of("light", "dark", "presenter")) {
            robot.interact(() -> {
                model.themeProperty().set(look.equals("dark") ? AppModel.Theme.DARK : AppModel.Theme.LIGHT);
                model.presenterModeProperty().set(look.equals("presenter"));
            });
            for (String page : List.of("Autoencoder", "VAE", "GAN")) {
                robot.interact(() -> tab().show(page));
                if (page.equals("GAN")) {
                    GanLabPage gan = (GanLabPage) tab().chosen();
                    GenerativeLessonsTest.await(() -> gan.model().frame() != null);
                    robot.interact(gan::refreshNow);
                }
                Path png = Path.of("target", "screens", "generative-tab-" + page.toLowerCase() + "-" + look + ".png");
                robot.interact(() -> {
                    try {
                        PngExporter.write(window.scene().getRoot(), png, 1, Color.WHITE);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertTrue(Files.size(png) > 3_000, png + " holds a picture");
            }
        }
    }

    private String fileLabel(FxRobot robot) {
        return ((GanLabPage) tab().subPages().get(2)).fileName();
    }
}
