package studio.backprop.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import studio.backprop.nn.ModelSummary;
import studio.backprop.nn.MultiplyAdds;
import studio.backprop.nn.Network;
import studio.backprop.nn.ShapeReport;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.Problem;
import studio.backprop.ui.charts.ChartPalette;
import studio.backprop.ui.charts.SummaryTable;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.ExportMenu;
import studio.backprop.ui.export.Exportable;

/**
 * The model summary as a table (layer, type, output shape per sample, trainable and non-trainable parameters),
 * with the totals and every problem and warning below it, updated after each edit.
 */
public final class SummaryView extends VBox implements Exportable {

    private final EditorViewModel vm;
    private final TableView<ModelSummary.Row> table = new TableView<>();
    private final Label totals = new Label();
    private final VBox problems = new VBox(2);
    /** Multiply-adds per sample of each layer of the last compiled network (empty when it did not compile). */
    private Map<String, Long> multiplyAdds = Map.of();

    public SummaryView(EditorViewModel vm) {
        super(6);
        this.vm = vm;
        setId("summary-view");
        getStyleClass().add("summary-view");
        getStylesheets().add(SummaryView.class.getResource("editor.css").toExternalForm());
        setStyle("-fx-padding: 8; -fx-background-color: white;");
        table.getColumns().add(column("Layer", r -> r.name(), 130));
        table.getColumns().add(column("Type", r -> r.type(), 130));
        table.getColumns().add(column("Output shape", r -> ShapeText.of(r.outputShape()), 110));
        table.getColumns().add(column("Trainable", r -> ShapeText.count(r.trainable()), 90));
        table.getColumns().add(column("Non-trainable", r -> ShapeText.count(r.nonTrainable()), 100));
        table.getColumns().add(column("Multiply-adds", r -> ShapeText.count(multiplyAdds.getOrDefault(r.name(), 0L)),
                110));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No layers yet: drag one from the palette."));
        totals.getStyleClass().add("totals");
        getChildren().addAll(table, totals, problems);
        vm.compilationProperty().addListener((o, was, now) -> refresh());
        totals.fontProperty().addListener((o, was, now) -> sizeRows());
        refresh();
        ExportMenu.attach(this, this);
    }

    private static TableColumn<ModelSummary.Row, String> column(String title,
            java.util.function.Function<ModelSummary.Row, String> text, double width) {
        TableColumn<ModelSummary.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private void refresh() {
        Compilation c = vm.compilationProperty().get();
        multiplyAdds = c.network() == null ? Map.of() : MultiplyAdds.of(c.network());
        List<ModelSummary.Row> rows = rows(c);
        table.getItems().setAll(rows);
        sizeRows();
        long trainable = rows.stream().mapToLong(ModelSummary.Row::trainable).sum();
        long frozen = rows.stream().mapToLong(ModelSummary.Row::nonTrainable).sum();
        totals.setText("Total parameters: " + ShapeText.count(trainable + frozen) + "   (trainable "
                + ShapeText.count(trainable) + ", non-trainable " + ShapeText.count(frozen) + ")"
                + (multiplyAdds.isEmpty() ? "" : "   ·   multiply-adds per sample: "
                + ShapeText.count(MultiplyAdds.total(multiplyAdds))));
        problems.getChildren().setAll(problemLabels(c));
    }

    /** Rows as tall as the type needs (larger in presenter mode); up to 14 rows show without scrolling. */
    private void sizeRows() {
        double cell = Math.ceil(totals.getFont().getSize() * 1.9);
        table.setFixedCellSize(cell);
        table.setPrefHeight(Math.min(14, table.getItems().size() + 1) * cell + cell + 6);
    }

    /** The input first, then the layers in document order, with what shape inference knows about each. */
    private List<ModelSummary.Row> rows(Compilation c) {
        Map<String, ShapeReport.NodeShape> shapes = vm.shapesProperty().get();
        List<ModelSummary.Row> rows = new ArrayList<>();
        rows.add(new ModelSummary.Row(Network.INPUT, "Input", c.document().inputShape(), 0, 0));
        for (LayerSpec l : c.document().layers()) {
            ShapeReport.NodeShape s = shapes.get(l.name());
            rows.add(s == null ? new ModelSummary.Row(l.name(), l.type(), null, 0, 0)
                    : new ModelSummary.Row(l.name(), l.type(), s.outputShape(), s.trainableCount(),
                    s.nonTrainableCount()));
        }
        return rows;
    }

    private static List<Node> problemLabels(Compilation c) {
        List<Node> out = new ArrayList<>();
        if (c.trainable()) {
            Label ok = new Label("Ready to train.");
            ok.getStyleClass().add("ok");
            out.add(ok);
        }
        for (Problem p : c.problems()) {
            Label l = new Label((p.error() ? "Problem" : "Warning") + " (" + p.subject() + "): " + p.message());
            l.setWrapText(true);
            l.getStyleClass().add(p.error() ? "error" : "warning");
            out.add(l);
        }
        return out;
    }

    /** The table rows shown now (for tests and the app's text export). */
    public List<ModelSummary.Row> rows() {
        return List.copyOf(table.getItems());
    }

    @Override
    public Node exportNode() {
        return this;
    }

    /**
     * A picture of the summary is a plain table (layer, type, shape, parameters, totals, problems) rather than a
     * photograph of the scrolling table control, so a long network comes out whole.
     */
    @Override
    public Picture prepareExport(double scale, ExportBackground background) {
        Compilation c = vm.compilationProperty().get();
        List<ModelSummary.Row> rows = rows(c);
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Problem p : c.problems()) {
            (p.error() ? errors : warnings).add(p.message());
        }
        ModelSummary summary = new ModelSummary(c.document().inputShape(), rows.subList(1, rows.size()), errors,
                warnings);
        SummaryTable picture = new SummaryTable(c.document().name(), summary, ChartPalette.LIGHT, 1);
        new Scene(picture);
        return picture.prepareExport(scale, background);
    }

    @Override
    public String exportName() {
        return "summary";
    }
}
