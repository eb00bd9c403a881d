package studio.backprop.train;

import java.util.List;
import studio.backprop.spec.TrainingPlan;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Tensor;

/**
 * The order in which one epoch visits the training samples — as listed, a fresh seeded shuffle per epoch, or the
 * exercise's explicit order — and the copying of a run of that order into preallocated batch tensors.
 */
final class EpochOrder {

    private final TrainingPlan.Order mode;
    private final int[] explicit;
    private int[] order;

    EpochOrder(TrainingPlan plan, int samples) {
        this.mode = plan.order();
        this.explicit = explicitOrder(plan.explicitOrder(), samples);
        this.order = new int[samples];
        for (int i = 0; i < samples; i++) {
            order[i] = i;
        }
    }

    private static int[] explicitOrder(List<Integer> oneBased, int samples) {
        if (oneBased.isEmpty()) {
            return null;
        }
        int[] order = new int[oneBased.size()];
        boolean[] seen = new boolean[samples];
        for (int i = 0; i < order.length; i++) {
            int n = oneBased.get(i);
            if (n < 1 || n > samples) {
                throw new ShapeException("the sample order names sample " + n + ", but there are " + samples
                        + " samples (numbered 1 to " + samples + ")");
            }
            if (seen[n - 1]) {
                throw new ShapeException("the sample order names sample " + n + " twice");
            }
            seen[n - 1] = true;
            order[i] = n - 1;
        }
        return order;
    }

    /** Draws the order of the next epoch (a new permutation when shuffling). */
    void nextEpoch(Rng rng) {
        switch (mode) {
            case SHUFFLED -> rng.shuffle(order);
            case EXPLICIT -> order = explicit.clone();
            case LISTED -> {
                // the listed order never changes
            }
        }
    }

    /** The current epoch's order (a copy), for checkpoints. */
    int[] current() {
        return order.clone();
    }

    /** Restores a checkpointed order; it must visit as many samples as this data has. */
    void restore(int[] saved) {
        if (saved.length != order.length) {
            throw new ShapeException("the saved sample order has " + saved.length + " entries but the data has "
                    + order.length + " samples");
        }
        order = saved.clone();
    }

    /** Number of samples one epoch visits. */
    int size() {
        return order.length;
    }

    /** The 0-based sample index at a position of this epoch. */
    int sampleAt(int position) {
        return order[position];
    }

    /** Copies samples at positions [from, from + x.dim(0)) of this epoch into x and y (rows). */
    void fill(Tensor sourceX, Tensor sourceY, int from, Tensor x, Tensor y) {
        copyRows(sourceX, from, x);
        copyRows(sourceY, from, y);
    }

    private void copyRows(Tensor source, int from, Tensor target) {
        float[] src = source.buffer();
        float[] dst = target.buffer();
        int row = source.size() / source.dim(0);
        for (int r = 0; r < target.dim(0); r++) {
            System.arraycopy(src, order[from + r] * row, dst, r * row, row);
        }
    }
}
