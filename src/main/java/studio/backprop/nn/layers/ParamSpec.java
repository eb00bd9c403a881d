package studio.backprop.nn.layers;

import studio.backprop.nn.init.Initializer;
import studio.backprop.tensor.MemoryBudget;
import studio.backprop.tensor.Shapes;

/**
 * A parameter a layer needs, known from the input shape alone (nothing allocated): its role, shape, whether it
 * trains, and the initialiser that fills it.
 */
public record ParamSpec(String role, int[] shape, boolean trainable, Initializer initializer) {

    /** Number of scalars in the parameter ({@link Long#MAX_VALUE} when the product overflows). */
    public long count() {
        long n = 1;
        for (int d : shape) {
            n = MemoryBudget.product(n, d);
        }
        return n;
    }

    @Override
    public String toString() {
        return role + Shapes.str(shape) + (trainable ? "" : " (non-trainable)");
    }
}
