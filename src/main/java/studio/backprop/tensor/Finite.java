package studio.backprop.tensor;

/**
 * The NaN/infinity guard: after an operation, a non-finite output that came from finite inputs is reported
 * with the op's name, the shapes and the first offending element. Values that were already non-finite in an
 * input are passed on silently: the op that produced them was reported first.
 */
public final class Finite {

    private Finite() {
    }

    /** Throws {@link NonFiniteException} when {@code out} holds a NaN or infinity that no input already held. */
    public static void check(String op, Tensor out, Tensor... inputs) {
        if (!Tensor.finiteChecks()) {
            return;
        }
        int bad = firstNonFinite(out);
        if (bad < 0) {
            return;
        }
        StringBuilder shapes = new StringBuilder();
        for (Tensor in : inputs) {
            if (in != null && firstNonFinite(in) >= 0) {
                return;
            }
            shapes.append(shapes.length() == 0 ? "" : ", ").append(in == null ? "-" : Shapes.str(in.shapeRef()));
        }
        float value = out.toArray()[bad];
        throw new NonFiniteException(op, op + " produced " + value + " at element " + bad + " of its output "
                + Shapes.str(out.shapeRef()) + " from finite inputs of shape " + shapes
                + (op.startsWith("log") ? " (log of zero or of a negative number?)" : "")
                + (op.startsWith("exp") ? " (exp overflows float above 88.7)" : "")
                + (op.startsWith("div") ? " (division by zero?)" : ""));
    }

    /** True when no element is NaN or infinite ({@link studio.backprop.kernels.BufferSweep#allFinite}). */
    public static boolean allFinite(float[] d) {
        return studio.backprop.kernels.BufferSweep.allFinite(d);
    }

    private static int firstNonFinite(float[] d) {
        for (int i = 0; i < d.length; i++) {
            if (!Float.isFinite(d[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Index (row-major) of the first NaN or infinity, or −1 when all are finite. */
    public static int firstNonFinite(Tensor t) {
        float[] d = t.data();
        if (t.offset() == 0 && t.isContiguous() && d.length == t.size()) {
            return allFinite(d) ? -1 : firstNonFinite(d);
        }
        float[] copy = t.toArray();
        for (int i = 0; i < copy.length; i++) {
            if (!Float.isFinite(copy[i])) {
                return i;
            }
        }
        return -1;
    }
}
