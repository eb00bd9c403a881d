package studio.backprop.tensor;

/**
 * The engine's seeded random generator (SplitMix64). One seed drives initialisation, shuffling and dropout, and
 * the whole state is one long, so a session file can save it and resume the exact same sequence.
 */
public final class Rng {

    private long state;

    public Rng(long seed) {
        this.state = seed;
    }

    /** The full state; {@code new Rng(0).setState(s)} continues exactly where this one is. */
    public long state() {
        return state;
    }

    public void setState(long state) {
        this.state = state;
    }

    /** 64 uniformly distributed bits. */
    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform integer in [0, bound), without modulo bias (63-bit draws; the few that would bias are redrawn). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("Rng.nextInt: bound must be positive, got " + bound);
        }
        long r = nextLong() >>> 1;
        long m = r % bound;
        while (r - m + (bound - 1) < 0) {
            r = nextLong() >>> 1;
            m = r % bound;
        }
        return (int) m;
    }

    /** Standard normal sample (Box–Muller; two uniforms per sample, nothing cached, so the state stays one long). */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Fisher–Yates shuffle of the whole array in place. */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /** A permutation of 0..n−1. */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p);
        return p;
    }
}
