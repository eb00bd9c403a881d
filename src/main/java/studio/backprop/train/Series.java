package studio.backprop.train;

import java.util.Arrays;

/**
 * A growing list of numbers (a loss curve) that snapshots can share safely: values are only ever appended, a
 * snapshot remembers how many there were, and growing copies into a new array, so what an older snapshot sees
 * never changes.
 */
public final class Series {

    private float[] values = new float[64];
    private int size;

    /** Appends a value (trainer thread only). */
    void add(float value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    /** Replaces the contents (restoring a checkpoint). */
    void setAll(float[] restored) {
        values = Arrays.copyOf(restored, Math.max(64, restored.length));
        size = restored.length;
    }

    void clear() {
        values = new float[64];
        size = 0;
    }

    /** An immutable view of the values so far. */
    public View view() {
        return new View(values, size);
    }

    /** The first {@code size} values of a shared array, never written again below {@code size}. */
    public record View(float[] values, int size) {

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
            return new View(new float[0], 0);
        }
    }
}
