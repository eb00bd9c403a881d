package studio.backprop.ui.exercise;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import studio.backprop.train.exercise.ExerciseSheet;
import studio.backprop.train.exercise.SheetNumbers;
import studio.backprop.ui.exercise.ExerciseViewModel.RowState;
import studio.backprop.ui.exercise.ExerciseViewModel.Status;
import studio.backprop.ui.export.Exportable;

/**
 * The exercise page: the trace table of an exercise filling question by question, a box to type each hidden value
 * in (checked on Enter, marked ✓ or ✗), Reveal, and the sheet and its solution exported as Markdown, CSV or PNG.
 * Page Down and Page Up walk the questions (a presenter's clicker sends these).
 */
public final class ExerciseView extends BorderPane implements Exportable {

    private final ExerciseViewModel model;
    private final TableView<RowState> table = new TableView<>();
    private final Label task = new Label();
    private final Label message = new Label();
    private final Label where = new Label();
    private final SheetPicture sheetPicture = new SheetPicture(false);
    private final SheetPicture solutionPicture = new SheetPicture(true);

    /** @param open asks for an exercise file to open (the page opens it as the app's document too) */
    public ExerciseView(ExerciseViewModel model, Runnable open) {
        this.model = model;
        getStyleClass().add("exercise");
        table.getColumns().add(column("step", r -> String.valueOf(r.row().step()), 50));
        table.getColumns().add(column("sample", r -> r.row().samples(), 60));
        table.getColumns().add(column("part", r -> r.row().part(), 80));
        table.getColumns().add(column("value", r -> r.row().label(), 190));
        table.getColumns().add(column("formula", r -> r.row().formula(), 200));
        table.getColumns().add(answerColumn());
        table.getColumns().add(column("check", ExerciseView::mark, 110));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Open an exercise file (a network file with an [exercise] section), or open "
                + "one of the exercise samples."));
        task.getStyleClass().add("exercise-task");
        task.setWrapText(true);
        VBox top = new VBox(4, controls(open), task);
        top.setPadding(new Insets(0, 0, 4, 0));
        setTop(top);
        setCenter(table);
        message.getStyleClass().add("exercise-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        HBox bottom = new HBox(message);
        bottom.setPadding(new Insets(8, 12, 10, 12));
        setBottom(bottom);
        model.cursorProperty().addListener((o, a, c) -> refresh());
        model.revisionProperty().addListener((o, a, c) -> refresh());
        model.sheetProperty().addListener((o, a, s) -> {
            sheetPicture.show(s);
            solutionPicture.show(s);
        });
        addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        setFocusTraversable(true);
        setOnMouseClicked(e -> requestFocus());
        refresh();
    }

    private Node controls(Runnable open) {
        Button back = button("◀ Back", "The question before (Page Up)", model::previous);
        back.setId("exercise-back");
        Button next = button("Next ▶", "The next question; the rows before it fill in (Page Down)", model::next);
        next.setId("exercise-next");
        HBox bar = new HBox(6, button("Open Exercise…", "Open an exercise file; it also becomes the open network",
                open), back, next, button("Reveal", "Show the engine's value of this question", model::revealCurrent),
                button("Reveal All", "Show every value", model::revealAll),
                button("Export Sheet…", "The questions as a table (blank boxes) as Markdown, CSV or PNG",
                        () -> exportInteractively(false)),
                button("Export Solution…", "The table with every answer, as Markdown, CSV or PNG",
                        () -> exportInteractively(true)), where);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        return bar;
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    private void key(KeyEvent e) {
        if (e.getCode() == KeyCode.PAGE_DOWN) {
            model.next();
            e.consume();
        } else if (e.getCode() == KeyCode.PAGE_UP) {
            model.previous();
            e.consume();
        }
    }

    private void refresh() {
        ExerciseSheet s = model.sheetProperty().get();
        task.setText(s == null ? "" : s.title() + (s.spec().task().isEmpty() ? "" : ": " + s.spec().task()));
        table.getItems().setAll(model.shown());
        int last = table.getItems().size() - 1;
        if (last >= 0) {
            table.scrollTo(last);
        }
        where.setText(s == null ? "" : "row " + (model.cursorProperty().get() + 1) + " of " + s.rows().size()
                + " · " + model.score());
    }

    private static String mark(RowState r) {
        return switch (r.status()) {
            case RIGHT -> "✓ right";
            case WRONG -> "✗ try again";
            case REVEALED -> "revealed";
            case OPEN -> "?";
            default -> "";
        };
    }

    private static TableColumn<RowState, String> column(String title, Function<RowState, String> f, double width) {
        TableColumn<RowState, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    /** The answer column: the value where it may be shown, a box to type in where it is a question. */
    private TableColumn<RowState, RowState> answerColumn() {
        TableColumn<RowState, RowState> c = new TableColumn<>("answer");
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setPrefWidth(150);
        c.setSortable(false);
        c.setCellFactory(col -> new AnswerCell());
        return c;
    }

    /** One answer cell; hidden values the student has not got right yet are a text box. */
    private final class AnswerCell extends TableCell<RowState, RowState> {
        private final TextField field = new TextField();

        AnswerCell() {
            field.getStyleClass().add("exercise-answer");
            field.setPromptText("type, Enter");
            field.setOnAction(e -> {
                RowState r = getItem();
                if (r != null) {
                    model.answer(getIndex(), field.getText());
                }
            });
        }

        @Override
        protected void updateItem(RowState r, boolean empty) {
            super.updateItem(r, empty);
            getStyleClass().removeAll("exercise-right", "exercise-wrong", "exercise-revealed");
            if (empty || r == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                return;
            }
            if (r.valueShown()) {
                setGraphic(null);
                setText(r.status() == Status.RIGHT ? r.typed() : SheetNumbers.of(r.row().value()));
                setTooltip(new Tooltip(r.row().label() + " = " + Float.toString(r.row().value()) + " (the float)"));
                getStyleClass().add(r.status() == Status.RIGHT ? "exercise-right"
                        : r.status() == Status.REVEALED ? "exercise-revealed" : "exercise-given");
            } else {
                setText(null);
                if (!field.getText().equals(r.typed())) {
                    field.setText(r.typed());
                }
                setGraphic(field);
                setTooltip(null);
                if (r.status() == Status.WRONG) {
                    getStyleClass().add("exercise-wrong");
                }
                if (getIndex() == model.cursorProperty().get()) {
                    Platform.runLater(field::requestFocus);
                }
            }
        }
    }

    private void exportInteractively(boolean solution) {
        ExerciseSheet s = model.sheetProperty().get();
        if (s == null) {
            model.setProblem("No exercise is open, so there is no sheet to export.");
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(solution ? "Export the Solution" : "Export the Exercise Sheet");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Markdown", "*.md"),
                new FileChooser.ExtensionFilter("CSV", "*.csv"), new FileChooser.ExtensionFilter("PNG", "*.png"));
        chooser.setInitialFileName(solution ? "solution.md" : "sheet.md");
        java.io.File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            export(solution, file.toPath(), model::setProblem);
        }
    }

    /**
     * Writes the sheet (or the solution) to {@code file} in the format of its extension (.md, .csv, .png), and says
     * what happened through {@code report}.
     */
    public void export(boolean solution, Path file, Consumer<String> report) {
        ExerciseSheet s = model.sheetProperty().get();
        SheetExport.Format format = SheetExport.Format.of(file);
        if (s == null || format == null) {
            report.accept(s == null ? "No exercise is open, so there is no sheet to export."
                    : "The file name must end in .md, .csv or .png: " + file.getFileName());
            return;
        }
        try {
            SheetExport.write(s, solution, format, file, 2);
            report.accept("The " + (solution ? "solution" : "sheet") + " was written to " + file.getFileName());
        } catch (IOException | IllegalArgumentException e) {
            report.accept("The " + (solution ? "solution" : "sheet") + " could not be written to "
                    + file.getFileName() + ": " + e.getMessage());
        }
    }

    /** The sheet (questions blank) as File ▸ Export draws it. */
    public Exportable sheetPicture() {
        return sheetPicture;
    }

    /** The solution as File ▸ Export draws it. */
    public Exportable solutionPicture() {
        return solutionPicture;
    }

    @Override
    public Node exportNode() {
        return this;
    }

    @Override
    public String exportName() {
        return "exercise";
    }
}
