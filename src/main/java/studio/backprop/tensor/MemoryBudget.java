package studio.backprop.tensor;

import java.util.Locale;

/**
 * The one memory budget every size a file claims is checked against before anything is allocated: half of the
 * Java heap ({@code Runtime.maxMemory() / 2}), so that a network, its data and the program itself fit together.
 *
 * <p>Sizes are counted in bytes with saturating arithmetic: a product that would overflow a {@code long} counts
 * as {@link Long#MAX_VALUE}, which no budget admits. Callers turn {@link #problem} into their own exception and
 * add what the file claimed and how to fix it.
 */
public final class MemoryBudget {

    /** Bytes per stored value (float32). */
    public static final long FLOAT_BYTES = 4;

    private MemoryBudget() {
    }

    /** The budget in bytes. */
    public static long bytes() {
        return Runtime.getRuntime().maxMemory() / 2;
    }

    /** The product of the factors, or {@link Long#MAX_VALUE} when it overflows; a negative factor gives 0. */
    public static long product(long... factors) {
        long n = 1;
        for (long f : factors) {
            if (f <= 0) {
                return 0;
            }
            if (n > Long.MAX_VALUE / f) {
                return Long.MAX_VALUE;
            }
            n *= f;
        }
        return n;
    }

    /** The sum of the terms, or {@link Long#MAX_VALUE} when it overflows (terms are not negative). */
    public static long sum(long... terms) {
        long n = 0;
        for (long t : terms) {
            n = n > Long.MAX_VALUE - t ? Long.MAX_VALUE : n + t;
        }
        return n;
    }

    /** True when {@code bytes} fit the budget. */
    public static boolean fits(long bytes) {
        return bytes >= 0 && bytes <= bytes();
    }

    /**
     * Null when {@code bytes} fit the budget, otherwise "that needs 2.1 GB, more than the 128 MB this program
     * may use (half of its Java heap of 256 MB)".
     */
    public static String problem(long bytes) {
        if (fits(bytes)) {
            return null;
        }
        return "that needs " + (bytes == Long.MAX_VALUE ? "more memory than any computer has" : text(bytes))
                + ", more than the " + text(bytes()) + " this program may use (half of its Java heap of "
                + text(Runtime.getRuntime().maxMemory()) + "; start Java with a larger -Xmx to raise it)";
    }

    /** A byte count for people: "512 bytes", "3.1 MB", "2.1 GB". */
    public static String text(long bytes) {
        if (bytes < 1000) {
            return bytes + " bytes";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }

    /** A count with thousands separators: "1,000,000". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
