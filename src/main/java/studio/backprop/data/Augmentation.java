package studio.backprop.data;

import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * Seeded data augmentation for image batches: each image is shifted by a whole number of pixels, rotated by a
 * small angle about its centre, and given Gaussian noise, each drawn afresh per image from the caller's
 * {@link Rng}, so a seed fixes every augmented batch.
 *
 * <p>For an image of shape (H, W, C), output pixel (r, c) takes the input at the point that the inverse of the
 * transform sends it to: with the centre (r₀, c₀) = ((H − 1)/2, (W − 1)/2), a shift (dr, dc) and an angle θ
 * (clockwise as the image is seen, rows running down),
 * <pre>
 *   u = r − dr − r₀,  v = c − dc − c₀
 *   source row = r₀ + u·cos θ − v·sin θ,  source column = c₀ + u·sin θ + v·cos θ
 * </pre>
 * rounded to the nearest pixel; a source outside the image reads 0 (background). Noise n ~ N(0, σ²) is then added
 * and the value clipped to [0, 1], the range of the shipped digits.
 *
 * @param maxShift    shifts are drawn uniformly from the whole numbers −s … s, per axis; ≥ 0
 * @param maxDegrees  angles are drawn uniformly from [−a, a] degrees; 0 to 180
 * @param noiseStd    σ of the added noise; ≥ 0
 */
public record Augmentation(int maxShift, double maxDegrees, double noiseStd) {

    /** No change at all. */
    public static final Augmentation NONE = new Augmentation(0, 0, 0);

    public Augmentation {
        if (maxShift < 0 || maxShift > 64) {
            throw new IllegalArgumentException("augmentation: the largest shift must be 0 to 64 pixels; got "
                    + maxShift);
        }
        if (!(maxDegrees >= 0 && maxDegrees <= 180)) {
            throw new IllegalArgumentException("augmentation: the largest rotation must be 0 to 180 degrees; got "
                    + maxDegrees);
        }
        if (!(noiseStd >= 0) || Double.isInfinite(noiseStd)) {
            throw new IllegalArgumentException("augmentation: the noise σ must be a finite number ≥ 0; got "
                    + noiseStd);
        }
    }

    /**
     * A new batch: every image of {@code images} (N, H, W, C) shifted, rotated and noised with draws from
     * {@code rng}, in image order (shift rows, shift columns, angle, then one Gaussian per value).
     */
    public Tensor apply(Tensor images, Rng rng) {
        int[] shape = images.shape();
        requireImages(shape);
        float[] in = images.contiguous().toArray();
        float[] out = new float[in.length];
        apply(in, out, shape, rng);
        return Tensor.of(out, shape);
    }

    /**
     * As {@link #apply(Tensor, Rng)} on flat arrays: the images of {@code in} (shape (N, H, W, C), row-major) are
     * written augmented to {@code out}; the two must not be the same array. Modified: {@code out}, {@code rng}.
     */
    public void apply(float[] in, float[] out, int[] shape, Rng rng) {
        requireImages(shape);
        int size = shape[1] * shape[2] * shape[3];
        for (int n = 0; n < shape[0]; n++) {
            int dr = maxShift == 0 ? 0 : rng.nextInt(2 * maxShift + 1) - maxShift;
            int dc = maxShift == 0 ? 0 : rng.nextInt(2 * maxShift + 1) - maxShift;
            double degrees = maxDegrees == 0 ? 0 : (2 * rng.nextDouble() - 1) * maxDegrees;
            transform(in, n * size, out, n * size, shape[1], shape[2], shape[3], dr, dc, degrees);
            if (noiseStd > 0) {
                for (int i = n * size; i < (n + 1) * size; i++) {
                    out[i] = (float) Math.max(0, Math.min(1, out[i] + noiseStd * rng.nextGaussian()));
                }
            }
        }
    }

    private static void requireImages(int[] shape) {
        if (shape.length != 4) {
            throw new IllegalArgumentException("augmentation works on image batches (N, H, W, C); got a tensor of"
                    + " rank " + shape.length);
        }
    }

    /**
     * Shifts by (dr, dc) pixels and rotates by {@code degrees} one image of (h, w, c) values starting at
     * {@code from} in {@code in}, writing it at {@code to} in {@code out} (nearest pixel, 0 outside).
     */
    public static void transform(float[] in, int from, float[] out, int to, int h, int w, int c, int dr, int dc,
                                 double degrees) {
        double theta = Math.toRadians(degrees);
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double r0 = (h - 1) / 2.0;
        double c0 = (w - 1) / 2.0;
        for (int r = 0; r < h; r++) {
            for (int col = 0; col < w; col++) {
                double u = r - dr - r0;
                double v = col - dc - c0;
                long sr = Math.round(r0 + u * cos - v * sin);
                long sc = Math.round(c0 + u * sin + v * cos);
                boolean inside = sr >= 0 && sr < h && sc >= 0 && sc < w;
                for (int ch = 0; ch < c; ch++) {
                    out[to + (r * w + col) * c + ch] = inside ? in[from + (int) ((sr * w + sc) * c) + ch] : 0f;
                }
            }
        }
    }
}
