package studio.backprop.ui.training;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.export.ScalableCanvas;

/**
 * The network drawn the Playground way: a column per layer (the inputs x1 and x2, each hidden Dense layer, the
 * output), each neuron a small heatmap of its activation over the plane, and the weights as lines, blue for
 * positive and orange for negative, thicker for larger magnitudes. Hovering a line or a neuron shows its weight
 * or bias; clicking one opens a field to type a new value, which goes to {@link #setOnWeightEdit the handler}.
 *
 * <p>It reads everything from a {@link MirrorNetwork} and the {@link GridActivations} computed from it, and draws
 * only when they change. Thread: the JavaFX application thread.
 */
public final class PlaygroundNetworkView extends Region implements Exportable {

    private static final Font TITLE = Font.font("System", FontWeight.BOLD, 12);

    private final ScalableCanvas canvas = new ScalableCanvas();
    private final Label hover = new Label();
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper("");
    private final WeightEditor editor;
    private MirrorNetwork mirror;
    private GridActivations grid;
    private NetworkLayout layout;
    private WritableImage[][] thumbnails = new WritableImage[0][];
    private NetworkLayout.Hit highlighted;
    private boolean dirty = true;
    private PlotInk ink = PlotInk.LIGHT;
    private double k = 1;

    public PlaygroundNetworkView() {
        getStyleClass().add("playground-network");
        hover.getStyleClass().add("playground-hover");
        hover.setStyle("-fx-background-color: rgba(255,255,255,0.95); -fx-border-color: #888; -fx-padding: 3 6;"
                + " -fx-font-size: 11px;");
        hover.setManaged(false);
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        editor = new WeightEditor();
        getChildren().addAll(canvas, hover, editor);
        setPrefSize(560, 420);
        setMinSize(240, 200);
        canvas.setOnMouseMoved(this::moved);
        canvas.setOnMouseExited(e -> showHover(null, 0, 0));
        canvas.setOnMouseClicked(this::clicked);
    }

    /** The network to draw (null to clear); its columns decide the layout. */
    public void setNetwork(MirrorNetwork network) {
        mirror = network;
        grid = null;
        thumbnails = new WritableImage[0][];
        editor.close();
        if (network != null) {
            setPrefHeight(NetworkLayout.preferredHeight(network.columns()));
            setPrefWidth(Math.max(420, 110 * network.columns().size()));
        }
        invalidate();
    }

    /** The activations to show in the thumbnails (and the weights, read from the mirror, change with them). */
    public void setGrid(GridActivations newGrid) {
        grid = newGrid;
        invalidate();
    }

    /** Receives the values the user types for a weight or a bias. */
    public void setOnWeightEdit(Consumer<WeightEdit> handler) {
        editor.setOnCommit(handler);
    }

    /** What the hover box says ("" when the pointer is over nothing). */
    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    public void invalidate() {
        dirty = true;
        requestLayout();
    }

    /** Type and strokes {@code k} times their size (1.5 in presenter mode, for a lecture hall). */
    public void setTypeScale(double scale) {
        k = scale;
        invalidate();
    }

    /** Light or dark surroundings (the heatmaps and weight lines keep their colours), following the app's theme. */
    public void setDarkColours(boolean dark) {
        ink = PlotInk.of(dark);
        editor.setDark(dark);
        invalidate();
    }

    /**
     * A neuron's heatmap as its own exportable picture, 160 units square.
     *
     * @throws IllegalArgumentException when there is no such neuron or nothing has been computed yet
     */
    public Exportable thumbnail(int column, int unit) {
        if (column < 0 || column >= thumbnails.length || unit < 0 || unit >= thumbnails[column].length) {
            throw new IllegalArgumentException(thumbnails.length == 0 ? "the neurons have no heatmaps yet"
                    : "there is no neuron " + (unit + 1) + " in column " + column);
        }
        ImageView view = new ImageView(thumbnails[column][unit]);
        view.setFitWidth(160);
        view.setFitHeight(160);
        view.setSmooth(true);
        String name = mirror.columns().get(column).title() + "-" + (unit + 1);
        return new Exportable() {
            @Override
            public Node exportNode() {
                return view;
            }

            @Override
            public String exportName() {
                return "neuron-" + name;
            }
        };
    }

    /** The centre of a neuron's heatmap, in this view's coordinates (for tests and tools). */
    Point2D neuronPoint(int column, int unit) {
        return new Point2D(layout.centerX(column), layout.centerY(column, unit));
    }

    /** A point on the line for a weight, a third of the way along it, in this view's coordinates. */
    Point2D weightLinePoint(int column, int from, int to) {
        return layout.linePoint(column, from, to, 1 / 3.0);
    }

    /** The neuron (or input) under a point of this view, as {column, unit}, or null. */
    public int[] neuronAt(double x, double y) {
        NetworkLayout.Hit hit = layout == null ? null : layout.hit(x, y);
        return hit == null || hit.line() ? null : new int[] {hit.column(), hit.from()};
    }

    /** The name of a neuron as the hover box says it: "h2 #3", or "x1" for an input. */
    public String neuronName(int column, int unit) {
        return column == 0 ? "x" + (unit + 1) : mirror.columns().get(column).title() + " #" + (unit + 1);
    }

    @Override
    protected void layoutChildren() {
        if (canvas.resizeTo(Math.floor(getWidth()), Math.floor(getHeight()))) {
            dirty = true;
        }
        hover.autosize();
        editor.autosize();
        if (dirty) {
            dirty = false;
            draw(canvas.graphics(), canvas.logicalWidth(), canvas.logicalHeight());
        }
    }

    /**
     * For a picture: the canvas at {@code scale} pixels per unit, nothing highlighted, the surroundings in the
     * colours that suit {@code background} (none behind a transparent one).
     */
    @Override
    public Picture prepareExport(double scale, ExportBackground background) {
        PlotInk shown = ink;
        NetworkLayout.Hit lit = highlighted;
        PlotInk picture = PlotInk.of(background.darkColours(shown.dark()));
        ink = background == ExportBackground.TRANSPARENT ? picture.withoutBackground() : picture;
        highlighted = null;
        redrawAt(scale);
        return new Picture(canvas, () -> {
            ink = shown;
            highlighted = lit;
            redrawAt(1);
        });
    }

    private void redrawAt(double scale) {
        canvas.resizeTo(Math.floor(getWidth()), Math.floor(getHeight()));
        canvas.setPixelScale(scale);
        dirty = false;
        draw(canvas.graphics(), canvas.logicalWidth(), canvas.logicalHeight());
    }

    private void draw(GraphicsContext gc, double w, double h) {
        gc.clearRect(0, 0, w, h);
        gc.setFill(ink.background());
        gc.fillRect(0, 0, w, h);
        if (mirror == null) {
            return;
        }
        layout = new NetworkLayout(mirror.columns(), w, h, k);
        updateThumbnails();
        drawLines(gc);
        drawNeurons(gc);
        drawHeaders(gc);
    }

    /** Steps of line strength: lines of the same sign and step are stroked together as one path. */
    private static final int STRENGTH_STEPS = 16;

    /**
     * The weights as lines: colour by sign, opacity and width by magnitude relative to the largest weight, in
     * {@link #STRENGTH_STEPS} steps. Lines of one sign and step make one path (one stroke for the renderer instead
     * of one per weight), drawn weakest first; the highlighted line is drawn last, on top.
     */
    private void drawLines(GraphicsContext gc) {
        List<NeuronColumn> columns = mirror.columns();
        // thicker in presenter mode, thinner when the heatmaps had to shrink to fit
        double lineScale = k * Math.max(0.5, layout.thumb() / NetworkLayout.THUMB);
        float largest = mirror.largestWeight();
        for (int step = 0; step <= STRENGTH_STEPS; step++) {
            for (boolean negative : new boolean[] {false, true}) {
                boolean any = false;
                for (int c = 1; c < columns.size(); c++) {
                    for (int from = 0; from < columns.get(c - 1).units(); from++) {
                        for (int to = 0; to < columns.get(c).units(); to++) {
                            float v = mirror.weight(c, from, to);
                            if (strengthStep(v, largest) != step || (v < 0) != negative) {
                                continue;
                            }
                            if (!any) {
                                gc.beginPath();
                                any = true;
                            }
                            Point2D a = layout.lineStart(c, from);
                            Point2D b = layout.lineEnd(c, to);
                            gc.moveTo(a.getX(), a.getY());
                            gc.lineTo(b.getX(), b.getY());
                        }
                    }
                }
                if (any) {
                    double strength = step / (double) STRENGTH_STEPS;
                    gc.setStroke((negative ? PlaygroundColors.ORANGE : PlaygroundColors.BLUE)
                            .deriveColor(0, 1, 1, 0.35 + 0.65 * strength));
                    gc.setLineWidth((0.6 + 5 * strength) * lineScale);
                    gc.stroke();
                }
            }
        }
        if (highlighted != null && highlighted.line()) {
            float v = mirror.weight(highlighted.column(), highlighted.from(), highlighted.to());
            gc.setStroke(ink.highlight());
            gc.setLineWidth((1.6 + 5 * strengthStep(v, largest) / (double) STRENGTH_STEPS) * lineScale);
            Point2D a = layout.lineStart(highlighted.column(), highlighted.from());
            Point2D b = layout.lineEnd(highlighted.column(), highlighted.to());
            gc.strokeLine(a.getX(), a.getY(), b.getX(), b.getY());
        }
    }

    /** |v| relative to the largest weight, rounded to a step in 0..{@link #STRENGTH_STEPS}. */
    static int strengthStep(float v, float largest) {
        double strength = largest > 0 ? Math.min(1, Math.abs(v) / largest) : 0;
        return (int) Math.round(strength * STRENGTH_STEPS);
    }

    private void drawNeurons(GraphicsContext gc) {
        gc.setImageSmoothing(true);
        for (int c = 0; c < mirror.columns().size(); c++) {
            for (int u = 0; u < mirror.columns().get(c).units(); u++) {
                Rectangle2D r = layout.box(c, u);
                if (thumbnails.length > c) {
                    gc.drawImage(thumbnails[c][u], r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
                } else {
                    gc.setFill(PlaygroundColors.NEUTRAL);
                    gc.fillRect(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
                }
                boolean lit = highlighted != null && !highlighted.line() && highlighted.column() == c
                        && highlighted.from() == u;
                gc.setStroke(lit ? ink.highlight() : ink.frame());
                gc.setLineWidth((lit ? 2 : 1) * k);
                gc.strokeRect(r.getMinX() + 0.5, r.getMinY() + 0.5, r.getWidth() - 1, r.getHeight() - 1);
            }
        }
    }

    private void drawHeaders(GraphicsContext gc) {
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        List<NeuronColumn> columns = mirror.columns();
        Font title = k == 1 ? TITLE : Font.font("System", FontWeight.BOLD, 12 * k);
        Font small = k == 1 ? PlotFrame.SMALL : Font.font("System", 10 * k);
        for (int c = 0; c < columns.size(); c++) {
            NeuronColumn col = columns.get(c);
            double x = layout.centerX(c);
            gc.setFill(ink.title());
            gc.setFont(title);
            gc.fillText(c == 0 ? "Inputs" : c == columns.size() - 1 ? "Output" : col.title(), x, 12 * k);
            gc.setFont(small);
            gc.setFill(ink.text());
            String detail = c == 0 ? "2 features" : col.units() + (col.activation().isEmpty() ? " linear"
                    : " " + col.activation());
            gc.fillText(detail, x, 27 * k);
        }
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setFill(ink.title());
        gc.setFont(Font.font("System", 11 * k));
        for (int u = 0; u < 2; u++) {
            gc.fillText("x" + (u + 1), layout.centerX(0) - layout.thumb() / 2 - 5 * k, layout.centerY(0, u));
        }
    }

    private void updateThumbnails() {
        if (grid == null) {
            return;
        }
        int n = grid.resolution();
        int[] argb = new int[n * n];
        if (thumbnails.length != grid.columns().size() || thumbnails[0][0].getWidth() != n) {
            thumbnails = new WritableImage[grid.columns().size()][];
            for (int c = 0; c < thumbnails.length; c++) {
                thumbnails[c] = new WritableImage[grid.columns().get(c).length];
                for (int u = 0; u < thumbnails[c].length; u++) {
                    thumbnails[c][u] = new WritableImage(n, n);
                }
            }
        }
        for (int c = 0; c < thumbnails.length; c++) {
            for (int u = 0; u < thumbnails[c].length; u++) {
                float[] values = grid.columns().get(c)[u];
                for (int i = 0; i < argb.length; i++) {
                    argb[i] = PlaygroundColors.divergingArgb(values[i]);
                }
                thumbnails[c][u].getPixelWriter().setPixels(0, 0, n, n, PixelFormat.getIntArgbInstance(), argb, 0, n);
            }
        }
    }

    private void moved(MouseEvent e) {
        NetworkLayout.Hit hit = layout == null ? null : layout.hit(e.getX(), e.getY());
        showHover(hit, e.getX(), e.getY());
    }

    private void showHover(NetworkLayout.Hit hit, double x, double y) {
        String text = hit == null ? "" : describe(hit);
        hoverText.set(text);
        hover.setText(text);
        hover.setVisible(!text.isEmpty());
        hover.autosize();
        hover.relocate(Math.min(x + 14, getWidth() - hover.getWidth() - 2), Math.max(0, y - 28));
        if (hit == null ? highlighted != null : !hit.equals(highlighted)) {
            highlighted = hit;
            invalidate();
        }
    }

    private String describe(NetworkLayout.Hit hit) {
        List<NeuronColumn> columns = mirror.columns();
        if (hit.line()) {
            return "Weight " + neuronName(hit.column() - 1, hit.from()) + " → " + neuronName(hit.column(), hit.to())
                    + " = " + format(mirror.weight(hit.column(), hit.from(), hit.to())) + "  (click to change)";
        }
        if (hit.column() == 0) {
            return "Input x" + (hit.from() + 1) + ": the feature itself";
        }
        float bias = mirror.bias(hit.column(), hit.from());
        return neuronName(hit.column(), hit.from()) + (Float.isNaN(bias) ? ": no bias"
                : ": bias = " + format(bias) + "  (click to change)")
                + (columns.get(hit.column()).activation().isEmpty() ? "" : ", " + columns.get(hit.column())
                .activation());
    }

    static String format(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() != javafx.scene.input.MouseButton.PRIMARY) {
            return;
        }
        NetworkLayout.Hit hit = layout == null ? null : layout.hit(e.getX(), e.getY());
        if (hit == null || hit.column() == 0 || !hit.line() && Float.isNaN(mirror.bias(hit.column(), hit.from()))) {
            editor.close();
            return;
        }
        NeuronColumn col = mirror.columns().get(hit.column());
        String what = hit.line() ? "Weight " + neuronName(hit.column() - 1, hit.from()) + " → "
                + neuronName(hit.column(), hit.to()) : "Bias of " + neuronName(hit.column(), hit.from());
        float current = hit.line() ? mirror.weight(hit.column(), hit.from(), hit.to())
                : mirror.bias(hit.column(), hit.from());
        String parameter = hit.line() ? col.kernel() : col.bias();
        int index = hit.line() ? hit.from() * col.units() + hit.to() : hit.from();
        showHover(null, 0, 0);
        editor.open(what, parameter, index, current);
        editor.autosize();
        editor.relocate(Math.min(e.getX() + 8, getWidth() - editor.getWidth() - 2),
                Math.min(e.getY() + 8, getHeight() - editor.getHeight() - 2));
    }

    @Override
    public Node exportNode() {
        return canvas;
    }

    @Override
    public String exportName() {
        return "neurons";
    }

    /** Only while a network is drawn. */
    @Override
    public boolean showsPicture() {
        return mirror != null;
    }
}
