package studio.backprop.data;

import java.util.List;
import studio.backprop.tensor.Tensor;

/**
 * Two-input logic gates as four-row datasets: features (4, 2) with the inputs (0,0), (0,1), (1,0), (1,1) in
 * that order (the inputs stay 0 and 1 under both label conventions), labels 0 (false) or 1 (true). With
 * {@link LabelLevels#MINUS_ONE_PLUS_ONE} the classes are named "−1" and "+1" and
 * {@link Dataset#binaryTargets()} gives −1 and +1.
 */
public enum GateTable {
    AND,
    OR,
    NAND,
    NOR,
    XOR;

    /** The gate's output bit for input bits a and b. */
    public int apply(int a, int b) {
        int and = a & b;
        int or = a | b;
        switch (this) {
            case AND:
                return and;
            case OR:
                return or;
            case NAND:
                return 1 - and;
            case NOR:
                return 1 - or;
            default:
                return a ^ b;
        }
    }

    /** The truth table with the given label levels, named after the gate ("AND"). */
    public Dataset dataset(LabelLevels levels) {
        float[] inputs = new float[8];
        int[] labels = new int[4];
        for (int row = 0; row < 4; row++) {
            int a = row >> 1;
            int b = row & 1;
            inputs[2 * row] = a;
            inputs[2 * row + 1] = b;
            labels[row] = apply(a, b);
        }
        List<String> classes = List.of(levels.negativeName(), levels.positiveName());
        return Dataset.classification(name(), Tensor.wrap(inputs, 4, 2), labels, classes, List.of("x1", "x2"))
                .withBinaryLevels(levels.negative(), levels.positive());
    }
}
