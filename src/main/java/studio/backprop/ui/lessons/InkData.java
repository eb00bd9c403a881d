package studio.backprop.ui.lessons;

import java.util.List;
import studio.backprop.data.Dataset;
import studio.backprop.tensor.Tensor;

/**
 * A real one-feature problem from the shipped digits: every 0 and 1 among the 10,000 MNIST images, described by
 * one number, its mean ink (standardised to mean 0 and standard deviation 1 over these images), with the target 1
 * for a zero and 0 for a one (a zero has far more ink).
 *
 * @param data the samples as the engine's data set: features (N, 1), targets (N, 1)
 */
public record InkData(Dataset data) {

    /** Picks the zeros and ones of {@code digits} ((N, 28, 28, 1), classes "0" … "9") and measures their ink. */
    public static InkData from(Dataset digits) {
        int[] labels = digits.labels();
        float[] pixels = digits.features().contiguous().toArray();
        int size = digits.sampleSize();
        int count = 0;
        for (int label : labels) {
            count += label <= 1 ? 1 : 0;
        }
        float[] ink = new float[count];
        float[] targets = new float[count];
        int row = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] <= 1) {
                double sum = 0;
                for (int p = 0; p < size; p++) {
                    sum += pixels[i * size + p];
                }
                ink[row] = (float) (sum / size);
                targets[row] = labels[i] == 0 ? 1f : 0f;
                row++;
            }
        }
        standardise(ink);
        return new InkData(Dataset.regression("zeros and ones by their ink", Tensor.of(ink, count, 1),
                Tensor.of(targets, count, 1), List.of("mean ink (standardised)"), List.of("is a zero")));
    }

    /** x ← (x − mean)/std in place. */
    static void standardise(float[] x) {
        double mean = 0;
        for (float v : x) {
            mean += v;
        }
        mean /= x.length;
        double var = 0;
        for (float v : x) {
            var += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(var / x.length);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) ((x[i] - mean) / (std > 0 ? std : 1));
        }
    }

    /** The standardised inks, one per sample. */
    public float[] inks() {
        return data.features().contiguous().toArray();
    }

    /** The targets, 1 for a zero, 0 for a one. */
    public float[] targets() {
        return data.targets().contiguous().toArray();
    }
}
