package studio.backprop.data;

/** Resizing a raster to a given height and width by {@link Interpolation}. */
final class Resize {

    private Resize() {
    }

    static Raster resize(Raster src, int height, int width, Interpolation mode) {
        if (src.height == height && src.width == width) {
            return src;
        }
        int c = src.channels;
        float[] out = new float[height * width * c];
        for (int y = 0; y < height; y++) {
            double sy = (y + 0.5) * src.height / height - 0.5;
            for (int x = 0; x < width; x++) {
                double sx = (x + 0.5) * src.width / width - 0.5;
                int at = (y * width + x) * c;
                if (mode == Interpolation.NEAREST) {
                    int base = (nearest(sy, src.height) * src.width + nearest(sx, src.width)) * c;
                    System.arraycopy(src.values, base, out, at, c);
                } else {
                    bilinear(src, sy, sx, out, at);
                }
            }
        }
        return new Raster(width, height, c, out);
    }

    private static int nearest(double s, int size) {
        return Math.min(size - 1, Math.max(0, (int) Math.floor(s + 0.5)));
    }

    private static void bilinear(Raster src, double sy, double sx, float[] out, int at) {
        double y = Math.min(src.height - 1, Math.max(0, sy));
        double x = Math.min(src.width - 1, Math.max(0, sx));
        int y0 = (int) y;
        int x0 = (int) x;
        int y1 = Math.min(y0 + 1, src.height - 1);
        int x1 = Math.min(x0 + 1, src.width - 1);
        double ty = y - y0;
        double tx = x - x0;
        int c = src.channels;
        for (int k = 0; k < c; k++) {
            double top = src.values[(y0 * src.width + x0) * c + k] * (1 - tx)
                    + src.values[(y0 * src.width + x1) * c + k] * tx;
            double bottom = src.values[(y1 * src.width + x0) * c + k] * (1 - tx)
                    + src.values[(y1 * src.width + x1) * c + k] * tx;
            out[at + k] = (float) (top * (1 - ty) + bottom * ty);
        }
    }
}
