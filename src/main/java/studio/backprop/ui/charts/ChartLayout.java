package studio.backprop.ui.charts;

import javafx.geometry.Rectangle2D;

/**
 * Where the parts of a painted chart are, in the chart's coordinates: what a layout check needs to know that every
 * title, legend and curve can be read.
 *
 * @param title              the title's box (after any shrinking to fit the width)
 * @param legend             the legend's box; null while no series has a point
 * @param plot               the area the curves are drawn in
 * @param legendInside       whether the legend sits inside the plot (in a corner free of data)
 * @param legendCoversCurves whether any drawn curve passes under the legend
 */
public record ChartLayout(Rectangle2D title, Rectangle2D legend, Rectangle2D plot, boolean legendInside,
                          boolean legendCoversCurves) {
}
