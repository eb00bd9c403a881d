package studio.backprop.tensor;

import java.util.Arrays;
import studio.backprop.kernels.Elementwise;
import studio.backprop.kernels.Elementwise.BinaryOp;
import studio.backprop.kernels.UnaryFn;

/**
 * A dense n-dimensional array of float32 values: row-major storage addressed through a shape and strides.
 *
 * <p>Views (reshape of a contiguous tensor, transpose, permute, slice, broadcastTo) share storage with their
 * source; every other operation returns a new contiguous tensor. Methods ending in {@code i} modify this tensor
 * in place and are meant for optimisers. Vocabulary follows numpy/torch.
 *
 * <p>Any operation that turns finite inputs into a NaN or an infinity throws {@link NonFiniteException} naming
 * the operation, unless checks were switched off with {@link #setFiniteChecks(boolean)}.
 */
public final class Tensor {

    private static volatile boolean finiteChecks = true;

    private final float[] data;
    private final int offset;
    private final int[] shape;
    private final int[] strides;
    /** Kept from construction (shape and strides never change): the kernels ask for both on every call. */
    private final int size;
    private final boolean contiguous;

    Tensor(float[] data, int offset, int[] shape, int[] strides) {
        this.data = data;
        this.offset = offset;
        this.shape = shape;
        this.strides = strides;
        this.size = Elementwise.sizeOf(shape);
        this.contiguous = rowMajorWithoutGaps(shape, strides);
    }

    // ---------------------------------------------------------------- creation

    /** A new zero-filled tensor; refuses impossible sizes with a message instead of an OutOfMemoryError. */
    public static Tensor zeros(int... shape) {
        int[] s = shape.clone();
        int n = Shapes.checkedSize("zeros", s);
        float[] data;
        try {
            data = new float[n];
        } catch (OutOfMemoryError e) {
            throw new TensorTooLargeException("cannot allocate a tensor of shape " + Shapes.str(s) + ": " + n
                    + " floats (" + (n / (1 << 20)) * 4L + " MiB) do not fit in the memory left");
        }
        return new Tensor(data, 0, s, Elementwise.contiguousStrides(s));
    }

    public static Tensor ones(int... shape) {
        return full(1f, shape);
    }

    public static Tensor full(float value, int... shape) {
        Tensor t = zeros(shape);
        Arrays.fill(t.data, value);
        return t;
    }

    public static Tensor scalar(float value) {
        return full(value, new int[0]);
    }

    /** A tensor holding a copy of {@code values}, read row-major into {@code shape}. */
    public static Tensor of(float[] values, int... shape) {
        int n = Shapes.checkedSize("of", shape);
        if (n != values.length) {
            throw new ShapeException("of: " + values.length + " values cannot fill shape " + Shapes.str(shape)
                    + " (needs " + n + ")");
        }
        return wrap(values.clone(), shape);
    }

    /** A 1-D tensor of the given values. */
    public static Tensor vector(float... values) {
        return of(values, values.length);
    }

    /** A 2-D tensor from rows of equal length. */
    public static Tensor matrix(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] flat = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new ShapeException("matrix: row " + r + " has " + rows[r].length + " values, row 0 has " + cols);
            }
            System.arraycopy(rows[r], 0, flat, r * cols, cols);
        }
        return wrap(flat, rows.length, cols);
    }

    /** A tensor over {@code data} without copying it: later writes to the array show through. */
    public static Tensor wrap(float[] data, int... shape) {
        int n = Shapes.checkedSize("wrap", shape);
        if (n != data.length) {
            throw new ShapeException("wrap: an array of " + data.length + " floats cannot have shape "
                    + Shapes.str(shape) + " (needs " + n + ")");
        }
        int[] s = shape.clone();
        return new Tensor(data, 0, s, Elementwise.contiguousStrides(s));
    }

    /** start, start + step, … below end (numpy arange). */
    public static Tensor arange(float start, float end, float step) {
        if (step == 0 || Float.isNaN(step)) {
            throw new IllegalArgumentException("arange: step must be a non-zero number, got " + step);
        }
        int n = Math.max(0, (int) Math.ceil((end - start) / step));
        Tensor t = zeros(n);
        for (int i = 0; i < n; i++) {
            t.data[i] = start + i * step;
        }
        return t;
    }

    public static Tensor arange(int n) {
        return arange(0, n, 1);
    }

    /** Identity matrix n×n. */
    public static Tensor eye(int n) {
        Tensor t = zeros(n, n);
        for (int i = 0; i < n; i++) {
            t.data[i * n + i] = 1f;
        }
        return t;
    }

    /** Uniform samples in [low, high) drawn from {@code rng}. */
    public static Tensor uniform(Rng rng, float low, float high, int... shape) {
        Tensor t = zeros(shape);
        for (int i = 0; i < t.data.length; i++) {
            t.data[i] = (float) (low + (high - low) * rng.nextDouble());
        }
        return t;
    }

    /** Normal samples N(mean, std²) drawn from {@code rng}. */
    public static Tensor normal(Rng rng, float mean, float std, int... shape) {
        Tensor t = zeros(shape);
        for (int i = 0; i < t.data.length; i++) {
            t.data[i] = (float) (mean + std * rng.nextGaussian());
        }
        return t;
    }

    // ---------------------------------------------------------------- inspection

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Length of an axis (negative counts from the end). */
    public int dim(int axis) {
        return shape[Shapes.axis("dim", axis, shape.length)];
    }

    public int size() {
        return size;
    }

    public int[] strides() {
        return strides.clone();
    }

    /** True when the elements sit row-major without gaps from the offset on. */
    public boolean isContiguous() {
        return contiguous;
    }

    private static boolean rowMajorWithoutGaps(int[] shape, int[] strides) {
        int expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && strides[i] != expected) {
                return false;
            }
            expected *= shape[i];
        }
        return true;
    }

    /** The element at a full index. */
    public float get(int... index) {
        return data[flatIndex("get", index)];
    }

    /** Writes the element at a full index (in place). */
    public void set(float value, int... index) {
        data[flatIndex("set", index)] = value;
    }

    /** The single value of a one-element tensor. */
    public float item() {
        if (size() != 1) {
            throw new ShapeException("item: tensor of shape " + Shapes.str(shape) + " has " + size()
                    + " elements; item() needs exactly one");
        }
        return data[offset];
    }

    /** A row-major copy of the elements. */
    public float[] toArray() {
        float[] out = new float[size()];
        Elementwise.gather(data, offset, strides, shape, out, 0);
        return out;
    }

    /** The elements as doubles, row-major (for printing exercise numbers and for gradient checks). */
    public double[] toDoubleArray() {
        float[] f = toArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /**
     * The backing array of a contiguous tensor whose elements start at index 0 and fill the array; kernels read
     * and write it directly. Call {@link #contiguous()} first when unsure.
     */
    public float[] buffer() {
        if (offset != 0 || !isContiguous() || data.length != size()) {
            throw new IllegalStateException("buffer: this tensor is a view (shape " + Shapes.str(shape)
                    + ", offset " + offset + "); call contiguous() first");
        }
        return data;
    }

    /** This tensor if it owns a dense buffer, otherwise a dense copy. */
    public Tensor contiguous() {
        if (offset == 0 && isContiguous() && data.length == size()) {
            return this;
        }
        return copy();
    }

    /** A dense copy with its own storage. */
    public Tensor copy() {
        return new Tensor(toArray(), 0, shape.clone(), Elementwise.contiguousStrides(shape));
    }

    public boolean sameShape(Tensor other) {
        return Arrays.equals(shape, other.shape);
    }

    /** Whether this tensor's shape is {@code dims}; unlike comparing {@link #shape()}, copies nothing. */
    public boolean hasShape(int[] dims) {
        return Arrays.equals(shape, dims);
    }

    private int flatIndex(String op, int[] index) {
        if (index.length != shape.length) {
            throw new ShapeException(op + ": index " + Arrays.toString(index) + " has " + index.length
                    + " coordinates, tensor of shape " + Shapes.str(shape) + " needs " + shape.length);
        }
        int flat = offset;
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new ShapeException(op + ": index " + Arrays.toString(index) + " is out of bounds for shape "
                        + Shapes.str(shape) + " (axis " + i + ")");
            }
            flat += index[i] * strides[i];
        }
        return flat;
    }

    // ---------------------------------------------------------------- views

    /** Same elements in a new shape (one dimension may be −1); a view when contiguous, a copy otherwise. */
    public Tensor reshape(int... newShape) {
        return TensorViews.reshape(this, newShape);
    }

    /** The elements as a 1-D tensor. */
    public Tensor flatten() {
        return reshape(size());
    }

    /** Swaps the last two axes (the matrix transpose). */
    public Tensor transpose() {
        if (shape.length < 2) {
            throw new ShapeException("transpose: needs at least 2 axes, tensor has shape " + Shapes.str(shape));
        }
        return transpose(-2, -1);
    }

    /** Swaps two axes (a view). */
    public Tensor transpose(int axisA, int axisB) {
        int[] order = new int[shape.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int a = Shapes.axis("transpose", axisA, shape.length);
        int b = Shapes.axis("transpose", axisB, shape.length);
        order[a] = b;
        order[b] = a;
        return permute(order);
    }

    /** Reorders the axes: result axis i is this tensor's axis {@code order[i]} (a view). */
    public Tensor permute(int... order) {
        return TensorViews.permute(this, order);
    }

    /** Elements start..end−1 along an axis (a view). */
    public Tensor slice(int axis, int start, int end) {
        return TensorViews.slice(this, axis, start, end);
    }

    /** Reads this tensor as if it had the (larger) target shape, repeating along broadcast axes (a view). */
    public Tensor broadcastTo(int... target) {
        return TensorViews.broadcastTo(this, target);
    }

    /** Inserts an axis of length 1 (a view). */
    public Tensor unsqueeze(int axis) {
        return TensorViews.unsqueeze(this, axis);
    }

    // ---------------------------------------------------------------- element-wise

    public Tensor add(Tensor other) {
        return TensorOps.binary("add", BinaryOp.ADD, this, other);
    }

    public Tensor sub(Tensor other) {
        return TensorOps.binary("sub", BinaryOp.SUB, this, other);
    }

    public Tensor mul(Tensor other) {
        return TensorOps.binary("mul", BinaryOp.MUL, this, other);
    }

    public Tensor div(Tensor other) {
        return TensorOps.binary("div", BinaryOp.DIV, this, other);
    }

    /** Element-wise maximum of two broadcast tensors. */
    public Tensor maximum(Tensor other) {
        return TensorOps.binary("maximum", BinaryOp.MAX, this, other);
    }

    public Tensor minimum(Tensor other) {
        return TensorOps.binary("minimum", BinaryOp.MIN, this, other);
    }

    public Tensor add(float value) {
        return TensorOps.binary("add", BinaryOp.ADD, this, scalar(value));
    }

    public Tensor sub(float value) {
        return TensorOps.binary("sub", BinaryOp.SUB, this, scalar(value));
    }

    public Tensor mul(float value) {
        return TensorOps.binary("mul", BinaryOp.MUL, this, scalar(value));
    }

    public Tensor div(float value) {
        return TensorOps.binary("div", BinaryOp.DIV, this, scalar(value));
    }

    public Tensor pow(float exponent) {
        return map(UnaryFn.POW, exponent);
    }

    public Tensor neg() {
        return map(UnaryFn.NEG, 0f);
    }

    public Tensor exp() {
        return map(UnaryFn.EXP, 0f);
    }

    public Tensor log() {
        return map(UnaryFn.LOG, 0f);
    }

    public Tensor sqrt() {
        return map(UnaryFn.SQRT, 0f);
    }

    public Tensor square() {
        return map(UnaryFn.SQUARE, 0f);
    }

    public Tensor abs() {
        return map(UnaryFn.ABS, 0f);
    }

    public Tensor sigmoid() {
        return map(UnaryFn.SIGMOID, 0f);
    }

    public Tensor tanh() {
        return map(UnaryFn.TANH, 0f);
    }

    public Tensor relu() {
        return map(UnaryFn.RELU, 0f);
    }

    /** f applied to every element; {@code alpha} parameterises leaky ReLU, ELU and POW. */
    public Tensor map(UnaryFn f, float alpha) {
        return TensorOps.map(f, alpha, this);
    }

    /** Elements clipped to [low, high]. */
    public Tensor clamp(float low, float high) {
        return maximum(scalar(low)).minimum(scalar(high));
    }

    // ---------------------------------------------------------------- in place (optimisers only)

    /** this += other (broadcast to this shape). */
    public Tensor addi(Tensor other) {
        return TensorOps.inPlace("addi", BinaryOp.ADD, this, other);
    }

    /** this −= other. */
    public Tensor subi(Tensor other) {
        return TensorOps.inPlace("subi", BinaryOp.SUB, this, other);
    }

    /** this *= other. */
    public Tensor muli(Tensor other) {
        return TensorOps.inPlace("muli", BinaryOp.MUL, this, other);
    }

    /** this *= value. */
    public Tensor muli(float value) {
        return TensorOps.inPlace("muli", BinaryOp.MUL, this, scalar(value));
    }

    /** this += value. */
    public Tensor addi(float value) {
        return TensorOps.inPlace("addi", BinaryOp.ADD, this, scalar(value));
    }

    /** Every element set to {@code value}. */
    public Tensor fill(float value) {
        TensorOps.fill(this, value);
        return this;
    }

    /** Copies the elements of {@code source} (broadcast to this shape) into this tensor. */
    public Tensor assign(Tensor source) {
        TensorOps.assign(this, source);
        return this;
    }

    // ---------------------------------------------------------------- linear algebra and reductions

    /** Matrix product: (m×k)·(k×n), or batched (b×m×k)·(b×k×n) and (b×m×k)·(k×n). */
    public Tensor matMul(Tensor other) {
        return TensorOps.matMul(this, other);
    }

    /** Sum of all elements (a scalar tensor). */
    public Tensor sum() {
        return reshape(size()).sum(0, false);
    }

    /** Sum along an axis. */
    public Tensor sum(int axis, boolean keepDims) {
        return TensorOps.reduce("sum", this, axis, keepDims, false);
    }

    public Tensor mean() {
        return reshape(size()).mean(0, false);
    }

    public Tensor mean(int axis, boolean keepDims) {
        return TensorOps.reduce("mean", this, axis, keepDims, true);
    }

    /** Maximum along an axis. */
    public Tensor max(int axis, boolean keepDims) {
        return TensorOps.max(this, axis, keepDims, false);
    }

    /** Index of the maximum along an axis (ties to the lowest index), as a tensor of whole numbers. */
    public Tensor argMax(int axis) {
        return TensorOps.max(this, axis, false, true);
    }

    /** Index of the largest element of the flattened tensor (ties to the lowest index). */
    public int argMax() {
        return (int) reshape(size()).argMax(0).item();
    }

    /** Softmax along an axis (numerically stable). */
    public Tensor softmax(int axis) {
        return TensorOps.softmax(this, axis, false);
    }

    /** log-softmax along an axis (numerically stable). */
    public Tensor logSoftmax(int axis) {
        return TensorOps.softmax(this, axis, true);
    }

    // ---------------------------------------------------------------- comparison and text

    /** True when shapes match and every pair differs by at most atol + rtol·|other|. */
    public boolean allClose(Tensor other, float rtol, float atol) {
        if (!sameShape(other)) {
            return false;
        }
        float[] a = toArray();
        float[] b = other.toArray();
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - b[i]) <= atol + rtol * Math.abs(b[i]))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return TensorFormat.format(this);
    }

    // ---------------------------------------------------------------- package internals

    float[] data() {
        return data;
    }

    int offset() {
        return offset;
    }

    int[] shapeRef() {
        return shape;
    }

    int[] stridesRef() {
        return strides;
    }

    /** Whether operations check their outputs for NaN and infinity produced from finite inputs. */
    public static boolean finiteChecks() {
        return finiteChecks;
    }

    /** Switches the NaN/infinity checks on or off for the whole engine (on by default). */
    public static void setFiniteChecks(boolean enabled) {
        finiteChecks = enabled;
    }
}
