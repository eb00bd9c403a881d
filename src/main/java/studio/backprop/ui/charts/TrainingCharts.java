package studio.backprop.ui.charts;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import studio.backprop.spec.Compilation;
import studio.backprop.train.TrainingSnapshot;
import studio.backprop.ui.training.TrainingViewModel;

/**
 * The live training charts side by side: loss (per step, faint; train and validation per epoch), accuracy (train
 * and validation) and the learning rate (used so far, and the schedule's plan). Bound to a
 * {@link TrainingViewModel}, they follow its snapshot property (one snapshot per frame at most) and never poll.
 * Each chart is {@link studio.backprop.ui.export.Exportable} on its own and has a context menu with the log-scale
 * switch and "Export PNG…".
 *
 * <p>Thread: the JavaFX application thread.
 */
public final class TrainingCharts extends HBox {

    private final ChartsViewModel viewModel;
    private final LineChartView loss = new LineChartView("loss");
    private final LineChartView accuracy = new LineChartView("accuracy");
    private final LineChartView learningRate = new LineChartView("learning-rate");
    private final BooleanProperty presenterMode = new SimpleBooleanProperty(this, "presenterMode");
    private final ObjectProperty<ChartPalette> palette = new SimpleObjectProperty<>(this, "palette",
            ChartPalette.LIGHT);
    private final ChangeListener<TrainingSnapshot> onSnapshot = (o, a, s) -> {
        if (this.bound == null || this.bound.redrawTurn().charts()) {
            update(s);
        }
    };
    private final ChangeListener<Compilation> onCompilation = (o, a, c) -> plan(c);
    private TrainingViewModel bound;

    public TrainingCharts() {
        this(new ChartsViewModel());
    }

    /** Charts showing {@code viewModel}'s data (for a saved session, or a view model updated by other means). */
    public TrainingCharts(ChartsViewModel viewModel) {
        super(8);
        getStyleClass().add("training-charts");
        this.viewModel = viewModel;
        loss.modelProperty().bind(viewModel.lossProperty());
        accuracy.modelProperty().bind(viewModel.accuracyProperty());
        learningRate.modelProperty().bind(viewModel.learningRateProperty());
        for (LineChartView chart : charts()) {
            chart.presenterModeProperty().bind(presenterMode);
            chart.paletteProperty().bind(palette);
            ChartMenu.attach(chart);
            HBox.setHgrow(chart, Priority.ALWAYS);
        }
        loss.setPrefWidth(560);
        accuracy.setPrefWidth(420);
        learningRate.setPrefWidth(360);
        getChildren().setAll(loss, accuracy, learningRate);
    }

    /** Follows {@code training}'s snapshots and plan from now on (and stops following any earlier one). */
    public void bind(TrainingViewModel training) {
        unbind();
        bound = training;
        training.compilationProperty().addListener(onCompilation);
        training.snapshotProperty().addListener(onSnapshot);
        plan(training.compilationProperty().get());
    }

    /** Stops following the training view model. */
    public void unbind() {
        if (bound != null) {
            bound.compilationProperty().removeListener(onCompilation);
            bound.snapshotProperty().removeListener(onSnapshot);
            bound = null;
        }
    }

    private void plan(Compilation c) {
        boolean known = c != null && c.optimizer() != null && c.plan() != null;
        viewModel.setPlan(known ? c.optimizer().schedule() : null, known ? c.plan().epochs() : 0);
        update(bound == null ? null : bound.snapshotProperty().get());
    }

    private void update(TrainingSnapshot s) {
        viewModel.update(s);
    }

    public ChartsViewModel viewModel() {
        return viewModel;
    }

    public LineChartView lossChart() {
        return loss;
    }

    public LineChartView accuracyChart() {
        return accuracy;
    }

    public LineChartView learningRateChart() {
        return learningRate;
    }

    /** The three charts, in order: loss, accuracy, learning rate. */
    public List<LineChartView> charts() {
        return List.of(loss, accuracy, learningRate);
    }

    /** Larger fonts and thicker lines on every chart. */
    public BooleanProperty presenterModeProperty() {
        return presenterMode;
    }

    /** The light or dark colours of every chart. */
    public ObjectProperty<ChartPalette> paletteProperty() {
        return palette;
    }
}
