package studio.backprop.data;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * Two-dimensional classification sets in the style of the TensorFlow Playground: features (N, 2) named x1 and
 * x2, coordinates roughly in [−6, 6], one-hot targets.
 *
 * <p>Every generator takes the number of points, a noise level in [0, 1] and a seed. Classes get equal shares
 * (the first classes one point more when N does not divide). Where a generator speaks of jitter, noise n adds
 * Gaussian jitter of standard deviation n·S to each coordinate after the point's class is fixed, so noise
 * blurs the boundary instead of relabelling points. The points are finally put in a random order, so a "last
 * fraction" split still sees every class. Same arguments, same seed: identical data.
 */
public final class Generators {

    private static final List<String> XY = List.of("x1", "x2");

    private Generators() {
    }

    /**
     * Inner disc (class "disc") against a surrounding ring (class "ring"): angle θ uniform, radius 2.5·u for the
     * disc and 5·(0.7 + 0.3u) for the ring (u uniform in [0, 1)); point (r cos θ, r sin θ); jitter S = 2.
     */
    public static Dataset circle(int size, double noise, long seed) {
        Points p = new Points("circle", size, 2, noise, seed);
        for (int label = 0; label < 2; label++) {
            for (int i = 0; i < p.share(label); i++) {
                double theta = 2 * Math.PI * p.rng.nextDouble();
                double r = label == 1 ? 2.5 * p.rng.nextDouble() : 5 * (0.7 + 0.3 * p.rng.nextDouble());
                p.add(r * Math.cos(theta), r * Math.sin(theta), label, 2);
            }
        }
        return p.finish(List.of("ring", "disc"));
    }

    /**
     * XOR quadrants: x and y uniform in [−5, 5], each pushed 0.3 away from zero; class "same sign" when x·y &gt; 0,
     * "opposite signs" otherwise; jitter S = 2.
     */
    public static Dataset xor(int size, double noise, long seed) {
        Points p = new Points("xor", size, 2, noise, seed);
        for (int label = 0; label < 2; label++) {
            for (int i = 0; i < p.share(label); i++) {
                double x = awayFromZero(10 * p.rng.nextDouble() - 5);
                double y = Math.abs(awayFromZero(10 * p.rng.nextDouble() - 5));
                p.add(x, (x > 0) == (label == 1) ? y : -y, label, 2);
            }
        }
        return p.finish(List.of("opposite signs", "same sign"));
    }

    /**
     * Two Gaussian clouds centred at (−2, −2) (class "A") and (2, 2) (class "B"), standard deviation 0.5 + 2n
     * in each coordinate; no extra jitter.
     */
    public static Dataset gaussians(int size, double noise, long seed) {
        Points p = new Points("gaussians", size, 2, noise, seed);
        double sigma = 0.5 + 2 * noise;
        for (int label = 0; label < 2; label++) {
            double c = label == 0 ? -2 : 2;
            for (int i = 0; i < p.share(label); i++) {
                p.add(c + sigma * p.rng.nextGaussian(), c + sigma * p.rng.nextGaussian(), label, 0);
            }
        }
        return p.finish(List.of("A", "B"));
    }

    /**
     * Two interleaved spiral arms: point i of the m points of arm a has t = i/m, radius 5t and angle
     * θ = 3.5π·t + aπ, at (r sin θ, r cos θ); jitter S = 1.
     */
    public static Dataset spiral(int size, double noise, long seed) {
        Points p = new Points("spiral", size, 2, noise, seed);
        for (int label = 0; label < 2; label++) {
            int m = p.share(label);
            for (int i = 0; i < m; i++) {
                double t = (double) i / m;
                double theta = 3.5 * Math.PI * t + label * Math.PI;
                p.add(5 * t * Math.sin(theta), 5 * t * Math.cos(theta), label, 1);
            }
        }
        return p.finish(List.of("arm 1", "arm 2"));
    }

    /**
     * Two interleaving half circles (scikit-learn's moons, scaled): angle θ uniform in [0, π]; the upper moon is
     * (cos θ, sin θ), the lower one (1 − cos θ, 0.5 − sin θ); both mapped by (x, y) ↦ (3(x − 0.5), 3(y − 0.25))
     * into about [−4.5, 4.5] × [−3.75, 3.75]; jitter S = 1.5.
     */
    public static Dataset moons(int size, double noise, long seed) {
        Points p = new Points("moons", size, 2, noise, seed);
        for (int label = 0; label < 2; label++) {
            for (int i = 0; i < p.share(label); i++) {
                double theta = Math.PI * p.rng.nextDouble();
                double x = label == 0 ? Math.cos(theta) : 1 - Math.cos(theta);
                double y = label == 0 ? Math.sin(theta) : 0.5 - Math.sin(theta);
                p.add(3 * (x - 0.5), 3 * (y - 0.25), label, 1.5);
            }
        }
        return p.finish(List.of("upper moon", "lower moon"));
    }

    /**
     * k Gaussian blobs ("blob 1" … "blob k") centred on a circle of radius 4 at angles 2πj/k, standard deviation
     * 0.5 + 2n in each coordinate.
     *
     * @param classes k ≥ 2
     */
    public static Dataset blobs(int size, int classes, double noise, long seed) {
        if (classes < 2) {
            throw new IllegalArgumentException("blobs: need at least 2 classes, got " + classes);
        }
        Points p = new Points("blobs", size, classes, noise, seed);
        double sigma = 0.5 + 2 * noise;
        List<String> names = new ArrayList<>();
        for (int label = 0; label < classes; label++) {
            double angle = 2 * Math.PI * label / classes;
            for (int i = 0; i < p.share(label); i++) {
                p.add(4 * Math.cos(angle) + sigma * p.rng.nextGaussian(),
                        4 * Math.sin(angle) + sigma * p.rng.nextGaussian(), label, 0);
            }
            names.add("blob " + (label + 1));
        }
        return p.finish(names);
    }

    private static double awayFromZero(double v) {
        return v + (v >= 0 ? 0.3 : -0.3);
    }

    /** Collects points class by class, then shuffles them into one dataset. */
    private static final class Points {
        final Rng rng;
        private final String name;
        private final int size;
        private final int classes;
        private final double noise;
        private final float[] xy;
        private final int[] labels;
        private int count;

        Points(String name, int size, int classes, double noise, long seed) {
            if (size < 1) {
                throw new IllegalArgumentException(name + ": size must be at least 1, got " + size);
            }
            if (!(noise >= 0 && noise <= 1)) {
                throw new IllegalArgumentException(name + ": noise must be in [0, 1], got " + noise);
            }
            this.name = name;
            this.size = size;
            this.classes = classes;
            this.noise = noise;
            this.rng = new Rng(seed);
            this.xy = new float[2 * size];
            this.labels = new int[size];
        }

        int share(int label) {
            return size / classes + (label < size % classes ? 1 : 0);
        }

        void add(double x, double y, int label, double jitterScale) {
            double s = noise * jitterScale;
            if (s > 0) {
                x += s * rng.nextGaussian();
                y += s * rng.nextGaussian();
            }
            xy[2 * count] = (float) x;
            xy[2 * count + 1] = (float) y;
            labels[count++] = label;
        }

        Dataset finish(List<String> classNames) {
            int[] order = rng.permutation(size);
            float[] shuffledXy = new float[2 * size];
            int[] shuffledLabels = new int[size];
            for (int i = 0; i < size; i++) {
                shuffledXy[2 * i] = xy[2 * order[i]];
                shuffledXy[2 * i + 1] = xy[2 * order[i] + 1];
                shuffledLabels[i] = labels[order[i]];
            }
            return Dataset.classification(name, Tensor.wrap(shuffledXy, size, 2), shuffledLabels, classNames, XY);
        }
    }
}
