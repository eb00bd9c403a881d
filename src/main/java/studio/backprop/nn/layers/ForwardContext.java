package studio.backprop.nn.layers;

import studio.backprop.tensor.Rng;

/**
 * What a forward pass needs besides its inputs: training or inference mode (dropout and batch norm behave
 * differently) and the generator dropout draws its masks from.
 */
public record ForwardContext(boolean training, Rng rng) {

    public static ForwardContext training(Rng rng) {
        return new ForwardContext(true, rng);
    }

    public static ForwardContext inference() {
        return new ForwardContext(false, new Rng(0));
    }
}
