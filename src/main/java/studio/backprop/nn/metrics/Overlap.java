package studio.backprop.nn.metrics;

import java.util.HashSet;
import java.util.Set;

/**
 * Overlap measures of evaluation: intersection over union (IoU) of two regions, the Jaccard index and the Dice
 * coefficient of two sets.
 *
 * <p>IoU = |A ∩ B| / |A ∪ B| = I / (|A| + |B| − I); Jaccard is the same ratio for sets; Dice = 2|A ∩ B| /
 * (|A| + |B|), which relates to it as D = 2J/(1 + J).
 */
public final class Overlap {

    private Overlap() {
    }

    /**
     * IoU from the two areas and their intersection (as a detection exercise gives them).
     *
     * @throws IllegalArgumentException if an area is negative or the intersection exceeds either area
     */
    public static double iou(double predictedArea, double trueArea, double intersection) {
        if (predictedArea < 0 || trueArea < 0 || intersection < 0) {
            throw new IllegalArgumentException("IoU: areas cannot be negative (predicted " + predictedArea
                    + ", true " + trueArea + ", intersection " + intersection + ")");
        }
        if (intersection > Math.min(predictedArea, trueArea)) {
            throw new IllegalArgumentException("IoU: the intersection " + intersection
                    + " cannot be larger than either area (" + predictedArea + ", " + trueArea + ")");
        }
        double union = predictedArea + trueArea - intersection;
        return union == 0 ? 1.0 : intersection / union;
    }

    /** Mean IoU over several (predicted, true, intersection) triples. */
    public static double meanIou(double[][] triples) {
        if (triples.length == 0) {
            throw new IllegalArgumentException("mean IoU: needs at least one region");
        }
        double sum = 0;
        for (double[] t : triples) {
            sum += iou(t[0], t[1], t[2]);
        }
        return sum / triples.length;
    }

    /** Jaccard index |A ∩ B| / |A ∪ B| of two sets (1 for two empty sets). */
    public static <T> double jaccard(Set<T> a, Set<T> b) {
        int intersection = intersectionSize(a, b);
        int union = a.size() + b.size() - intersection;
        return union == 0 ? 1.0 : (double) intersection / union;
    }

    /** Dice coefficient 2|A ∩ B| / (|A| + |B|) of two sets (1 for two empty sets). */
    public static <T> double dice(Set<T> a, Set<T> b) {
        int total = a.size() + b.size();
        return total == 0 ? 1.0 : 2.0 * intersectionSize(a, b) / total;
    }

    private static <T> int intersectionSize(Set<T> a, Set<T> b) {
        Set<T> common = new HashSet<>(a);
        common.retainAll(b);
        return common.size();
    }
}
