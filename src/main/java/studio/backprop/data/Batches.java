package studio.backprop.data;

import java.util.Arrays;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * Mini-batches over a dataset, epoch by epoch, copied into tensors the caller owns.
 *
 * <p>Call {@link #startEpoch()} before each epoch; it fixes the sample order of that epoch with a
 * {@link SampleOrder} (the one the training loop uses): 0, 1, …, N−1 for a sequential iterator; for a shuffled one
 * a fresh permutation of the previous epoch's order drawn from the {@link Rng} (to resume, save {@code rng.state()}
 * and {@link #order()} before {@code startEpoch} and give both to {@link #resume}); the given 1-based order every
 * epoch for an explicit one. Batch i holds the samples at positions i·B … i·B + B − 1 of that order; the last batch
 * has fewer rows unless {@link #dropLast} drops it.
 *
 * <p>{@link #fill} copies a batch into features of shape (rows, …sample shape) and targets (rows, width)
 * allocated once (by {@link #newFeatures} and {@link #newTargets}; keep a second pair for a short last batch):
 * in steady state nothing is allocated per batch.
 */
public final class Batches {

    private final Dataset data;
    private final int batchSize;
    private final Rng rng;
    private final SampleOrder order;
    private float[] targets;
    private int targetWidth;
    private boolean dropLast;
    private int epoch;

    private Batches(Dataset data, int batchSize, Rng rng, SampleOrder order) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.data = data;
        this.batchSize = batchSize;
        this.rng = rng;
        this.order = order;
        this.targets = data.targetData();
        this.targetWidth = data.targetWidth();
    }

    /** Samples in their stored order every epoch. */
    public static Batches sequential(Dataset data, int batchSize) {
        return new Batches(data, batchSize, null, SampleOrder.listed(data.size()));
    }

    /** A new seeded permutation every epoch, drawn from {@code rng}. */
    public static Batches shuffled(Dataset data, int batchSize, Rng rng) {
        return new Batches(data, batchSize, rng, SampleOrder.shuffled(data.size()));
    }

    /**
     * The same explicit order every epoch, as exercise sheets prescribe: sample numbers counted from 1, each sample
     * exactly once (see {@link SampleOrder#explicit}).
     *
     * @throws IllegalArgumentException in words, naming the data, when the order is not such a list
     */
    public static Batches explicit(Dataset data, int batchSize, int... oneBased) {
        SampleOrder order;
        try {
            order = SampleOrder.explicit(Arrays.stream(oneBased).boxed().toList(), data.size());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(data.name() + ": " + e.getMessage(), e);
        }
        return new Batches(data, batchSize, null, order);
    }

    /** Drop (true) or keep (false, the default) a last batch shorter than the batch size. */
    public Batches dropLast(boolean drop) {
        this.dropLast = drop;
        return this;
    }

    /**
     * Use other targets than the dataset's own, e.g. {@link Dataset#binaryTargets()}; shape (N, width). The
     * values are copied.
     */
    public Batches targets(Tensor alternative) {
        int[] shape = alternative.shape();
        if (shape.length != 2 || shape[0] != data.size()) {
            throw new IllegalArgumentException(data.name() + ": targets must have shape (" + data.size()
                    + ", width), got " + Arrays.toString(shape));
        }
        this.targets = alternative.contiguous().toArray();
        this.targetWidth = shape[1];
        return this;
    }

    /** Fixes the order of the next epoch (reshuffling a shuffled iterator). */
    public void startEpoch() {
        order.nextEpoch(rng);
        epoch++;
    }

    /**
     * Continues a shuffled run: the order of the epoch before (from {@link #order()}) and the generator's state when
     * that epoch had ended; the next {@link #startEpoch()} then draws the order the original run drew.
     */
    public void resume(int[] previousOrder, long rngState) {
        order.restore(previousOrder);
        if (rng != null) {
            rng.setState(rngState);
        }
    }

    /** How many epochs have started. */
    public int epoch() {
        return epoch;
    }

    /** The sample order of the current epoch; a copy. */
    public int[] order() {
        requireEpoch();
        return order.current();
    }

    public int batchSize() {
        return batchSize;
    }

    /** Batches per epoch. */
    public int batchCount() {
        return dropLast ? order.size() / batchSize : (order.size() + batchSize - 1) / batchSize;
    }

    /** Rows in batch i: the batch size, or less for a kept last batch. */
    public int batchRows(int i) {
        if (i < 0 || i >= batchCount()) {
            throw new IndexOutOfBoundsException("batch " + i + " is outside 0.." + (batchCount() - 1));
        }
        return Math.min(batchSize, order.size() - i * batchSize);
    }

    /** The dataset index of row {@code row} of batch i in this epoch. */
    public int sampleIndex(int i, int row) {
        requireEpoch();
        if (row < 0 || row >= batchRows(i)) {
            throw new IndexOutOfBoundsException("row " + row + " is outside batch " + i);
        }
        return order.sampleAt(i * batchSize + row);
    }

    /** A features tensor (rows, …sample shape) to fill. */
    public Tensor newFeatures(int rows) {
        return Tensor.zeros(data.featureShape(rows));
    }

    /** A targets tensor (rows, width) to fill. */
    public Tensor newTargets(int rows) {
        return Tensor.zeros(rows, targetWidth);
    }

    /** Copies batch i of this epoch into {@code features} and {@code targets}, whose first axis is its rows. */
    public void fill(int i, Tensor features, Tensor targets) {
        requireEpoch();
        int rows = batchRows(i);
        copyRows(i, rows, data.featureData(), data.sampleSize(), features, "features");
        copyRows(i, rows, this.targets, targetWidth, targets, "targets");
    }

    /** Copies the class labels of batch i into the first rows of {@code out}. */
    public void fillLabels(int i, int[] out) {
        requireEpoch();
        int[] labels = data.labelData();
        if (labels == null) {
            throw new IllegalStateException(data.name() + ": labels need a classification set");
        }
        int rows = batchRows(i);
        for (int r = 0; r < rows; r++) {
            out[r] = labels[order.sampleAt(i * batchSize + r)];
        }
    }

    private void copyRows(int i, int rows, float[] source, int width, Tensor dest, String what) {
        if (dest.rank() < 1 || dest.dim(0) != rows || dest.size() != rows * width) {
            throw new IllegalArgumentException("batch " + i + " has " + rows + " rows of " + width + " " + what
                    + " values; the tensor given has shape " + Arrays.toString(dest.shape()));
        }
        order.copyRows(source, width, i * batchSize, rows, dest.buffer());
    }

    private void requireEpoch() {
        if (epoch == 0) {
            throw new IllegalStateException("call startEpoch() before reading batches");
        }
    }
}
