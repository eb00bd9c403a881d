package studio.backprop.ui.charts;

import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import studio.backprop.nn.ModelSummary;
import studio.backprop.train.TrainingLoop;

/**
 * Pictures of a training session without a window, for the command line: builds the chosen view from the loop's
 * history, lays it out at the requested size and writes it through the one PNG export path.
 */
public final class HeadlessExport {

    private HeadlessExport() {
    }

    /**
     * Writes {@code kind} of {@code loop} to {@code file}.
     *
     * @param width  logical width of the view (the picture is {@code scale} times larger); 0 for the view's own
     * @param height logical height, 0 for the view's own
     * @param log    a log y axis (charts only)
     */
    public static void write(TrainingLoop loop, ChartKind kind, Path file, double scale, ExportBackground background,
                             int width, int height, boolean log) throws Exception {
        HeadlessFx.call(() -> {
            draw(loop, kind, file, scale, background, width, height, log);
            return null;
        });
    }

    private static void draw(TrainingLoop loop, ChartKind kind, Path file, double scale, ExportBackground background,
                             int width, int height, boolean log) throws IOException {
        ChartPalette palette = background.palette(ChartPalette.LIGHT);
        if (kind == ChartKind.SUMMARY) {
            SummaryTable table = new SummaryTable(loop.compilation().document().name(),
                    ModelSummary.of(loop.network()), palette, 1);
            layOut(table, width, height);
            ChartExport.write(table, file, scale, background);
            return;
        }
        ChartsViewModel vm = ChartsViewModel.of(loop, false);
        LineChartView chart = new LineChartView(kind.id());
        chart.setModel(switch (kind) {
            case LOSS -> vm.lossProperty().get();
            case ACCURACY -> vm.accuracyProperty().get();
            default -> vm.learningRateProperty().get();
        });
        chart.setLogScale(log);
        chart.setPalette(palette);
        layOut(chart, width, height);
        ChartExport.write(chart, file, scale, background);
    }

    private static void layOut(Region view, int width, int height) {
        Scene scene = new Scene(view, width > 0 ? width : -1, height > 0 ? height : -1);
        scene.getRoot().applyCss();
        scene.getRoot().layout();
    }
}
