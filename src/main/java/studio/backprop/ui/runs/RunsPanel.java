package studio.backprop.ui.runs;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import studio.backprop.ui.charts.ChartPalette;
import studio.backprop.ui.charts.RunCurves;

/**
 * The Runs panel: the kept runs, each with a check box (shown in the charts or not), its colour and its name; a field
 * to rename the selected run; Keep this run, Delete, which curves to compare, Export CSV…; and the optimiser race.
 *
 * <p>Thread: the JavaFX application thread.
 */
public final class RunsPanel extends VBox {

    /** Saves the CSV of the shown runs somewhere the user chooses (the window asks for a file). */
    public interface CsvTarget {
        /** Asks for a file; null when the user cancelled. */
        Path choose();
    }

    private final RunsViewModel model;
    private final ListView<KeptRun> list = new ListView<>();
    private final TextField name = new TextField();
    private final Label message = new Label();
    private ChartPalette palette = ChartPalette.LIGHT;

    /**
     * @param save writes the table off the JavaFX thread and reports back on it (the app's I/O executor)
     */
    public RunsPanel(RunsViewModel model, RacePanel race, CsvTarget target, Saver save) {
        super(6);
        this.model = model;
        getStyleClass().add("runs-panel");
        setPadding(new Insets(8));
        Label title = new Label("Runs");
        title.getStyleClass().add("runs-title");
        list.setItems(model.runs());
        list.setCellFactory(v -> new RunCell());
        list.setPrefHeight(170);
        list.setMinHeight(90);
        list.setMinWidth(60);
        list.setPrefWidth(200);
        race.setMinWidth(60);
        list.setPlaceholder(new Label("A run is kept here when it finishes or is reset, or with Keep this run."));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, run) -> name.setText(
                run == null ? "" : run.name()));
        name.setPromptText("name of the selected run");
        // the panel's column may be narrow (presenter type): the field gives up width, the buttons keep theirs
        name.setPrefColumnCount(8);
        name.setMinWidth(40);
        name.setId("run-name");
        name.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        name.setOnAction(e -> rename());
        Button rename = new Button("Rename");
        rename.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        rename.disableProperty().bind(name.disableProperty());
        rename.setOnAction(e -> rename());
        HBox.setHgrow(name, Priority.ALWAYS);
        Button keep = new Button("Keep this run");
        keep.setId("keep-run");
        keep.setOnAction(e -> model.keepCurrent());
        Button delete = new Button("Delete");
        delete.disableProperty().bind(name.disableProperty());
        delete.setOnAction(e -> model.delete(list.getSelectionModel().getSelectedItem()));
        Button csv = new Button("Export CSV…");
        csv.disableProperty().bind(Bindings.isEmpty(model.runs()));
        csv.setOnAction(e -> {
            Path file = target.choose();
            if (file != null) {
                exportCsv(file, save);
            }
        });
        ComboBox<RunCurves> curves = new ComboBox<>();
        curves.getItems().setAll(RunCurves.values());
        curves.setMinWidth(60);
        curves.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(curves, Priority.ALWAYS);
        curves.valueProperty().bindBidirectional(model.curvesProperty());
        curves.setTooltip(new Tooltip("Which curves of the kept runs the loss and accuracy charts draw"));
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add("runs-message");
        VBox.setVgrow(list, Priority.ALWAYS);
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(4, 4, keep, delete, csv);
        getChildren().setAll(title, list, new HBox(4, name, rename), buttons,
                labelled("compare", curves), message, race);
    }

    /** Writes the shown runs' CSV to {@code file} through {@code save}; the outcome goes to the message line. */
    public void exportCsv(Path file, Saver save) {
        List<KeptRun> shown = model.shown();
        if (shown.isEmpty()) {
            model.messageProperty().set("No run is shown: tick at least one to export it.");
            return;
        }
        save.save(file, RunsCsv.table(shown), () -> model.messageProperty().set("Saved " + shown.size()
                + " runs to " + file.getFileName() + "."), why -> model.messageProperty().set(
                "Could not save the runs: " + why));
    }

    /** Writes text to a file atomically off the JavaFX thread, then reports on it. */
    public interface Saver {
        void save(Path file, String text, Runnable done, Consumer<String> failed);
    }

    private static HBox labelled(String text, javafx.scene.Node control) {
        Label label = new Label(text);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox row = new HBox(6, label, control);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void rename() {
        KeptRun run = list.getSelectionModel().getSelectedItem();
        if (run != null && model.rename(run, name.getText()) == null) {
            select(run.id());
        }
    }

    private void select(long id) {
        for (int i = 0; i < model.runs().size(); i++) {
            if (model.runs().get(i).id() == id) {
                list.getSelectionModel().select(i);
            }
        }
    }

    /** The colours of the swatches: the charts' light or dark palette. */
    public void setPalette(ChartPalette p) {
        palette = p;
        list.refresh();
    }

    /** The list (for tests). */
    ListView<KeptRun> list() {
        return list;
    }

    /** A run's row: show/hide box, colour swatch, name; the settings and how it ended in the tooltip. */
    private final class RunCell extends ListCell<KeptRun> {
        private final CheckBox shown = new CheckBox();
        private final Rectangle swatch = new Rectangle(14, 14);
        private final Label text = new Label();
        private final HBox row = new HBox(6, shown, swatch, text);
        private KeptRun run;

        RunCell() {
            row.setAlignment(Pos.CENTER_LEFT);
            shown.selectedProperty().addListener((o, a, on) -> {
                if (run != null && run.shown() != on) {
                    model.setShown(run, on);
                }
            });
        }

        @Override
        protected void updateItem(KeptRun item, boolean empty) {
            super.updateItem(item, empty);
            run = null;
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            shown.setSelected(item.shown());
            run = item;
            swatch.setFill(palette.run(item.ink()));
            text.setText(item.name());
            RunSettings s = item.settings();
            setTooltip(new Tooltip(s.optimizer() + ", η = " + RunSettings.number(s.learningRate()) + ", batch "
                    + (s.batchSize() == 0 ? "full" : s.batchSize()) + ", seed " + s.seed() + "\n" + item.steps()
                    + " steps, " + item.epochs() + " epochs; " + item.note()));
            setGraphic(row);
            setText(null);
        }
    }
}
