package studio.backprop.ui.training;

import javafx.scene.paint.Color;

/**
 * The colours the Playground's canvases draw their surroundings in (the heatmaps and weight lines keep theirs):
 * the fill behind everything, titles, small text, axes and frames, and the highlight of what the mouse is over.
 *
 * @param background the fill behind the drawing; transparent for a picture without background
 * @param plane      the fill of a plot's square before the network has drawn its output there (the data panel's
 *                   plot always), a shade off the background so the square stands out from it
 */
record PlotInk(Color background, Color title, Color text, Color axis, Color frame, Color highlight, Color plane) {

    /** Dark text on white: the light theme and pictures on white. */
    static final PlotInk LIGHT = new PlotInk(Color.WHITE, Color.rgb(40, 40, 40), Color.rgb(90, 90, 90),
            Color.rgb(150, 150, 150), Color.rgb(120, 120, 120), Color.BLACK, Color.rgb(247, 247, 247));

    /** Light text on dark grey: the dark theme and pictures on dark slides. */
    static final PlotInk DARK = new PlotInk(Color.rgb(30, 30, 34), Color.rgb(235, 235, 235),
            Color.rgb(185, 185, 185), Color.rgb(130, 130, 130), Color.rgb(150, 150, 150), Color.WHITE,
            Color.rgb(48, 50, 57));

    /** The light or the dark ink. */
    static PlotInk of(boolean dark) {
        return dark ? DARK : LIGHT;
    }

    /** The same colours over nothing (a picture with a transparent background). */
    PlotInk withoutBackground() {
        return new PlotInk(Color.TRANSPARENT, title, text, axis, frame, highlight, plane);
    }

    boolean dark() {
        return title.getBrightness() > 0.5;
    }
}
