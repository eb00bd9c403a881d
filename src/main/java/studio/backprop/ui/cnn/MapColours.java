package studio.backprop.ui.cnn;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * The colours of heatmaps: a sequential scheme (dark blue through teal to yellow) for values of one sign, and a
 * diverging one (blue, white, red) when a range spans zero, so that zero always reads as white and the sign as hue.
 */
final class MapColours {

    private static final Color[] SEQUENTIAL = {
        Color.rgb(20, 18, 60), Color.rgb(48, 64, 140), Color.rgb(30, 140, 140), Color.rgb(110, 200, 90),
        Color.rgb(250, 230, 60)
    };
    private static final Color[] DIVERGING = {
        Color.rgb(40, 80, 170), Color.rgb(150, 185, 230), Color.WHITE, Color.rgb(240, 160, 130), Color.rgb(180, 30, 40)
    };

    private MapColours() {
    }

    /** The colour of {@code value} over [lo, hi]. */
    static Color of(double value, double lo, double hi) {
        Color[] stops = lo < 0 && hi > 0 ? DIVERGING : SEQUENTIAL;
        return along(stops, ColourScale.position(value, lo, hi));
    }

    /** The colour at t ∈ [0, 1] along the scheme chosen for [lo, hi]. */
    static Color at(double t, double lo, double hi) {
        return along(lo < 0 && hi > 0 ? DIVERGING : SEQUENTIAL, t);
    }

    private static Color along(Color[] stops, double t) {
        double f = t * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(f));
        return stops[i].interpolate(stops[i + 1], f - i);
    }

    /** Channel {@code c} of {@code maps} as an image, one pixel per value, coloured over [lo, hi]. */
    static WritableImage image(LayerMaps maps, int c, double lo, double hi) {
        WritableImage img = new WritableImage(maps.width(), maps.height());
        PixelWriter w = img.getPixelWriter();
        for (int y = 0; y < maps.height(); y++) {
            for (int x = 0; x < maps.width(); x++) {
                w.setColor(x, y, of(maps.value(y, x, c), lo, hi));
            }
        }
        return img;
    }

    /** A grey image of an h × w input (row-major, values in [0, 1], 1 = ink drawn dark). */
    static WritableImage grey(float[] values, int offset, int h, int w) {
        WritableImage img = new WritableImage(w, h);
        PixelWriter pw = img.getPixelWriter();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = Math.max(0, Math.min(1, values[offset + y * w + x]));
                pw.setColor(x, y, Color.gray(1 - v));
            }
        }
        return img;
    }
}
