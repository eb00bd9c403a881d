package studio.backprop.train;

import java.util.Arrays;

/**
 * A growing list of numbers (a loss curve) that snapshots can share safely: values are only ever appended, a
 * snapshot remembers how many there were, and growing copies into a new array, so what an older snapshot sees
 * never changes.
 *
 * <p>Memory stays bounded however long training runs: when {@link #capacity} values are stored, neighbouring pairs
 * are merged into their mean (into a new array) and each stored value stands for twice as many appended ones from
 * then on (the {@link View#stride()}). Stored value i is then the mean of appended values i·stride … (i+1)·stride − 1;
 * appended values that do not yet fill a stride wait and are not visible.
 */
public final class Series {

    /** Values kept before pairs are merged: 2^18 floats, 1 MiB, far more than a chart has pixels. */
    public static final int DEFAULT_CAPACITY = 1 << 18;

    private final int capacity;
    private float[] values = new float[64];
    private int size;
    private int stride = 1;
    private double pendingSum;
    private int pendingCount;

    public Series() {
        this(DEFAULT_CAPACITY);
    }

    /** @param capacity values stored at most before pairs are merged (even, at least 2) */
    Series(int capacity) {
        if (capacity < 2 || capacity % 2 != 0) {
            throw new IllegalArgumentException("a series needs an even capacity of at least 2, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Appends a value (trainer thread only). */
    void add(float value) {
        float stored = value;
        if (stride > 1) {
            pendingSum += value;
            if (++pendingCount < stride) {
                return;
            }
            stored = (float) (pendingSum / stride);
            pendingSum = 0;
            pendingCount = 0;
        }
        if (size == capacity) {
            mergePairs();
            // The value just completed covers half of the new stride: it waits for the other half.
            pendingSum = (double) stored * (stride / 2);
            pendingCount = stride / 2;
            return;
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.min(capacity, size * 2));
        }
        values[size++] = stored;
    }

    /** Replaces every pair of stored values by their mean, in a new array, and doubles the stride. */
    private void mergePairs() {
        float[] merged = new float[capacity];
        for (int i = 0; i < size / 2; i++) {
            merged[i] = (float) (((double) values[2 * i] + values[2 * i + 1]) / 2);
        }
        values = merged;
        size /= 2;
        stride *= 2;
    }

    /** Replaces the contents (restoring a checkpoint): stored values, each the mean of {@code stride} appended. */
    void setAll(float[] restored, int restoredStride) {
        if (restoredStride < 1) {
            throw new IllegalArgumentException("a series stride must be at least 1, got " + restoredStride);
        }
        values = Arrays.copyOf(restored, Math.max(64, restored.length));
        size = restored.length;
        stride = restoredStride;
        pendingSum = 0;
        pendingCount = 0;
        while (size > capacity) {
            mergePairs();
        }
    }

    /**
     * Where this series stands (in O(1)): the stored values are shared, which is safe because values below the
     * mark's size are never written again.
     */
    Mark mark() {
        return new Mark(values, size, stride, pendingSum, pendingCount);
    }

    /** Goes back to a mark taken of this series: the values appended since are forgotten. */
    void rewind(Mark mark) {
        float[] kept = new float[mark.values.length];
        System.arraycopy(mark.values, 0, kept, 0, mark.size);
        values = kept;
        size = mark.size;
        stride = mark.stride;
        pendingSum = mark.pendingSum;
        pendingCount = mark.pendingCount;
    }

    /** A position of a series, for stepping back. */
    record Mark(float[] values, int size, int stride, double pendingSum, int pendingCount) {
    }

    void clear() {
        values = new float[64];
        size = 0;
        stride = 1;
        pendingSum = 0;
        pendingCount = 0;
    }

    /** An immutable view of the values so far. */
    public View view() {
        return new View(values, size, stride);
    }

    /**
     * The first {@code size} values of a shared array, never written again below {@code size}; each value is the
     * mean of {@code stride} consecutive appended values.
     */
    public record View(float[] values, int size, int stride) {

        /** A view of values that each stand for one appended value. */
        public View(float[] values, int size) {
            this(values, size, 1);
        }

        public float get(int i) {
            if (i < 0 || i >= size) {
                throw new IndexOutOfBoundsException("index " + i + " of a series of " + size);
            }
            return values[i];
        }

        /** The last value, or NaN when empty. */
        public float last() {
            return size == 0 ? Float.NaN : values[size - 1];
        }

        public float[] toArray() {
            return Arrays.copyOf(values, size);
        }

        public static View empty() {
            return new View(new float[0], 0, 1);
        }
    }
}
