package studio.backprop.nn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.layers.ForwardContext;
import studio.backprop.nn.layers.Layer;
import studio.backprop.nn.layers.ParamSpec;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Shapes;

/**
 * A runnable network: a directed acyclic graph of layers fed by one input. Nodes are kept in an order where
 * every node comes after its inputs; the last node is the output. A plain stack is the special case where each
 * node reads the one before it; residual blocks read two earlier nodes through {@code Add}.
 */
public final class Network {

    /** Name of the network's input node, which every graph starts from. */
    public static final String INPUT = "input";

    /** One layer and the names of the nodes it reads. */
    public record Node(String name, Layer layer, List<String> inputs) {
    }

    private final int[] inputShape;
    private final List<Node> nodes;

    private Network(int[] inputShape, List<Node> nodes) {
        this.inputShape = inputShape.clone();
        this.nodes = List.copyOf(nodes);
    }

    /** Starts a network whose samples have this shape (no batch axis): [2], [28, 28, 1]. */
    public static Builder builder(int... inputShape) {
        return new Builder(inputShape);
    }

    /** Assembles nodes in order; each added layer reads the previous node unless its inputs are named. */
    public static final class Builder {

        private final int[] inputShape;
        private final List<Node> nodes = new ArrayList<>();
        /** The names added so far, so that checking a new layer's inputs is quick for large networks. */
        private final java.util.Set<String> names = new java.util.HashSet<>();

        private Builder(int[] inputShape) {
            for (int d : inputShape) {
                if (d < 1) {
                    throw new ShapeException("network input shape " + Shapes.str(inputShape)
                            + " must have positive dimensions");
                }
            }
            this.inputShape = inputShape.clone();
        }

        /** Adds a layer reading the previously added node (or the input). */
        public Builder add(Layer layer) {
            return add(layer, nodes.isEmpty() ? INPUT : nodes.get(nodes.size() - 1).name());
        }

        /** Adds a layer reading the named earlier nodes. */
        public Builder add(Layer layer, String... inputs) {
            String name = layer.name();
            if (name.equals(INPUT) || names.contains(name)) {
                throw new ShapeException("a layer named '" + name + "' already exists; layer names must be unique");
            }
            for (String in : inputs) {
                if (!in.equals(INPUT) && !names.contains(in)) {
                    throw new ShapeException("'" + name + "' reads '" + in + "', which is not an earlier layer");
                }
            }
            if (inputs.length < layer.minInputs() || inputs.length > layer.maxInputs()) {
                throw new LayerShapeException(name, layer.type() + " '" + name + "' takes "
                        + (layer.minInputs() == layer.maxInputs() ? String.valueOf(layer.minInputs())
                        : "at least " + layer.minInputs()) + " input(s), got " + inputs.length);
            }
            nodes.add(new Node(name, layer, List.of(inputs)));
            names.add(name);
            return this;
        }

        public Network build() {
            if (nodes.isEmpty()) {
                throw new ShapeException("a network needs at least one layer");
            }
            return new Network(inputShape, nodes);
        }
    }

    public int[] inputShape() {
        return inputShape.clone();
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** The layer with this name. */
    public Layer layer(String name) {
        for (Node n : nodes) {
            if (n.name().equals(name)) {
                return n.layer();
            }
        }
        throw new IllegalArgumentException("no layer named '" + name + "'");
    }

    /** Shape inference over every node; never throws: problems are reported on the node they concern. */
    public ShapeReport inferShapes() {
        Map<String, int[]> shapes = new HashMap<>();
        shapes.put(INPUT, inputShape);
        List<ShapeReport.NodeShape> report = new ArrayList<>();
        for (Node node : nodes) {
            List<int[]> in = new ArrayList<>();
            for (String name : node.inputs()) {
                in.add(shapes.get(name));
            }
            report.add(inferNode(node, in, shapes));
        }
        return new ShapeReport(List.copyOf(report));
    }

    private static ShapeReport.NodeShape inferNode(Node node, List<int[]> in, Map<String, int[]> shapes) {
        Layer layer = node.layer();
        if (in.contains(null)) {
            shapes.put(node.name(), null);
            return new ShapeReport.NodeShape(node.name(), layer.type(), null, List.of(), List.of(), List.of());
        }
        try {
            int[] out = layer.outputShape(in);
            long values = 1;
            for (int d : out) {
                values *= d;
                if (d < 1 || values > Integer.MAX_VALUE - 8) {
                    throw new LayerShapeException(node.name(), layer.type() + " '" + node.name() + "': its output "
                            + Shapes.str(out) + " is " + (d < 1 ? "empty" : "larger than one sample can hold"));
                }
            }
            List<ParamSpec> params = layer.parameterSpecs(in);
            shapes.put(node.name(), out);
            return new ShapeReport.NodeShape(node.name(), layer.type(), out, params, List.of(),
                    List.copyOf(layer.warnings(in)));
        } catch (ShapeException e) {
            shapes.put(node.name(), null);
            return new ShapeReport.NodeShape(node.name(), layer.type(), null, List.of(), List.of(e.getMessage()),
                    List.of());
        } catch (ArithmeticException e) {
            shapes.put(node.name(), null);
            return new ShapeReport.NodeShape(node.name(), layer.type(), null, List.of(), List.of(layer.type() + " '"
                    + node.name() + "': its sizes are too large to compute (" + e.getMessage() + ")"), List.of());
        }
    }

    /** Per-sample output shape of the last node, or an exception listing the problems. */
    public int[] outputShape() {
        ShapeReport report = requireValid();
        return report.nodes().get(report.nodes().size() - 1).outputShape();
    }

    /**
     * Allocates and initialises every layer's parameters from {@code rng}, in node order.
     *
     * @throws ShapeException listing every problem when the network cannot be built
     */
    public void build(Rng rng) {
        ShapeReport report = requireValid();
        Map<String, int[]> shapes = new HashMap<>();
        shapes.put(INPUT, inputShape);
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            List<int[]> in = node.inputs().stream().map(shapes::get).toList();
            node.layer().build(in, rng);
            shapes.put(node.name(), report.nodes().get(i).outputShape());
        }
    }

    private ShapeReport requireValid() {
        ShapeReport report = inferShapes();
        if (!report.ok()) {
            throw new ShapeException("the network cannot be built: " + String.join("; ", report.errors()));
        }
        return report;
    }

    /** Runs a batch (batch axis first) through the network and returns the output node's value. */
    public Variable forward(Variable x, ForwardContext context) {
        Map<String, Variable> all = forwardAll(x, context);
        return all.get(nodes.get(nodes.size() - 1).name());
    }

    /** Every node's output for a batch, by node name, the input included (for feature-map views). */
    public Map<String, Variable> forwardAll(Variable x, ForwardContext context) {
        int[] s = x.shape();
        if (s.length == 0 || !java.util.Arrays.equals(java.util.Arrays.copyOfRange(s, 1, s.length), inputShape)) {
            throw new ShapeException("the network expects a batch of samples of shape " + Shapes.str(inputShape)
                    + ", i.e. (N, " + Shapes.str(inputShape).substring(1) + ", got " + Shapes.str(s));
        }
        Map<String, Variable> values = new LinkedHashMap<>();
        values.put(INPUT, x);
        for (Node node : nodes) {
            List<Variable> in = node.inputs().stream().map(values::get).toList();
            values.put(node.name(), node.layer().forward(in, context).named(node.name()));
        }
        return values;
    }

    /** Every parameter of every layer, in node order. */
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (Node n : nodes) {
            all.addAll(n.layer().parameters());
        }
        return all;
    }

    /** The trainable parameters, in node order. */
    public List<Parameter> trainableParameters() {
        return parameters().stream().filter(Parameter::trainable).toList();
    }
}
