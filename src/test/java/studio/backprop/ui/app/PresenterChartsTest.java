package studio.backprop.ui.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.train.TrainerState;
import studio.backprop.ui.charts.ChartLayout;
import studio.backprop.ui.charts.LineChartView;
import studio.backprop.ui.charts.TrainingCharts;
import studio.backprop.ui.export.PngExporter;

/** The training charts on a projector: presenter mode at 1280×800 and 1600×1000, after some training. */
@ExtendWith(ApplicationExtension.class)
class PresenterChartsTest {

    private AppModel model;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        TestWindow shown = TestWindow.show(stage, 800);
        model = shown.model();
        window = shown.window();
        model.open(Path.of("samples", "spiral-playground.bps"), m -> { });
    }

    @Test
    void chartsInPresenterModeKeepTitlesLegendsAndCurvesReadable(FxRobot robot) throws Exception {
        await(() -> model.documentProperty().get() != null);
        robot.interact(window::showTrainingTab);
        robot.clickOn("#play");
        await(() -> epoch() >= 12);
        robot.clickOn("#play");
        await(() -> model.training().snapshotProperty().get().state() == TrainerState.PAUSED);
        robot.interact(() -> model.presenterModeProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> picture("presenter-charts-1280x800.png"));
        checkCharts(robot, "1280×800");
        // Monocle's screen is 1280×800: the larger projector is drawn by an off-screen scene of its size
        robot.interact(() -> {
            javafx.scene.Parent root = window.scene().getRoot();
            window.scene().setRoot(new javafx.scene.layout.Pane());
            javafx.scene.Scene large = new javafx.scene.Scene(root, 1600, 1000);
            large.getStylesheets().setAll(window.scene().getStylesheets());
            try {
                root.applyCss();
                root.layout();
                root.layout();
                picture(root, "presenter-charts-1600x1000.png");
                checkCharts(charts(root), "1600×1000");
            } finally {
                large.setRoot(new javafx.scene.layout.Pane());
                window.scene().setRoot(root);
            }
        });
        robot.interact(() -> model.presenterModeProperty().set(false));
    }

    private void checkCharts(FxRobot robot, String screen) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> checkCharts(charts(window.scene().getRoot()), screen));
    }

    private static List<LineChartView> charts(javafx.scene.Parent root) {
        TrainingCharts charts = (TrainingCharts) root.lookup(".training-charts");
        assertNotNull(charts, "the training charts are on the Training tab");
        return charts.charts();
    }

    /** Every chart: title and legend inside the chart, the legend over no curve, a plot with room to read. */
    private static void checkCharts(List<LineChartView> charts, String screen) {
        for (LineChartView chart : charts) {
            ChartLayout layout = chart.lastLayout();
            String what = chart.exportName() + " at " + screen + ": ";
            assertNotNull(layout, what + "drawn");
            Rectangle2D bounds = new Rectangle2D(0, 0, chart.getWidth(), chart.getHeight());
            assertTrue(contains(bounds, layout.title()), what + "title " + layout.title() + " inside " + bounds);
            assertNotNull(layout.legend(), what + "a legend after training");
            assertTrue(contains(bounds, layout.legend()), what + "legend " + layout.legend() + " inside " + bounds);
            assertFalse(layout.legendCoversCurves(), what + "the legend " + layout.legend() + " covers a curve");
            assertFalse(layout.legend().intersects(layout.title()), what + "legend over the title");
            assertTrue(layout.plot().getHeight() >= 50 && layout.plot().getWidth() >= 80,
                    what + "the plot keeps room for its curves: " + layout.plot());
        }
    }

    private static boolean contains(Rectangle2D outer, Rectangle2D inner) {
        return inner.getMinX() >= outer.getMinX() - 0.5 && inner.getMinY() >= outer.getMinY() - 0.5
                && inner.getMaxX() <= outer.getMaxX() + 0.5 && inner.getMaxY() <= outer.getMaxY() + 0.5;
    }

    private int epoch() {
        var s = model.training().snapshotProperty().get();
        return s == null ? -1 : s.epoch();
    }

    private void picture(String name) {
        picture(window.scene().getRoot(), name);
    }

    private static void picture(javafx.scene.Node root, String name) {
        try {
            PngExporter.write(root, Path.of("target", "screens", name), 1,
                    javafx.scene.paint.Color.WHITE);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
