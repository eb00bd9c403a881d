package studio.backprop.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import studio.backprop.nn.Network;
import studio.backprop.nn.Parameter;
import studio.backprop.nn.loss.OutputKind;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;
import studio.backprop.train.TrainingSnapshot.TensorCopy;

/**
 * A second copy of the trained network that belongs to the UI thread: the trainer's network lives on the trainer
 * thread, so the Playground views copy the weights of each snapshot into this one and run it over a grid of the
 * plane to colour the heatmaps. It supports what the Playground draws: two inputs and a chain of Dense layers
 * (with optional activation, dropout or normalisation layers between them).
 */
public final class MirrorNetwork {

    /** The widest column the drawing accepts. */
    public static final int MAX_UNITS = 16;

    private final Network network;
    private final OutputKind outputKind;
    private final List<NeuronColumn> columns;
    private final Map<String, Parameter> parameters = new java.util.HashMap<>();

    private MirrorNetwork(Compilation copy) {
        this.network = copy.network();
        this.outputKind = copy.outputKind();
        this.columns = columnsOf(copy);
        network.parameters().forEach(p -> parameters.put(p.name(), p));
    }

    /**
     * Compiles a mirror of this document, initialised as a trainer initialises it (from the training plan's seed,
     * then the document's given weights) until {@link #assign} copies the trained ones.
     *
     * @throws IllegalArgumentException saying in words why the Playground cannot draw this network
     */
    public static MirrorNetwork of(NetworkDocument doc) {
        Compilation c = DocumentCompiler.compile(doc);
        String why = whyNot(c);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        // the training plan's seed: before the first step the mirror shows the weights training starts from
        DocumentCompiler.initialise(c, new Rng(c.plan() == null ? 1 : c.plan().seed()));
        return new MirrorNetwork(c);
    }

    /** Why the Playground view cannot draw this compiled document, or null when it can. */
    public static String whyNot(Compilation c) {
        if (c.network() == null || c.shapes() == null || !c.shapes().ok()) {
            return "The network has errors; fix them in the editor to see the Playground view.";
        }
        int[] in = c.document().inputShape();
        if (in.length != 1 || in[0] != 2) {
            return "The Playground view draws networks with two inputs (x1, x2); this one takes "
                    + studio.backprop.tensor.Shapes.str(in) + ".";
        }
        String previous = Network.INPUT;
        for (Network.Node node : c.network().nodes()) {
            int[] out = c.shapes().node(node.name()).outputShape();
            if (!node.inputs().equals(List.of(previous)) || out.length != 1) {
                return "The Playground view draws a chain of Dense layers; '" + node.name() + "' does not fit one.";
            }
            if (out[0] > MAX_UNITS) {
                return "The Playground view draws at most " + MAX_UNITS + " neurons per layer; '" + node.name()
                        + "' has " + out[0] + ".";
            }
            previous = node.name();
        }
        return c.network().nodes().isEmpty() ? "The network has no layer yet." : null;
    }

    private static List<NeuronColumn> columnsOf(Compilation c) {
        List<NeuronColumn> out = new ArrayList<>();
        out.add(new NeuronColumn("input", Network.INPUT, 2, null, null, ""));
        for (Network.Node node : c.network().nodes()) {
            LayerSpec spec = c.document().layer(node.name());
            String activation = spec == null ? "" : activationOf(spec);
            boolean dense = node.layer().parameters().stream().anyMatch(p -> p.role().equals("kernel"));
            if (dense) {
                boolean hasBias = node.layer().parameters().stream().anyMatch(p -> p.role().equals("bias"));
                int units = c.shapes().node(node.name()).outputShape()[0];
                out.add(new NeuronColumn(node.name(), node.name(), units, node.name() + "/kernel",
                        hasBias ? node.name() + "/bias" : null, activation));
            } else if (out.size() > 1) {
                out.set(out.size() - 1, out.get(out.size() - 1).showing(node.name(), activation));
            }
        }
        return List.copyOf(out);
    }

    private static String activationOf(LayerSpec spec) {
        String a = spec.setting("activation");
        if (a == null && spec.type().equals("Activation")) {
            a = spec.setting("function");
        }
        if (spec.type().equals("Perceptron")) {
            a = "-1/+1".equals(spec.setting("labels")) ? "sign" : "step";
        }
        return a == null || a.equals("linear") ? "" : a;
    }

    /** The columns to draw: inputs, each Dense layer, the output. */
    public List<NeuronColumn> columns() {
        return columns;
    }

    /** Copies the parameters a probe's payload carries, by name, into this copy (others keep their values). */
    public void assign(Map<String, TensorCopy> tensors) {
        for (Parameter p : network.parameters()) {
            TensorCopy copy = tensors.get(p.name());
            float[] target = p.value().buffer();
            if (copy != null && copy.values().length == target.length) {
                System.arraycopy(copy.values(), 0, target, 0, target.length);
            }
        }
    }

    /** The weight from neuron {@code from} of column {@code column - 1} to neuron {@code to} of {@code column}. */
    public float weight(int column, int from, int to) {
        Tensor kernel = parameters.get(columns.get(column).kernel()).value();
        return kernel.buffer()[from * kernel.dim(1) + to];
    }

    /** The bias of a neuron, or NaN when its layer has none (or for the inputs). */
    public float bias(int column, int unit) {
        String name = columns.get(column).bias();
        return name == null ? Float.NaN : parameters.get(name).value().buffer()[unit];
    }

    /** The largest absolute weight arriving at {@code column} (for scaling line widths); at least 1e-6. */
    public float largestWeight() {
        float max = 1e-6f;
        for (NeuronColumn c : columns) {
            if (c.kernel() != null) {
                for (float v : parameters.get(c.kernel()).value().buffer()) {
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        return max;
    }

    /**
     * Reads what the trainer computed over a resolution × resolution grid of the extent (every layer's output for
     * {@link GridActivations#gridInputs}, from an activations probe) as the columns of the drawing.
     *
     * @return null when the outputs do not hold every column's layer for that many cells
     */
    public GridActivations grid(Map<String, TensorCopy> outputs, Extent extent, int resolution) {
        int cells = resolution * resolution;
        List<float[][]> shown = new ArrayList<>();
        float[][] raw = null;
        for (NeuronColumn c : columns) {
            TensorCopy out = outputs.get(c.node());
            if (out == null || out.values().length != cells * c.units()) {
                return null;
            }
            float[][] units = byUnit(out.values(), c.units(), cells);
            if (c.node().equals(Network.INPUT)) {
                scale(units, (float) (1 / extent.reach()));
            }
            raw = units;
            shown.add(units);
        }
        float[][] p = OutputReading.probabilities(raw, outputKind);
        shown.set(shown.size() - 1, OutputReading.signed(p, raw.length));
        return new GridActivations(resolution, extent, List.copyOf(shown), raw, p);
    }

    private static float[][] byUnit(float[] rowMajor, int units, int cells) {
        float[][] out = new float[units][cells];
        for (int cell = 0; cell < cells; cell++) {
            for (int u = 0; u < units; u++) {
                out[u][cell] = rowMajor[cell * units + u];
            }
        }
        return out;
    }

    private static void scale(float[][] values, float factor) {
        for (float[] row : values) {
            for (int i = 0; i < row.length; i++) {
                row[i] *= factor;
            }
        }
    }
}
