package studio.backprop.ui.headless;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import studio.backprop.nn.ModelSummary;
import studio.backprop.train.TrainingLoop;
import studio.backprop.ui.charts.ChartModel;
import studio.backprop.ui.charts.ChartPalette;
import studio.backprop.ui.charts.ChartsViewModel;
import studio.backprop.ui.charts.LineChartView;
import studio.backprop.ui.charts.SummaryTable;
import studio.backprop.ui.editor.EditorCanvas;
import studio.backprop.ui.editor.EditorViewModel;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.export.PngExporter;
import studio.backprop.ui.training.PlaygroundStill;

/**
 * Pictures of a training session without a window, for the command line: builds the chosen view the way the app
 * builds it, from the loop's document, weights, data and history, lays it out and writes it through
 * {@link PngExporter}, the one path the app's menus use too.
 *
 * <p>Thread: any; the drawing happens on the JavaFX application thread, started headless when needed.
 */
public final class SessionPictures {

    private SessionPictures() {
    }

    /** What to draw and how. */
    public record Request(SessionView view, double scale, ExportBackground background, int width, int height,
                         boolean logScale, String neuronLayer, int neuronUnit, String layer, int sample) {
    }

    /**
     * Writes the requested picture of {@code loop} to {@code file}.
     *
     * @throws IllegalArgumentException in words, when the view cannot be drawn for this session (the Playground
     *                                  views for a network that is not a two-input chain of Dense layers, an
     *                                  unknown neuron)
     */
    public static void write(TrainingLoop loop, Request request, Path file) throws Exception {
        HeadlessFx.call(() -> {
            PngExporter.write(view(loop, request), file, request.scale(), request.background());
            return null;
        });
    }

    private static Exportable view(TrainingLoop loop, Request r) {
        return switch (r.view()) {
            case LOSS, ACCURACY, LEARNING_RATE -> chart(loop, r);
            case SUMMARY -> laidOut(new SummaryTable(loop.compilation().document().name(),
                    ModelSummary.of(loop.compilation().network()), ChartPalette.LIGHT, 1), 0, 0);
            case NETWORK -> network(loop);
            case NEURONS -> PlaygroundStill.of(loop).network();
            case NEURON -> PlaygroundStill.of(loop).neuron(r.neuronLayer(), r.neuronUnit());
            case DECISION_BOUNDARY -> PlaygroundStill.of(loop).output();
            case PLAYGROUND -> PlaygroundStill.of(loop).whole();
            case FEATURE_MAPS -> studio.backprop.ui.cnn.CnnStills.featureMaps(loop, r.layer(), r.sample());
            case KERNELS -> studio.backprop.ui.cnn.CnnStills.kernels(loop);
            case CONFUSION -> studio.backprop.ui.cnn.CnnStills.confusion(loop);
        };
    }

    private static Exportable chart(TrainingLoop loop, Request r) {
        ChartsViewModel vm = ChartsViewModel.of(loop, false);
        LineChartView chart = new LineChartView(r.view().id());
        ChartModel model = switch (r.view()) {
            case LOSS -> vm.lossProperty().get();
            case ACCURACY -> vm.accuracyProperty().get();
            default -> vm.learningRateProperty().get();
        };
        chart.setModel(model);
        chart.setLogScale(r.logScale());
        return laidOut(chart, r.width(), r.height());
    }

    /** The editor's drawing of the session's document, whole, at zoom 1. */
    private static Exportable network(TrainingLoop loop) {
        EditorCanvas canvas = new EditorCanvas(new EditorViewModel(loop.compilation().document()));
        laidOut(canvas, 0, 0);
        return canvas;
    }

    private static <V extends Region & Exportable> V laidOut(V view, int width, int height) {
        Scene scene = new Scene(view, width > 0 ? width : -1, height > 0 ? height : -1);
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        return view;
    }
}
