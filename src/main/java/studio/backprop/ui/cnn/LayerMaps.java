package studio.backprop.ui.cnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import studio.backprop.train.TrainingSnapshot.TensorCopy;

/**
 * One layer's feature maps for one input: an (H, W, C) block of values, row-major with the channel fastest, as the
 * engine stores images. Channel c is the H × W map {@code value(y, x, c)}.
 *
 * <p>No toolkit here: the view draws it, tests read it.
 *
 * @param layer    the layer's name ({@code input} for the image itself)
 * @param height   H
 * @param width    W
 * @param channels C
 * @param values   H·W·C values, index (y·W + x)·C + c
 */
public record LayerMaps(String layer, int height, int width, int channels, float[] values) {

    public LayerMaps {
        if (values.length != height * width * channels) {
            throw new IllegalArgumentException("layer " + layer + ": " + values.length + " values do not fill "
                    + height + "×" + width + "×" + channels);
        }
    }

    /** The value of channel {@code c} at row {@code y}, column {@code x}. */
    public float value(int y, int x, int c) {
        return values[(y * width + x) * channels + c];
    }

    /** {min, max} of channel {@code c}. */
    public double[] channelRange(int c) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = c; i < values.length; i += channels) {
            lo = Math.min(lo, values[i]);
            hi = Math.max(hi, values[i]);
        }
        return new double[] {lo, hi};
    }

    /** {min, max} over every channel. */
    public double[] range() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new double[] {lo, hi};
    }

    /**
     * The image-shaped outputs of a probe's payload for one input, in the payload's (the network's) order: tensors
     * of shape (1, H, W, C). Vectors (dense layers, the output) are left out; see {@link #vectors}.
     */
    public static List<LayerMaps> images(Map<String, TensorCopy> outputs) {
        List<LayerMaps> out = new ArrayList<>();
        outputs.forEach((name, t) -> {
            int[] s = t.shape();
            if (s.length == 4 && s[0] == 1) {
                out.add(new LayerMaps(name, s[1], s[2], s[3], t.values()));
            }
        });
        return out;
    }

    /** The vector-shaped outputs (1, units) of a payload for one input, by layer, in the network's order. */
    public static Map<String, float[]> vectors(Map<String, TensorCopy> outputs) {
        Map<String, float[]> out = new java.util.LinkedHashMap<>();
        outputs.forEach((name, t) -> {
            int[] s = t.shape();
            if (s.length == 2 && s[0] == 1) {
                out.put(name, t.values());
            }
        });
        return out;
    }
}
