package studio.backprop.ui.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.OptimizerRace;
import studio.backprop.train.TrainingData;
import studio.backprop.ui.charts.ChartsViewModel;

/**
 * "Race optimisers on this network": the optimisers to race (a box each), their η and own settings, the epochs, and
 * Start / Cancel. Each lane, when done, becomes a kept run, so their loss curves appear together in the charts.
 *
 * <p>Thread: the JavaFX application thread.
 */
public final class RacePanel extends TitledPane {

    /** Hands the open document and its session's data to the race, or says why there are none. */
    public interface Session {
        void withSession(BiConsumer<NetworkDocument, TrainingData> race, Consumer<String> fail);
    }

    private final RunsViewModel runs;
    private final RaceRunner runner;
    private final Session session;
    private final Supplier<String> source;
    private final List<Supplier<RaceEntries.Row>> rows = new ArrayList<>();
    private final TextField epochs = new TextField("20");
    private final Button start = new Button("Start race");
    private final Button cancel = new Button("Cancel");
    private final Label status = new Label("");

    public RacePanel(RunsViewModel runs, RaceRunner runner, Session session, Supplier<String> source) {
        this.runs = runs;
        this.runner = runner;
        this.session = session;
        this.source = source;
        setText("Race optimisers on this network");
        getStyleClass().add("race-panel");
        setExpanded(false);
        GridPane grid = new GridPane();
        grid.setHgap(4);
        grid.setVgap(3);
        grid.addRow(0, new Label("optimiser"), new Label("η"), new Label("its settings"));
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(90);
        javafx.scene.layout.ColumnConstraints rates = new javafx.scene.layout.ColumnConstraints();
        rates.setMinWidth(64);
        javafx.scene.layout.ColumnConstraints settingsColumn = new javafx.scene.layout.ColumnConstraints();
        settingsColumn.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        settingsColumn.setMinWidth(60);
        grid.getColumnConstraints().setAll(names, rates, settingsColumn);
        int r = 1;
        for (OptimizerRace.Entrant e : OptimizerRace.defaults()) {
            CheckBox on = new CheckBox(e.label());
            on.setSelected(true);
            TextField eta = new TextField(e.settings().get("learning_rate"));
            eta.setPrefColumnCount(4);
            eta.setMinWidth(64);
            eta.setId("race-eta-" + e.type());
            TextField own = new TextField(RaceEntries.settingsText(e));
            own.setPrefColumnCount(10);
            own.setMinWidth(40);
            own.setTooltip(new Tooltip(own.getText().isEmpty() ? "SGD has no settings besides η"
                    : own.getText() + "\n(name = value, separated by commas)"));
            own.setDisable(own.getText().isEmpty());
            grid.addRow(r++, on, eta, own);
            rows.add(() -> new RaceEntries.Row(on.isSelected(), e, eta.getText(), own.getText()));
        }
        epochs.setPrefColumnCount(5);
        epochs.setId("race-epochs");
        start.setId("race-start");
        cancel.setId("race-cancel");
        start.setOnAction(e -> start());
        cancel.setOnAction(e -> runner.cancel());
        start.disableProperty().bind(runner.runningProperty());
        cancel.disableProperty().bind(runner.runningProperty().not());
        status.setWrapText(true);
        status.getStyleClass().add("race-status");
        Label how = new Label("Each optimiser trains this network from the same weights and seed with the engine's "
                + "own loop; each finished run is kept and drawn in the charts.");
        how.setWrapText(true);
        VBox box = new VBox(6, grid, new HBox(6, new Label("epochs"), epochs), new HBox(6, start, cancel), status,
                how);
        setContent(box);
    }

    /** Checks the settings, then races on the open document's session (prepared first when need be). */
    void start() {
        session.withSession((doc, data) -> {
            List<OptimizerRace.Entrant> entrants;
            int n;
            try {
                if (doc.optimizer().type().trim().equalsIgnoreCase("perceptron")) {
                    throw new IllegalArgumentException("The race is for gradient descent; a perceptron file trains "
                            + "by the perceptron rule.");
                }
                n = RaceEntries.epochs(epochs.getText());
                entrants = RaceEntries.entrants(rows.stream().map(Supplier::get).toList(), doc, n);
            } catch (IllegalArgumentException e) {
                status.setText(e.getMessage());
                return;
            }
            String name = source.get();
            status.setText("Racing " + entrants.size() + " optimisers for " + n + " epochs…");
            runner.start(doc, data, entrants, n, new RaceRunner.Listener() {
                @Override
                public void started(OptimizerRace.Entrant entrant, int index, int count) {
                    status.setText("Racing " + entrant.label() + " (" + (index + 1) + " of " + count + ")…");
                }

                @Override
                public void epoch(OptimizerRace.Entrant entrant, int epoch, int epochs) {
                    status.setText("Racing " + entrant.label() + ": epoch " + epoch + " of " + epochs + "…");
                }

                @Override
                public void lane(OptimizerRace.Lane lane) {
                    keep(name, lane);
                }

                @Override
                public void ended(boolean wasCancelled, String error) {
                    status.setText(error != null ? "The race stopped: " + error
                            : wasCancelled ? "Race cancelled; the runs done so far are kept."
                            : "Race done: the runs are in the list and the charts.");
                }
            });
        }, status::setText);
    }

    private void keep(String name, OptimizerRace.Lane lane) {
        NetworkDocument d = lane.document();
        RunSettings settings = RunSettings.of(name, d, Double.NaN, lane.batchSize());
        runs.add(settings, lane.stepLoss(), lane.trainLoss(), lane.validLoss(), lane.trainAccuracy(),
                lane.validAccuracy(), lane.learningRates(),
                ChartsViewModel.stepsPerEpoch(lane.trainSize(), lane.batchSize()),
                lane.stopped() == null ? "race" : "race, " + lane.stopped());
    }

    /** What the race says now (for tests). */
    String status() {
        return status.getText();
    }
}
