package studio.backprop.kernels;

/**
 * A per-thread float scratch array that grows on demand and is kept for the next call, so kernels called
 * thousands of times per second allocate nothing in steady state.
 *
 * <p>Requests above {@link #RETAIN_LIMIT} floats get a fresh array that is not kept, so one huge call does not
 * pin a huge array to a thread forever. Callers must not assume the contents are zero.
 */
final class ScratchBuffer {

    /** Largest array (in floats, 32 MiB) a thread keeps between calls. */
    static final int RETAIN_LIMIT = 8 << 20;

    private final ThreadLocal<float[]> local = ThreadLocal.withInitial(() -> new float[0]);

    /** An array of at least {@code size} floats owned by the calling thread until its next call. */
    float[] get(int size) {
        float[] buf = local.get();
        if (buf.length >= size) {
            return buf;
        }
        if (size > RETAIN_LIMIT) {
            return new float[size];
        }
        // Grow geometrically so a slowly growing sequence of shapes does not reallocate every call.
        float[] grown = new float[(int) Math.min(RETAIN_LIMIT, Math.max(size, 2L * buf.length))];
        local.set(grown);
        return grown;
    }
}
