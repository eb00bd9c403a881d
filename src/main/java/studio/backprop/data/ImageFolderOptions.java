package studio.backprop.data;

/**
 * How to read an image folder: grey (1 channel) or RGB (3), and optionally a size every image is resized to.
 * Immutable; without a size all images must already share one.
 */
public final class ImageFolderOptions {

    /** The largest side an image may be resized to, in pixels. */
    public static final int MAX_SIDE = 4096;

    private final int channels;
    private final int height;
    private final int width;
    private final Interpolation interpolation;

    private ImageFolderOptions(int channels, int height, int width, Interpolation interpolation) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.interpolation = interpolation;
    }

    /** One grey channel (colour images by luma), no resizing. */
    public static ImageFolderOptions grayscale() {
        return new ImageFolderOptions(1, 0, 0, Interpolation.BILINEAR);
    }

    /** Three channels R, G, B (grey images repeated), no resizing. */
    public static ImageFolderOptions rgb() {
        return new ImageFolderOptions(3, 0, 0, Interpolation.BILINEAR);
    }

    /** Every image resized to height × width. */
    public ImageFolderOptions resizedTo(int newHeight, int newWidth, Interpolation mode) {
        if (newHeight < 1 || newWidth < 1 || newHeight > MAX_SIDE || newWidth > MAX_SIDE) {
            throw new IllegalArgumentException("resize to " + newHeight + "×" + newWidth + ": each side must be "
                    + "between 1 and " + MAX_SIDE + " pixels");
        }
        return new ImageFolderOptions(channels, newHeight, newWidth, mode);
    }

    public int channels() {
        return channels;
    }

    /** True when a target size was given. */
    public boolean resizes() {
        return height > 0;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public Interpolation interpolation() {
        return interpolation;
    }
}
