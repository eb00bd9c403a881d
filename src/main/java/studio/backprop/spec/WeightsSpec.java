package studio.backprop.spec;

import java.util.Arrays;

/**
 * Explicit starting values for one parameter of one layer ("layer h, kernel = [[0.15, 0.25], [0.2, 0.3]]"), kept
 * as the decimals the exercise sheet gave. For a dense kernel, row i holds the weights leaving input i.
 */
public record WeightsSpec(String layer, String role, int[] shape, double[] values) {

    public WeightsSpec {
        shape = shape.clone();
        values = values.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightsSpec w && w.layer.equals(layer) && w.role.equals(role)
                && Arrays.equals(w.shape, shape) && Arrays.equals(w.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * layer.hashCode() + role.hashCode()) + Arrays.hashCode(values);
    }
}
