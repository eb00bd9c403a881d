package studio.backprop.nn.perceptron;

import java.util.List;
import java.util.function.IntBinaryOperator;

/**
 * Two-input logic gates as perceptron training sets.
 *
 * <p>The truth table always lists the inputs in the order (0,0), (0,1), (1,0), (1,1); "sample 3" on an
 * exercise sheet is therefore (1,0). The inputs stay 0 and 1 in both label conventions; only the labels
 * change, false becoming 0 or −1 and true becoming 1 or +1.
 */
public enum LogicGate {

    /** 1 only for (1,1). */
    AND((a, b) -> a & b),
    /** 0 only for (0,0). */
    OR((a, b) -> a | b),
    /** NOT AND: 0 only for (1,1). */
    NAND((a, b) -> 1 - (a & b)),
    /** NOT OR: 1 only for (0,0). */
    NOR((a, b) -> 1 - (a | b)),
    /** 1 when the inputs differ; no single perceptron computes it, because no line separates its classes. */
    XOR((a, b) -> a ^ b);

    /** The four input rows of every truth table, in listed order. */
    public static final List<Vec> INPUTS = List.of(Vec.of(0, 0), Vec.of(0, 1), Vec.of(1, 0), Vec.of(1, 1));

    private final IntBinaryOperator table;

    LogicGate(IntBinaryOperator table) {
        this.table = table;
    }

    /** The gate's output bit for input bits a and b. */
    public int apply(int a, int b) {
        if ((a != 0 && a != 1) || (b != 0 && b != 1)) {
            throw new IllegalArgumentException("logic gates take bits 0 or 1, not (" + a + ", " + b + ")");
        }
        return table.applyAsInt(a, b);
    }

    /** The truth table with labels {0, 1}. */
    public TrainingSet truthTable() {
        return truthTable(LabelConvention.ZERO_ONE);
    }

    /** The truth table with the labels of {@code convention}. */
    public TrainingSet truthTable(LabelConvention convention) {
        List<Integer> labels = INPUTS.stream()
                .map(x -> convention.fromBit(apply((int) x.get(0), (int) x.get(1))))
                .toList();
        return new TrainingSet(INPUTS, labels);
    }
}
