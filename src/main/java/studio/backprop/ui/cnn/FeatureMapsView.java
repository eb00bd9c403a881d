package studio.backprop.ui.cnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import studio.backprop.nn.layers.ReceptiveField;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.LayerSpec;
import studio.backprop.train.TrainingSnapshot.TensorCopy;

/**
 * What every layer sees for the chosen input: each channel of each image-shaped layer (the input, convolutions,
 * pooling) as a heatmap in a grid, coloured by the chosen {@link ColourScale} with a colour bar per layer; each
 * dense layer as a row of activation bars; the output as class-probability bars. Hovering a map names the layer, the
 * channel, the row and column and the exact value ({@link #readoutProperty()}).
 *
 * <p>A canvas redrawn only when the outputs, the scale or the width change.
 */
public final class FeatureMapsView extends CanvasPanel {

    /** A drawn map or bar, for hovering: its layer and unit, and where it is. */
    private record Spot(String layer, int layerIndex, int channel, int units, double x, double y, double w, double h) {
        boolean contains(double px, double py) {
            return px >= x && px < x + w && py >= y && py < y + h;
        }
    }

    private static final double MARGIN = 12;
    private static final double GAP = 6;
    private static final double HEADER = 22;
    private static final Font TITLE = Font.font("System", 13);
    private static final Font SMALL = Font.font("System", 10);

    private final CnnViewModel model;
    private final List<Spot> spots = new ArrayList<>();
    private final ReadOnlyStringWrapper hover = new ReadOnlyStringWrapper("");
    private List<LayerMaps> maps = List.of();
    private Map<String, float[]> vectors = Map.of();
    private Map<String, ReceptiveField> fields = Map.of();
    private String onlyLayer;
    /** The input region {top, left, bottom, right} the hovered unit sees, or null. */
    private int[] seen;

    public FeatureMapsView(CnnViewModel model) {
        this.model = model;
        getStyleClass().add("feature-maps");
        model.outputsProperty().addListener((o, a, b) -> refresh());
        model.colourScaleProperty().addListener((o, a, b) -> draw());
        model.compilationProperty().addListener((o, a, c) -> fields = receptiveFields(c));
        fields = receptiveFields(model.compilationProperty().get());
        widthProperty().addListener((o, a, b) -> draw());
        canvas.setOnMouseMoved(this::moved);
        canvas.setOnMouseExited(e -> hover.set(""));
        refresh();
    }

    private static Map<String, ReceptiveField> receptiveFields(Compilation c) {
        return c == null || c.network() == null || c.network().inputShape().length != 3 ? Map.of()
                : ReceptiveField.of(c.network());
    }

    private void refresh() {
        Map<String, TensorCopy> out = model.outputsProperty().get();
        maps = out == null ? List.of() : LayerMaps.images(out);
        vectors = out == null ? Map.of() : LayerMaps.vectors(out);
        if (onlyLayer != null) {
            maps = maps.stream().filter(m -> m.layer().equals(onlyLayer)).toList();
            vectors = vectors.containsKey(onlyLayer) ? Map.of(onlyLayer, vectors.get(onlyLayer)) : Map.of();
        }
        draw();
    }

    /**
     * Draws only the layer named (null: every layer).
     *
     * @throws IllegalArgumentException in words when the network has no such layer
     */
    public void showOnly(String layer) {
        Map<String, TensorCopy> out = model.outputsProperty().get();
        if (layer != null && out != null && !out.containsKey(layer)) {
            throw new IllegalArgumentException("there is no layer '" + layer + "'; the layers are " + out.keySet());
        }
        onlyLayer = layer;
        refresh();
    }

    /** The exact value under the mouse, in words (empty when the mouse is over no map). */
    public ReadOnlyStringProperty readoutProperty() {
        return hover.getReadOnlyProperty();
    }

    /** Layer names drawn as image grids, in order (for tests and the command line). */
    public List<String> imageLayers() {
        return maps.stream().map(LayerMaps::layer).toList();
    }

    @Override
    protected void layoutChildren() {
        // the canvas is sized by draw(); nothing to place
    }

    @Override
    protected double computePrefWidth(double height) {
        return 900;
    }

    @Override
    protected double computePrefHeight(double width) {
        return canvas.logicalHeight() > 0 ? canvas.logicalHeight() : 400;
    }

    /** Lays out and paints everything for the current width. */
    @Override
    protected void paintNow() {
        double width = getWidth() > 0 ? getWidth() : computePrefWidth(-1);
        double height = paint(null, width);
        canvas.resizeTo(width, height);
        paint(canvas.graphics(), width);
        requestLayout();
    }

    /** Paints (or, with gc null, only measures) the view; returns the height it takes. */
    private double paint(GraphicsContext gc, double width) {
        spots.clear();
        if (gc != null) {
            gc.clearRect(0, 0, width, canvas.logicalHeight());
            gc.setTextBaseline(VPos.TOP);
            gc.setTextAlign(TextAlignment.LEFT);
            gc.setImageSmoothing(false);
        }
        double y = MARGIN;
        if (maps.isEmpty() && vectors.isEmpty()) {
            if (gc != null) {
                gc.setFill(ink);
                gc.setFont(TITLE);
                gc.fillText("The feature maps appear when the trainer has answered (open a network whose input is "
                        + "an image).", MARGIN, y);
            }
            return 60;
        }
        ColourScale scale = model.colourScaleProperty().get();
        for (int i = 0; i < maps.size(); i++) {
            y = imageLayer(gc, width, y, i, scale);
        }
        List<String> names = new ArrayList<>(vectors.keySet());
        for (int i = 0; i < names.size(); i++) {
            boolean output = i == names.size() - 1;
            y = output ? outputBars(gc, width, y, names.get(i)) : denseBars(gc, width, y, names.get(i));
        }
        return y + MARGIN;
    }

    private double imageLayer(GraphicsContext gc, double width, double y, int index, ColourScale scale) {
        LayerMaps m = maps.get(index);
        double[] layerRange = scale == ColourScale.PER_MAP ? m.range() : scale.range(maps, index, 0);
        if (gc != null) {
            gc.setFill(ink);
            gc.setFont(TITLE);
            ReceptiveField f = fields.get(m.layer());
            String title = m.layer() + " · " + kind(m.layer()) + " · " + m.height() + "×" + m.width() + "×"
                    + m.channels() + "   values " + number(m.range()[0]) + " … " + number(m.range()[1])
                    + (f != null && index > 0 ? "   a unit sees " + f.sizeH() + "×" + f.sizeW() + " input pixels"
                    : "");
            gc.fillText(title, MARGIN, y);
            colourBar(gc, width - MARGIN - 260, y + 2, layerRange, scale);
        }
        y += HEADER;
        double tile = Math.min(96, Math.max(40, m.height() * 3));
        double x = MARGIN;
        for (int c = 0; c < m.channels(); c++) {
            if (x + tile > width - MARGIN && x > MARGIN) {
                x = MARGIN;
                y += tile + 14 + GAP;
            }
            if (gc != null) {
                double[] r = scale.range(maps, index, c);
                gc.drawImage(MapColours.image(m, c, r[0], r[1]), x, y, tile, tile);
                gc.setStroke(Color.gray(0.6));
                gc.setLineWidth(0.5);
                gc.strokeRect(x, y, tile, tile);
                gc.setFill(ink);
                gc.setFont(SMALL);
                gc.fillText(String.valueOf(c + 1), x, y + tile + 1);
                if (index == 0 && seen != null) {
                    double sy = tile / m.height();
                    double sx = tile / m.width();
                    gc.setStroke(Color.rgb(220, 120, 30));
                    gc.setLineWidth(2);
                    gc.strokeRect(x + seen[1] * sx, y + seen[0] * sy, (seen[3] - seen[1]) * sx,
                            (seen[2] - seen[0]) * sy);
                }
            }
            spots.add(new Spot(m.layer(), index, c, 0, x, y, tile, tile));
            x += tile + GAP;
        }
        return y + tile + 14 + GAP * 2;
    }

    private void colourBar(GraphicsContext gc, double x, double y, double[] range, ColourScale scale) {
        double w = 120;
        for (int i = 0; i < w; i++) {
            gc.setFill(MapColours.at(i / (w - 1), range[0], range[1]));
            gc.fillRect(x + 70 + i, y, 1.2, 12);
        }
        gc.setFont(SMALL);
        gc.setFill(ink);
        gc.setTextAlign(TextAlignment.RIGHT);
        boolean symmetric = range[0] < 0 && range[1] > 0;
        double m = Math.max(-range[0], range[1]);
        gc.fillText(scale == ColourScale.PER_MAP ? "each map: min" : number(symmetric ? -m : range[0]), x + 66, y);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.fillText(scale == ColourScale.PER_MAP ? "max" : number(symmetric ? m : range[1]), x + 74 + w, y);
    }

    private double denseBars(GraphicsContext gc, double width, double y, String layer) {
        float[] v = vectors.get(layer);
        double maxAbs = 1e-12;
        for (float f : v) {
            maxAbs = Math.max(maxAbs, Math.abs(f));
        }
        if (gc != null) {
            gc.setFill(ink);
            gc.setFont(TITLE);
            gc.fillText(layer + " · " + kind(layer) + " · " + v.length + " units   largest |value| "
                    + number(maxAbs), MARGIN, y);
        }
        y += HEADER;
        double barH = 44;
        double step = Math.max(2, Math.min(10, (width - 2 * MARGIN) / v.length));
        double x = MARGIN;
        for (int u = 0; u < v.length; u++) {
            if (x + step > width - MARGIN) {
                x = MARGIN;
                y += barH + GAP;
            }
            double h = barH * Math.abs(v[u]) / maxAbs;
            if (gc != null) {
                gc.setFill(v[u] >= 0 ? Color.rgb(30, 140, 140) : Color.rgb(180, 30, 40));
                gc.fillRect(x, y + barH - h, Math.max(1, step - 1), h);
            }
            spots.add(new Spot(layer, -1, u, v.length, x, y, step, barH));
            x += step;
        }
        if (gc != null) {
            gc.setStroke(Color.gray(0.6));
            gc.setLineWidth(0.5);
            gc.strokeLine(MARGIN, y + barH, Math.min(width - MARGIN, MARGIN + step * v.length), y + barH);
        }
        return y + barH + GAP * 3;
    }

    private double outputBars(GraphicsContext gc, double width, double y, String layer) {
        float[] p = model.probabilities();
        if (p == null) {
            return y;
        }
        List<String> names = model.classNames();
        int best = argMax(p);
        if (gc != null) {
            gc.setFill(ink);
            gc.setFont(TITLE);
            gc.fillText(layer + " · class probabilities" + (names.size() == p.length ? " · the network says "
                    + names.get(best) : ""), MARGIN, y);
        }
        y += HEADER;
        double rowH = 16;
        double barW = Math.min(420, width - 2 * MARGIN - 110);
        for (int k = 0; k < p.length; k++) {
            if (gc != null) {
                gc.setFont(SMALL);
                gc.setFill(ink);
                gc.fillText(names.size() == p.length ? names.get(k) : "class " + (k + 1), MARGIN, y + 2);
                gc.setFill(Color.gray(0.5, 0.25));
                gc.fillRect(MARGIN + 40, y + 2, barW, rowH - 5);
                gc.setFill(k == best ? Color.rgb(220, 120, 30) : Color.rgb(48, 64, 140));
                gc.fillRect(MARGIN + 40, y + 2, Math.max(1, barW * p[k]), rowH - 5);
                gc.setFill(ink);
                gc.fillText(String.format(Locale.ROOT, "%.1f%%", 100 * p[k]), MARGIN + 46 + barW, y + 2);
            }
            spots.add(new Spot(layer, -2, k, p.length, MARGIN, y, barW + 40, rowH));
            y += rowH;
        }
        return y + GAP;
    }

    private String kind(String layer) {
        Compilation c = model.compilationProperty().get();
        if ("input".equals(layer)) {
            return "the input";
        }
        LayerSpec spec = c == null ? null : c.document().layers().stream().filter(l -> l.name().equals(layer))
                .findFirst().orElse(null);
        return spec == null ? "layer" : spec.type();
    }

    private void moved(MouseEvent e) {
        double x = e.getX() / canvas.pixelScale();
        double y = e.getY() / canvas.pixelScale();
        for (Spot s : spots) {
            if (s.contains(x, y)) {
                hover.set(describe(s, x, y));
                highlight(s, x, y);
                return;
            }
        }
        hover.set("");
        highlight(null, 0, 0);
    }

    /** Marks on the input the region that the hovered unit of a map sees (its receptive field). */
    private void highlight(Spot s, double x, double y) {
        int[] window = null;
        if (s != null && s.layerIndex() > 0 && fields.containsKey(s.layer()) && !maps.isEmpty()) {
            LayerMaps m = maps.get(s.layerIndex());
            int col = Math.min(m.width() - 1, (int) ((x - s.x()) / s.w() * m.width()));
            int row = Math.min(m.height() - 1, (int) ((y - s.y()) / s.h() * m.height()));
            window = fields.get(s.layer()).window(row, col, maps.get(0).height(), maps.get(0).width());
        }
        if (!java.util.Arrays.equals(window, seen)) {
            seen = window;
            draw();
        }
    }

    /** The centre of channel {@code channel}'s map of layer {@code layer}, in this view's coordinates, or null. */
    public javafx.geometry.Point2D mapCentre(String layer, int channel) {
        for (Spot s : spots) {
            if (s.layer().equals(layer) && s.channel() == channel && s.layerIndex() >= 0) {
                return new javafx.geometry.Point2D(s.x() + s.w() / 2, s.y() + s.h() / 2);
            }
        }
        return null;
    }

    /** The input region the hovered unit sees, {top, left, bottom, right}, or null (for tests). */
    public int[] seenRegion() {
        return seen == null ? null : seen.clone();
    }

    private String describe(Spot s, double x, double y) {
        if (s.layerIndex() >= 0) {
            LayerMaps m = maps.get(s.layerIndex());
            int col = Math.min(m.width() - 1, (int) ((x - s.x()) / s.w() * m.width()));
            int row = Math.min(m.height() - 1, (int) ((y - s.y()) / s.h() * m.height()));
            ReceptiveField f = fields.get(s.layer());
            String sees = "";
            if (f != null && s.layerIndex() > 0 && !maps.isEmpty()) {
                int[] w = f.window(row, col, maps.get(0).height(), maps.get(0).width());
                sees = "   (sees input rows " + (w[0] + 1) + "–" + w[2] + ", columns " + (w[1] + 1) + "–" + w[3] + ")";
            }
            return s.layer() + ", channel " + (s.channel() + 1) + ", row " + (row + 1) + ", column " + (col + 1)
                    + ": " + exact(m.value(row, col, s.channel())) + sees;
        }
        if (s.layerIndex() == -1) {
            return s.layer() + ", unit " + (s.channel() + 1) + " of " + s.units() + ": "
                    + exact(vectors.get(s.layer())[s.channel()]);
        }
        float[] p = model.probabilities();
        List<String> names = model.classNames();
        return "P(" + (names.size() > s.channel() ? names.get(s.channel()) : "class " + (s.channel() + 1)) + ") = "
                + (p == null ? "?" : exact(p[s.channel()]));
    }

    static String number(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 || v == 0 ? "%.0f" : "%.3g", v);
    }

    private static String exact(float v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    static int argMax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public String exportName() {
        return "feature-maps";
    }
}
