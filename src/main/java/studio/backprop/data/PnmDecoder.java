package studio.backprop.data;

/**
 * Binary Netpbm images: P5 (grey, PGM) and P6 (RGB, PPM). Header: magic, width, height and maxval (1–65535)
 * separated by whitespace, '#' comments to the end of a line, then one whitespace byte and the samples row by row
 * (one byte each when maxval &lt; 256, else two, big-endian). Values are divided by maxval into [0, 1].
 */
final class PnmDecoder {

    private PnmDecoder() {
    }

    static Raster decode(byte[] b, String name) throws DatasetException {
        int channels = b[1] == '5' ? 1 : 3;
        int[] pos = {2};
        int width = number(b, pos, name, "width");
        int height = number(b, pos, name, "height");
        int maxval = number(b, pos, name, "maxval");
        if (width < 1 || height < 1 || maxval < 1 || maxval > 65535) {
            throw new DatasetException(name + ": PNM header has width " + width + ", height " + height + ", maxval "
                    + maxval + " (each must be at least 1, maxval at most 65535)");
        }
        int start = pos[0] + 1;
        int bytesPerSample = maxval < 256 ? 1 : 2;
        long samples = (long) width * height * channels;
        if (samples > Integer.MAX_VALUE / 2) {
            throw new DatasetException(name + ": PNM size " + width + "×" + height + " is too large");
        }
        long needed = samples * bytesPerSample;
        if (start + needed > b.length) {
            throw new DatasetException(name + ": PNM data cut short: " + Math.max(0, b.length - start) + " of "
                    + needed + " bytes (the file is truncated)");
        }
        float[] values = new float[(int) samples];
        for (int i = 0; i < values.length; i++) {
            int v = bytesPerSample == 1 ? b[start + i] & 0xff
                    : (b[start + 2 * i] & 0xff) << 8 | (b[start + 2 * i + 1] & 0xff);
            values[i] = Math.min(1f, (float) v / maxval);
        }
        return new Raster(width, height, channels, values);
    }

    private static int number(byte[] b, int[] pos, String name, String what) throws DatasetException {
        int i = pos[0];
        while (i < b.length && (Character.isWhitespace(b[i]) || b[i] == '#')) {
            if (b[i] == '#') {
                while (i < b.length && b[i] != '\n' && b[i] != '\r') {
                    i++;
                }
            } else {
                i++;
            }
        }
        long v = 0;
        int digits = 0;
        while (i < b.length && b[i] >= '0' && b[i] <= '9' && v < Integer.MAX_VALUE) {
            v = v * 10 + (b[i++] - '0');
            digits++;
        }
        if (digits == 0 || v > Integer.MAX_VALUE) {
            throw new DatasetException(name + ": PNM header: expected the " + what + " as a number");
        }
        pos[0] = i;
        return (int) v;
    }
}
