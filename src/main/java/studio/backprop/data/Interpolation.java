package studio.backprop.data;

/**
 * How a resized image samples its source. Both use pixel centres: target pixel x looks at source position
 * (x + 0.5)·w/W − 0.5 (w source, W target width; the same for rows), as OpenCV and TensorFlow's
 * half-pixel-centre resizing do. Neither averages over a footprint, so strong shrinking can skip thin strokes.
 */
public enum Interpolation {
    /** The source pixel whose centre is nearest. */
    NEAREST,
    /** A weighted mean of the four surrounding source pixels, positions clamped at the borders. */
    BILINEAR
}
