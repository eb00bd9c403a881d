package studio.backprop.ui.app;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.TrainerCommand;
import studio.backprop.train.TrainerState;
import studio.backprop.train.TrainingSnapshot;

/**
 * The training toolbar: play/pause, step one sample / batch / epoch, reset, the speed, "keep the best weights", and
 * the settings that can change while training (learning rate, batch size, optimiser, L2 penalty, dropout), with the
 * counters and the trainer's messages (shown in the status bar, so the tool bar keeps one row; on a small projector
 * the least used settings move into the tool bar's overflow menu instead of a second row).
 *
 * <p>Buttons send commands to the session. Settings are edits of the document (undoable, saved with it); the session
 * follows the document, so changing the optimiser mid-run keeps its other settings and training goes on. Nothing here
 * waits for the trainer.
 */
public final class TrainingControls extends ToolBar {

    /** The speed slider's stops, in steps per second; the last is full speed. */
    static final double[] PACES = {1, 2, 5, 10, 30, 100, Double.POSITIVE_INFINITY};

    private static final List<String> GRADIENT_OPTIMIZERS = List.of("sgd", "momentum", "nesterov", "adagrad",
            "rmsprop", "adam", "adadelta");

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
    private final TextField dropout = new TextField();
    private final Slider pace = new Slider(0, PACES.length - 1, PACES.length - 1);
    private final Label paceLabel = new Label("full");
    private final CheckBox keepBest = new CheckBox("keep best");
    private final List<javafx.scene.Node> gradientOnly;
    private final List<javafx.scene.Node> dropoutOnly;
    private final HBox statusItems = new HBox();
    private boolean showing;
    /**
     * The text each setting field last showed from the document or last tried to apply: leaving a field with other
     * text applies it (and a refused text is not tried again, which would stack a second dialog on the first).
     */
    private final java.util.Map<TextField, String> settledText = new java.util.HashMap<>();

    public TrainingControls(AppModel model, Consumer<String> onError) {
        this.model = model;
        this.onError = onError;
        getStyleClass().add("training-controls");
        setPadding(new Insets(6, 8, 6, 8));
        play.setId("play");
        play.setOnAction(e -> togglePlay());
        play.setTooltip(new Tooltip("Train continuously (Ctrl+Enter)"));
        Button sample = button("Step sample", "One update on the next single sample (Ctrl+1)",
                new TrainerCommand.StepSample());
        Button batch = button("Step batch", "One update on the next batch (Ctrl+2)", new TrainerCommand.StepBatch());
        Button epoch = button("Step epoch", "Train until the current epoch ends; Pause stops it (Ctrl+3)",
                new TrainerCommand.StepEpoch());
        Button reset = button("↺ Reset", "Fresh weights from the seed; history cleared (Ctrl+R)",
                new TrainerCommand.Reset());
        sample.setId("step-sample");
        batch.setId("step-batch");
        epoch.setId("step-epoch");
        reset.setId("reset");
        for (Button b : new Button[] {play, sample, batch, epoch, reset}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        settings();
        message.getStyleClass().add("trainer-message");
        message.setWrapText(true);
        message.setMaxWidth(520);
        // an empty label takes no place: otherwise it can wrap onto a second, empty row of the tool bar
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        speed.managedProperty().bind(speed.textProperty().isNotEmpty());
        counters.getStyleClass().add("counters");
        Label batchLabel = new Label("batch");
        Label optimizerLabel = new Label("optimizer");
        Label l2Label = new Label("L2");
        Label dropoutLabel = new Label("dropout");
        gradientOnly = List.of(batchLabel, batchSize, optimizerLabel, optimizer, l2Label, l2);
        dropoutOnly = List.of(dropoutLabel, dropout);
        // most used first: what does not fit a small projector goes into the overflow menu from the end
        getItems().addAll(play, sample, batch, epoch, reset, new Separator(Orientation.VERTICAL), new Label("η"),
                learningRate, optimizerLabel, optimizer, pace, paceLabel, keepBest, batchLabel, batchSize, l2Label, l2,
                dropoutLabel, dropout);
        statusItems.getChildren().addAll(message, counters, speed);
        statusItems.setAlignment(Pos.CENTER_RIGHT);
        statusItems.setSpacing(12);
        model.training().snapshotProperty().addListener((o, a, s) -> show(s));
        model.documentProperty().addListener((o, a, d) -> showDocument());
        showDocument();
    }

    private void settings() {
        learningRate.setPrefColumnCount(6);
        learningRate.setId("learning-rate");
        learningRate.setTooltip(new Tooltip("Learning rate η; Enter or leaving the field applies it (training goes "
                + "on)"));
        appliedByEnterOrLeaving(learningRate, this::applyLearningRate);
        batchSize.setEditable(true);
        batchSize.getEditor().setPrefColumnCount(4); // wide enough for "1000" in any type size
        batchSize.setTooltip(new Tooltip("Samples per step (0: the whole training set)"));
        batchSize.valueProperty().addListener((o, a, b) -> {
            if (!showing && b != null) {
                edit("Change the batch size", d -> d.withTraining(d.training().with("batch_size",
                        b == 0 ? "full" : String.valueOf(b))));
            }
        });
        optimizer.getItems().addAll(GRADIENT_OPTIMIZERS);
        optimizer.setId("optimizer");
        optimizer.setOnAction(e -> applyOptimizer());
        l2.setPrefColumnCount(5);
        l2.setTooltip(new Tooltip("L2 penalty λ (adds 2λw to every gradient); Enter or leaving the field applies "
                + "it"));
        appliedByEnterOrLeaving(l2, () -> applyOptimizerSetting("l2", l2));
        dropout.setPrefColumnCount(4);
        dropout.setTooltip(new Tooltip("Dropout rate of every Dropout layer, in [0, 1); Enter or leaving the field "
                + "applies it"));
        appliedByEnterOrLeaving(dropout, this::applyDropout);
        pace.setId("pace");
        pace.setMajorTickUnit(1);
        pace.setMinorTickCount(0);
        pace.setSnapToTicks(true);
        pace.setPrefWidth(90);
        pace.setTooltip(new Tooltip("Speed while playing: from one step a second (watch the boundary form) to full "
                + "speed"));
        pace.valueProperty().addListener((o, a, v) -> {
            double p = PACES[(int) Math.round(v.doubleValue())];
            paceLabel.setText(Double.isInfinite(p) ? "full" : String.format(Locale.ROOT, "%.0f/s", p));
            model.training().setPace(p);
        });
        paceLabel.setMinWidth(Region.USE_PREF_SIZE);
        keepBest.setId("keep-best");
        keepBest.setTooltip(new Tooltip("When training finishes, put back the weights of the epoch with the best "
                + "validation loss (early stopping)"));
        keepBest.selectedProperty().addListener((o, a, on) -> model.training().setKeepBest(on));
    }

    /**
     * Applies a value typed into {@code field} on Enter, and when the field loses focus with a text neither shown
     * from the document nor tried already: otherwise a value typed and left (Play clicked instead of Enter, or Enter
     * taken by the field's context menu) stayed on show while the run used the document's.
     */
    private void appliedByEnterOrLeaving(TextField field, Runnable apply) {
        Runnable tryText = () -> {
            settledText.put(field, field.getText().trim());
            apply.run();
        };
        field.setOnAction(e -> tryText.run());
        field.focusedProperty().addListener((o, had, has) -> {
            if (!has && !showing && !field.getText().trim().equals(settledText.get(field))) {
                tryText.run();
            }
        });
    }

    /** Shows a setting from the document in its field and remembers it as the field's settled text. */
    private void showSetting(TextField field, String text) {
        field.setText(text);
        settledText.put(field, text);
    }

    private Button button(String text, String tip, TrainerCommand command) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> command(command));
        return b;
    }

    /** Play when paused, pause when running. */
    public void togglePlay() {
        TrainingSnapshot s = model.training().snapshotProperty().get();
        if (model.training().active() && s != null && s.state() == TrainerState.RUNNING) {
            model.training().send(new TrainerCommand.Pause());
        } else {
            command(new TrainerCommand.Play());
        }
    }

    /** Sends a command once the session is ready (used by the buttons and keyboard shortcuts). */
    public void command(TrainerCommand command) {
        model.ensureTrainer(() -> model.training().send(command), onError);
    }

    private void edit(String description, UnaryOperator<NetworkDocument> change) {
        String refused = model.edit(new DocumentEdit(description, change));
        if (refused != null) {
            onError.accept(refused);
        }
    }

    private void applyLearningRate() {
        String text = learningRate.getText().trim();
        double eta;
        try {
            eta = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            eta = Double.NaN;
        }
        if (!(eta > 0) || Double.isInfinite(eta)) {
            markInvalid(learningRate, true);
            onError.accept("The learning rate must be a positive number, not '" + text + "'.");
            return;
        }
        markInvalid(learningRate, false);
        edit("Change the learning rate", d -> d.withOptimizer(d.optimizer().with("learning_rate", text)));
    }

    /** Another optimiser kind, keeping every other setting of the section (η, L2, momentum, the schedule…). */
    private void applyOptimizer() {
        String kind = optimizer.getValue();
        NetworkDocument doc = model.documentProperty().get();
        if (showing || kind == null || doc == null || kind.equals(doc.optimizer().type())) {
            return;
        }
        edit("Change the optimizer to " + kind, d -> d.withOptimizer(d.optimizer().withType(kind)));
    }

    private void applyOptimizerSetting(String key, TextField field) {
        String text = field.getText().trim();
        NetworkDocument doc = model.documentProperty().get();
        ComponentSpec spec = doc.optimizer().with(key, text);
        try {
            DocumentCompiler.optimizer(spec);
        } catch (IllegalArgumentException e) {
            markInvalid(field, true);
            onError.accept(e.getMessage());
            return;
        }
        markInvalid(field, false);
        edit("Change " + key, d -> d.withOptimizer(d.optimizer().with(key, text)));
    }

    private void applyDropout() {
        String text = dropout.getText().trim();
        double rate;
        try {
            rate = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            rate = Double.NaN;
        }
        if (!(rate >= 0 && rate < 1)) {
            markInvalid(dropout, true);
            onError.accept("The dropout rate must be a number from 0 up to (not including) 1, not '" + text + "'.");
            return;
        }
        markInvalid(dropout, false);
        edit("Change the dropout rate", d -> d.withLayers(d.layers().stream().map(l -> l.type().equals("Dropout")
                ? l.withSetting("rate", text) : l).toList()));
    }

    private static void markInvalid(TextField field, boolean invalid) {
        if (invalid && !field.getStyleClass().contains("invalid")) {
            field.getStyleClass().add("invalid");
        } else if (!invalid) {
            field.getStyleClass().remove("invalid");
        }
    }

    /** Shows the document's settings; the perceptron rule shows only η (it has no batch, optimiser or penalty). */
    private void showDocument() {
        NetworkDocument doc = model.documentProperty().get();
        if (doc == null) {
            return;
        }
        showing = true;
        try {
            boolean perceptron = doc.optimizer().type().trim().equalsIgnoreCase("perceptron");
            gradientOnly.forEach(n -> {
                n.setVisible(!perceptron);
                n.setManaged(!perceptron);
            });
            var firstDropout = doc.layers().stream().filter(l -> l.type().equals("Dropout")).findFirst();
            dropoutOnly.forEach(n -> {
                n.setVisible(firstDropout.isPresent());
                n.setManaged(firstDropout.isPresent());
            });
            firstDropout.ifPresent(l -> showSetting(dropout, l.settings().getOrDefault("rate", "0.5").trim()));
            showSetting(learningRate, doc.optimizer().get("learning_rate", perceptron ? "1" : "0.01").trim());
            markInvalid(learningRate, false);
            if (!perceptron) {
                optimizer.setValue(doc.optimizer().type());
                showSetting(l2, doc.optimizer().get("l2", "0").trim());
                String b = doc.training().get("batch_size", "32").trim();
                try {
                    batchSize.getValueFactory().setValue(b.equals("full") ? 0 : Integer.parseInt(b));
                } catch (NumberFormatException e) {
                    batchSize.getValueFactory().setValue(32);
                }
            }
        } finally {
            showing = false;
        }
    }

    private void show(TrainingSnapshot s) {
        if (s == null) {
            play.setText("▶ Play");
            counters.setText("epoch 0 · step 0");
            speed.setText("");
            message.setText("");
            return;
        }
        boolean running = s.state() == TrainerState.RUNNING;
        play.setText(running ? "❚❚ Pause" : "▶ Play");
        counters.setText(String.format(Locale.ROOT, "epoch %d · step %d · %d/%d", s.epoch(), s.step(), s.position(),
                s.epochSize()));
        speed.setText(running && Double.isInfinite(s.pace())
                ? String.format(Locale.ROOT, "%,.0f examples/s", s.examplesPerSecond()) : "");
        message.setText(s.message() == null ? "" : s.message());
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

    /** The trainer's message, the counters and the speed, for the status bar. */
    public HBox statusItems() {
        return statusItems;
    }

    /** The play button (for tests). */
    Button playButton() {
        return play;
    }

    Label countersLabel() {
        return counters;
    }

    Label messageLabel() {
        return message;
    }
}
