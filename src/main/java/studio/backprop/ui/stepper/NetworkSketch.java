package studio.backprop.ui.stepper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import studio.backprop.train.StepRecord;
import studio.backprop.train.StepRecord.Kind;
import studio.backprop.train.StepRecord.NodeRecord;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.export.ScalableCanvas;

/**
 * The network of a step record as columns of units, the layer of the current stage highlighted and its numbers
 * written on its units (the values forward, ∂L/∂ on the way back, the new weights' layer at the update). At a weight
 * matrix's update each of its edges is lit and carries "old − step = new" ({@link EdgeLabels}). A layer wider
 * than {@link UnitFold#WHOLE} units folds into a block of units, "… n more …" rows and its last unit; a click on a fold
 * opens the units it stands for. A convolution or pooling stage on a small image is drawn as grids instead
 * ({@link WindowSketch}).
 */
final class NetworkSketch extends Region implements Exportable {

    private final ScalableCanvas canvas = new ScalableCanvas();
    private final List<Hit> folds = new ArrayList<>();
    private StepRecord record;
    private List<EdgeLabelPainter.Placed> labels = List.of();
    private boolean labelled;
    private StepStage stage;
    private int digits = 6;
    private Map<String, Integer> focus = Map.of();
    private java.util.function.BiConsumer<String, Integer> onFold;

    NetworkSketch() {
        getChildren().add(canvas);
        setOnMouseClicked(e -> click(e.getX(), e.getY()));
        getStyleClass().add("stepper-sketch");
        setMinSize(200, 160);
        setPrefSize(520, 360);
    }

    void show(StepRecord r, StepStage current, int significant, Map<String, Integer> blocks) {
        record = r;
        stage = current;
        digits = significant;
        focus = blocks;
        draw();
    }

    @Override
    protected void layoutChildren() {
        if (canvas.resizeTo(getWidth(), getHeight())) {
            draw();
        }
    }

    /** Each drawn column: the layer and its output node (the last op of the layer on the way forward). */
    private Map<String, NodeRecord> columns() {
        Map<String, NodeRecord> out = new LinkedHashMap<>();
        if (record == null) {
            return out;
        }
        for (NodeRecord n : record.nodes()) {
            boolean input = n.kind() == Kind.DATA && n.op().equals("input");
            if (input || n.kind() == Kind.OP && !n.internal() && !n.layer().equals("loss")) {
                out.put(input ? "input" : n.layer(), n);
            }
        }
        return out;
    }

    private void draw() {
        var g = canvas.graphics();
        double w = canvas.logicalWidth();
        double h = canvas.logicalHeight();
        g.clearRect(0, 0, w, h);
        folds.clear();
        labels = List.of();
        Map<String, NodeRecord> columns = columns();
        if (columns.isEmpty()) {
            g.setFill(Color.gray(0.4));
            g.setFont(Font.font(14));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("Press Next (Page Down) to take a step on one sample and walk through it.", w / 2, h / 2);
            return;
        }
        if (WindowSketch.draws(record, stage)) {
            WindowSketch.draw(g, w, h, record, stage, digits, focus, folds);
            return;
        }
        List<String> layers = new ArrayList<>(columns.keySet());
        double dx = w / (layers.size() + 1);
        List<List<UnitFold.Row>> rows = new ArrayList<>();
        List<List<double[]>> centres = new ArrayList<>();
        for (int c = 0; c < layers.size(); c++) {
            List<UnitFold.Row> column = fold(layers.get(c), unitsOf(columns.get(layers.get(c)))).rows();
            double dy = (h - 60) / (column.size() + 1);
            List<double[]> at = new ArrayList<>();
            for (int u = 0; u < column.size(); u++) {
                at.add(new double[] {dx * (c + 1), 40 + dy * (u + 1)});
            }
            rows.add(column);
            centres.add(at);
        }
        edges(g, rows, centres);
        List<EdgeLabels.Label> written = EdgeLabels.of(record, stage, digits, focus);
        labelled = !written.isEmpty();
        java.util.function.BiFunction<String, Integer, double[]> centre = (layer, unit) -> {
            int c = layers.indexOf(layer);
            for (int k = 0; c >= 0 && k < rows.get(c).size(); k++) {
                if (rows.get(c).get(k).unit() == unit) {
                    return centres.get(c).get(k);
                }
            }
            return null;
        };
        EdgeLabelPainter.light(g, written, centre);
        for (int c = 0; c < layers.size(); c++) {
            column(g, layers.get(c), columns.get(layers.get(c)), rows.get(c), centres.get(c), dx * (c + 1), h);
        }
        List<double[]> circles = new ArrayList<>();
        List<javafx.geometry.Bounds> obstacles = new ArrayList<>();
        obstacles.add(new javafx.geometry.BoundingBox(0, 0, w, 28));
        for (int c = 0; c < rows.size(); c++) {
            double r = radius(rows.get(c).size(), h);
            for (int k = 0; k < rows.get(c).size(); k++) {
                double[] p = centres.get(c).get(k);
                if (rows.get(c).get(k).fold()) {
                    obstacles.add(new javafx.geometry.BoundingBox(p[0] - 45, p[1] - 12, 90, 24));
                } else {
                    circles.add(new double[] {p[0], p[1], r});
                    if (r < 18) {
                        obstacles.add(new javafx.geometry.BoundingBox(p[0] + r, p[1] - 7, 56, 14));
                    }
                }
            }
        }
        labels = EdgeLabelPainter.paint(g, written, centre, circles, obstacles, w, h);
    }

    /** The radius of the units of a column of {@code rows} rows: they shrink to fit, so they never overlap. */
    private double radius(int rows, double h) {
        // edges with labels get more room: the units are drawn a little smaller then
        return Math.max(8, Math.min(labelled ? 18 : 24, (h - 60) / (rows + 1) / 2 - 2));
    }

    /** The labels written on edges at the last drawing (an update of a weight matrix), with their boxes. */
    List<EdgeLabelPainter.Placed> edgeLabels() {
        return labels;
    }

    private UnitFold fold(String layer, int units) {
        return new UnitFold(units, focus.getOrDefault(layer, 0));
    }

    /** Every unit drawn joined to every unit drawn of the next column; folds get no edges. */
    private static void edges(javafx.scene.canvas.GraphicsContext g, List<List<UnitFold.Row>> rows,
                              List<List<double[]>> centres) {
        g.setStroke(Color.gray(0.75));
        g.setLineWidth(1);
        for (int c = 1; c < centres.size(); c++) {
            for (int a = 0; a < centres.get(c - 1).size(); a++) {
                for (int b = 0; b < centres.get(c).size(); b++) {
                    if (!rows.get(c - 1).get(a).fold() && !rows.get(c).get(b).fold()) {
                        double[] p = centres.get(c - 1).get(a);
                        double[] q = centres.get(c).get(b);
                        g.strokeLine(p[0], p[1], q[0], q[1]);
                    }
                }
            }
        }
    }

    private void column(javafx.scene.canvas.GraphicsContext g, String layer, NodeRecord out, List<UnitFold.Row> rows,
                        List<double[]> centres, double x, double h) {
        int units = unitsOf(out);
        boolean lit = stage != null && stage.layer().equals(layer);
        float[] written = lit && stage.values().length == out.value().values().length ? stage.values()
                : out.value().values();
        double radius = radius(rows.size(), h);
        boolean numbered = units > UnitFold.WHOLE;
        for (int i = 0; i < rows.size(); i++) {
            UnitFold.Row row = rows.get(i);
            double[] c = centres.get(i);
            if (row.fold()) {
                fold(g, c, radius, row, layer);
                continue;
            }
            unit(g, c, radius, lit, row.unit() < written.length ? StepNumbers.of(written[row.unit()],
                    Math.min(digits, 4)) : "");
            if (numbered) {
                g.setFill(Color.gray(0.35));
                g.setFont(Font.font(10));
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText(Integer.toString(row.unit() + 1), c[0] - radius - 3, c[1]);
            }
        }
        g.setFill(lit ? Color.web("#1f6fb2") : Color.gray(0.25));
        g.setFont(Font.font(null, FontWeight.BOLD, 13));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(layer, x, 18);
        if (numbered) {
            g.setFont(Font.font(11));
            g.fillText(units + " units", x, h - 12);
        }
    }

    /** A fold: "… 120 more …" in a dashed box that opens its units when clicked. */
    private void fold(javafx.scene.canvas.GraphicsContext g, double[] c, double radius, UnitFold.Row row,
                      String layer) {
        double bw = Math.max(84, 2 * radius + 40);
        double bh = Math.max(16, Math.min(2 * radius, 22));
        g.setFill(Color.web("#f3f6f9"));
        g.fillRoundRect(c[0] - bw / 2, c[1] - bh / 2, bw, bh, 8, 8);
        g.setStroke(Color.gray(0.55));
        g.setLineWidth(1);
        g.setLineDashes(4, 3);
        g.strokeRoundRect(c[0] - bw / 2, c[1] - bh / 2, bw, bh, 8, 8);
        g.setLineDashes();
        g.setFill(Color.gray(0.2));
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("… " + row.hidden() + " more …", c[0], c[1], bw - 6);
        folds.add(new Hit(c[0] - bw / 2, c[1] - bh / 2, bw, bh, layer, row.opens()));
    }

    /** Where a fold was drawn and what a click on it opens. */
    record Hit(double x, double y, double w, double h, String layer, int opens) {
        boolean contains(double px, double py) {
            return px >= x && px <= x + w && py >= y && py <= y + h;
        }
    }

    private void click(double x, double y) {
        for (Hit hit : folds) {
            if (hit.contains(x, y) && onFold != null) {
                onFold.accept(hit.layer(), hit.opens());
                return;
            }
        }
    }

    /** The folds drawn, by layer, as screen rectangles (for a robot's click). */
    List<Map.Entry<String, javafx.geometry.Bounds>> foldsOnScreen() {
        List<Map.Entry<String, javafx.geometry.Bounds>> out = new ArrayList<>();
        for (Hit hit : folds) {
            out.add(Map.entry(hit.layer(), localToScreen(new javafx.geometry.BoundingBox(hit.x(), hit.y(), hit.w(),
                    hit.h()))));
        }
        return out;
    }

    /** What a click on a fold does: show the block of that layer starting at that unit. */
    void setOnFold(java.util.function.BiConsumer<String, Integer> action) {
        onFold = action;
    }

    private static void unit(javafx.scene.canvas.GraphicsContext g, double[] c, double r, boolean lit,
                             String text) {
        g.setFill(lit ? Color.web("#dcecfa") : Color.WHITE);
        g.fillOval(c[0] - r, c[1] - r, 2 * r, 2 * r);
        g.setStroke(lit ? Color.web("#1f6fb2") : Color.gray(0.45));
        g.setLineWidth(lit ? 2.5 : 1.2);
        g.strokeOval(c[0] - r, c[1] - r, 2 * r, 2 * r);
        g.setTextBaseline(VPos.CENTER);
        if (r >= 18) {
            g.setFill(Color.gray(0.1));
            g.setFont(Font.font(Math.min(11, r * 0.75)));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(text, c[0], c[1], 2 * r - 4);
            return;
        }
        // a small circle cannot hold a readable number: it is written beside it, on a label that hides the edges
        Font font = Font.font(10);
        javafx.scene.text.Text probe = new javafx.scene.text.Text(text);
        probe.setFont(font);
        double tw = probe.getLayoutBounds().getWidth();
        g.setFill(Color.rgb(255, 255, 255, 0.9));
        g.fillRect(c[0] + r + 2, c[1] - 6.5, tw + 4, 13);
        g.setFill(lit ? Color.web("#1f4f82") : Color.gray(0.1));
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(text, c[0] + r + 4, c[1]);
    }

    /** Units of a layer: its output's size per sample (the record's batch has as many rows as samples). */
    private int unitsOf(NodeRecord n) {
        int rows = Math.max(1, record.samples().length);
        return Math.max(1, n.value().values().length / rows);
    }

    @Override
    public Picture prepareExport(double scale, ExportBackground background) {
        canvas.setPixelScale(scale);
        draw();
        return new Picture(this, () -> {
            canvas.setPixelScale(1);
            draw();
        });
    }

    @Override
    public Node exportNode() {
        return this;
    }

    @Override
    public String exportName() {
        return "stepper-network";
    }
}
