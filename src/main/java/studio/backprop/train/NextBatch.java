package studio.backprop.train;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import studio.backprop.data.SampleOrder;
import studio.backprop.tensor.Tensor;

/**
 * Gathers the samples of a step into batch tensors and remembers which samples they were.
 *
 * <p>For n samples from position p of the epoch's order, the batch input is the n × (sample shape) tensor whose row
 * i is training sample {@code order.sampleAt(p + i)}, and the batch target likewise. One pair of tensors is kept per
 * batch size, so steps of the same size allocate nothing; a batch is therefore only valid until the next one of the
 * same size is gathered.
 */
final class NextBatch {

    private final TrainingData data;
    /** The input and target tensors, by number of rows. */
    private final Map<Integer, Tensor[]> byRows = new HashMap<>();
    /** The 0-based indices of the samples of the last batch, in its first {@link #lastCount} entries. */
    private int[] last = new int[0];
    private int lastCount;

    NextBatch(TrainingData data) {
        this.data = data;
    }

    /**
     * The inputs and targets of the {@code n} samples at {@code position} onwards of {@code order}, as
     * {@code {x, y}}, each with n rows.
     */
    Tensor[] gather(SampleOrder order, int position, int n) {
        Tensor[] xy = byRows.computeIfAbsent(n, k -> new Tensor[] {
            Tensor.zeros(withRows(data.trainX(), k)), Tensor.zeros(withRows(data.trainY(), k))});
        copyRows(order, position, data.trainX(), xy[0]);
        copyRows(order, position, data.trainY(), xy[1]);
        if (last.length < n) {
            last = new int[n];
        }
        for (int i = 0; i < n; i++) {
            last[i] = order.sampleAt(position + i);
        }
        lastCount = n;
        return xy;
    }

    /** The 0-based indices of the samples of the last batch, in batch order (a copy). */
    int[] lastSamples() {
        return Arrays.copyOf(last, lastCount);
    }

    /** Takes {@code samples} as the last batch's samples again (stepping back). */
    void setLastSamples(int[] samples) {
        last = samples;
        lastCount = samples.length;
    }

    private static void copyRows(SampleOrder order, int position, Tensor source, Tensor batch) {
        order.copyRows(source.buffer(), source.size() / source.dim(0), position, batch.dim(0), batch.buffer());
    }

    private static int[] withRows(Tensor t, int rows) {
        int[] s = t.shape();
        s[0] = rows;
        return s;
    }
}
