package studio.backprop.nn;

import studio.backprop.autograd.ops.Pool2dOp;
import studio.backprop.nn.layers.Conv2D;
import studio.backprop.nn.layers.Dense;
import studio.backprop.nn.layers.Flatten;
import studio.backprop.nn.layers.Padding;
import studio.backprop.nn.layers.Pooling2D;

/**
 * The teaching workloads' networks built in code, for the benchmark and the app's JIT warm-up, which must train the
 * same shapes as the sample files: one definition of each, not one per caller. Unbuilt: call {@link Network#build}.
 */
public final class StandardNetworks {

    private StandardNetworks() {
    }

    /**
     * LeNet-5 as {@code samples/lenet5-digits.bps} has it: 28×28×1 → conv 6@5×5 (same, ReLU) → max pool 2 → conv
     * 16@5×5 (valid, ReLU) → max pool 2 → flatten (400) → 120 → 84 (ReLU) → 10 logits.
     */
    public static Network leNet5() {
        return Network.builder(28, 28, 1)
                .add(new Conv2D("c1", 6, 5, 1, Padding.SAME, Activation.RELU))
                .add(new Pooling2D("s2", Pool2dOp.Kind.MAX, 2))
                .add(new Conv2D("c3", 16, 5, 1, Padding.VALID, Activation.RELU))
                .add(new Pooling2D("s4", Pool2dOp.Kind.MAX, 2))
                .add(new Flatten("flatten"))
                .add(new Dense("f5", 120, Activation.RELU))
                .add(new Dense("f6", 84, Activation.RELU))
                .add(new Dense("logits", 10, Activation.LINEAR)).build();
    }

    /** The MNIST MLP 784 → 128 (ReLU) → 10 logits. */
    public static Network mnistMlp() {
        return Network.builder(784).add(new Dense("hidden", 128, Activation.RELU))
                .add(new Dense("logits", 10, Activation.LINEAR)).build();
    }
}
