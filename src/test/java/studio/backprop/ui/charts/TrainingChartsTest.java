package studio.backprop.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.DataResolver;
import studio.backprop.train.TrainerCommand;
import studio.backprop.train.TrainingLoop;
import studio.backprop.ui.training.TrainingViewModel;

/** The composite charts bound to a live training view model, and their context menus. */
class TrainingChartsTest {

    private static TrainingLoop spiral() throws Exception {
        Path file = Path.of("samples", "spiral-playground.bps");
        NetworkDocument doc = DocumentFormat.read(java.nio.file.Files.readString(file), file.toString());
        Compilation c = DocumentCompiler.compile(doc);
        return new TrainingLoop(c, DataResolver.resolve(doc, file.toAbsolutePath().getParent(), true,
                c.network().outputShape()));
    }

    @Test
    void followsTheTrainingViewModelsSnapshots() throws Exception {
        TrainingLoop loop = spiral();
        TrainingViewModel training = Pictures.fx(TrainingViewModel::new);
        TrainingCharts charts = Pictures.fx(() -> {
            TrainingCharts c = new TrainingCharts();
            c.bind(training);
            new Scene(c, 1200, 320);
            training.start(loop);
            training.send(new TrainerCommand.StepEpoch());
            training.send(new TrainerCommand.StepEpoch());
            return c;
        });
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (Pictures.fx(() -> charts.accuracyChart().getModel().series(ChartsViewModel.TRAIN_ACCURACY)
                .values().size()) < 2 && System.nanoTime() < deadline) {
            WaitForAsyncUtils.sleep(50, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        ChartModel loss = Pictures.fx(() -> charts.lossChart().getModel());
        ChartModel rate = Pictures.fx(() -> charts.learningRateChart().getModel());
        Pictures.fx(() -> {
            training.stop();
            return null;
        });
        assertEquals(2, loss.series(ChartsViewModel.TRAIN_LOSS).values().size());
        assertEquals(56, loss.series(ChartsViewModel.STEP_LOSS).values().size(), "28 steps per epoch");
        assertEquals(10, loss.xMax(), "a long plan: the axis grows with the epochs done, starting at 10");
        assertTrue(rate.series(ChartsViewModel.RATE_PLANNED).values().size() > 100, "the plan ahead");
        assertEquals(0.01f, rate.series(ChartsViewModel.RATE).values().last(), 1e-7);
    }

    @Test
    void eachChartHasALogSwitchAndExportInItsMenuAndFollowsPresenterModeAndPalette() throws Exception {
        List<Object> found = Pictures.fx(() -> {
            TrainingCharts charts = new TrainingCharts();
            LineChartView loss = charts.lossChart();
            ContextMenu menu = ChartMenu.attach(loss);
            CheckMenuItem log = (CheckMenuItem) menu.getItems().get(0);
            log.setSelected(true);
            charts.presenterModeProperty().set(true);
            charts.paletteProperty().set(ChartPalette.DARK);
            List<String> labels = menu.getItems().stream().map(MenuItem::getText).toList();
            return List.of(labels, loss.logScaleProperty().get(), charts.accuracyChart().presenterModeProperty()
                    .get(), charts.learningRateChart().getPalette(), charts.charts().stream()
                    .map(LineChartView::exportName).toList());
        });
        assertEquals(java.util.Arrays.asList(ChartMenu.LOG_SCALE, null, ChartMenu.EXPORT), found.get(0));
        assertEquals(true, found.get(1));
        assertEquals(true, found.get(2));
        assertEquals(ChartPalette.DARK, found.get(3));
        assertEquals(List.of("loss", "accuracy", "learning-rate"), found.get(4));
    }
}
