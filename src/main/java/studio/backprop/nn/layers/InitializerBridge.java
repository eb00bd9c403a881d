package studio.backprop.nn.layers;

import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/** Fills a new parameter tensor by initialiser name. */
final class InitializerBridge {

    private InitializerBridge() {
    }

    static Tensor create(String name, int[] shape, Rng rng) {
        int fanIn = shape.length == 1 ? shape[0] : 1;
        int fanOut = shape.length == 0 ? 1 : shape[shape.length - 1];
        for (int i = 0; i < shape.length - 1; i++) {
            fanIn *= shape.length == 1 ? 1 : shape[i];
        }
        int receptive = 1;
        for (int i = 0; i < shape.length - 2; i++) {
            receptive *= shape[i];
        }
        fanOut *= receptive;
        return switch (name) {
            case "zeros" -> Tensor.zeros(shape);
            case "ones" -> Tensor.ones(shape);
            case "glorot_uniform" -> {
                float limit = (float) Math.sqrt(6.0 / (fanIn + fanOut));
                yield Tensor.uniform(rng, -limit, limit, shape);
            }
            default -> throw new IllegalArgumentException("unknown initializer '" + name + "'");
        };
    }
}
