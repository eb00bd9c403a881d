package studio.backprop.ui.app;

import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.train.TrainerCommand;
import studio.backprop.train.TrainerState;
import studio.backprop.train.TrainingSnapshot;

/**
 * The training toolbar: play/pause, step one sample / batch / epoch, reset, and the settings that change while
 * training (learning rate, batch size, optimiser, L2 penalty), with the epoch and step counters, examples per second
 * and the trainer's messages. Every action becomes a command to the trainer; nothing here waits for it.
 */
public final class TrainingControls extends FlowPane {

    private final AppModel model;
    private final Consumer<String> onError;
    private final Button play = new Button("▶ Play");
    private final Label counters = new Label("epoch 0 · step 0");
    private final Label speed = new Label("");
    private final Label message = new Label("");
    private final TextField learningRate = new TextField();
    private final Spinner<Integer> batchSize = new Spinner<>(0, 100_000, 32, 1);
    private final ChoiceBox<String> optimizer = new ChoiceBox<>();
    private final TextField l2 = new TextField("0");
    private final Label dropoutLabel = new Label("dropout");
    private final TextField dropout = new TextField();

    public TrainingControls(AppModel model, Consumer<String> onError) {
        this.model = model;
        this.onError = onError;
        getStyleClass().add("training-controls");
        setHgap(6);
        setVgap(6);
        setPadding(new Insets(6, 8, 6, 8));
        setAlignment(Pos.CENTER_LEFT);
        play.setId("play");
        play.setOnAction(e -> togglePlay());
        play.setTooltip(new Tooltip("Train continuously (Ctrl+Enter)"));
        Button sample = button("Step sample", "One update on the next single sample (Ctrl+1)",
                new TrainerCommand.StepSample());
        Button batch = button("Step batch", "One update on the next batch (Ctrl+2)", new TrainerCommand.StepBatch());
        Button epoch = button("Step epoch", "Train until the current epoch ends (Ctrl+3)",
                new TrainerCommand.StepEpoch());
        Button reset = button("↺ Reset", "Fresh weights from the seed; history cleared (Ctrl+R)",
                new TrainerCommand.Reset());
        sample.setId("step-sample");
        batch.setId("step-batch");
        epoch.setId("step-epoch");
        reset.setId("reset");
        learningRate.setPrefColumnCount(6);
        learningRate.setId("learning-rate");
        learningRate.setOnAction(e -> applyLearningRate());
        learningRate.setTooltip(new Tooltip("Learning rate η; press Enter to apply while training"));
        batchSize.setEditable(true);
        batchSize.getEditor().setPrefColumnCount(4); // wide enough for "1000" in any type size
        batchSize.setTooltip(new Tooltip("Samples per step (0: the whole training set)"));
        batchSize.valueProperty().addListener((o, a, b) -> model.training()
                .send(new TrainerCommand.SetBatchSize(b == null ? 0 : b)));
        optimizer.getItems().addAll("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam");
        optimizer.setOnAction(e -> applyOptimizer());
        l2.setPrefColumnCount(5);
        l2.setTooltip(new Tooltip("L2 penalty λ (adds 2λw to every gradient); press Enter to apply"));
        l2.setOnAction(e -> applyOptimizer());
        for (Button b : new Button[] {play, sample, batch, epoch, reset}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        dropout.setPrefColumnCount(4);
        dropout.setTooltip(new Tooltip("Dropout rate of every Dropout layer, in [0, 1); press Enter to apply"));
        dropout.setOnAction(e -> applyDropout());
        message.getStyleClass().add("trainer-message");
        message.setWrapText(true);
        message.setMaxWidth(420);
        // an empty label takes no place: otherwise it can wrap onto a second, empty row of the tool bar
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        speed.managedProperty().bind(speed.textProperty().isNotEmpty());
        counters.getStyleClass().add("counters");
        getChildren().addAll(play, sample, batch, epoch, reset, new Separator(javafx.geometry.Orientation.VERTICAL), new Label("η"), learningRate,
                new Label("batch"), batchSize, new Label("optimizer"), optimizer, new Label("L2"), l2, dropoutLabel, dropout, message,
                counters, speed);
        model.training().snapshotProperty().addListener((o, a, s) -> show(s));
        model.documentProperty().addListener((o, a, d) -> showDocument());
        showDocument();
    }

    private Button button(String text, String tip, TrainerCommand command) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> model.ensureTrainer(() -> model.training().send(command), onError));
        return b;
    }

    /** Play when paused, pause when running. */
    public void togglePlay() {
        TrainingSnapshot s = model.training().snapshotProperty().get();
        if (model.training().active() && s != null && s.state() == TrainerState.RUNNING) {
            model.training().send(new TrainerCommand.Pause());
        } else {
            model.ensureTrainer(() -> model.training().send(new TrainerCommand.Play()), onError);
        }
    }

    /** Sends a command once a trainer exists (used by keyboard shortcuts). */
    public void command(TrainerCommand command) {
        model.ensureTrainer(() -> model.training().send(command), onError);
    }

    private void applyLearningRate() {
        try {
            double eta = Double.parseDouble(learningRate.getText().trim());
            if (!(eta > 0) || Double.isInfinite(eta)) {
                throw new NumberFormatException();
            }
            learningRate.getStyleClass().remove("invalid");
            model.training().send(new TrainerCommand.SetLearningRate(eta));
            var doc = model.documentProperty().get();
            model.applyLive(doc.withOptimizer(doc.optimizer().with("learning_rate", learningRate.getText().trim())));
        } catch (NumberFormatException e) {
            if (!learningRate.getStyleClass().contains("invalid")) {
                learningRate.getStyleClass().add("invalid");
            }
            onError.accept("The learning rate must be a positive number, not '" + learningRate.getText() + "'.");
        }
    }

    private void applyOptimizer() {
        String kind = optimizer.getValue();
        if (kind == null) {
            return;
        }
        try {
            ComponentSpec spec = new ComponentSpec(kind, Map.of("learning_rate", learningRate.getText().trim(),
                    "l2", l2.getText().trim()));
            DocumentCompiler.optimizer(spec);
            l2.getStyleClass().remove("invalid");
            model.applyLive(model.documentProperty().get().withOptimizer(
                    model.documentProperty().get().optimizer().withType(kind)
                            .with("learning_rate", learningRate.getText().trim()).with("l2", l2.getText().trim())));
            model.training().send(new TrainerCommand.Apply(loop -> loop.setOptimizer(DocumentCompiler.optimizer(spec))));
        } catch (IllegalArgumentException e) {
            if (!l2.getStyleClass().contains("invalid")) {
                l2.getStyleClass().add("invalid");
            }
            onError.accept(e.getMessage());
        }
    }

    private void applyDropout() {
        try {
            double rate = Double.parseDouble(dropout.getText().trim());
            if (!(rate >= 0 && rate < 1)) {
                throw new NumberFormatException();
            }
            dropout.getStyleClass().remove("invalid");
            var doc = model.documentProperty().get();
            var layers = doc.layers().stream().map(l -> l.type().equals("Dropout")
                    ? l.withSetting("rate", dropout.getText().trim()) : l).toList();
            model.applyLive(doc.withLayers(layers));
            model.training().send(new TrainerCommand.Apply(loop -> loop.setDropoutRate(rate)));
        } catch (NumberFormatException e) {
            if (!dropout.getStyleClass().contains("invalid")) {
                dropout.getStyleClass().add("invalid");
            }
            onError.accept("The dropout rate must be a number from 0 up to (not including) 1, not '"
                    + dropout.getText() + "'.");
        }
    }

    private void showDocument() {
        var doc = model.documentProperty().get();
        if (doc == null) {
            return;
        }
        var firstDropout = doc.layers().stream().filter(l -> l.type().equals("Dropout")).findFirst();
        dropoutLabel.setVisible(firstDropout.isPresent());
        dropoutLabel.setManaged(firstDropout.isPresent());
        dropout.setVisible(firstDropout.isPresent());
        dropout.setManaged(firstDropout.isPresent());
        firstDropout.ifPresent(l -> dropout.setText(l.settings().getOrDefault("rate", "0.5")));
        learningRate.setText(doc.optimizer().get("learning_rate", "0.01"));
        optimizer.setValue(doc.optimizer().type());
        l2.setText(doc.optimizer().get("l2", "0"));
        String b = doc.training().get("batch_size", "32").trim();
        batchSize.getValueFactory().setValue(b.equals("full") ? 0 : Integer.parseInt(b));
    }

    private void show(TrainingSnapshot s) {
        if (s == null) {
            return;
        }
        boolean running = s.state() == TrainerState.RUNNING;
        play.setText(running ? "❚❚ Pause" : "▶ Play");
        counters.setText(String.format(Locale.ROOT, "epoch %d · step %d · %d/%d", s.epoch(), s.step(), s.position(),
                s.epochSize()));
        speed.setText(running ? String.format(Locale.ROOT, "%,.0f examples/s", s.examplesPerSecond()) : "");
        message.setText(s.message() == null ? (s.state() == TrainerState.FINISHED ? "Finished." : "") : s.message());
        boolean warn = s.state() == TrainerState.DIVERGED;
        if (warn != message.getStyleClass().contains("warning")) {
            // only on a change: touching style classes re-applies CSS, too costly to do every frame
            if (warn) {
                message.getStyleClass().add("warning");
            } else {
                message.getStyleClass().remove("warning");
            }
        }
    }

    /** The play button (for tests). */
    Button playButton() {
        return play;
    }

    Label countersLabel() {
        return counters;
    }
}
