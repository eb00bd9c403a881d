package studio.backprop.ui.lessons;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import studio.backprop.data.Augmentation;
import studio.backprop.data.DatasetException;
import studio.backprop.data.SampleData;
import studio.backprop.ui.export.Exportable;

/**
 * Overfitting and regularisation, run against run: a network learns 1,000 digits by heart while its validation
 * accuracy stalls, and each remedy is trained from the same seed beside it. Training runs in the background when
 * Run is pressed; each run appears as it finishes.
 */
final class RegularisationLesson implements Lesson {

    private static final int TRAIN = 1000;
    private static final int VALID = 500;

    private final Map<RegularisationModel.Remedy, CheckBox> chosen = new EnumMap<>(RegularisationModel.Remedy.class);
    private final Map<RegularisationModel.Remedy, RegularisationModel.Run> runs =
            new EnumMap<>(RegularisationModel.Remedy.class);
    private final List<Worker> workers = new ArrayList<>();
    private final SeriesPlot accuracy = new SeriesPlot("regularisation-accuracy", 640, 330);
    private final SeriesPlot weights = new SeriesPlot("regularisation-weights", 640, 220);
    private final Label readout = Controls.text("Press Run to train (in the background, a few seconds a run).");
    private final Label message = Controls.messageLine();
    private final BorderPane content = new BorderPane();
    private RegularisationModel.Settings settings = RegularisationModel.Settings.defaults();
    private volatile RegularisationModel model;

    RegularisationLesson() {
        VBox boxes = new VBox(4);
        for (RegularisationModel.Remedy r : RegularisationModel.Remedy.values()) {
            CheckBox box = new CheckBox(r.label());
            box.setSelected(true);
            chosen.put(r, box);
            boxes.getChildren().add(box);
            workers.add(new Worker());
        }
        Button run = new Button("Run");
        run.getStyleClass().add("regularisation-run");
        run.setOnAction(e -> runAll());
        readout.getStyleClass().add("regularisation-readout");
        content.setLeft(Controls.column(250, Controls.labelled("Runs", boxes),
                Controls.labelled("Epochs", field("the number of epochs", settings.epochs(), v -> settings =
                        with(whole(v, 1, 500), settings.l2(), settings.l1(), settings.dropout(), settings.patience(),
                                settings.augmentation()))),
                Controls.labelled("L2 λ", field("L2 λ", settings.l2(), v -> settings = with(settings.epochs(), v,
                        settings.l1(), settings.dropout(), settings.patience(), settings.augmentation()))),
                Controls.labelled("L1 λ", field("L1 λ", settings.l1(), v -> settings = with(settings.epochs(),
                        settings.l2(), v, settings.dropout(), settings.patience(), settings.augmentation()))),
                Controls.labelled("Dropout rate", field("the dropout rate", settings.dropout(), v -> settings =
                        with(settings.epochs(), settings.l2(), settings.l1(), v, settings.patience(),
                                settings.augmentation()))),
                Controls.labelled("Augmentation: shift (px), rotation (°), noise σ", augmentationFields()),
                Controls.labelled("Early stopping patience (epochs)", field("the patience", settings.patience(),
                        v -> settings = with(settings.epochs(), settings.l2(), settings.l1(), settings.dropout(),
                                whole(v, 1, 100), settings.augmentation()))),
                run,
                Controls.text(TRAIN + " training digits, " + VALID + " validation digits, a 784-128-10 ReLU "
                        + "network with Adam (η = 0.001), batches of 50, one seed for all runs. Solid: validation "
                        + "accuracy; dashed: training accuracy of the run with no remedy. Below: the first layer's "
                        + "weights, where L2 shrinks them all and L1 pushes many to 0."),
                readout, message));
        VBox plots = new VBox(accuracy, weights);
        VBox.setVgrow(accuracy, Priority.ALWAYS);
        weights.setMinHeight(160);
        content.setCenter(plots);
    }

    private HBoxFields augmentationFields() {
        return new HBoxFields(this);
    }

    /** The three augmentation fields in a row. */
    private static final class HBoxFields extends javafx.scene.layout.HBox {
        HBoxFields(RegularisationLesson lesson) {
            super(4);
            Augmentation a = lesson.settings.augmentation();
            NumberField shift = lesson.field("the shift", a.maxShift(), v -> lesson.augment(whole(v, 0, 64),
                    lesson.settings.augmentation().maxDegrees(), lesson.settings.augmentation().noiseStd()));
            NumberField turn = lesson.field("the rotation", a.maxDegrees(), v -> lesson.augment(
                    lesson.settings.augmentation().maxShift(), v, lesson.settings.augmentation().noiseStd()));
            NumberField noise = lesson.field("the noise σ", a.noiseStd(), v -> lesson.augment(
                    lesson.settings.augmentation().maxShift(), lesson.settings.augmentation().maxDegrees(), v));
            for (NumberField f : List.of(shift, turn, noise)) {
                f.setPrefColumnCount(3);
            }
            getChildren().addAll(shift, turn, noise);
        }
    }

    private void augment(int shift, double degrees, double noise) {
        settings = with(settings.epochs(), settings.l2(), settings.l1(), settings.dropout(), settings.patience(),
                new Augmentation(shift, degrees, noise));
    }

    private NumberField field(String name, double initial, java.util.function.Consumer<Double> apply) {
        return new NumberField(name, initial, apply, message);
    }

    private static int whole(double v, int low, int high) {
        if (v != Math.rint(v) || v < low || v > high) {
            throw new IllegalArgumentException("this setting must be a whole number from " + low + " to " + high
                    + "; got " + v);
        }
        return (int) v;
    }

    private RegularisationModel.Settings with(int epochs, double l2, double l1, double dropout, int patience,
                                              Augmentation augmentation) {
        if (!(l2 >= 0 && l1 >= 0) || Double.isInfinite(l2) || Double.isInfinite(l1)) {
            throw new IllegalArgumentException("λ must be a finite number ≥ 0, e.g. 0.001");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("the dropout rate must be in [0, 1), e.g. 0.5; got " + dropout);
        }
        return new RegularisationModel.Settings(epochs, 50, 0.001, l2, l1, dropout, augmentation, patience,
                settings.seed());
    }

    private void runAll() {
        runs.clear();
        redraw();
        RegularisationModel.Settings now = settings;
        readout.setText("Training…");
        for (RegularisationModel.Remedy r : RegularisationModel.Remedy.values()) {
            if (!chosen.get(r).isSelected()) {
                continue;
            }
            workers.get(r.ordinal()).submit(() -> model().train(r, now), done -> {
                runs.put(r, done);
                redraw();
            }, message::setText);
        }
    }

    private RegularisationModel model() {
        if (model == null) {
            try {
                model = new RegularisationModel(SampleData.mnist10k(), TRAIN, VALID);
            } catch (DatasetException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        return model;
    }

    private void redraw() {
        List<SeriesPlot.Series> lines = new ArrayList<>();
        List<SeriesPlot.Series> histograms = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (RegularisationModel.Run run : runs.values()) {
            int colour = run.remedy().ordinal();
            double[] epochs = new double[run.validationAccuracy().length];
            for (int e = 0; e < epochs.length; e++) {
                epochs[e] = e + 1;
            }
            lines.add(new SeriesPlot.Series(run.remedy().label() + ", validation", colour, epochs,
                    percent(run.validationAccuracy()), false));
            if (run.remedy() == RegularisationModel.Remedy.NONE) {
                lines.add(new SeriesPlot.Series("no remedy, training", colour, epochs, percent(run.trainAccuracy()),
                        true));
            }
            if (run.remedy().ordinal() <= RegularisationModel.Remedy.L1.ordinal()) {
                histograms.add(histogram(run));
            }
            text.append(run.remedy().label()).append(": training ").append(Math.round(100 * run.finalTraining()))
                    .append("%, validation ").append(Format.number(100 * run.finalValidation())).append('%')
                    .append(run.remedy() == RegularisationModel.Remedy.EARLY_STOPPING ? " (stopped, best epoch "
                            + run.bestEpoch() + ")" : "").append('\n');
        }
        if (!runs.isEmpty()) {
            readout.setText(text.toString().strip());
        }
        accuracy.show("Accuracy (%) per epoch, run against run", "epoch", "%", lines, null);
        weights.show("First-layer weights: share of weights per value", "weight", "share", histograms, null);
    }

    private static double[] percent(double[] fractions) {
        double[] out = new double[fractions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = 100 * fractions[i];
        }
        return out;
    }

    /** The weights' distribution over [−0.15, 0.15] in 61 bins, as a line. */
    private static SeriesPlot.Series histogram(RegularisationModel.Run run) {
        int bins = 61;
        double lo = -0.15;
        double hi = 0.15;
        double[] xs = new double[bins];
        double[] share = new double[bins];
        for (int b = 0; b < bins; b++) {
            xs[b] = lo + (b + 0.5) * (hi - lo) / bins;
        }
        for (float w : run.weights()) {
            int b = (int) Math.floor((w - lo) / (hi - lo) * bins);
            if (b >= 0 && b < bins) {
                share[b] += 1.0 / run.weights().length;
            }
        }
        return new SeriesPlot.Series(run.remedy().label(), run.remedy().ordinal(), xs, share, false);
    }

    @Override
    public String title() {
        return "Overfitting and regularisation";
    }

    @Override
    public Node content() {
        return content;
    }

    @Override
    public List<Exportable> exportables() {
        return List.of(accuracy, weights);
    }

    @Override
    public void setPresenterMode(boolean on) {
        accuracy.setPresenter(on);
        weights.setPresenter(on);
    }

    @Override
    public void setDarkColours(boolean dark) {
        accuracy.setDark(dark);
        weights.setDark(dark);
    }
}
