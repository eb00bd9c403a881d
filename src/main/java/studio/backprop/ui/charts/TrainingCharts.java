package studio.backprop.ui.charts;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
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
    /**
     * While training runs steadily the charts redraw at most ten times a second (the curves still move smoothly and
     * frames stay free for the other views); a change of state (pause, step, end, divergence) redraws at once.
     */
    private static final long RUNNING_REDRAW_NANOS = 95_000_000L;
    private long lastRedraw;
    private final ChangeListener<TrainingSnapshot> onSnapshot = (o, a, s) -> {
        long now = System.nanoTime();
        boolean steady = a != null && s != null && a.state() == s.state()
                && s.state() == studio.backprop.train.TrainerState.RUNNING;
        if (!steady || now - lastRedraw >= RUNNING_REDRAW_NANOS) {
            lastRedraw = now;
            update(s);
        }
    };
    private final ChangeListener<studio.backprop.spec.NetworkDocument> onCompilation = (o, a, d) -> plan(d);
    private TrainingViewModel bound;
    /** The snapshot drawn last (kept to redraw when the overlays change). */
    private TrainingSnapshot shown;
    /** The document whose plan the charts show. */
    private studio.backprop.spec.NetworkDocument planned;

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
        training.sessionDocumentProperty().addListener(onCompilation);
        training.snapshotProperty().addListener(onSnapshot);
        plan(training.sessionDocumentProperty().get());
    }

    /** Stops following the training view model. */
    public void unbind() {
        if (bound != null) {
            bound.sessionDocumentProperty().removeListener(onCompilation);
            bound.snapshotProperty().removeListener(onSnapshot);
            bound = null;
        }
    }

    private void plan(studio.backprop.spec.NetworkDocument doc) {
        planOf(doc);
        update(bound == null ? null : bound.snapshotProperty().get());
    }

    /**
     * The planned learning rates and epochs, read from the document (never from the trainer's optimiser): the
     * schedule is compiled here from the [optimizer] section, again whenever a live edit changes it.
     */
    private void planOf(studio.backprop.spec.NetworkDocument doc) {
        planned = doc;
        studio.backprop.nn.optim.LearningRateSchedule schedule = null;
        int epochs = 0;
        if (doc != null) {
            studio.backprop.spec.Compilation c = studio.backprop.spec.DocumentCompiler.compile(doc);
            if (c.optimizer() != null && c.plan() != null) {
                schedule = c.optimizer().schedule();
                epochs = c.plan().epochs();
            } else if (c.plan() != null) {
                epochs = c.plan().epochs();
            }
        }
        viewModel.setPlan(schedule, epochs);
    }

    private void update(TrainingSnapshot s) {
        shown = s;
        if (s != null && s.document() != null && planned != null && (!s.document().optimizer()
                .equals(planned.optimizer()) || !s.document().training().equals(planned.training()))) {
            planOf(s.document());
        }
        viewModel.update(s);
    }

    /**
     * Draws these kept runs beside the current one (each in its colour, named in the legends; none: an empty list),
     * redrawing at once; exports of the charts include them.
     */
    public void setOverlays(List<OverlaidRun> runs, RunCurves curves) {
        viewModel.setOverlays(runs, curves);
        update(bound == null ? shown : bound.snapshotProperty().get());
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
