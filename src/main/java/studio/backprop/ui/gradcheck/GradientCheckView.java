package studio.backprop.ui.gradcheck;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import studio.backprop.train.GradientCheckReport;
import studio.backprop.train.GradientCheckReport.Row;
import studio.backprop.train.GradientCheckReport.Verdict;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.stepper.StepNumbers;

/**
 * The gradient check page: for every checked weight, ∂L/∂θ by backpropagation beside the central finite difference
 * (L(θ + h) − L(θ − h)) / 2h, the relative error |a − n| / max(|a|, |n|) and a verdict, worst first; above it the
 * check's settings and a planted bug that shows what a wrong backward rule looks like.
 */
public final class GradientCheckView extends BorderPane implements Exportable {

    private final GradientCheckViewModel model;
    private final TableView<Row> table = new TableView<>();
    private final Label summary = new Label();

    public GradientCheckView(GradientCheckViewModel model) {
        this.model = model;
        getStyleClass().add("gradient-check");
        setTop(controls());
        table.getColumns().add(column("weight", Row::label, 170));
        table.getColumns().add(column("value", r -> StepNumbers.of(r.value(), 6), 90));
        table.getColumns().add(column("backprop ∂L/∂θ", r -> StepNumbers.of(r.backprop(), 6), 130));
        table.getColumns().add(column("finite difference (h)", r -> StepNumbers.of(r.finiteDifference(), 6), 150));
        table.getColumns().add(column("with h/2", r -> StepNumbers.of(r.halfStep(), 6), 110));
        table.getColumns().add(column("relative error", r -> String.format(java.util.Locale.ROOT, "%.2e",
                r.relativeError()), 110));
        table.getColumns().add(verdictColumn());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Open a network trained by gradient descent; its gradient check appears "
                + "here, worst derivative first."));
        setCenter(table);
        summary.setWrapText(true);
        summary.getStyleClass().add("gradient-check-summary");
        summary.textProperty().bind(model.summaryProperty());
        Label formula = new Label("relative error = |backprop − finite difference| / max(|backprop|, |finite "
                + "difference|);   agrees ≤ 1 %  ·  doubtful ≤ 10 %  ·  wrong above;   a kink: the differences "
                + "with h and h/2 disagree, or the gap between the left and right slopes does not halve with h, so "
                + "the loss is not smooth there and a finite difference cannot judge.");
        formula.setWrapText(true);
        formula.getStyleClass().add("status-line");
        VBox bottom = new VBox(4, summary, formula);
        bottom.setPadding(new Insets(8, 12, 10, 12));
        setBottom(bottom);
        model.reportProperty().addListener((o, a, r) -> show(r));
    }

    private Node controls() {
        Spinner<Integer> samples = new Spinner<>(1, 256, model.samplesProperty().get());
        samples.setPrefWidth(80);
        samples.setEditable(true);
        samples.setTooltip(new Tooltip("The loss is taken over this many of the first training samples"));
        samples.valueProperty().addListener((o, a, v) -> model.samplesProperty().set(v));
        ComboBox<Double> step = new ComboBox<>();
        step.getItems().addAll(1e-1, 1e-2, 1e-3, 1e-4);
        step.setValue(model.stepProperty().get());
        step.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double h) {
                return h == null ? "" : String.format(java.util.Locale.ROOT, "%.0e", h);
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s);
            }
        });
        step.setTooltip(new Tooltip("The step h of the finite difference: too large and curvature shows, too small "
                + "and float32 rounding does"));
        step.valueProperty().addListener((o, a, v) -> model.stepProperty().set(v));
        Spinner<Integer> perParameter = new Spinner<>(1, 100_000, model.perParameterProperty().get());
        perParameter.setPrefWidth(90);
        perParameter.setEditable(true);
        perParameter.setTooltip(new Tooltip("At most this many weights of each parameter tensor are checked "
                + "(chosen by a fixed seed), so a large network stays quick"));
        perParameter.valueProperty().addListener((o, a, v) -> model.perParameterProperty().set(v));
        CheckBox bug = new CheckBox("plant a bug: the loss's backward rule forgets the ½");
        bug.setId("gradient-check-bug");
        bug.setTooltip(new Tooltip("Backprop then reports twice the true gradient; watch every verdict turn red"));
        bug.selectedProperty().bindBidirectional(model.plantedBugProperty());
        Button again = new Button("Check again");
        again.setId("gradient-check-again");
        again.setOnAction(e -> model.recheck());
        HBox bar = new HBox(8, new Label("samples"), samples, new Label("h"), step, new Label("per parameter"),
                perParameter, bug, again);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.getStyleClass().add("stepper-controls");
        return bar;
    }

    private void show(GradientCheckReport r) {
        if (r == null) {
            table.getItems().clear();
        } else {
            table.getItems().setAll(r.rows());
        }
    }

    private static TableColumn<Row, String> column(String title, Function<Row, String> f, double width) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private static TableColumn<Row, String> verdictColumn() {
        TableColumn<Row, String> c = column("verdict", r -> r.verdict().word(), 150);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeAll("verdict-agrees", "verdict-kink", "verdict-doubtful", "verdict-wrong");
                Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row != null) {
                    getStyleClass().add(styleOf(row.verdict()));
                }
            }
        });
        return c;
    }

    static String styleOf(Verdict v) {
        return switch (v) {
            case AGREES -> "verdict-agrees";
            case KINK -> "verdict-kink";
            case DOUBTFUL -> "verdict-doubtful";
            case WRONG -> "verdict-wrong";
        };
    }

    /** The table as shown (for tests). */
    TableView<Row> table() {
        return table;
    }

    @Override
    public Node exportNode() {
        return this;
    }

    @Override
    public String exportName() {
        return "gradient-check";
    }
}
