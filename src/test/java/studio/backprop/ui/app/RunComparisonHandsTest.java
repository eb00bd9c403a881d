package studio.backprop.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.train.TrainerCommand;
import studio.backprop.train.TrainerState;
import studio.backprop.ui.charts.ChartModel;
import studio.backprop.ui.charts.ChartSeries;
import studio.backprop.ui.charts.TrainingCharts;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.export.PngExporter;
import studio.backprop.ui.runs.KeptRun;
import studio.backprop.ui.runs.RunsPanel;

/**
 * Two short runs of two files kept and overlaid in the Training page's charts, one hidden with its box, exported as
 * a picture and a CSV; then the optimiser race on the open network, and closing the window while it runs.
 */
@ExtendWith(ApplicationExtension.class)
class RunComparisonHandsTest {

    private static final String XOR = """
            backprop-studio network 1
            name = xor runs
            input = 2

            [layer hidden]
            type = Dense
            units = 4
            activation = tanh

            [layer out]
            type = Dense
            units = 1
            activation = sigmoid

            [loss binary_cross_entropy]

            [optimizer OPTIMIZER]
            learning_rate = RATE

            [training]
            batch_size = full
            epochs = 60
            seed = 3

            [data inline]
            rows =
                0, 0 -> 0
                0, 1 -> 1
                1, 0 -> 1
                1, 1 -> 0
            """;

    private AppModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        TestWindow shown = TestWindow.show(stage, 780);
        model = shown.model();
        window = shown.window();
    }

    private Path file(String name, String optimizer, String rate) throws Exception {
        Path dir = Files.createTempDirectory("runs");
        Path file = dir.resolve(name);
        Files.writeString(file, XOR.replace("OPTIMIZER", optimizer).replace("RATE", rate));
        return file;
    }

    private void trainToTheEnd(FxRobot robot, Path file) throws Exception {
        robot.interact(() -> model.open(file, m -> { }));
        await(() -> model.training().snapshotProperty().get() != null
                && model.training().sessionDocumentProperty().get().optimizer().type()
                .equals(model.documentProperty().get().optimizer().type())
                && model.fileProperty().get().equals(file));
        robot.interact(() -> model.training().send(new TrainerCommand.Play()));
        await(() -> model.training().snapshotProperty().get().state() == TrainerState.FINISHED);
    }

    @Test
    void twoRunsAreKeptOverlaidHiddenAndExported(FxRobot robot) throws Exception {
        robot.interact(() -> window.showPage("Training"));
        showRunsTab(robot);
        RunsPanel panel = robot.lookup(".runs-panel").queryAs(RunsPanel.class);
        trainToTheEnd(robot, file("xor-sgd.bps", "sgd", "0.5"));
        await(() -> runs(robot).size() == 1);
        trainToTheEnd(robot, file("xor-adam.bps", "adam", "0.05"));
        await(() -> runs(robot).size() == 2);
        assertEquals(List.of("xor-sgd · sgd η=0.5", "xor-adam · adam η=0.05"),
                runs(robot).stream().map(KeptRun::name).toList(), "the first file's run survived the second");

        TrainingCharts charts = robot.lookup(".training-charts").queryAs(TrainingCharts.class);
        ChartModel loss = charts.lossChart().modelProperty().get();
        assertNull(loss.series("xor-adam · adam η=0.05"), "the finished run is the current one: drawn once");
        robot.interact(() -> model.training().send(new TrainerCommand.Reset()));
        await(() -> model.training().snapshotProperty().get().step() == 0);
        loss = charts.lossChart().modelProperty().get();
        assertNotNull(loss.series("xor-sgd · sgd η=0.5"));
        assertNotNull(loss.series("xor-adam · adam η=0.05"));
        assertEquals(60, loss.series("xor-sgd · sgd η=0.5").values().size());
        assertNotNull(charts.accuracyChart().modelProperty().get().series("xor-adam · adam η=0.05"));

        // rename the first run with the name field, hide the second with its box
        robot.interact(() -> panelList(robot).getSelectionModel().select(0));
        TextField name = robot.lookup("#run-name").queryAs(TextField.class);
        robot.interact(() -> name.setText("plain SGD"));
        robot.clickOn(name).type(javafx.scene.input.KeyCode.ENTER);
        assertEquals("plain SGD", runs(robot).get(0).name());
        List<CheckBox> boxes = robot.lookup(".runs-panel .list-cell .check-box").queryAllAs(CheckBox.class)
                .stream().sorted(java.util.Comparator.comparingDouble(b -> b.localToScene(0, 0).getY())).toList();
        robot.clickOn(boxes.get(1));
        assertFalse(runs(robot).get(1).shown());
        loss = charts.lossChart().modelProperty().get();
        assertNotNull(loss.series("plain SGD"));
        assertNull(loss.series("xor-adam · adam η=0.05"));
        robot.clickOn(boxes.get(1));
        assertTrue(runs(robot).get(1).shown());

        Path png = Path.of("target", "screens", "runs-overlaid-loss.png");
        robot.interact(() -> {
            try {
                PngExporter.write(charts.lossChart(), png, 2, ExportBackground.WHITE);
                PngExporter.write(charts.accuracyChart(), Path.of("target", "screens",
                        "runs-overlaid-accuracy.png"), 1, ExportBackground.WHITE);
                PngExporter.write(robot.lookup(".runs-panel").query(), Path.of("target", "screens",
                        "runs-panel.png"), 1, javafx.scene.paint.Color.WHITE);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        robot.interact(() -> model.presenterModeProperty().set(true));
        robot.interact(() -> robot.lookup(".race-panel").queryAs(javafx.scene.control.TitledPane.class)
                .setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            try {
                PngExporter.write(window.scene().getRoot(), Path.of("target", "screens", "runs-presenter.png"), 1,
                        javafx.scene.paint.Color.WHITE);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        javafx.scene.control.Button rename = robot.lookup(".runs-panel .button").match(
                (javafx.scene.control.Button b) -> b.getText().equals("Rename")).query();
        javafx.geometry.Bounds shown = rename.localToScene(rename.getLayoutBounds());
        javafx.geometry.Bounds column = robot.lookup(".training-side").query().localToScene(
                robot.lookup(".training-side").query().getLayoutBounds());
        assertTrue(shown.getMaxX() <= column.getMaxX() + 0.5, "Rename is whole in presenter mode: " + shown);
        robot.interact(() -> model.presenterModeProperty().set(false));
        BufferedImage picture = ImageIO.read(png.toFile());
        assertTrue(picture.getWidth() > 400, "a picture of the chart at 2×");
        assertTrue(hasColour(picture, 44, 160, 44), "the first kept run's green is in the picture");
        assertTrue(hasColour(picture, 214, 39, 40), "the second kept run's red is in the picture");

        Path csv = Files.createTempDirectory("runs-csv").resolve("runs.csv");
        robot.interact(() -> panel.exportCsv(csv, (file, text, done, failed) -> model.io().submit(() -> {
            studio.backprop.io.AtomicFile.writeString(file, text);
            return file;
        }, p -> done.run(), failed)));
        await(() -> Files.exists(csv));
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("plain SGD,sgd,0.5,0,3,train loss,60,60,")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("xor-adam · adam η=0.05,adam,0.05,0,3,")));
    }

    @Test
    void theRaceKeepsARunPerOptimiserAndClosingTheWindowEndsItsThread(FxRobot robot) throws Exception {
        robot.interact(() -> window.showPage("Training"));
        showRunsTab(robot);
        trainToTheEnd(robot, file("xor-race.bps", "sgd", "0.5"));
        await(() -> runs(robot).size() == 1);
        robot.interact(() -> robot.lookup(".race-panel").queryAs(javafx.scene.control.TitledPane.class)
                .setExpanded(true));
        TextField epochs = robot.lookup("#race-epochs").queryAs(TextField.class);
        robot.interact(() -> epochs.setText("40"));
        robot.clickOn("#race-start");
        await(() -> runs(robot).size() == 8);
        List<String> names = runs(robot).stream().map(KeptRun::name).toList();
        assertEquals(List.of("xor-race · sgd η=0.5", "xor-race · sgd η=0.1", "xor-race · momentum η=0.05",
                "xor-race · nesterov η=0.05", "xor-race · adagrad η=0.05", "xor-race · rmsprop η=0.005",
                "xor-race · adadelta η=1", "xor-race · adam η=0.01"), names);
        assertEquals(40, runs(robot).get(7).epochs());
        TrainingCharts charts = robot.lookup(".training-charts").queryAs(TrainingCharts.class);
        Path comparison = Path.of("target", "screens", "runs-race-comparison.png");
        robot.interact(() -> {
            try {
                PngExporter.write(charts.lossChart(), Path.of("target", "screens", "runs-race-loss.png"), 1,
                        ExportBackground.WHITE);
                Exportable both = window.pages().stream().filter(p -> p.title().equals("Training")).findFirst()
                        .orElseThrow().exportables().stream().filter(e -> e.exportName().equals("run-comparison"))
                        .findFirst().orElseThrow();
                PngExporter.write(both, comparison, 1, ExportBackground.WHITE);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });

        robot.interact(() -> model.themeProperty().set(AppModel.Theme.DARK));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            try {
                PngExporter.write(window.scene().getRoot(), Path.of("target", "screens", "runs-race-window-dark.png"),
                        1, javafx.scene.paint.Color.BLACK);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        robot.interact(() -> model.themeProperty().set(AppModel.Theme.LIGHT));
        BufferedImage picture = ImageIO.read(comparison.toFile());
        assertEquals(960, picture.getWidth());
        assertEquals(400, picture.getHeight());
        for (int[] rgb : new int[][] {{140, 86, 75}, {214, 39, 40}, {148, 103, 189}, {23, 190, 207}}) {
            assertTrue(hasColour(picture, rgb[0], rgb[1], rgb[2]), "a kept run's colour in the picture");
        }
        assertFalse(hasColour(picture, 44, 160, 44), "the finished run is the current one, drawn in its own colours");

        // a long race, then the window closes while it runs: nothing more arrives and its thread ends
        robot.interact(() -> epochs.setText("100000"));
        robot.clickOn("#race-start");
        await(() -> Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("optimiser-race")
                && t.isAlive()));
        robot.interact(() -> model.shutdown());
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("optimiser-race")
                && t.isAlive()), "the race's thread ended with the window");
        int kept = runs(robot).size();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(kept, runs(robot).size());
    }

    private static void showRunsTab(FxRobot robot) {
        javafx.scene.control.TabPane tabs = robot.lookup(".training-side").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
    }

    private static boolean hasColour(BufferedImage image, int r, int g, int b) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs((p >> 16 & 255) - r) < 8 && Math.abs((p >> 8 & 255) - g) < 8
                        && Math.abs((p & 255) - b) < 8) {
                    return true;
                }
            }
        }
        return false;
    }

    private static javafx.scene.control.ListView<KeptRun> panelList(FxRobot robot) {
        return robot.lookup(".runs-panel .list-view").queryAs(javafx.scene.control.ListView.class);
    }

    private static List<KeptRun> runs(FxRobot robot) {
        return List.copyOf(panelList(robot).getItems());
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
