package studio.backprop.ui.stepper;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.stepper.StepStage.Phase;

/**
 * The stepper: a step of the open network walked stage by stage with the record's numbers: the network drawn with the
 * current layer lit and its numbers on its units, the formula of the current stage with the numbers written in, and
 * a table of every stage so far that fills row by row. Page Down, →, Space go on; Page Up, ← go back (a presenter's
 * clicker sends these).
 */
public final class StepperView extends BorderPane implements Exportable {

    private final StepperViewModel model;
    private final NetworkSketch sketch = new NetworkSketch();
    private final StepMathPanel math = new StepMathPanel();
    private final TableView<StepStage> table = new TableView<>();
    private final Label formula = new Label();
    private final Label numbers = new Label();
    private final Label message = new Label();
    private final Label where = new Label();
    private final Label units = new Label();

    public StepperView(StepperViewModel model) {
        this.model = model;
        getStyleClass().add("stepper");
        setTop(controls());
        table.getColumns().add(column("part", s -> s.phase().label(), 80));
        table.getColumns().add(column("value", StepStage::node, 150));
        table.getColumns().add(column("formula", StepStage::formula, 260));
        table.getColumns().add(numbersColumn());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("The stages of the step appear here, one row per click."));
        SplitPane drawing = new SplitPane(sketch, math);
        drawing.setDividerPositions(0.5);
        SplitPane split = new SplitPane(drawing, table);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        setCenter(split);
        formula.getStyleClass().add("stepper-formula");
        numbers.getStyleClass().add("stepper-numbers");
        numbers.setWrapText(true);
        formula.setWrapText(true);
        where.setId("stepper-where");
        where.textProperty().bind(model.headerProperty());
        message.getStyleClass().add("trainer-message");
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        VBox bottom = new VBox(4, unitsBar(), formula, numbers, message);
        bottom.setPadding(new Insets(8, 12, 10, 12));
        setBottom(bottom);
        model.cursorProperty().addListener((o, a, c) -> refresh());
        model.stagesProperty().addListener((o, a, s) -> refresh());
        model.focusProperty().addListener((o, a, f) -> refresh());
        sketch.setOnFold(model::showUnits);
        addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        setFocusTraversable(true);
        setOnMouseClicked(e -> requestFocus());
        refresh();
    }

    private Node controls() {
        Button back = button("◀ Back", "The previous stage; before the first, the previous step, undone exactly (Page Up)",
                model::previous);
        back.setId("stepper-back");
        Button next = button("Next ▶", "The next stage; after the last, a step on the next sample (the next batch "
                + "for a network with batch normalisation) (Page Down)", model::next);
        next.setId("stepper-next");
        HBox bar = new HBox(6, back, next, new Label("jump to"),
                button("forward", "The first value of the forward pass", () -> model.jump(Phase.FORWARD)),
                button("loss", "The loss", () -> model.jump(Phase.LOSS)),
                button("backward", "The walk back from the loss", () -> model.jump(Phase.BACKWARD)),
                button("update", "The new weights", () -> model.jump(Phase.UPDATE)),
                button("end of sample", "Every stage of this step", model::runToEnd), new Label("digits"),
                digits(), where);
        // The buttons and labels keep their width; the header gives way (with an ellipsis) when the bar is short.
        for (Node child : bar.getChildren()) {
            if (child instanceof Region region && child != where) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        where.setMinWidth(0);
        HBox.setHgrow(where, Priority.ALWAYS);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(where.textProperty());
        where.setTooltip(whole);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.getStyleClass().add("stepper-controls");
        return bar;
    }

    /** ◀ and ▶ move the block of units written out of a wide layer; shown only for such a layer. */
    private Node unitsBar() {
        Button less = button("◀ units", "The previous block of this layer's units (or click a fold in the drawing)",
                () -> model.moveUnits(-1));
        less.setId("stepper-units-back");
        Button more = button("units ▶", "The next block of this layer's units (or click a fold in the drawing)",
                () -> model.moveUnits(1));
        more.setId("stepper-units-next");
        units.setId("stepper-units");
        HBox bar = new HBox(6, less, units, more);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.visibleProperty().bind(units.textProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private Spinner<Integer> digits() {
        Spinner<Integer> s = new Spinner<>(2, 9, model.digitsProperty().get());
        s.setPrefWidth(70);
        s.setTooltip(new Tooltip("Significant digits of the numbers shown (the full float is in each tooltip)"));
        s.valueProperty().addListener((o, a, v) -> model.digitsProperty().set(v));
        return s;
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    private void key(KeyEvent e) {
        KeyCode k = e.getCode();
        if (k == KeyCode.PAGE_DOWN || k == KeyCode.RIGHT || k == KeyCode.SPACE) {
            model.next();
            e.consume();
        } else if (k == KeyCode.PAGE_UP || k == KeyCode.LEFT) {
            model.previous();
            e.consume();
        } else if (k == KeyCode.END) {
            model.runToEnd();
            e.consume();
        }
    }

    private void refresh() {
        StepStage s = model.current();
        table.getItems().setAll(model.shown());
        if (!table.getItems().isEmpty()) {
            table.scrollTo(table.getItems().size() - 1);
            table.getSelectionModel().select(table.getItems().size() - 1);
        }
        formula.setText(s == null ? "" : s.phase().label() + " · " + s.node() + ":  " + s.formula());
        numbers.setText(s == null ? "" : s.numbers());
        numbers.setTooltip(s == null ? null : new Tooltip(s.exact()));
        var r = model.recordProperty().get();
        sketch.show(r, s, model.digitsProperty().get(), model.focusProperty().get());
        math.show(s == null ? "" : s.phase().label() + " · " + s.node(), StepMath.of(r, s,
                model.digitsProperty().get(), model.focusProperty().get()));
        units.setText(model.unitsShown());
    }

    private static TableColumn<StepStage, String> column(String title, java.util.function.Function<StepStage, String> f,
                                                         double width) {
        TableColumn<StepStage, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private TableColumn<StepStage, String> numbersColumn() {
        TableColumn<StepStage, String> c = column("numbers", StepStage::numbers, 420);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                StepStage s = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(s == null ? null : new Tooltip(s.exact()));
            }
        });
        return c;
    }

    /** The folds of wide layers in the drawing, by layer, as rectangles on the screen (where a click opens them). */
    public java.util.List<java.util.Map.Entry<String, javafx.geometry.Bounds>> foldsOnScreen() {
        return sketch.foldsOnScreen();
    }

    /** The drawing of the network at the current stage. */
    public Exportable sketch() {
        return sketch;
    }

    @Override
    public Node exportNode() {
        return this;
    }

    @Override
    public String exportName() {
        return "stepper";
    }
}
