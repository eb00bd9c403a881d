package studio.backprop.ui.charts;

import java.util.HashMap;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.export.ScalableCanvas;

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

    /** How much larger type, margins and lines are in presenter mode (as on the Playground's canvases). */
    public static final double PRESENTER_SCALE = 1.5;

    private final ScalableCanvas canvas = new ScalableCanvas();
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
        model.addListener((o, a, m) -> forgetGoneSeries(m));
        applyBackground();
        setOnMouseMoved(e -> hover(e.getX()));
        setOnMouseDragged(e -> hover(e.getX()));
        setOnMouseExited(e -> hover(Double.NaN));
    }

    /**
     * Drops the envelopes of series the chart no longer has (a kept run deleted or renamed), keeping those of the
     * series it has (and their narrower twins, keyed by the name and a suffix).
     */
    private void forgetGoneSeries(ChartModel m) {
        if (m == null || envelopes.size() <= 2 * m.series().size()) {
            return;
        }
        envelopes.keySet().removeIf(key -> m.series().stream().noneMatch(s -> key.equals(s.name())
                || key.startsWith(s.name() + "\u0000")));
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
        if (canvas.resizeTo(Math.floor(getWidth()), Math.floor(getHeight()))) {
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
        GraphicsContext g = canvas.graphics();
        double w = canvas.logicalWidth();
        double h = canvas.logicalHeight();
        if (m == null) {
            g.clearRect(0, 0, w, h);
            lastVertices = 0;
        } else {
            ChartPainter.Style style = new ChartPainter.Style(presenterMode.get() ? PRESENTER_SCALE : 1,
                    exportPalette != null ? exportPalette : palette.get());
            lastVertices = painter.paint(g, w, h, m, envelopes, logScale.get(), style, hoverX);
        }
        paints++;
    }

    /**
     * For a picture: the canvas at {@code scale} pixels per unit, in the palette that suits the background (the
     * one shown over a transparent background), without the mouse read-out and without the view's own background.
     */
    @Override
    public Picture prepareExport(double scale, ExportBackground background) {
        Background fill = getBackground();
        double shownHover = hoverX;
        exportPalette = background.darkColours(palette.get() == ChartPalette.DARK) ? ChartPalette.DARK
                : ChartPalette.LIGHT;
        hoverX = Double.NaN;
        setBackground(null);
        canvas.resizeTo(Math.floor(getWidth()), Math.floor(getHeight()));
        canvas.setPixelScale(scale);
        paint();
        return new Picture(this, () -> {
            exportPalette = null;
            hoverX = shownHover;
            setBackground(fill);
            canvas.setPixelScale(1);
            paint();
        });
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

    /**
     * Where the last paint put the title, the legend and the plot, in the chart's coordinates, and whether the
     * legend hides any curve; null before the first paint or while the chart is too small to draw.
     */
    public ChartLayout lastLayout() {
        return painter.layout();
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
                new ChartPainter.Style(presenterMode.get() ? PRESENTER_SCALE : 1, palette.get()));
        return HoverReadout.lines(m, AxisScale.fromZero(m.xMax()).fromPixel(x, p.left(), p.right()));
    }
}
