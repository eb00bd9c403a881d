package studio.backprop.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.backprop.nn.layers.ParamSpec;

/**
 * Multiply-adds per sample of each layer, from shapes alone, the way the course counts a network's computation:
 * a dense layer does one per weight (inputs × units); a convolution one per weight at every output position
 * (outH · outW · kh · kw · Cin · Cout); a transposed convolution one per weight at every input position
 * (inH · inW · kh · kw · Cin · Cout). Biases, pooling, activations, normalisation and additions are not counted.
 */
public final class MultiplyAdds {

    private MultiplyAdds() {
    }

    /** Every layer's multiply-adds per sample, in network order; a layer whose shapes are unknown counts 0. */
    public static Map<String, Long> of(Network network) {
        ShapeReport report = network.inferShapes();
        Map<String, Long> out = new LinkedHashMap<>();
        for (Network.Node n : network.nodes()) {
            ShapeReport.NodeShape shape = report.node(n.name());
            List<String> inputs = n.inputs();
            int[] in = inputs.isEmpty() || inputs.get(0).equals(Network.INPUT) ? network.inputShape()
                    : report.node(inputs.get(0)) == null ? null : report.node(inputs.get(0)).outputShape();
            out.put(n.name(), shape == null ? 0 : of(shape, in));
        }
        return out;
    }

    /** One layer's multiply-adds per sample, given the shape of its (first) input; 0 when unknown. */
    public static long of(ShapeReport.NodeShape node, int[] inputShape) {
        ParamSpec kernel = node.parameters().stream().filter(p -> p.role().equals("kernel")).findFirst().orElse(null);
        int[] out = node.outputShape();
        if (kernel == null || out == null || out.length == 0) {
            return 0;
        }
        if (node.type().equals("Conv2DTranspose")) {
            return inputShape == null || inputShape.length < 3 ? 0
                    : (long) inputShape[0] * inputShape[1] * kernel.count();
        }
        long positions = 1;
        for (int i = 0; i < out.length - 1; i++) {
            positions *= out[i];
        }
        return positions * kernel.count();
    }

    /** The sum over all layers. */
    public static long total(Map<String, Long> perLayer) {
        return perLayer.values().stream().mapToLong(Long::longValue).sum();
    }
}
