package studio.backprop.ui.lessons.conv;

import java.util.List;

/** The explorer's ready kernels, each a classic image filter, and how to normalise one. */
public final class KernelPresets {

    /** A named kernel. */
    public record Preset(String name, float[][] kernel) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static final List<Preset> ALL = List.of(
            new Preset("Course example 14", new float[][] {{-1, 1, 2}, {1, 1, 0}, {-1, -2, 0}}),
            new Preset("Box blur", new float[][] {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}}),
            new Preset("Gaussian-like blur", new float[][] {{1, 2, 1}, {2, 4, 2}, {1, 2, 1}}),
            new Preset("Sharpen", new float[][] {{0, -1, 0}, {-1, 5, -1}, {0, -1, 0}}),
            new Preset("Laplacian", new float[][] {{0, 1, 0}, {1, -4, 1}, {0, 1, 0}}),
            new Preset("Sobel x (vertical edges)", new float[][] {{-1, 0, 1}, {-2, 0, 2}, {-1, 0, 1}}),
            new Preset("Sobel y (horizontal edges)", new float[][] {{-1, -2, -1}, {0, 0, 0}, {1, 2, 1}}),
            new Preset("Horizontal line", new float[][] {{-1, -1, -1}, {2, 2, 2}, {-1, -1, -1}}),
            new Preset("Vertical line", new float[][] {{-1, 2, -1}, {-1, 2, -1}, {-1, 2, -1}}),
            new Preset("Diagonal line", new float[][] {{2, -1, -1}, {-1, 2, -1}, {-1, -1, 2}}),
            new Preset("Top-left corner", new float[][] {{-1, -1, -1}, {-1, 2, 2}, {-1, 2, 0}}),
            new Preset("Identity", new float[][] {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}}));

    private KernelPresets() {
    }

    /**
     * The kernel divided by the sum of its entries, so a flat image keeps its brightness; a kernel that sums to 0
     * (an edge or line detector) is divided by the sum of its positive entries instead, so its strongest response
     * to a 0/1 image is 1. A zero kernel is returned unchanged.
     */
    public static float[][] normalised(float[][] k) {
        double sum = 0;
        double positive = 0;
        for (float[] row : k) {
            for (float v : row) {
                sum += v;
                positive += Math.max(0, v);
            }
        }
        double by = Math.abs(sum) > 1e-9 ? sum : positive;
        float[][] out = new float[k.length][];
        for (int i = 0; i < k.length; i++) {
            out[i] = k[i].clone();
            for (int j = 0; j < out[i].length && by != 0; j++) {
                out[i][j] = (float) (k[i][j] / by);
            }
        }
        return out;
    }
}
