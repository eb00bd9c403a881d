package studio.backprop.data;

/**
 * A decoded image: height × width × channels values in [0, 1], row-major and channels-last. Channels: 1 grey,
 * 2 grey + alpha, 3 RGB, 4 RGBA.
 */
final class Raster {

    final int width;
    final int height;
    final int channels;
    final float[] values;

    Raster(int width, int height, int channels, float[] values) {
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.values = values;
    }

    /**
     * The image with {@code target} channels (1 or 3). Alpha is composited over black (colour × alpha), which
     * matches MNIST's black background; RGB becomes grey by the Rec. 601 luma 0.299 R + 0.587 G + 0.114 B.
     */
    Raster toChannels(int target) {
        boolean alpha = channels == 2 || channels == 4;
        int colour = alpha ? channels - 1 : channels;
        int n = width * height;
        float[] out = new float[n * target];
        for (int p = 0; p < n; p++) {
            int at = p * channels;
            float a = alpha ? values[at + colour] : 1f;
            if (target == 1) {
                out[p] = a * (colour == 1 ? values[at]
                        : 0.299f * values[at] + 0.587f * values[at + 1] + 0.114f * values[at + 2]);
            } else {
                for (int c = 0; c < 3; c++) {
                    out[p * 3 + c] = a * values[at + (colour == 1 ? 0 : c)];
                }
            }
        }
        return new Raster(width, height, target, out);
    }
}
