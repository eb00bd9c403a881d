package studio.backprop.ui.training;

/**
 * One sample of a two-dimensional classification set as the Playground views draw it.
 *
 * @param x     the first feature (x1)
 * @param y     the second feature (x2)
 * @param label the class index
 * @param test  true for a held-out test point (drawn outlined), false for a training point
 */
public record DataPoint(double x, double y, int label, boolean test) {
}
