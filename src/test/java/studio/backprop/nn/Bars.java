package studio.backprop.nn;

import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * Generated size×size one-channel images holding one bright bar, horizontal (label 0) or vertical (label 1), of
 * random position and length, on Gaussian noise.
 */
public record Bars(Tensor images, int[] labels) {

    public static Bars generate(int count, int size, double noise, Rng rng) {
        Tensor images = Tensor.zeros(count, size, size, 1);
        float[] px = images.buffer();
        int[] labels = new int[count];
        for (int n = 0; n < count; n++) {
            int label = n % 2;
            labels[n] = label;
            int line = rng.nextInt(size);
            int length = size / 2 + rng.nextInt(size - size / 2 + 1);
            int start = rng.nextInt(size - length + 1);
            int base = n * size * size;
            for (int i = 0; i < size * size; i++) {
                px[base + i] = (float) (noise * rng.nextGaussian());
            }
            for (int k = start; k < start + length; k++) {
                int r = label == 0 ? line : k;
                int c = label == 0 ? k : line;
                px[base + r * size + c] += 1f;
            }
        }
        return new Bars(images, labels);
    }
}
