package studio.backprop.ui.training;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.export.ScalableCanvas;

/**
 * The plane of a two-dimensional classification set: the network's output as a heatmap (two classes: orange to
 * blue by the probability of the second class; more classes: each class's colour, paler where the network is
 * unsure), the training points on top and the test points outlined, with axes, a title and a legend.
 *
 * <p>It draws on two canvases, each only when something it shows changed: the heatmap below (a new grid) and the
 * points, axes and legend above (new points, extent or title, a resize), so that a training network's frequent new
 * grids cost one image each and not hundreds of circles. Thread: the JavaFX application thread.
 */
public final class DecisionBoundaryView extends Region implements Exportable {

    private static final double RADIUS = 3.5;
    /** How far the background goes towards the class colours, so the points stay visible on it. */
    private static final double SHADE = 0.6;
    private static final int UPSAMPLE = 4;

    private final ScalableCanvas heatmapLayer = new ScalableCanvas();
    private final ScalableCanvas pointLayer = new ScalableCanvas();
    private final BooleanProperty showTestPoints = new SimpleBooleanProperty(true);
    private List<DataPoint> points = List.of();
    private List<String> classNames = List.of();
    private GridActivations grid;
    private Extent extent = Extent.DEFAULT;
    private String title;
    private WritableImage heatmap;
    private boolean heatmapDirty = true;
    private boolean pointsDirty = true;
    private PlotFrame frame;
    private PlotInk ink = PlotInk.LIGHT;
    private double k = 1;

    /** An empty plot with a title ("Output", "Data"). */
    public DecisionBoundaryView(String title) {
        this.title = title;
        getStyleClass().add("decision-boundary");
        getChildren().addAll(heatmapLayer, pointLayer);
        setPrefSize(380, 410);
        setMinSize(200, 220);
        showTestPoints.addListener((o, a, b) -> invalidate());
        pointLayer.setMouseTransparent(true);
    }

    /** The points to draw and the names of their classes (for the legend). */
    public void setPoints(List<DataPoint> newPoints, List<String> names) {
        points = List.copyOf(newPoints);
        classNames = List.copyOf(names);
        invalidate();
    }

    /** The network's output over the plane (null for none); its extent becomes the plot's. */
    public void setGrid(GridActivations newGrid) {
        grid = newGrid;
        if (newGrid != null && !newGrid.extent().equals(extent)) {
            extent = newGrid.extent();
            invalidate();
        } else {
            heatmapDirty = true;
            requestLayout();
        }
    }

    public GridActivations grid() {
        return grid;
    }

    /** The part of the plane shown (replaced by the grid's extent when a grid arrives). */
    public void setExtent(Extent e) {
        extent = e;
        invalidate();
    }

    public Extent extent() {
        return extent;
    }

    public void setTitle(String text) {
        title = text;
        invalidate();
    }

    public BooleanProperty showTestPointsProperty() {
        return showTestPoints;
    }

    /** Asks for a redraw of everything at the next layout pass. */
    public void invalidate() {
        heatmapDirty = true;
        pointsDirty = true;
        requestLayout();
    }

    /** The data coordinates (x1, x2) under a point of this view, or null outside the plot. */
    public double[] toData(double localX, double localY) {
        PlotFrame f = currentFrame();
        return f.contains(localX, localY) ? new double[] {f.dataX(localX), f.dataY(localY)} : null;
    }

    /** The view coordinates of a data point (for tests and tools). */
    public double[] toView(double x, double y) {
        PlotFrame f = currentFrame();
        return new double[] {f.px(x), f.py(y)};
    }

    /** How many data units one pixel spans. */
    public double dataPerPixel() {
        return currentFrame().dataPerPixel();
    }

    private PlotFrame currentFrame() {
        if (frame == null || frame.extent != extent || frame.k != k) {
            frame = new PlotFrame(getWidth(), getHeight(), extent, k);
        }
        return frame;
    }

    /** Type, points and margins {@code k} times their size (1.5 in presenter mode, for a lecture hall). */
    public void setTypeScale(double scale) {
        k = scale;
        frame = null;
        invalidate();
    }

    /** Light or dark surroundings (the heatmap and the points keep their colours), following the app's theme. */
    public void setDarkColours(boolean dark) {
        ink = PlotInk.of(dark);
        invalidate();
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        boolean resized = heatmapLayer.resizeTo(w, h);
        if (pointLayer.resizeTo(w, h) || resized) {
            heatmapDirty = true;
            pointsDirty = true;
        }
        if (pointsDirty || frame == null || frame.extent != extent || frame.k != k) {
            frame = new PlotFrame(w, h, extent, k);
        }
        if (heatmapDirty) {
            heatmapDirty = false;
            drawHeatmap(heatmapLayer.graphics(), w, h);
        }
        if (pointsDirty) {
            pointsDirty = false;
            GraphicsContext gc = pointLayer.graphics();
            gc.clearRect(0, 0, w, h);
            drawPoints(gc);
            frame.drawAxes(gc, ink);
            drawHeader(gc);
        }
    }

    /**
     * For a picture: both layers drawn at {@code scale} pixels per unit, the surroundings in the colours that suit
     * {@code background} (none behind a transparent one).
     */
    @Override
    public Picture prepareExport(double scale, ExportBackground background) {
        PlotInk shown = ink;
        PlotInk picture = PlotInk.of(background.darkColours(shown.dark()));
        ink = background == ExportBackground.TRANSPARENT ? picture.withoutBackground() : picture;
        javafx.scene.layout.Background fill = getBackground();
        setBackground(null);
        setPixelScale(scale);
        return new Picture(this, () -> {
            ink = shown;
            setBackground(fill);
            setPixelScale(1);
        });
    }

    private void setPixelScale(double scale) {
        heatmapLayer.setPixelScale(scale);
        pointLayer.setPixelScale(scale);
        heatmapDirty = true;
        pointsDirty = true;
        layoutChildren();
    }

    /** The lower layer: the background, with the plot's square filled by the heatmap (or the plane's shade). */
    private void drawHeatmap(GraphicsContext gc, double w, double h) {
        gc.clearRect(0, 0, w, h);
        gc.setFill(ink.background());
        gc.fillRect(0, 0, w, h);
        if (grid == null) {
            gc.setFill(ink.plane());
            gc.fillRect(frame.x0, frame.y0, frame.side, frame.side);
        } else {
            gc.setImageSmoothing(true);
            gc.drawImage(heatmapImage(), frame.x0, frame.y0, frame.side, frame.side);
        }
    }

    /** The grid drawn at four times its resolution, values interpolated bilinearly before colouring. */
    private WritableImage heatmapImage() {
        int n = grid.resolution();
        int size = n * UPSAMPLE;
        if (heatmap == null || heatmap.getWidth() != size) {
            heatmap = new WritableImage(size, size);
        }
        float[][] p = grid.probabilities();
        float[][] fine = new float[p.length][];
        for (int k = 0; k < p.length; k++) {
            fine[k] = upsample(p[k], n, size);
        }
        int[] argb = new int[size * size];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = grid.binary() ? PlaygroundColors.divergingArgb(SHADE * (2 * fine[0][i] - 1)) : classCell(fine, i);
        }
        heatmap.getPixelWriter().setPixels(0, 0, size, size, PixelFormat.getIntArgbInstance(), argb, 0, size);
        return heatmap;
    }

    private static float[] upsample(float[] v, int n, int size) {
        float[] out = new float[size * size];
        for (int r = 0; r < size; r++) {
            double fy = Math.max(0, Math.min(n - 1, (r + 0.5) * n / size - 0.5));
            int y0 = Math.min((int) fy, n - 2);
            double ty = fy - y0;
            for (int c = 0; c < size; c++) {
                double fx = Math.max(0, Math.min(n - 1, (c + 0.5) * n / size - 0.5));
                int x0 = Math.min((int) fx, n - 2);
                double tx = fx - x0;
                double top = v[y0 * n + x0] * (1 - tx) + v[y0 * n + x0 + 1] * tx;
                double bottom = v[(y0 + 1) * n + x0] * (1 - tx) + v[(y0 + 1) * n + x0 + 1] * tx;
                out[r * size + c] = (float) (top * (1 - ty) + bottom * ty);
            }
        }
        return out;
    }

    private static int classCell(float[][] p, int cell) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            best = p[k][cell] > p[best][cell] ? k : best;
        }
        double chance = 1.0 / p.length;
        return PlaygroundColors.classArgb(best, SHADE * (p[best][cell] - chance) / (1 - chance));
    }

    private void drawPoints(GraphicsContext gc) {
        gc.save();
        gc.beginPath();
        gc.rect(frame.x0, frame.y0, frame.side, frame.side);
        gc.clip();
        gc.setLineWidth(k);
        double r = RADIUS * k;
        for (DataPoint p : points) {
            if (p.test() && !showTestPoints.get()) {
                continue;
            }
            double x = frame.px(p.x());
            double y = frame.py(p.y());
            gc.setFill(PlaygroundColors.classColor(p.label()));
            gc.fillOval(x - r, y - r, 2 * r, 2 * r);
            gc.setStroke(p.test() ? Color.BLACK : Color.WHITE);
            gc.strokeOval(x - r, y - r, 2 * r, 2 * r);
        }
        gc.restore();
    }

    /**
     * The title, and the legend (class colours, test points) right-aligned on the same line; when the line is too
     * short for both (a narrow plot, presenter type) the legend goes into the plot's top-right corner on a box.
     */
    private void drawHeader(GraphicsContext gc) {
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFill(ink.title());
        Font titleFont = Font.font("System", FontWeight.BOLD, 12 * k);
        gc.setFont(titleFont);
        gc.fillText(title, frame.x0, 12 * k);
        gc.setFont(frame.small);
        List<String> names = new java.util.ArrayList<>(classNames);
        List<Color> fills = new java.util.ArrayList<>();
        List<Color> strokes = new java.util.ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            fills.add(PlaygroundColors.classColor(c));
            strokes.add(Color.WHITE);
        }
        if (points.stream().anyMatch(DataPoint::test) && showTestPoints.get()) {
            names.add("test");
            fills.add(Color.rgb(140, 140, 140));
            strokes.add(ink.highlight());
        }
        double width = 0;
        for (String name : names) {
            width += legendWidth(name);
        }
        double right = frame.x0 + frame.side;
        double y = 12 * k;
        if (frame.x0 + textWidth(title, titleFont) + 10 * k + width > right) {
            right -= 4 * k;
            y = frame.y0 + 12 * k;
            gc.setFill(ink.background().equals(Color.TRANSPARENT) ? PlotInk.LIGHT.background()
                    .deriveColor(0, 1, 1, 0.85) : ink.background().deriveColor(0, 1, 1, 0.85));
            gc.fillRect(right - width + 4 * k, frame.y0 + 3 * k, width, 18 * k);
        }
        gc.setTextAlign(TextAlignment.RIGHT);
        for (int c = names.size() - 1; c >= 0; c--) {
            right = legendEntry(gc, right, y, fills.get(c), strokes.get(c), names.get(c));
        }
    }

    /** The width a legend entry takes: its dot, its name and the space after it. */
    private double legendWidth(String name) {
        return textWidth(name, frame.small) + 7 * k + 2 * RADIUS * k + 10 * k;
    }

    private double legendEntry(GraphicsContext gc, double right, double y, Color fill, Color stroke, String text) {
        double textWidth = textWidth(text, frame.small);
        double r = RADIUS * k;
        gc.setFill(ink.text());
        gc.fillText(text, right, y);
        double cx = right - textWidth - 7 * k;
        gc.setFill(fill);
        gc.fillOval(cx - r, y - r, 2 * r, 2 * r);
        gc.setStroke(stroke.equals(Color.WHITE) ? fill.darker() : stroke);
        gc.strokeOval(cx - r, y - r, 2 * r, 2 * r);
        return cx - r - 10 * k;
    }

    static double textWidth(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    @Override
    public Node exportNode() {
        return this;
    }

    @Override
    public String exportName() {
        return "decision-boundary";
    }
}
