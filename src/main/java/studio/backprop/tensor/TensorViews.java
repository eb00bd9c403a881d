package studio.backprop.tensor;

import studio.backprop.kernels.Elementwise;

/** The view operations of {@link Tensor}: new shape and strides over the same storage. */
final class TensorViews {

    private TensorViews() {
    }

    static Tensor reshape(Tensor t, int[] requested) {
        int[] target = resolveReshape(t.shapeRef(), requested, t.size());
        Tensor dense = t.isContiguous() ? t : t.copy();
        return new Tensor(dense.data(), dense.offset(), target, Elementwise.contiguousStrides(target));
    }

    private static int[] resolveReshape(int[] shape, int[] requested, int size) {
        int[] target = requested.clone();
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < target.length; i++) {
            if (target[i] == -1) {
                if (unknown >= 0) {
                    throw new ShapeException("reshape: only one dimension may be -1, got " + Shapes.str(requested));
                }
                unknown = i;
            } else if (target[i] < 0) {
                throw new ShapeException("reshape: dimension " + target[i] + " in " + Shapes.str(requested)
                        + " is negative");
            } else {
                known *= target[i];
            }
        }
        if (unknown >= 0) {
            if (known == 0 || size % known != 0) {
                throw new ShapeException("reshape: cannot infer -1 in " + Shapes.str(requested) + " for "
                        + size + " elements of shape " + Shapes.str(shape));
            }
            target[unknown] = (int) (size / known);
            known *= target[unknown];
        }
        if (known != size) {
            throw new ShapeException("reshape: shape " + Shapes.str(shape) + " (" + size + " elements) cannot become "
                    + Shapes.str(requested) + " (" + known + " elements)");
        }
        return target;
    }

    static Tensor permute(Tensor t, int[] order) {
        int rank = t.rank();
        if (order.length != rank) {
            throw new ShapeException("permute: order " + Shapes.str(order) + " names " + order.length
                    + " axes, tensor of shape " + Shapes.str(t.shapeRef()) + " has " + rank);
        }
        boolean[] seen = new boolean[rank];
        int[] shape = new int[rank];
        int[] strides = new int[rank];
        for (int i = 0; i < rank; i++) {
            int a = Shapes.axis("permute", order[i], rank);
            if (seen[a]) {
                throw new ShapeException("permute: order " + Shapes.str(order) + " repeats axis " + a);
            }
            seen[a] = true;
            shape[i] = t.shapeRef()[a];
            strides[i] = t.stridesRef()[a];
        }
        return new Tensor(t.data(), t.offset(), shape, strides);
    }

    static Tensor slice(Tensor t, int axis, int start, int end) {
        int a = Shapes.axis("slice", axis, t.rank());
        int len = t.shapeRef()[a];
        if (start < 0 || end > len || start > end) {
            throw new ShapeException("slice: range " + start + ".." + end + " is outside axis " + a + " of length "
                    + len + " (shape " + Shapes.str(t.shapeRef()) + ")");
        }
        int[] shape = t.shapeRef().clone();
        shape[a] = end - start;
        return new Tensor(t.data(), t.offset() + start * t.stridesRef()[a], shape, t.stridesRef().clone());
    }

    static Tensor broadcastTo(Tensor t, int[] target) {
        int[] result = Shapes.broadcast("broadcastTo", t.shapeRef(), target);
        if (!java.util.Arrays.equals(result, target)) {
            throw new ShapeException("broadcastTo: shape " + Shapes.str(t.shapeRef()) + " cannot be broadcast to "
                    + Shapes.str(target));
        }
        int[] strides = Shapes.broadcastStrides(t.shapeRef(), t.stridesRef(), target);
        return new Tensor(t.data(), t.offset(), target.clone(), strides);
    }

    static Tensor unsqueeze(Tensor t, int axis) {
        int rank = t.rank() + 1;
        int a = Shapes.axis("unsqueeze", axis, rank);
        int[] shape = new int[rank];
        int[] strides = new int[rank];
        for (int i = 0, j = 0; i < rank; i++) {
            if (i == a) {
                shape[i] = 1;
                strides[i] = 0;
            } else {
                shape[i] = t.shapeRef()[j];
                strides[i] = t.stridesRef()[j];
                j++;
            }
        }
        return new Tensor(t.data(), t.offset(), shape, strides);
    }
}
