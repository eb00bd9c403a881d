package studio.backprop.tensor;

import java.util.Arrays;

/** Shape arithmetic shared by tensor operations: sizes, broadcasting, axis normalisation, readable names. */
public final class Shapes {

    private Shapes() {
    }

    /** "[2, 3]" style text for messages. */
    public static String str(int... shape) {
        return Arrays.toString(shape);
    }

    /**
     * Number of elements of a shape, refusing shapes with negative dimensions or more than 2³¹−1 elements.
     *
     * @param op name of the operation asking, for the message
     */
    public static int checkedSize(String op, int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new ShapeException(op + ": shape " + str(shape) + " has a negative dimension");
            }
            n *= d;
            if (n > Integer.MAX_VALUE - 8) {
                throw new TensorTooLargeException(op + ": shape " + str(shape) + " has more than "
                        + (Integer.MAX_VALUE - 8) + " elements, the most a single tensor can hold");
            }
        }
        return (int) n;
    }

    /** Axis in [−rank, rank) normalised to [0, rank). */
    public static int axis(String op, int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new ShapeException(op + ": axis " + axis + " is out of range for a tensor of rank " + rank
                    + " (expected " + (-rank) + " to " + (rank - 1) + ")");
        }
        return a;
    }

    /** numpy broadcasting: align right, dimensions must be equal or 1. */
    public static int[] broadcast(String op, int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new ShapeException(op + ": shapes " + str(a) + " and " + str(b)
                        + " cannot be broadcast together (axis " + i + ": " + da + " vs " + db
                        + "; dimensions must be equal or 1)");
            }
            out[i] = Math.max(da, db);
        }
        return out;
    }

    /** Strides that read a tensor of shape {@code shape} with {@code strides} as if it had shape {@code target}. */
    public static int[] broadcastStrides(int[] shape, int[] strides, int[] target) {
        int[] out = new int[target.length];
        int shift = target.length - shape.length;
        for (int i = 0; i < target.length; i++) {
            int src = i - shift;
            out[i] = src < 0 || shape[src] == 1 ? 0 : strides[src];
        }
        return out;
    }
}
