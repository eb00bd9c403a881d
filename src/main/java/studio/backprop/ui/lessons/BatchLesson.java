package studio.backprop.ui.lessons;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import studio.backprop.data.DatasetException;
import studio.backprop.data.SampleData;
import studio.backprop.ui.export.Exportable;

/**
 * Batch, mini-batch and stochastic descent of a sigmoid unit on real data (the zeros and ones of the shipped
 * digits, by their ink): the three paths on the loss contour over (w, b), and the whole-data loss of each over the
 * updates. The digits are loaded and the contour computed in the background the first time.
 */
final class BatchLesson implements Lesson {

    private static final int GRID = 120;

    private final BatchModel model = new BatchModel();
    private final Worker worker = new Worker();
    private final BatchPlot plot = new BatchPlot(this::startAt);
    private final SeriesPlot losses = new SeriesPlot("batch-minibatch-stochastic-loss", 640, 220);
    private final Label readout = Controls.text("Loading the digits…");
    private final Label message = Controls.messageLine();
    private final BorderPane content = new BorderPane();
    private volatile InkData data;
    private volatile ContourGrid grid;

    BatchLesson() {
        NumberField eta = new NumberField("the learning rate η", model.eta(), v -> {
            model.setEta(v);
            recompute();
        }, message);
        eta.getStyleClass().add("batch-eta");
        NumberField steps = new NumberField("the number of updates", model.steps(), v -> {
            model.setSteps(whole("the number of updates", v));
            recompute();
        }, message);
        NumberField size = new NumberField("the mini-batch size", model.miniBatch(), v -> {
            model.setMiniBatch(whole("the mini-batch size", v));
            recompute();
        }, message);
        NumberField seed = new NumberField("the seed", model.seed(), v -> {
            model.setSeed(whole("the seed", v));
            recompute();
        }, message);
        readout.getStyleClass().add("batch-readout");
        content.setLeft(Controls.column(250, Controls.labelled("Learning rate η", eta),
                Controls.labelled("Updates for each way", steps), Controls.labelled("Mini-batch size", size),
                Controls.labelled("Seed (the order the samples are drawn in)", seed),
                Controls.text("Data: every 0 and 1 among the 10,000 shipped digits, described by its mean ink "
                        + "(standardised); the unit predicts 'zero'. All three start at the same (w, b) with the "
                        + "same η and seed; click the contour to move the start. Batch follows the true gradient; "
                        + "stochastic and mini-batch see a noisy estimate of it, for a fraction of the cost."),
                readout, message));
        VBox plots = new VBox(plot, losses);
        VBox.setVgrow(plot, Priority.ALWAYS);
        losses.setMinHeight(160);
        content.setCenter(plots);
        recompute();
    }

    private static int whole(String name, double v) {
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be a whole number; got " + v);
        }
        return (int) v;
    }

    private void startAt(double w, double b) {
        model.setStart(w, b);
        recompute();
    }

    private void recompute() {
        BatchModel snapshot = copy();
        worker.submit(() -> {
            if (data == null) {
                try {
                    data = InkData.from(SampleData.mnist10k());
                } catch (DatasetException e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
                grid = new ContourGrid(snapshot.lossGrid(data, GRID), GRID, BatchModel.W_MIN, BatchModel.W_MAX,
                        BatchModel.B_MIN, BatchModel.B_MAX);
            }
            return snapshot.run(data);
        }, paths -> show(snapshot, paths), message::setText);
    }

    private BatchModel copy() {
        BatchModel c = new BatchModel();
        c.setEta(model.eta());
        c.setSteps(model.steps());
        c.setMiniBatch(model.miniBatch());
        c.setSeed(model.seed());
        c.setStart(model.start()[0], model.start()[1]);
        return c;
    }

    private void show(BatchModel snapshot, List<DescentPath> paths) {
        List<String> labels = new ArrayList<>();
        List<SeriesPlot.Series> series = new ArrayList<>();
        StringBuilder text = new StringBuilder(data.data().size() + " digits. Loss after " + snapshot.steps()
                + " updates:\n");
        for (BatchModel.Way way : BatchModel.Way.values()) {
            DescentPath path = paths.get(way.ordinal());
            String label = way == BatchModel.Way.MINI_BATCH ? "mini-batch of " + snapshot.miniBatch() : way.label();
            labels.add(label);
            double[] ks = new double[path.values().size()];
            double[] ls = new double[ks.length];
            for (int i = 0; i < ks.length; i++) {
                ks[i] = i;
                ls[i] = path.values().get(i);
            }
            series.add(new SeriesPlot.Series(label, way.ordinal(), ks, ls, false));
            text.append(label).append(": ").append(Format.number(path.lastValue())).append('\n');
        }
        readout.setText(text.toString().strip());
        plot.show(grid, paths, labels, "η = " + Format.number(snapshot.eta()) + " · seed " + snapshot.seed()
                + " · start (" + Format.number(snapshot.start()[0]) + ", " + Format.number(snapshot.start()[1]) + ")");
        losses.show("Loss on all the data after each update", "update", "loss", series, null);
    }

    @Override
    public String title() {
        return "Batch, mini-batch, stochastic";
    }

    @Override
    public Node content() {
        return content;
    }

    @Override
    public List<Exportable> exportables() {
        return List.of(plot, losses);
    }

    @Override
    public void setPresenterMode(boolean on) {
        plot.setPresenter(on);
        losses.setPresenter(on);
    }

    @Override
    public void setDarkColours(boolean dark) {
        plot.setDark(dark);
        losses.setDark(dark);
    }
}
