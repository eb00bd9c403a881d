package studio.backprop.kernels;

/**
 * Element-by-element kernels: unary maps y = f(x), their backward dx (+)= dy·f'(x), and binary operations with
 * numpy broadcasting over strided operands.
 *
 * <p>Broadcast operands are described by strides in which a broadcast axis has stride 0, so one walker serves
 * every broadcast pattern. The fast paths (equal contiguous shapes, a scalar operand, a row vector added to every
 * row) give the same bits as the walker: each output element is one operation on the same two inputs.
 */
public final class Elementwise {

    /** Binary operations on two broadcast operands. */
    public enum BinaryOp {
        ADD, SUB, MUL, DIV, MAX, MIN, POW;

        /** a ∘ b for one pair of elements. */
        public float apply(float a, float b) {
            return switch (this) {
                case ADD -> a + b;
                case SUB -> a - b;
                case MUL -> a * b;
                case DIV -> a / b;
                case MAX -> Math.max(a, b);
                case MIN -> Math.min(a, b);
                case POW -> (float) Math.pow(a, b);
            };
        }
    }

    private static final int GRAIN = 1 << 15;
    /** Rows shorter than this are broadcast through a buffer of repeated rows (see addShortRows). */
    private static final int SHORT_ROW = 64;
    private static final ScratchBuffer REPEATED_ROWS = new ScratchBuffer();
    private static final boolean VECTOR = Gemm.vectorInUse();

    private Elementwise() {
    }

    /** y[i] = f(x[i]) for i in [0, n). Modified: y (may be x itself). Not modified: x. */
    public static void map(UnaryFn f, float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        if (n < 2 * GRAIN) {
            // What parallelFor would do at this size, without allocating the loop body.
            mapRange(f, alpha, x, xOff, y, yOff, n);
            return;
        }
        MapJob job = MAP_JOBS.get();
        job.set(f, alpha, x, xOff, y, yOff, null, null, false);
        try {
            KernelPool.parallelFor(n, GRAIN, job);
        } finally {
            job.set(null, 0f, null, 0, null, 0, null, null, false);
        }
    }

    /**
     * The calling thread's reusable body for a parallel map or map-backward (a lambda would be allocated on
     * every call). dy != null selects the backward.
     */
    private static final class MapJob implements KernelPool.RangeBody {
        UnaryFn f;
        float alpha;
        float[] x;
        int xOff;
        float[] y;
        int yOff;
        float[] dy;
        float[] dx;
        boolean accumulate;

        void set(UnaryFn f, float alpha, float[] x, int xOff, float[] y, int yOff, float[] dy, float[] dx,
                 boolean accumulate) {
            this.f = f;
            this.alpha = alpha;
            this.x = x;
            this.xOff = xOff;
            this.y = y;
            this.yOff = yOff;
            this.dy = dy;
            this.dx = dx;
            this.accumulate = accumulate;
        }

        @Override
        public void run(int s, int e) {
            if (dy == null) {
                mapRange(f, alpha, x, xOff + s, y, yOff + s, e - s);
            } else {
                mapBackwardRange(f, alpha, x, y, dy, dx, s, e, accumulate);
            }
        }
    }

    private static final ThreadLocal<MapJob> MAP_JOBS = ThreadLocal.withInitial(MapJob::new);

    /** The single-threaded reference of {@link #map}. */
    public static void mapReference(UnaryFn f, float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = f.apply(x[xOff + i], alpha);
        }
    }

    private static void mapRange(UnaryFn f, float alpha, float[] x, int xo, float[] y, int yo, int n) {
        switch (f) {
            case RELU -> {
                if (VECTOR) {
                    ElementwiseVector.relu(x, xo, y, yo, n);
                    return;
                }
                for (int i = 0; i < n; i++) {
                    float v = x[xo + i];
                    y[yo + i] = v > 0f ? v : 0f;
                }
            }
            case NEG -> {
                for (int i = 0; i < n; i++) {
                    y[yo + i] = -x[xo + i];
                }
            }
            case TANH -> {
                if (VECTOR) {
                    ElementwiseVector.tanh(x, xo, y, yo, n);
                    return;
                }
                for (int i = 0; i < n; i++) {
                    y[yo + i] = FastMath.tanh(x[xo + i]);
                }
            }
            case SQUARE -> {
                for (int i = 0; i < n; i++) {
                    float v = x[xo + i];
                    y[yo + i] = v * v;
                }
            }
            default -> mapReference(f, alpha, x, xo, y, yo, n);
        }
    }

    /**
     * dx[i] (+)= dy[i] · f'(x[i]) using y = f(x) where the derivative is cheaper from the output.
     * Modified: dx. Not modified: x, y, dy.
     */
    public static void mapBackward(UnaryFn f, float alpha, float[] x, float[] y, float[] dy, float[] dx, int n,
                                   boolean accumulate) {
        if (n < 2 * GRAIN) {
            mapBackwardRange(f, alpha, x, y, dy, dx, 0, n, accumulate);
            return;
        }
        MapJob job = MAP_JOBS.get();
        job.set(f, alpha, x, 0, y, 0, dy, dx, accumulate);
        try {
            KernelPool.parallelFor(n, GRAIN, job);
        } finally {
            job.set(null, 0f, null, 0, null, 0, null, null, false);
        }
    }

    /** The single-threaded reference of {@link #mapBackward}: dy · f'(x, y) per element. */
    public static void mapBackwardReference(UnaryFn f, float alpha, float[] x, float[] y, float[] dy, float[] dx,
                                            int n, boolean accumulate) {
        for (int i = 0; i < n; i++) {
            float g = dy[i] * f.derivative(x[i], y[i], alpha);
            dx[i] = accumulate ? dx[i] + g : g;
        }
    }

    /** Elements [s, e) of mapBackward; the common activations without the per-element switch, same bits. */
    private static void mapBackwardRange(UnaryFn f, float alpha, float[] x, float[] y, float[] dy, float[] dx,
                                         int s, int e, boolean accumulate) {
        switch (f) {
            case RELU -> {
                if (VECTOR) {
                    ElementwiseVector.reluBackward(x, dy, dx, s, e, accumulate);
                    return;
                }
                for (int i = s; i < e; i++) {
                    // dy·1 is dy; dy·0 keeps the sign of zero (and NaN for an infinite dy) of the general rule.
                    float g = x[i] > 0f ? dy[i] : dy[i] * 0f;
                    dx[i] = accumulate ? dx[i] + g : g;
                }
            }
            case TANH -> {
                for (int i = s; i < e; i++) {
                    float v = y[i];
                    float g = dy[i] * (1f - v * v);
                    dx[i] = accumulate ? dx[i] + g : g;
                }
            }
            case SIGMOID -> {
                for (int i = s; i < e; i++) {
                    float v = y[i];
                    float g = dy[i] * (v * (1f - v));
                    dx[i] = accumulate ? dx[i] + g : g;
                }
            }
            default -> {
                for (int i = s; i < e; i++) {
                    float g = dy[i] * f.derivative(x[i], y[i], alpha);
                    dx[i] = accumulate ? dx[i] + g : g;
                }
            }
        }
    }

    /**
     * out = a ∘ b with broadcasting: every operand is addressed by its own strides over the output shape
     * (stride 0 on a broadcast axis). The output is contiguous row-major from {@code outOff}.
     * Modified: out. Not modified: a, b.
     */
    public static void binary(BinaryOp op, float[] a, int aOff, int[] aStrides, float[] b, int bOff, int[] bStrides,
                              int[] outShape, float[] out, int outOff) {
        int n = sizeOf(outShape);
        boolean aDense = isDense(aStrides, outShape);
        boolean bDense = isDense(bStrides, outShape);
        // Where parallelFor would run on this thread anyway (one thread, or under two grains): call the bodies
        // directly; larger loops take the thread's reusable BinaryJob (a capturing lambda allocated per call).
        if (aDense && bDense) {
            if (!KernelPool.splits(n, GRAIN)) {
                flat(op, a, aOff, b, bOff, out, outOff, 0, n);
            } else {
                BinaryLoop.take(BinaryLoop.Kind.FLAT, op, a, aOff, b, bOff, 0f, out, outOff, 0).runOver(n, GRAIN);
            }
        } else if (aDense && allZero(bStrides)) {
            float bv = b[bOff];
            if (!KernelPool.splits(n, GRAIN)) {
                scalarRange(op, a, aOff, bv, out, outOff, 0, n);
            } else {
                BinaryLoop.take(BinaryLoop.Kind.SCALAR, op, a, aOff, null, 0, bv, out, outOff, 0).runOver(n, GRAIN);
            }
        } else if (aDense && isRowBroadcast(bStrides, outShape)) {
            int inner = outShape[outShape.length - 1];
            int rows = n / Math.max(1, inner);
            int grain = Math.max(1, GRAIN / Math.max(1, inner));
            if (!KernelPool.splits(rows, grain)) {
                rowRange(op, a, aOff, b, bOff, out, outOff, inner, 0, rows);
            } else {
                BinaryLoop.take(BinaryLoop.Kind.ROWS, op, a, aOff, b, bOff, 0f, out, outOff, inner)
                        .runOver(rows, grain);
            }
        } else {
            binaryReference(op, a, aOff, aStrides, b, bOff, bStrides, outShape, out, outOff);
        }
    }

    static void scalarRange(BinaryOp op, float[] a, int aOff, float bv, float[] out, int outOff, int s,
                                    int e) {
        for (int i = s; i < e; i++) {
            out[outOff + i] = op.apply(a[aOff + i], bv);
        }
    }

    static void rowRange(BinaryOp op, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff,
                                 int inner, int s, int e) {
        if (op == BinaryOp.ADD && inner < SHORT_ROW) {
            addShortRows(a, aOff, b, bOff, out, outOff, inner, s, e);
            return;
        }
        if (op == BinaryOp.ADD && VECTOR) {
            ElementwiseVector.addRows(a, aOff, b, bOff, out, outOff, inner, s, e);
            return;
        }
        if (op == BinaryOp.ADD) {
            for (int r = s; r < e; r++) {
                int base = r * inner;
                for (int j = 0; j < inner; j++) {
                    out[outOff + base + j] = a[aOff + base + j] + b[bOff + j];
                }
            }
            return;
        }
        for (int r = s; r < e; r++) {
            int base = r * inner;
            for (int j = 0; j < inner; j++) {
                out[outOff + base + j] = op.apply(a[aOff + base + j], b[bOff + j]);
            }
        }
    }

    /**
     * out[r][j] = a[r][j] + b[j] for rows s..e−1 of short rows (a few biases). A loop of a few floats per row is
     * not vectorised, so b is first repeated over the same index range as out (by doubling copies) and the rows
     * are added by {@link #flat}; each element still gets the one addition.
     */
    private static void addShortRows(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int inner,
                                     int s, int e) {
        int from = outOff + s * inner;
        int span = (e - s) * inner;
        float[] repeated = REPEATED_ROWS.get(from + span);
        System.arraycopy(b, bOff, repeated, from, inner);
        for (int filled = inner; filled < span; filled *= 2) {
            System.arraycopy(repeated, from, repeated, from + filled, Math.min(filled, span - filled));
        }
        flat(BinaryOp.ADD, a, aOff, repeated, outOff, out, outOff, s * inner, e * inner);
    }

    /** Whether these strides walk a row-major contiguous tensor of this shape (size-1 axes never step). */
    private static boolean isDense(int[] strides, int[] shape) {
        int expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && strides[i] != expected) {
                return false;
            }
            expected *= shape[i];
        }
        return true;
    }

    static void flat(BinaryOp op, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff,
                             int s, int e) {
        if (aOff != outOff || bOff != outOff) {
            for (int i = s; i < e; i++) {
                out[outOff + i] = op.apply(a[aOff + i], b[bOff + i]);
            }
            return;
        }
        // One index for all three arrays: out may be a or b, and only then can the compiler prove that an
        // iteration never reads what another wrote, and vectorise.
        int from = outOff + s;
        int to = outOff + e;
        switch (op) {
            case ADD -> {
                for (int i = from; i < to; i++) {
                    out[i] = a[i] + b[i];
                }
            }
            case SUB -> {
                for (int i = from; i < to; i++) {
                    out[i] = a[i] - b[i];
                }
            }
            case MUL -> {
                for (int i = from; i < to; i++) {
                    out[i] = a[i] * b[i];
                }
            }
            default -> {
                for (int i = from; i < to; i++) {
                    out[i] = op.apply(a[i], b[i]);
                }
            }
        }
    }

    /** The naive reference of {@link #binary}: one multi-index walk over the output shape. */
    public static void binaryReference(BinaryOp op, float[] a, int aOff, int[] aStrides, float[] b, int bOff,
                                       int[] bStrides, int[] outShape, float[] out, int outOff) {
        int rank = outShape.length;
        int n = sizeOf(outShape);
        int[] index = new int[rank];
        int ai = aOff;
        int bi = bOff;
        for (int i = 0; i < n; i++) {
            out[outOff + i] = op.apply(a[ai], b[bi]);
            for (int axis = rank - 1; axis >= 0; axis--) {
                index[axis]++;
                ai += aStrides[axis];
                bi += bStrides[axis];
                if (index[axis] < outShape[axis]) {
                    break;
                }
                ai -= aStrides[axis] * outShape[axis];
                bi -= bStrides[axis] * outShape[axis];
                index[axis] = 0;
            }
        }
    }

    /**
     * Copies a strided view into a contiguous buffer: dst[i] = src[walk(i)].
     * Modified: dst. Not modified: src.
     */
    public static void gather(float[] src, int srcOff, int[] srcStrides, int[] shape, float[] dst, int dstOff) {
        int rank = shape.length;
        int n = sizeOf(shape);
        if (rank == 0) {
            if (n == 1) {
                dst[dstOff] = src[srcOff];
            }
            return;
        }
        if (rowMajor(srcStrides, shape)) {
            // A dense source in row-major order: the walk below would visit exactly this run.
            System.arraycopy(src, srcOff, dst, dstOff, n);
            return;
        }
        // The walk's odometer, the calling thread's own (a fresh one per call was an allocation per permute).
        int[] index = GATHER_INDEX.get();
        if (index.length < rank) {
            index = new int[rank];
            GATHER_INDEX.set(index);
        }
        java.util.Arrays.fill(index, 0, rank, 0);
        int si = srcOff;
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = src[si];
            for (int axis = rank - 1; axis >= 0; axis--) {
                index[axis]++;
                si += srcStrides[axis];
                if (index[axis] < shape[axis]) {
                    break;
                }
                si -= srcStrides[axis] * shape[axis];
                index[axis] = 0;
            }
        }
    }

    /**
     * True when no element of {@code d} is NaN or infinite (the finite-value guard runs this on every op
     * output). Vectorised when the Vector API is in use; otherwise branch-free integer work: an exponent field
     * of all ones (NaN, ±∞) plus one exponent step sets the sign bit, and the OR of all of them keeps it.
     */
    public static boolean allFinite(float[] d) {
        return allFinite(d, 0, d.length);
    }

    /** {@link #allFinite(float[])} on d[from..to), on the calling thread. */
    static boolean allFinite(float[] d, int from, int to) {
        if (VECTOR) {
            return ElementwiseVector.allFinite(d, from, to);
        }
        int flags = 0;
        for (int i = from; i < to; i++) {
            flags |= (Float.floatToRawIntBits(d[i]) & 0x7f800000) + 0x00800000;
        }
        return flags >= 0;
    }

    /** Product of the dimensions (1 for a scalar). */
    public static int sizeOf(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Row-major strides of a contiguous tensor of this shape. */
    public static int[] contiguousStrides(int[] shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= shape[i];
        }
        return strides;
    }

    private static final ThreadLocal<int[]> GATHER_INDEX = ThreadLocal.withInitial(() -> new int[8]);

    /** Whether these strides walk the shape in row-major order without gaps (axes of length 1 aside). */
    private static boolean rowMajor(int[] strides, int[] shape) {
        int dense = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && strides[i] != dense) {
                return false;
            }
            dense *= shape[i];
        }
        return true;
    }

    private static boolean allZero(int[] strides) {
        for (int s : strides) {
            if (s != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isRowBroadcast(int[] strides, int[] shape) {
        int last = shape.length - 1;
        if (last < 0 || (strides[last] != 1 && shape[last] != 1)) {
            return false;
        }
        for (int i = 0; i < last; i++) {
            if (strides[i] != 0 && shape[i] != 1) {
                return false;
            }
        }
        return true;
    }
}
