package studio.backprop.ui.training;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderPane;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.TrainerCommand;
import studio.backprop.train.Probe;
import studio.backprop.train.TrainingSnapshot;
import studio.backprop.train.TrainingSnapshot.TensorCopy;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.ExportMenu;
import studio.backprop.ui.export.Exportable;

/**
 * The Playground screen for two-dimensional data: the network drawn with a heatmap per neuron, and the output
 * over the plane with the data points (which can be drawn on). It plugs into the {@link TrainingViewModel} with two
 * probes: the parameters (for the weight lines) and every layer's output over a 40 × 40 grid of the plane (for the
 * heatmaps), both computed on the trainer's thread; a {@link MirrorNetwork} holds only the structure and the copied
 * weights. Typed weights go to the trainer as {@link TrainerCommand.SetWeight} commands.
 *
 * <p>Thread: the JavaFX application thread.
 */
public final class PlaygroundView extends BorderPane implements Exportable {

    /** Grid cells per side for the heatmaps (the thumbnails show the same grid, scaled down). */
    public static final int RESOLUTION = 40;

    /** How much larger the canvases draw type, points and strokes in presenter mode. */
    public static final double PRESENTER_SCALE = 1.5;

    private static final String NOT_PLANAR = "The output plot is for networks that learn from the 2-D data set"
            + " (two input features, generated or drawn); this network learns from other data, so it is hidden.";

    private final TrainingViewModel training;
    private final DatasetViewModel dataset;
    private final PlaygroundNetworkView network = new PlaygroundNetworkView();
    private final DecisionBoundaryView output = new DecisionBoundaryView("Output");
    private final Label status = new Label();
    private final BooleanProperty planarData = new SimpleBooleanProperty(this, "planarData", true);
    private final ObjectProperty<NetworkDocument> previewDocument = new SimpleObjectProperty<>(this,
            "previewDocument");
    /** The owner key of this view's probes. */
    private static final String PROBES = "playground";
    private MirrorNetwork mirror;
    private Extent extent = Extent.DEFAULT;
    private long gridUpdates;
    private Probe.Parameters weightsProbe;
    private Probe.Activations gridProbe;
    private Object shownWeights;
    private Object shownGrid;
    /** The session's own 2-D points when the panel does not drive the data (null otherwise). */
    private List<DataPoint> sessionPoints;
    private List<String> sessionClasses = List.of();
    public PlaygroundView(TrainingViewModel training, DatasetViewModel dataset) {
        this.training = training;
        this.dataset = dataset;
        getStyleClass().add("playground");
        setCenter(network);
        setRight(output);
        status.setWrapText(true);
        status.setMaxWidth(560);
        status.getStyleClass().add("playground-status");
        status.setPadding(new Insets(4, 8, 4, 8));
        setBottom(status);
        PointDrawing.attach(output, dataset);
        network.setOnWeightEdit(edit -> {
            if (training.sessionDocumentProperty().get() == null) {
                status.setText("There is no training session to change: the network cannot be trained yet.");
            } else {
                training.send(new TrainerCommand.SetWeight(edit.parameter(), edit.index(), edit.value()));
            }
        });
        training.sessionDocumentProperty().addListener((o, old, c) -> {
            followSessionPoints();
            rebuild(c);
        });
        previewDocument.addListener((o, old, doc) -> {
            if (training.sessionDocumentProperty().get() == null) {
                rebuild(null);
            }
        });
        training.snapshotProperty().addListener((o, old, s) -> update(s));
        dataset.pointsProperty().addListener((o, old, p) -> showPoints(p));
        planarData.addListener((o, old, planar) -> {
            followSessionPoints();
            showPoints(dataset.points());
            rebuild(training.sessionDocumentProperty().get());
        });
        showPoints(dataset.points());
        rebuild(training.sessionDocumentProperty().get());
        contextMenu();
    }

    /**
     * A still right click on the network opens a menu to export a picture: the neuron under the pointer, the
     * network with all its neurons, the output plot, or the whole Playground.
     */
    private void contextMenu() {
        ExportMenu.showOnStillRightClick(network, (x, y) -> {
            List<MenuItem> items = new ArrayList<>();
            int[] neuron = Double.isNaN(x) ? null : network.neuronAt(x, y);
            if (neuron != null) {
                try {
                    items.add(ExportMenu.item("Export neuron " + network.neuronName(neuron[0], neuron[1]) + "…",
                            network, network.thumbnail(neuron[0], neuron[1])));
                } catch (IllegalArgumentException noHeatmapYet) {
                    // nothing computed yet: only the whole views are offered
                }
            }
            items.add(ExportMenu.item("Export the network with its neurons…", network, network));
            MenuItem plot = ExportMenu.item("Export the output plot…", network, output);
            plot.setDisable(!output.isVisible());
            items.add(plot);
            items.add(ExportMenu.item("Export the whole Playground…", network, this));
            return items;
        });
    }

    /** Presenter mode: the canvases' type, points and strokes half as large again, for a lecture hall. */
    public void setPresenterMode(boolean presenter) {
        network.setTypeScale(presenter ? PRESENTER_SCALE : 1);
        output.setTypeScale(presenter ? PRESENTER_SCALE : 1);
    }

    /** Light or dark surroundings for the network and the output plot (following the app's theme). */
    public void setDarkColours(boolean dark) {
        network.setDarkColours(dark);
        output.setDarkColours(dark);
    }

    /** For a picture of the whole Playground: both canvases drawn sharp at the scale, the status line as shown. */
    @Override
    public Picture prepareExport(double scale, ExportBackground background) {
        return Picture.of(this, network.prepareExport(scale, background), output.prepareExport(scale,
                background));
    }

    /**
     * Draws the trained network, or, before any training, the {@linkplain #previewDocumentProperty() document}
     * with the weights training will start from (the same seed, hence the same numbers).
     */
    private void rebuild(NetworkDocument c) {
        mirror = null;
        NetworkDocument preview = previewDocument.get();
        if (c == null && preview == null) {
            status.setText(showsPlane() ? "Start training to see the network here." : NOT_PLANAR);
        } else {
            try {
                mirror = MirrorNetwork.of(c == null ? preview : c);
                status.setText(!showsPlane() ? NOT_PLANAR : c == null ? "Initial weights: press Play or Step."
                        : "");
            } catch (IllegalArgumentException e) {
                status.setText(e.getMessage());
            }
        }
        network.setNetwork(mirror);
        // Without a network to picture, the message takes the network's place instead of a line under a blank.
        if (mirror == null) {
            setBottom(null);
            setCenter(status);
        } else {
            setCenter(network);
            setBottom(status);
        }
        output.setGrid(null);
        shownWeights = null;
        shownGrid = null;
        registerProbes();
        if (c == null) {
            refresh();
        } else {
            update(training.snapshotProperty().get());
        }
    }

    /** Asks the trainer for the weights and the grid of the current extent, or for nothing without a drawing. */
    private void registerProbes() {
        if (mirror == null || !showsPlane()) {
            weightsProbe = null;
            gridProbe = null;
            training.setProbes(PROBES, List.of());
            return;
        }
        int cells = RESOLUTION * RESOLUTION;
        weightsProbe = new Probe.Parameters(java.util.Set.of(), 20);
        gridProbe = new Probe.Activations(new TensorCopy(new int[] {cells, 2},
                GridActivations.gridInputs(extent, RESOLUTION)), java.util.Set.of(), 10);
        training.setProbes(PROBES, List.of(weightsProbe, gridProbe));
    }

    /**
     * The document open in the app: before training starts the Playground draws it with its initial weights, so
     * they can be read (hover) before the first step.
     */
    public ObjectProperty<NetworkDocument> previewDocumentProperty() {
        return previewDocument;
    }

    private void update(TrainingSnapshot s) {
        if (mirror == null || s == null) {
            return;
        }
        if (s.message() != null) {
            status.setText(s.message());
        }
        // the trainer refreshes the grid ten times a second while running (at once after a command): redraw only
        // when a new payload arrived, since drawing hundreds of translucent lines is what costs
        Object weights = weightsProbe == null ? null : s.payload(weightsProbe);
        Object grid = gridProbe == null ? null : s.payload(gridProbe);
        if (weights == null || grid == null || weights == shownWeights && grid == shownGrid) {
            return;
        }
        shownWeights = weights;
        shownGrid = grid;
        mirror.assign(s.payload(weightsProbe));
        GridActivations computed = mirror.grid(s.payload(gridProbe), extent, RESOLUTION);
        if (computed != null) {
            gridUpdates++;
            network.setGrid(computed);
            output.setGrid(computed);
        }
    }

    /**
     * Whether the dataset panel's 2-D set is the data being trained (true by default). When it is not (MNIST, a
     * file), the output plot, which would show that set's points, is hidden and the status says why.
     */
    public BooleanProperty planarDataProperty() {
        return planarData;
    }

    /**
     * A 2-D network trained on data the panel does not drive (a logic gate, an exercise's rows): the plane shows the
     * session's own points, fitted to them, so the perceptron's line and its half-planes can be watched moving.
     */
    private void followSessionPoints() {
        var data = training.sessionData();
        boolean own = !planarData.get() && data != null && data.trainX().shape().length == 2
                && data.trainX().dim(1) == 2;
        sessionPoints = own ? PointSets.points(data) : null;
        sessionClasses = own ? data.classNames() : List.of();
        output.setVisible(showsPlane());
        output.setManaged(showsPlane());
        if (own) {
            showPoints(sessionPoints);
        }
    }

    /** Whether the output plane is drawn: the panel's 2-D set, or the session's own 2-D points. */
    private boolean showsPlane() {
        return planarData.get() || sessionPoints != null;
    }

    private void showPoints(List<DataPoint> points) {
        if (!showsPlane()) {
            output.setPoints(List.of(), List.of());
            return;
        }
        boolean own = sessionPoints != null;
        List<DataPoint> shown = own ? sessionPoints : points;
        output.setPoints(shown, own ? sessionClasses : dataset.classNames());
        Extent next = own ? Extent.fitting(shown) : dataset.extentProperty().get();
        if (!next.equals(extent)) {
            extent = next;
            output.setExtent(next);
            if (training.sessionDocumentProperty().get() != null) {
                registerProbes();
            } else {
                refresh();
            }
        }
    }

    /** Before a session exists: the drawing without heatmaps (the trainer computes them once it runs). */
    private void refresh() {
        if (mirror != null) {
            network.setGrid(null);
            output.setGrid(null);
        }
    }

    /** The network drawn now (for tests); null when there is none. */
    MirrorNetwork mirror() {
        return mirror;
    }

    /** A parameter as this view's weights probe last received it in {@code s} (for tests), or null. */
    TensorCopy shownParameter(TrainingSnapshot s, String name) {
        java.util.Map<String, TensorCopy> weights = weightsProbe == null ? null : s.payload(weightsProbe);
        return weights == null ? null : weights.get(name);
    }

    /** What the line under the drawing says now. */
    String statusText() {
        return status.getText();
    }

    /** How many times the grid was computed (for measuring the frame rate). */
    public long gridUpdates() {
        return gridUpdates;
    }

    public PlaygroundNetworkView networkView() {
        return network;
    }

    public DecisionBoundaryView outputView() {
        return output;
    }

    @Override
    public Node exportNode() {
        return this;
    }

    @Override
    public String exportName() {
        return "playground";
    }

    /** Only while a network is drawn: otherwise the view is a sentence saying why it cannot draw this one. */
    @Override
    public boolean showsPicture() {
        return mirror != null;
    }
}
