package studio.backprop.ui.lessons.generative;

import studio.backprop.data.Dataset;
import studio.backprop.data.DatasetException;
import studio.backprop.data.SampleData;

/**
 * The first digits of the shipped MNIST sample, read once for the lessons: 784 pixels in [0, 1] each, row-major,
 * and their labels. With {@code split = last} these are also the first training samples of the digit templates.
 */
final class LessonDigits {

    static final int PIXELS = 784;
    private static LessonDigits loaded;

    final float[] pixels;
    final int[] labels;

    private LessonDigits(float[] pixels, int[] labels) {
        this.pixels = pixels;
        this.labels = labels;
    }

    /** The first {@code count} digits (read on first use; the sample holds 10,000). */
    static synchronized LessonDigits first(int count) throws DatasetException {
        if (loaded == null || loaded.labels.length < count) {
            Dataset all = SampleData.mnist10k();
            int n = Math.min(count, all.size());
            float[] px = java.util.Arrays.copyOf(all.features().contiguous().buffer(), n * PIXELS);
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = all.label(i);
            }
            loaded = new LessonDigits(px, labels);
        }
        return loaded;
    }

    int size() {
        return labels.length;
    }

    /** Digits {@code from} … {@code from + n − 1} as one array, each pixel plus σ·ε (seeded), clipped to [0, 1]. */
    float[] noisy(int from, int n, double sigma, long seed) {
        float[] out = java.util.Arrays.copyOfRange(pixels, from * PIXELS, (from + n) * PIXELS);
        if (sigma > 0) {
            java.util.Random rng = new java.util.Random(seed);
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) Math.max(0, Math.min(1, out[i] + sigma * rng.nextGaussian()));
            }
        }
        return out;
    }
}
