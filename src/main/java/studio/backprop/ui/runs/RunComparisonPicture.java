package studio.backprop.ui.runs;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import studio.backprop.ui.charts.TrainingCharts;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.charts.LineChartView;

/**
 * The loss and accuracy of the current and the shown kept runs as one picture, at a size where the legends have
 * room for many runs (960 × 400 before scaling), whatever the size of the charts in the window. It draws the same
 * chart models as the Training page's charts, so it shows what they show.
 *
 * <p>Thread: the JavaFX application thread.
 */
public final class RunComparisonPicture implements Exportable {

    static final double WIDTH = 960;
    static final double HEIGHT = 400;

    private final LineChartView loss = new LineChartView("runs-loss");
    private final LineChartView accuracy = new LineChartView("runs-accuracy");
    private final HBox row = new HBox(8, loss, accuracy);

    public RunComparisonPicture(TrainingCharts charts) {
        loss.modelProperty().bind(charts.viewModel().lossProperty());
        accuracy.modelProperty().bind(charts.viewModel().accuracyProperty());
        for (LineChartView chart : new LineChartView[] {loss, accuracy}) {
            chart.paletteProperty().bind(charts.paletteProperty());
            chart.presenterModeProperty().bind(charts.presenterModeProperty());
        }
        loss.setPrefSize(WIDTH * 0.56, HEIGHT);
        accuracy.setPrefSize(WIDTH * 0.44 - 8, HEIGHT);
        row.setPrefSize(WIDTH, HEIGHT);
        row.getStyleClass().add("run-comparison-picture");
        // never shown: a scene of its own gives it CSS and layout for the picture
        new Scene(row, WIDTH, HEIGHT);
    }

    @Override
    public Node exportNode() {
        return row;
    }

    @Override
    public String exportName() {
        return "run-comparison";
    }

    @Override
    public Picture prepareExport(double scale, ExportBackground background) {
        row.applyCss();
        row.layout();
        return Picture.of(row, loss.prepareExport(scale, background), accuracy.prepareExport(scale, background));
    }
}
