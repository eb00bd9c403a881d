package studio.backprop.ui.lessons.generative;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * The colours and type size of the generative lessons' drawings: dark text on white for the light theme, light text
 * on the dark theme's background for the dark ones, and larger type in presenter mode. Digits and code heatmaps keep
 * their own white tiles in both, as pictures do.
 *
 * @param dark       whether the drawing sits on a dark background
 * @param fontScale  1, or larger for presenter mode
 */
record GenerativeInk(boolean dark, double fontScale) {

    static final GenerativeInk LIGHT = new GenerativeInk(false, 1);

    /** The fill behind the drawing. */
    Color background() {
        return dark ? Color.rgb(30, 30, 34) : Color.WHITE;
    }

    /** Captions, labels and numbers. */
    Color text() {
        return dark ? Color.gray(0.88) : Color.gray(0.2);
    }

    /** Frames and axes. */
    Color frame() {
        return dark ? Color.gray(0.5) : Color.gray(0.7);
    }

    /** The type for a caption of this size (at presenter scale). */
    Font font(double size) {
        return Font.font(size * fontScale);
    }

    GenerativeInk withDark(boolean on) {
        return new GenerativeInk(on, fontScale);
    }
}
