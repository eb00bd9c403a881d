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
 * written on its units (the values forward, ∂L/∂ on the way back, the new weights' layer at the update). A layer wider
 * than {@value #MAX_UNITS} units shows its first ones and a "+n more" row.
 */
final class NetworkSketch extends Region implements Exportable {

    static final int MAX_UNITS = 8;

    private final ScalableCanvas canvas = new ScalableCanvas();
    private StepRecord record;
    private StepStage stage;
    private int digits = 6;

    NetworkSketch() {
        getChildren().add(canvas);
        getStyleClass().add("stepper-sketch");
        setMinSize(200, 160);
        setPrefSize(520, 360);
    }

    void show(StepRecord r, StepStage current, int significant) {
        record = r;
        stage = current;
        digits = significant;
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
        Map<String, NodeRecord> columns = columns();
        if (columns.isEmpty()) {
            g.setFill(Color.gray(0.4));
            g.setFont(Font.font(14));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("Press Next (Page Down) to take a step on one sample and walk through it.", w / 2, h / 2);
            return;
        }
        List<String> layers = new ArrayList<>(columns.keySet());
        double dx = w / (layers.size() + 1);
        List<List<double[]>> centres = new ArrayList<>();
        for (int c = 0; c < layers.size(); c++) {
            int drawn = Math.min(unitsOf(columns.get(layers.get(c))), MAX_UNITS);
            double dy = (h - 60) / (drawn + 1);
            List<double[]> column = new ArrayList<>();
            for (int u = 0; u < drawn; u++) {
                column.add(new double[] {dx * (c + 1), 40 + dy * (u + 1)});
            }
            centres.add(column);
        }
        g.setStroke(Color.gray(0.75));
        g.setLineWidth(1);
        for (int c = 1; c < centres.size(); c++) {
            for (double[] a : centres.get(c - 1)) {
                for (double[] b : centres.get(c)) {
                    g.strokeLine(a[0], a[1], b[0], b[1]);
                }
            }
        }
        for (int c = 0; c < layers.size(); c++) {
            NodeRecord out = columns.get(layers.get(c));
            int units = unitsOf(out);
            boolean lit = stage != null && stage.layer().equals(layers.get(c));
            float[] written = lit && stage.values().length == units ? stage.values() : out.value().values();
            List<double[]> column = centres.get(c);
            // units shrink to fit their column, so a tall layer's circles never overlap
            double radius = Math.max(8, Math.min(24, (h - 60) / (column.size() + 1) / 2 - 2));
            for (int u = 0; u < column.size(); u++) {
                unit(g, column.get(u), radius, lit, u < written.length ? StepNumbers.of(written[u],
                        Math.min(digits, 4)) : "");
            }
            g.setFill(lit ? Color.web("#1f6fb2") : Color.gray(0.25));
            g.setFont(Font.font(null, FontWeight.BOLD, 13));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(layers.get(c), dx * (c + 1), 18);
            if (units > column.size()) {
                g.setFont(Font.font(11));
                g.fillText("+" + (units - column.size()) + " more", dx * (c + 1), h - 12);
            }
        }
    }

    private static void unit(javafx.scene.canvas.GraphicsContext g, double[] c, double r, boolean lit,
                             String text) {
        g.setFill(lit ? Color.web("#dcecfa") : Color.WHITE);
        g.fillOval(c[0] - r, c[1] - r, 2 * r, 2 * r);
        g.setStroke(lit ? Color.web("#1f6fb2") : Color.gray(0.45));
        g.setLineWidth(lit ? 2.5 : 1.2);
        g.strokeOval(c[0] - r, c[1] - r, 2 * r, 2 * r);
        g.setFill(Color.gray(0.1));
        g.setFont(Font.font(Math.min(11, r * 0.75)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, c[0], c[1], 2 * r - 4);
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
