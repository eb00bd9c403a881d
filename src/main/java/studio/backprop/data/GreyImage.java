package studio.backprop.data;

/**
 * One image decoded to a grey matrix in [0, 1] (PNG, PGM or PPM; colour turned grey by Rec. 601 luma, alpha
 * composited over black), for views that show a single small picture rather than a data set.
 *
 * @param rows         the grey values, {@code rows[i][j]} the pixel in row i, column j
 * @param wasColour    true when the file held colour that was turned grey
 */
public record GreyImage(float[][] rows, boolean wasColour) {

    /**
     * Decodes {@code bytes}, refusing in words an image larger than {@code maxSide} pixels a side.
     *
     * @param name how the message names the file
     * @throws DatasetException in words: not an image format the app reads, a broken file, an unsupported colour
     *                          depth, or too large
     */
    public static GreyImage decode(byte[] bytes, String name, int maxSide) throws DatasetException {
        Raster raster = ImageDecoders.decode(bytes, name);
        if (raster.width > maxSide || raster.height > maxSide) {
            throw new DatasetException(name + " is " + raster.width + "×" + raster.height + " pixels; this view shows "
                    + "at most " + maxSide + "×" + maxSide + ": crop or scale the picture first");
        }
        boolean colour = raster.channels >= 3;
        Raster grey = raster.toChannels(1);
        float[][] rows = new float[grey.height][grey.width];
        for (int i = 0; i < grey.height; i++) {
            System.arraycopy(grey.values, i * grey.width, rows[i], 0, grey.width);
        }
        return new GreyImage(rows, colour);
    }
}
