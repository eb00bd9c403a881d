package studio.backprop.data;

import java.util.List;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * The 2-D distributions a GAN learns to imitate, as GAN Lab shows them, each centred on the origin within about
 * [−1.5, 1.5]²: points (N, 2) and a label per point (the component a point came from, for a conditional GAN).
 * Noise is Gaussian with standard deviation {@code noise}, added to each coordinate; one seed gives one set.
 */
public final class TargetDistributions {

    /** Sampled points, their labels and how many labels there are. */
    public record Samples(String name, Tensor points, int[] labels, int classes) {
    }

    /** The names accepted by {@link #byName}. */
    public static final List<String> NAMES = List.of("ring", "two_moons", "grid", "line");

    /** Radius of the ring. */
    public static final double RING_RADIUS = 1.0;

    private TargetDistributions() {
    }

    /**
     * One of {@link #NAMES}.
     *
     * @throws IllegalArgumentException naming the distributions when the name is not one of them
     */
    public static Samples byName(String name, int size, double noise, long seed) {
        return switch (name) {
            case "ring" -> ring(size, noise, seed);
            case "two_moons" -> twoMoons(size, noise, seed);
            case "grid" -> grid(size, noise, seed);
            case "line" -> line(size, noise, seed);
            default -> throw new IllegalArgumentException("'" + name + "' is not a target distribution; the "
                    + "distributions are " + String.join(", ", NAMES));
        };
    }

    /** A circle of radius 1: angle θ uniform, point (cos θ, sin θ) plus noise; labels are the four quadrants. */
    public static Samples ring(int size, double noise, long seed) {
        Rng rng = new Rng(seed);
        float[] xy = new float[2 * size];
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            double theta = 2 * Math.PI * rng.nextDouble();
            labels[i] = (int) (theta / (Math.PI / 2)) % 4;
            put(xy, i, RING_RADIUS * Math.cos(theta), RING_RADIUS * Math.sin(theta), noise, rng);
        }
        return new Samples("ring", Tensor.of(xy, size, 2), labels, 4);
    }

    /** Two interleaving half circles of radius 1, the upper one around (−0.5, −0.25), the lower around (0.5, 0.25). */
    public static Samples twoMoons(int size, double noise, long seed) {
        Rng rng = new Rng(seed);
        float[] xy = new float[2 * size];
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            int moon = i % 2;
            double theta = Math.PI * rng.nextDouble();
            double x = moon == 0 ? Math.cos(theta) - 0.5 : 0.5 - Math.cos(theta);
            double y = moon == 0 ? Math.sin(theta) - 0.25 : 0.25 - Math.sin(theta);
            labels[i] = moon;
            put(xy, i, x, y, noise, rng);
        }
        return new Samples("two_moons", Tensor.of(xy, size, 2), labels, 2);
    }

    /** Nine Gaussians on the 3×3 grid {−1, 0, 1}², each point from one of them in turn (noise is their σ). */
    public static Samples grid(int size, double noise, long seed) {
        Rng rng = new Rng(seed);
        float[] xy = new float[2 * size];
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            int mode = rng.nextInt(9);
            labels[i] = mode;
            put(xy, i, mode % 3 - 1, mode / 3 - 1, noise, rng);
        }
        return new Samples("grid", Tensor.of(xy, size, 2), labels, 9);
    }

    /** The segment from (−1, −1) to (1, 1): t uniform in [−1, 1], point (t, t); labels: which half. */
    public static Samples line(int size, double noise, long seed) {
        Rng rng = new Rng(seed);
        float[] xy = new float[2 * size];
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            double t = 2 * rng.nextDouble() - 1;
            labels[i] = t < 0 ? 0 : 1;
            put(xy, i, t, t, noise, rng);
        }
        return new Samples("line", Tensor.of(xy, size, 2), labels, 2);
    }

    /** The distance of (x, y) from the ring: |√(x² + y²) − radius|. */
    public static double distanceToRing(double x, double y) {
        return Math.abs(Math.hypot(x, y) - RING_RADIUS);
    }

    private static void put(float[] xy, int i, double x, double y, double noise, Rng rng) {
        xy[2 * i] = (float) (x + noise * rng.nextGaussian());
        xy[2 * i + 1] = (float) (y + noise * rng.nextGaussian());
    }
}
