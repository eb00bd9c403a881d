package studio.backprop.ui.charts;

import java.util.HashMap;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;
import studio.backprop.ui.export.Exportable;

/**
 * A line chart on a canvas for training curves: several named series, axes with tick labels, a legend, a linear or
 * log y axis, and the values under the mouse.
 *
 * <p>It stays fast however long training runs: each series is reduced to an {@link Envelope} of one entry per
 * pixel column, updated with only the points appended since the last frame, so drawing costs O(width) and not
 * O(points). The values are read from the trainer's shared arrays in place.
 *
 * <p>Redrawing happens only when something changed (model, scale, size, palette, presenter mode, the mouse), and
 * at most once per frame: a change asks for layout, and the next pulse's layout pass draws.
 *
 * <p>Thread: the JavaFX application thread.
 */
public final class LineChartView extends Region implements Exportable {

    private final Canvas canvas = new Canvas();
    private final ChartPainter painter = new ChartPainter();
    private final Map<String, Envelope> envelopes = new HashMap<>();
    private final ObjectProperty<ChartModel> model = new SimpleObjectProperty<>(this, "model");
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale");
    private final BooleanProperty presenterMode = new SimpleBooleanProperty(this, "presenterMode");
    private final ObjectProperty<ChartPalette> palette = new SimpleObjectProperty<>(this, "palette",
            ChartPalette.LIGHT);
    private final String exportName;
    private boolean dirty = true;
    private double hoverX = Double.NaN;
    private double pixelScale = 1;
    private ChartPalette exportPalette;
    private long paints;
    private int lastVertices;

    /** @param exportName the file-name stem for pictures of this chart ("loss") */
    public LineChartView(String exportName) {
        this.exportName = exportName;
        canvas.setManaged(false);
        getChildren().add(canvas);
        setMinSize(160, 120);
        setPrefSize(520, 320);
        for (Observable o : new Observable[] {model, logScale, presenterMode, palette}) {
            o.addListener(x -> invalidate());
        }
        palette.addListener((o, a, b) -> applyBackground());
        applyBackground();
        setOnMouseMoved(e -> hover(e.getX()));
        setOnMouseDragged(e -> hover(e.getX()));
        setOnMouseExited(e -> hover(Double.NaN));
    }

    private void hover(double x) {
        if (!(Double.isNaN(x) && Double.isNaN(hoverX))) {
            hoverX = x;
            invalidate();
        }
    }

    private void applyBackground() {
        setBackground(Background.fill(palette.get().background()));
    }

    /** Marks the chart for redrawing at the next pulse. */
    public void invalidate() {
        dirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w * pixelScale || canvas.getHeight() != h * pixelScale) {
            canvas.setWidth(w * pixelScale);
            canvas.setHeight(h * pixelScale);
            dirty = true;
        }
        if (dirty) {
            paint();
        }
    }

    /** Draws now (the layout pass calls this when something changed; export calls it directly). */
    void paint() {
        dirty = false;
        ChartModel m = model.get();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.save();
        g.setTransform(pixelScale, 0, 0, pixelScale, 0, 0);
        double w = canvas.getWidth() / pixelScale;
        double h = canvas.getHeight() / pixelScale;
        if (m == null) {
            g.clearRect(0, 0, w, h);
            lastVertices = 0;
        } else {
            ChartPainter.Style style = new ChartPainter.Style(presenterMode.get() ? 1.75 : 1,
                    exportPalette != null ? exportPalette : palette.get());
            lastVertices = painter.paint(g, w, h, m, envelopes, logScale.get(), style, hoverX);
        }
        g.restore();
        paints++;
    }

    /**
     * Draws the canvas with {@code scale} device pixels per unit (for a sharp export at 2× or 4×): the canvas holds
     * that many more pixels and is shown scaled down, so a snapshot at the same scale copies them one to one.
     */
    void setPixelScale(double scale) {
        pixelScale = scale;
        canvas.getTransforms().setAll(new Scale(1 / scale, 1 / scale, 0, 0));
        canvas.setWidth(Math.floor(getWidth()) * scale);
        canvas.setHeight(Math.floor(getHeight()) * scale);
        paint();
    }

    /** Draws in {@code p} instead of the palette property (for a picture on another background); null undoes. */
    void setExportPalette(ChartPalette p) {
        exportPalette = p;
        dirty = true;
    }

    /** Hides the mouse read-out (before a picture is taken). */
    void clearHover() {
        hoverX = Double.NaN;
        dirty = true;
    }

    @Override
    public Node exportNode() {
        return this;
    }

    @Override
    public String exportName() {
        return exportName;
    }

    /** What the chart shows; null draws nothing. */
    public ObjectProperty<ChartModel> modelProperty() {
        return model;
    }

    public void setModel(ChartModel m) {
        model.set(m);
    }

    public ChartModel getModel() {
        return model.get();
    }

    /** Logarithmic y axis (zero and negative values are then left out as gaps). */
    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    public void setLogScale(boolean log) {
        logScale.set(log);
    }

    /** Larger fonts and thicker lines, for a lecture hall. */
    public BooleanProperty presenterModeProperty() {
        return presenterMode;
    }

    public ObjectProperty<ChartPalette> paletteProperty() {
        return palette;
    }

    public void setPalette(ChartPalette p) {
        palette.set(p);
    }

    public ChartPalette getPalette() {
        return palette.get();
    }

    /** How many times the chart has been drawn (for tests: nothing is drawn without a change). */
    public long paintCount() {
        return paints;
    }

    /** Line vertices drawn by the last paint: at most four per pixel column per series, whatever the points. */
    public int lastVertexCount() {
        return lastVertices;
    }

    /** The lines the mouse read-out would show at canvas x {@code x} (for tests and accessibility). */
    public java.util.List<String> readoutAt(double x) {
        ChartModel m = model.get();
        if (m == null) {
            return java.util.List.of();
        }
        ChartPainter.Plot p = painter.plot(getWidth(), getHeight(),
                new ChartPainter.Style(presenterMode.get() ? 1.75 : 1, palette.get()));
        return HoverReadout.lines(m, AxisScale.fromZero(m.xMax()).fromPixel(x, p.left(), p.right()));
    }
}
