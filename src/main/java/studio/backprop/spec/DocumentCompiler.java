package studio.backprop.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import studio.backprop.nn.LayerShapeException;
import studio.backprop.nn.Network;
import studio.backprop.nn.Parameter;
import studio.backprop.nn.ShapeReport;
import studio.backprop.nn.layers.AbstractLayer;
import studio.backprop.nn.layers.Layer;
import studio.backprop.nn.loss.Loss;
import studio.backprop.nn.optim.Optimizer;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Tensor;

/**
 * Turns a {@link NetworkDocument} into a runnable network, loss, optimiser and training plan, collecting every
 * problem in words on the layer or part it concerns. It never throws for a bad document: an invalid network can
 * still be edited and saved, and the editor shows why it cannot be trained.
 */
public final class DocumentCompiler {

    /** The most layers a document may have (ordering them is quadratic in the worst case). */
    static final int MAX_LAYERS = 10_000;

    private DocumentCompiler() {
    }

    public static Compilation compile(NetworkDocument doc) {
        List<Problem> problems = new ArrayList<>();
        Network network = network(doc, problems);
        ShapeReport shapes = network == null ? null : network.inferShapes();
        if (shapes != null) {
            for (ShapeReport.NodeShape n : shapes.nodes()) {
                n.errors().forEach(e -> problems.add(Problem.error(n.name(), e)));
                n.warnings().forEach(w -> problems.add(Problem.warning(n.name(), w)));
            }
        }
        if (shapes != null) {
            checkWeights(doc, shapes, problems);
        }
        Loss loss = Components.loss(doc.loss(), problems);
        Optimizer optimizer = Components.optimizer(doc.optimizer(), problems);
        TrainingPlan plan = TrainingPlan.read(doc.training(), problems);
        TrainingPlan.checkAugmentation(plan, doc.inputShape(), problems);
        DataSectionCheck.check(doc, problems);
        SparsityInputCheck.check(doc, problems);
        if (shapes != null && shapes.ok()) {
            OutputCheck.check(doc, shapes, problems);
        }
        if (shapes != null && shapes.ok()) {
            MemoryEstimate.check(doc.inputShape(), shapes, plan.batchSize(), problems);
        }
        boolean perceptronRule = doc.optimizer().type().trim().equalsIgnoreCase("perceptron");
        boolean perceptronLayer = doc.layers().stream().anyMatch(l -> l.type().equals("Perceptron"));
        if (perceptronRule && (doc.layers().size() != 1 || !perceptronLayer)) {
            problems.add(Problem.error("optimizer", "the perceptron rule trains one Perceptron unit on its own; "
                    + "this network has " + doc.layers().size() + " layer(s). Use gradient descent (e.g. sgd) for "
                    + "larger networks"));
        } else if (perceptronLayer && !perceptronRule) {
            problems.add(Problem.warning("optimizer", "a Perceptron unit has a step output with zero gradient; "
                    + "gradient descent cannot train it. Choose [optimizer perceptron]"));
        }
        return new Compilation(doc, network, shapes, loss, optimizer, plan, problems);
    }

    /**
     * Null when training {@code c} on {@code samples} training samples fits the memory budget, otherwise why not
     * in words; for a full-batch plan the batch is every sample, which compiling alone cannot know.
     */
    public static String memoryProblem(Compilation c, int samples) {
        if (c.shapes() == null || !c.shapes().ok()) {
            return null;
        }
        int batch = c.plan().batchSize() == 0 ? samples : Math.min(c.plan().batchSize(), samples);
        List<Problem> problems = new ArrayList<>();
        MemoryEstimate.check(c.document().inputShape(), c.shapes(), batch, problems);
        return problems.isEmpty() ? null : problems.get(0).message();
    }

    /**
     * Builds an optimiser from an [optimizer] section.
     *
     * @throws IllegalArgumentException with every problem in words
     */
    public static studio.backprop.nn.optim.Optimizer optimizer(ComponentSpec spec) {
        List<Problem> problems = new ArrayList<>();
        studio.backprop.nn.optim.Optimizer o = Components.optimizer(spec, problems);
        if (o == null) {
            throw new IllegalArgumentException(problems.isEmpty() ? "the perceptron rule is not an optimiser"
                    : String.join("; ", problems.stream().map(Problem::message).toList()));
        }
        return o;
    }

    /**
     * Allocates the network's parameters from the seed, then applies the document's explicit weights.
     *
     * @throws ShapeException if the compilation has errors, or an explicit weight has the wrong shape
     */
    public static void initialise(Compilation c, Rng rng) {
        if (c.network() == null || c.shapes() == null || !c.shapes().ok()) {
            throw new ShapeException("the network cannot be built: " + c.whyNotTrainable());
        }
        c.network().build(rng);
        for (WeightsSpec w : c.document().weights()) {
            Layer layer = c.network().layer(w.layer());
            if (!(layer instanceof AbstractLayer built) || built.find(w.role()) == null) {
                throw new LayerShapeException(w.layer(), "weights for '" + w.layer() + "' name the parameter '"
                        + w.role() + "', which it does not have (it has " + layer.parameters().stream()
                        .map(Parameter::role).toList() + ")");
            }
            double[] values = w.values();
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
            }
            built.setWeights(w.role(), Tensor.of(f, w.shape()));
        }
    }

    /** Every [weights] section names a layer, a parameter it has, and that parameter's shape. */
    private static void checkWeights(NetworkDocument doc, ShapeReport shapes, List<Problem> problems) {
        for (WeightsSpec w : doc.weights()) {
            ShapeReport.NodeShape node = shapes.node(w.layer());
            String layer = studio.backprop.tensor.Excerpt.of(w.layer());
            if (node == null) {
                problems.add(Problem.error("network", "[weights " + layer + "] names no layer of the network"));
                continue;
            }
            if (node.outputShape() == null) {
                continue;
            }
            studio.backprop.nn.layers.ParamSpec param = node.parameters().stream()
                    .filter(p -> p.role().equals(w.role())).findFirst().orElse(null);
            if (param == null) {
                problems.add(Problem.error(w.layer(), "weights for '" + layer + "' name the parameter '"
                        + studio.backprop.tensor.Excerpt.of(w.role()) + "', which it does not have (it has "
                        + node.parameters().stream().map(studio.backprop.nn.layers.ParamSpec::role).toList() + ")"));
            } else if (!java.util.Arrays.equals(param.shape(), w.shape())) {
                problems.add(Problem.error(w.layer(), "weights for '" + layer + "', " + w.role() + ": shape "
                        + studio.backprop.tensor.Shapes.str(w.shape()) + " given, the layer needs "
                        + studio.backprop.tensor.Shapes.str(param.shape())));
            }
        }
    }

    /** The layers in an order where inputs come first; problems for unknown inputs, cycles and extra outputs. */
    private static Network network(NetworkDocument doc, List<Problem> problems) {
        if (doc.layers().isEmpty()) {
            problems.add(Problem.error("network", "the network has no layers yet; drag one from the palette"));
            return null;
        }
        if (doc.layers().size() > MAX_LAYERS) {
            problems.add(Problem.error("network", "the network has " + doc.layers().size() + " layers; at most "
                    + MAX_LAYERS + " can be checked and drawn"));
            return null;
        }
        Map<String, LayerSpec> byName = new LinkedHashMap<>();
        for (LayerSpec l : doc.layers()) {
            if (l.name().equals(Network.INPUT) || byName.containsKey(l.name())) {
                problems.add(Problem.error(l.name(), "the name '" + l.name() + "' is used twice"
                        + (l.name().equals(Network.INPUT) ? " (it is the name of the network input)" : "")));
                return null;
            }
            byName.put(l.name(), l);
        }
        boolean ok = true;
        for (LayerSpec l : doc.layers()) {
            for (String in : l.inputs()) {
                if (!in.equals(Network.INPUT) && !byName.containsKey(in)) {
                    problems.add(Problem.error(l.name(), "'" + l.name() + "' reads '" + in + "', which does not exist"));
                    ok = false;
                }
            }
            List<String> layerProblems = LayerCatalog.problems(l);
            layerProblems.forEach(p -> problems.add(Problem.error(l.name(), p)));
            ok &= layerProblems.isEmpty();
        }
        List<LayerSpec> order = topologicalOrder(doc.layers(), problems);
        if (!ok || order == null || !singleOutput(order, problems)) {
            return null;
        }
        try {
            Network.Builder builder = Network.builder(doc.inputShape());
            for (LayerSpec l : order) {
                builder.add(LayerCatalog.build(l), l.inputs().toArray(String[]::new));
            }
            return builder.build();
        } catch (SettingException | LayerShapeException e) {
            problems.add(Problem.error(e instanceof SettingException s ? s.layer() : ((LayerShapeException) e).layer(),
                    e.getMessage()));
            return null;
        } catch (ShapeException e) {
            problems.add(Problem.error("network", e.getMessage()));
            return null;
        }
    }

    /**
     * Kahn's algorithm, keeping file order among ready layers: the order repeated scans of the file in order would
     * give (a layer whose inputs are done joins the current scan if it comes later in the file, the next scan
     * otherwise), found in O(n log n) rather than one scan per layer. Null with a problem when there is a cycle.
     */
    private static List<LayerSpec> topologicalOrder(List<LayerSpec> layers, List<Problem> problems) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            index.put(layers.get(i).name(), i);
        }
        int[] waiting = new int[layers.size()];
        List<List<Integer>> readers = new ArrayList<>();
        layers.forEach(l -> readers.add(new ArrayList<>()));
        java.util.PriorityQueue<Integer> scan = new java.util.PriorityQueue<>();
        for (int i = 0; i < layers.size(); i++) {
            for (String in : layers.get(i).inputs()) {
                if (!in.equals(Network.INPUT)) {
                    waiting[i]++;
                    Integer from = index.get(in);
                    if (from != null) {
                        readers.get(from).add(i);
                    }
                }
            }
            if (waiting[i] == 0) {
                scan.add(i);
            }
        }
        java.util.PriorityQueue<Integer> nextScan = new java.util.PriorityQueue<>();
        List<LayerSpec> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (!scan.isEmpty() || !nextScan.isEmpty()) {
            if (scan.isEmpty()) {
                java.util.PriorityQueue<Integer> swap = scan;
                scan = nextScan;
                nextScan = swap;
            }
            int at = scan.poll();
            order.add(layers.get(at));
            done.add(layers.get(at).name());
            for (int reader : readers.get(at)) {
                if (--waiting[reader] == 0) {
                    (reader > at ? scan : nextScan).add(reader);
                }
            }
        }
        if (order.size() < layers.size()) {
            List<String> stuck = layers.stream().map(LayerSpec::name).filter(n -> !done.contains(n)).toList();
            problems.add(Problem.error(stuck.get(0), "the connections between " + String.join(", ", stuck.subList(0,
                    Math.min(20, stuck.size()))) + (stuck.size() > 20 ? ", …" : "")
                    + " form a loop; a network must flow one way from input to output"));
            return null;
        }
        return order;
    }

    private static boolean singleOutput(List<LayerSpec> order, List<Problem> problems) {
        Set<String> read = new HashSet<>();
        order.forEach(l -> read.addAll(l.inputs()));
        List<String> outputs = order.stream().map(LayerSpec::name).filter(n -> !read.contains(n)).toList();
        if (outputs.size() > 1) {
            problems.add(Problem.error(outputs.get(0), "the network has " + outputs.size() + " outputs ("
                    + String.join(", ", outputs) + "); connect all but one of them onward, or delete them"));
            return false;
        }
        if (!order.get(order.size() - 1).name().equals(outputs.get(0))) {
            LayerSpec out = order.stream().filter(l -> l.name().equals(outputs.get(0))).findFirst().orElseThrow();
            order.remove(out);
            order.add(out);
        }
        return true;
    }
}
