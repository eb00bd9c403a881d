package studio.backprop.nn;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.nn.layers.ParamSpec;

/**
 * The result of shape inference over a whole network: for every node its output shape (null when it cannot be
 * known), its parameters, and the problems and warnings that belong to it, in words.
 */
public record ShapeReport(List<NodeShape> nodes) {

    /** What inference learned about one node. */
    public record NodeShape(String name, String type, int[] outputShape, List<ParamSpec> parameters,
                            List<String> errors, List<String> warnings) {

        public long trainableCount() {
            return parameters.stream().filter(ParamSpec::trainable).mapToLong(ParamSpec::count).sum();
        }

        public long nonTrainableCount() {
            return parameters.stream().filter(p -> !p.trainable()).mapToLong(ParamSpec::count).sum();
        }
    }

    /** True when no node has an error (warnings allowed): the network can be built and trained. */
    public boolean ok() {
        return nodes.stream().allMatch(n -> n.errors().isEmpty());
    }

    /** Every error, each already naming its layer. */
    public List<String> errors() {
        List<String> all = new ArrayList<>();
        nodes.forEach(n -> all.addAll(n.errors()));
        return all;
    }

    public List<String> warnings() {
        List<String> all = new ArrayList<>();
        nodes.forEach(n -> all.addAll(n.warnings()));
        return all;
    }

    /** The node with this name, or null. */
    public NodeShape node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElse(null);
    }
}
