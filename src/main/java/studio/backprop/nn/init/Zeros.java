package studio.backprop.nn.init;

import java.util.Map;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/** Every value 0 (the usual start for biases); draws nothing from the generator. */
record Zeros() implements Initializer {

    static final Zeros INSTANCE = new Zeros();

    @Override
    public String name() {
        return "zeros";
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of();
    }

    @Override
    public void fill(Tensor target, FanInOut fans, Rng rng) {
        target.buffer();   // refuses views, like every other initialiser
        target.fill(0f);
    }
}
