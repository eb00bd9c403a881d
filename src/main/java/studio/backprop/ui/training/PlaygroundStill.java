package studio.backprop.ui.training;

import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import studio.backprop.train.Probe;
import studio.backprop.train.TrainingData;
import studio.backprop.train.TrainingLoop;
import studio.backprop.train.TrainingSnapshot.TensorCopy;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.Exportable;

/**
 * The Playground's pictures of a trained network without a trainer or a window, for the command line's export:
 * the same {@link PlaygroundNetworkView} and {@link DecisionBoundaryView} as the app, showing the weights of a
 * training loop (a saved session) and its data, the training points filled and the validation points ringed.
 *
 * <p>Thread: the JavaFX application thread.
 */
public final class PlaygroundStill {

    private final MirrorNetwork mirror;
    private final PlaygroundNetworkView network = new PlaygroundNetworkView();
    private final DecisionBoundaryView output = new DecisionBoundaryView("Output");
    private final HBox whole;

    private PlaygroundStill(MirrorNetwork mirror, TrainingLoop loop) {
        this.mirror = mirror;
        TrainingData data = loop.data();
        List<DataPoint> points = PointSets.points(data);
        Extent extent = Extent.fitting(points);
        int cells = PlaygroundView.RESOLUTION * PlaygroundView.RESOLUTION;
        Map<String, TensorCopy> outputs = loop.evaluate(new Probe.Activations(new TensorCopy(new int[] {cells, 2},
                GridActivations.gridInputs(extent, PlaygroundView.RESOLUTION)), java.util.Set.of(), 1));
        GridActivations grid = mirror.grid(outputs, extent, PlaygroundView.RESOLUTION);
        network.setNetwork(mirror);
        network.setGrid(grid);
        output.setPoints(points, data.classNames());
        output.setExtent(extent);
        output.setGrid(grid);
        whole = new HBox(network, output);
        new Scene(whole);
        whole.applyCss();
        whole.layout();
    }

    /**
     * The pictures of {@code loop}'s network as it is now.
     *
     * @throws IllegalArgumentException saying in words why the Playground cannot draw this network (not two
     *                                  inputs, not a chain of Dense layers, too wide)
     */
    public static PlaygroundStill of(TrainingLoop loop) {
        MirrorNetwork mirror = MirrorNetwork.of(loop.compilation().document());
        mirror.assign(loop.evaluate(new Probe.Parameters(java.util.Set.of(), 1)));
        return new PlaygroundStill(mirror, loop);
    }

    /** The network with a heatmap per neuron and the weights as lines. */
    public Exportable network() {
        return network;
    }

    /** The output over the plane with the data points. */
    public Exportable output() {
        return output;
    }

    /** Both side by side, as the Playground shows them. */
    public Exportable whole() {
        return new Exportable() {
            @Override
            public Node exportNode() {
                return whole;
            }

            @Override
            public String exportName() {
                return "playground";
            }

            @Override
            public Picture prepareExport(double scale, ExportBackground background) {
                return Picture.of(whole, network.prepareExport(scale, background), output.prepareExport(scale,
                        background));
            }
        };
    }

    /**
     * The heatmap of one neuron.
     *
     * @param layer the layer's name ("h1"), or "input" for the features
     * @param unit  the neuron, counted from 1 as the hover box counts
     * @throws IllegalArgumentException naming the layers and the range of units when there is no such neuron
     */
    public Exportable neuron(String layer, int unit) {
        List<NeuronColumn> columns = mirror.columns();
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).title().equals(layer)) {
                if (unit < 1 || unit > columns.get(c).units()) {
                    throw new IllegalArgumentException("layer '" + layer + "' has neurons 1 to "
                            + columns.get(c).units() + ", not " + unit);
                }
                return network.thumbnail(c, unit - 1);
            }
        }
        throw new IllegalArgumentException("the Playground has no layer '" + layer + "'; it shows "
                + columns.stream().map(NeuronColumn::title).toList());
    }
}
