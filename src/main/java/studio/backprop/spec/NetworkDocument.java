package studio.backprop.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The network as the user edits and saves it: an immutable description (input shape, layers and their
 * connections, optional explicit weights, loss, optimiser, training plan, data). Every edit returns a new
 * document; {@link DocumentCompiler} turns one into a runnable network and reports its problems in words.
 *
 * @param inputShape per-sample input shape, e.g. [2] or [28, 28, 1]
 * @param layers     in file order; each names its inputs ("input" is the network input)
 * @param weights    explicit starting values, applied after initialisation
 * @param comments   the {@code #} lines of the file it was read from, kept when it is saved; not part of equality
 */
public record NetworkDocument(String name, String description, int[] inputShape, List<LayerSpec> layers,
                              List<WeightsSpec> weights, ComponentSpec loss, ComponentSpec optimizer,
                              ComponentSpec training, ComponentSpec data, FileComments comments) {

    /** The current version of the file format. */
    public static final int FORMAT_VERSION = 1;

    public NetworkDocument {
        inputShape = inputShape.clone();
        layers = List.copyOf(layers);
        weights = List.copyOf(weights);
        comments = comments == null ? FileComments.NONE : comments;
    }

    /** A document without comments (one built in the app rather than read from a hand-written file). */
    public NetworkDocument(String name, String description, int[] inputShape, List<LayerSpec> layers,
                           List<WeightsSpec> weights, ComponentSpec loss, ComponentSpec optimizer,
                           ComponentSpec training, ComponentSpec data) {
        this(name, description, inputShape, layers, weights, loss, optimizer, training, data, FileComments.NONE);
    }

    /** An empty network for this input shape with the course defaults (MSE, SGD η = 0.01, batch 32). */
    public static NetworkDocument empty(String name, int... inputShape) {
        return new NetworkDocument(name, "", inputShape, List.of(), List.of(), ComponentSpec.of("mse"),
                new ComponentSpec("sgd", Map.of("learning_rate", "0.01")),
                new ComponentSpec("minibatch", Map.of("batch_size", "32", "epochs", "10", "seed", "1")),
                ComponentSpec.of("none"));
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    /** The layer with this name, or null. */
    public LayerSpec layer(String layerName) {
        return layers.stream().filter(l -> l.name().equals(layerName)).findFirst().orElse(null);
    }

    /** A name of the form prefix_N not used by any layer. */
    public String freshName(String prefix) {
        for (int i = 1; ; i++) {
            String candidate = prefix + "_" + i;
            if (layer(candidate) == null) {
                return candidate;
            }
        }
    }

    public NetworkDocument withName(String newName) {
        return new NetworkDocument(newName, description, inputShape, layers, weights, loss, optimizer, training, data,
                comments);
    }

    public NetworkDocument withDescription(String text) {
        return new NetworkDocument(name, text, inputShape, layers, weights, loss, optimizer, training, data,
                comments);
    }

    public NetworkDocument withInputShape(int... shape) {
        return new NetworkDocument(name, description, shape, layers, weights, loss, optimizer, training, data,
                comments);
    }

    /** Adds a layer at the end (its name must be new). */
    public NetworkDocument withLayer(LayerSpec layer) {
        if (layer(layer.name()) != null) {
            throw new IllegalArgumentException("a layer named '" + layer.name() + "' already exists");
        }
        List<LayerSpec> list = new ArrayList<>(layers);
        list.add(layer);
        return withLayers(list);
    }

    /** Replaces the layer of the same name (a settings edit, a move, a new connection). */
    public NetworkDocument withReplaced(String layerName, LayerSpec replacement) {
        List<LayerSpec> list = new ArrayList<>();
        boolean found = false;
        for (LayerSpec l : layers) {
            if (l.name().equals(layerName)) {
                list.add(replacement);
                found = true;
            } else {
                list.add(l);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no layer named '" + layerName + "'");
        }
        return withLayers(list);
    }

    /** Removes a layer, its explicit weights, and every connection that read it. */
    public NetworkDocument withoutLayer(String layerName) {
        List<LayerSpec> list = new ArrayList<>();
        for (LayerSpec l : layers) {
            if (!l.name().equals(layerName)) {
                List<String> in = l.inputs().stream().filter(i -> !i.equals(layerName)).toList();
                list.add(l.withInputs(in));
            }
        }
        List<WeightsSpec> w = weights.stream().filter(s -> !s.layer().equals(layerName)).toList();
        return new NetworkDocument(name, description, inputShape, list, w, loss, optimizer, training, data,
                comments);
    }

    public NetworkDocument withLayers(List<LayerSpec> newLayers) {
        return new NetworkDocument(name, description, inputShape, newLayers, weights, loss, optimizer, training,
                data, comments);
    }

    public NetworkDocument withWeights(List<WeightsSpec> newWeights) {
        return new NetworkDocument(name, description, inputShape, layers, newWeights, loss, optimizer, training,
                data, comments);
    }

    public NetworkDocument withLoss(ComponentSpec newLoss) {
        return new NetworkDocument(name, description, inputShape, layers, weights, newLoss, optimizer, training,
                data, comments);
    }

    public NetworkDocument withOptimizer(ComponentSpec newOptimizer) {
        return new NetworkDocument(name, description, inputShape, layers, weights, loss, newOptimizer, training,
                data, comments);
    }

    public NetworkDocument withTraining(ComponentSpec newTraining) {
        return new NetworkDocument(name, description, inputShape, layers, weights, loss, optimizer, newTraining,
                data, comments);
    }

    public NetworkDocument withData(ComponentSpec newData) {
        return new NetworkDocument(name, description, inputShape, layers, weights, loss, optimizer, training,
                newData, comments);
    }

    /** The same document with these comments (read from its file, or carried through a rename). */
    public NetworkDocument withComments(FileComments newComments) {
        return new NetworkDocument(name, description, inputShape, layers, weights, loss, optimizer, training, data,
                newComments);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkDocument d && d.name.equals(name) && d.description.equals(description)
                && java.util.Arrays.equals(d.inputShape, inputShape) && d.layers.equals(layers)
                && d.weights.equals(weights) && d.loss.equals(loss) && d.optimizer.equals(optimizer)
                && d.training.equals(training) && d.data.equals(data);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, layers, weights, loss, optimizer, training, data)
                + java.util.Arrays.hashCode(inputShape);
    }
}
