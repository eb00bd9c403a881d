package studio.backprop.data;

/** Turns unfiltered PNG rows into a raster in [0, 1], expanding palette indices to RGB or RGBA. */
final class PngPixels {

    private PngPixels() {
    }

    static Raster unpack(byte[] raw, PngHeader h, byte[] palette, byte[] paletteAlpha, String name)
            throws DatasetException {
        boolean indexed = h.colorType == 3;
        int channels = indexed ? (paletteAlpha != null ? 4 : 3) : h.samples;
        float[] out = new float[h.width * h.height * channels];
        float max = (1 << h.bitDepth) - 1;
        int rowBytes = h.rowBytes();
        for (int y = 0; y < h.height; y++) {
            int start = y * (rowBytes + 1) + 1;
            for (int x = 0; x < h.width; x++) {
                int at = (y * h.width + x) * channels;
                if (indexed) {
                    int index = sample(raw, start, x, h);
                    if (3 * index + 2 >= palette.length) {
                        throw new DatasetException(name + ": pixel (" + x + ", " + y + ") uses palette entry " + index
                                + " but the palette has " + palette.length / 3);
                    }
                    for (int c = 0; c < 3; c++) {
                        out[at + c] = (palette[3 * index + c] & 0xff) / 255f;
                    }
                    if (channels == 4) {
                        out[at + 3] = index < paletteAlpha.length ? (paletteAlpha[index] & 0xff) / 255f : 1f;
                    }
                } else {
                    for (int c = 0; c < channels; c++) {
                        out[at + c] = sample(raw, start, x * channels + c, h) / max;
                    }
                }
            }
        }
        return new Raster(h.width, h.height, channels, out);
    }

    /** The n-th sample of a row: 16-bit big-endian, one byte, or packed bits from the high end of each byte. */
    private static int sample(byte[] raw, int start, int n, PngHeader h) {
        switch (h.bitDepth) {
            case 16:
                return (raw[start + 2 * n] & 0xff) << 8 | (raw[start + 2 * n + 1] & 0xff);
            case 8:
                return raw[start + n] & 0xff;
            default:
                int bit = n * h.bitDepth;
                int shift = 8 - h.bitDepth - bit % 8;
                return (raw[start + bit / 8] >> shift) & ((1 << h.bitDepth) - 1);
        }
    }
}
