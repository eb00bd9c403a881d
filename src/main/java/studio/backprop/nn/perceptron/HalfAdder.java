package studio.backprop.nn.perceptron;

/**
 * A half adder wired from five NAND perceptrons with labels {0, 1}:
 * <pre>
 *   n1 = NAND(x1, x2)
 *   n2 = NAND(x1, n1)
 *   n3 = NAND(x2, n1)
 *   sum   = NAND(n2, n3)   = x1 XOR x2
 *   carry = NAND(n1, n1)   = x1 AND x2
 * </pre>
 * Each unit is the same perceptron, e.g. w = (−2, −2), b = 3. XOR needs the hidden units n1..n3 because
 * a single perceptron cannot compute it. Every intermediate output is returned so it can be shown.
 *
 * @param nand the NAND unit used for all five gates
 */
public record HalfAdder(Perceptron nand) {

    /** Checks that the unit uses labels {0, 1} and computes NAND on all four inputs. */
    public HalfAdder {
        if (nand == null || nand.labels() != LabelConvention.ZERO_ONE || nand.weights().size() != 2) {
            throw new IllegalArgumentException("a half adder needs a two-input NAND perceptron with labels {0, 1}");
        }
        for (Vec x : LogicGate.INPUTS) {
            int a = (int) x.get(0);
            int b = (int) x.get(1);
            int expected = LogicGate.NAND.apply(a, b);
            if (nand.output(x) != expected) {
                throw new IllegalArgumentException("the unit w = " + nand.weights() + ", b = " + nand.bias()
                        + " is not a NAND gate: on input " + x + " it outputs " + nand.output(x)
                        + ", but NAND gives " + expected);
            }
        }
    }

    /** The half adder built from the lecture's NAND unit w = (−2, −2), b = 3. */
    public static HalfAdder standard() {
        return new HalfAdder(Perceptron.zeroOne(Vec.of(-2, -2), 3));
    }

    /** Adds the bits x1 and x2, returning the outputs of all five units. */
    public Output add(int x1, int x2) {
        if ((x1 != 0 && x1 != 1) || (x2 != 0 && x2 != 1)) {
            throw new IllegalArgumentException("a half adder adds bits 0 or 1, not (" + x1 + ", " + x2 + ")");
        }
        int n1 = nand.output(x1, x2);
        int n2 = nand.output(x1, n1);
        int n3 = nand.output(x2, n1);
        return new Output(n1, n2, n3, nand.output(n2, n3), nand.output(n1, n1));
    }

    /**
     * The outputs of the five NAND units for one input pair.
     *
     * @param n1    NAND(x1, x2)
     * @param n2    NAND(x1, n1)
     * @param n3    NAND(x2, n1)
     * @param sum   NAND(n2, n3), the sum bit x1 XOR x2
     * @param carry NAND(n1, n1), the carry bit x1 AND x2
     */
    public record Output(int n1, int n2, int n3, int sum, int carry) {
    }
}
