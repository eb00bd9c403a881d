package studio.backprop.ui.lessons;

import java.util.List;
import javafx.scene.paint.Color;

/**
 * The colours of a lesson drawing on a light or a dark background: text, axes, grid, the low and high ends of a
 * contour map, and a set of distinct path colours (one per optimiser or learning rate).
 */
record Ink(boolean dark, Color background, Color text, Color axis, Color grid, Color low, Color high,
           List<Color> paths) {

    static final Ink LIGHT = new Ink(false, Color.WHITE, Color.rgb(33, 33, 33), Color.rgb(110, 110, 110),
            Color.rgb(226, 226, 226), Color.rgb(214, 232, 250), Color.rgb(252, 214, 160),
            List.of(Color.rgb(31, 119, 180), Color.rgb(214, 39, 40), Color.rgb(44, 160, 44), Color.rgb(148, 103, 189),
                    Color.rgb(230, 97, 0), Color.rgb(23, 190, 207), Color.rgb(140, 86, 75)));
    static final Ink DARK = new Ink(true, Color.rgb(30, 30, 34), Color.rgb(230, 230, 230), Color.rgb(160, 160, 160),
            Color.rgb(62, 62, 68), Color.rgb(28, 48, 78), Color.rgb(92, 62, 30),
            List.of(Color.rgb(100, 181, 246), Color.rgb(255, 110, 100), Color.rgb(110, 220, 120),
                    Color.rgb(200, 160, 255), Color.rgb(255, 167, 38), Color.rgb(80, 230, 240),
                    Color.rgb(230, 180, 160)));

    static Ink of(boolean dark) {
        return dark ? DARK : LIGHT;
    }

    /** The i-th path colour, cycling. */
    Color path(int i) {
        return paths.get(Math.floorMod(i, paths.size()));
    }

    /** The contour colour of a level t in [0, 1] (0 lowest). */
    Color level(double t) {
        return low.interpolate(high, Math.max(0, Math.min(1, t)));
    }
}
