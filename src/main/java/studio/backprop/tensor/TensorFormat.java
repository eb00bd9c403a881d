package studio.backprop.tensor;

/** Text form of a tensor: nested brackets like numpy, shortened with … beyond six entries per axis. */
final class TensorFormat {

    private static final int EDGE = 3;

    private TensorFormat() {
    }

    static String format(Tensor t) {
        float[] values = t.toArray();
        int[] shape = t.shapeRef();
        StringBuilder sb = new StringBuilder("tensor(");
        if (shape.length == 0) {
            sb.append(number(values[0]));
        } else {
            append(sb, values, shape, 0, 0);
        }
        return sb.append(", shape=").append(Shapes.str(shape)).append(')').toString();
    }

    private static void append(StringBuilder sb, float[] values, int[] shape, int axis, int base) {
        int len = shape[axis];
        int stride = 1;
        for (int i = axis + 1; i < shape.length; i++) {
            stride *= shape[i];
        }
        sb.append('[');
        for (int i = 0; i < len; i++) {
            if (len > 2 * EDGE && i == EDGE) {
                sb.append("…, ");
                i = len - EDGE;
            }
            if (axis == shape.length - 1) {
                sb.append(number(values[base + i]));
            } else {
                append(sb, values, shape, axis + 1, base + i * stride);
            }
            if (i < len - 1) {
                sb.append(", ");
            }
        }
        sb.append(']');
    }

    private static String number(float v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return String.valueOf((long) v);
        }
        return String.format(java.util.Locale.ROOT, "%.6g", v);
    }
}
