package studio.backprop.train.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static studio.backprop.train.metrics.Refusals.refused;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/** Evaluating batch by batch must give exactly the numbers of evaluating everything at once. */
class StreamingTest {

    private static final int[] BATCH_SIZES = {1, 7, 32, 103};

    @Test
    void multiClassBatchesEqualAllAtOnce() {
        int n = 103;
        int classes = 4;
        Tensor scores = Tensor.uniform(new Rng(7), 0f, 1f, n, classes);
        int[] actual = randomLabels(new Random(7), n, classes);
        for (int batch : BATCH_SIZES) {
            ClassificationAccumulator acc = ClassificationAccumulator.multiClass(classes);
            for (int start = 0; start < n; start += batch) {
                int end = Math.min(n, start + batch);
                acc.add(scores.slice(0, start, end), Arrays.copyOfRange(actual, start, end));
            }
            assertEquals(n, acc.count());
            assertEquals(ConfusionMatrix.fromScores(scores, actual), acc.confusionMatrix(), "batch " + batch);
            assertEquals(Accuracy.fromScores(scores, actual), acc.accuracy());
            OneVsRestRoc all = OneVsRestRoc.of(scores, actual);
            for (int c = 0; c < classes; c++) {
                assertEquals(all.auc(c), acc.oneVsRest().auc(c), "class " + c + ", batch " + batch);
            }
        }
    }

    @Test
    void binaryBatchesEqualAllAtOnce() {
        int n = 103;
        // two decimals give ties, and 0.5 itself
        float[] p = new float[n];
        Random random = new Random(11);
        int[] labels = randomLabels(random, n, 2);
        for (int i = 0; i < n; i++) {
            p[i] = Math.round(random.nextFloat() * 20) / 20f;
        }
        Tensor scores = Tensor.of(p, n, 1);
        RocCurve roc = RocCurve.of(scores, labels);
        PrecisionRecallCurve pr = PrecisionRecallCurve.of(scores, labels);
        for (int batch : BATCH_SIZES) {
            ClassificationAccumulator acc = ClassificationAccumulator.binary();
            for (int start = 0; start < n; start += batch) {
                int end = Math.min(n, start + batch);
                acc.add(scores.slice(0, start, end), Tensor.vector(toFloats(labels, start, end)));
            }
            assertEquals(ConfusionMatrix.binary(scores, labels, 0.5), acc.confusionMatrix());
            assertEquals(Accuracy.binary(scores, labels), acc.accuracy());
            assertArrayEquals(roc.falsePositiveRates(), acc.roc().falsePositiveRates());
            assertArrayEquals(roc.truePositiveRates(), acc.roc().truePositiveRates());
            assertEquals(roc.auc(), acc.roc().auc());
            assertArrayEquals(pr.precisions(), acc.precisionRecall().precisions());
            assertEquals(pr.averagePrecision(), acc.precisionRecall().averagePrecision());
        }
    }

    @Test
    void regressionBatchesEqualAllAtOnce() {
        int n = 103;
        Tensor predictions = Tensor.normal(new Rng(3), 2f, 1f, n, 2);
        Tensor targets = Tensor.normal(new Rng(4), 2f, 1f, n, 2);
        RegressionMetrics all = RegressionMetrics.of(predictions, targets);
        for (int batch : BATCH_SIZES) {
            RegressionAccumulator acc = new RegressionAccumulator();
            for (int start = 0; start < n; start += batch) {
                int end = Math.min(n, start + batch);
                acc.add(predictions.slice(0, start, end), targets.slice(0, start, end));
            }
            assertEquals(all, acc.result(), "batch " + batch);
        }
    }

    @Test
    void aRefusedBatchLeavesTheAccumulatorUnchanged() {
        ClassificationAccumulator acc = ClassificationAccumulator.multiClass(3);
        Tensor scores = Tensor.matrix(new float[][] {{0.9f, 0.05f, 0.05f}, {0.1f, 0.8f, 0.1f}});
        acc.add(scores, new int[] {0, 1});
        refused(() -> acc.add(scores, new int[] {0, 3}), "true class 3 at row 2 is out of range");
        refused(() -> acc.add(Tensor.zeros(2, 2), new int[] {0, 1}), "scores must be (N × 3)", "[2, 2]");
        refused(() -> acc.add(scores, new int[] {0}), "2 predictions but 1 targets");
        assertEquals(2, acc.count());
        assertEquals(1.0, acc.accuracy());
    }

    @Test
    void askingForTheWrongKindOrNothingIsRefusedInWords() {
        ClassificationAccumulator binary = ClassificationAccumulator.binary(0);
        assertThrows(IllegalStateException.class, binary::confusionMatrix);
        binary.add(Tensor.vector(-1f, 2f), new int[] {0, 1});
        assertEquals(1.0, binary.accuracy());
        String message = assertThrows(IllegalStateException.class, binary::oneVsRest).getMessage();
        assertEquals("classification metrics: oneVsRest() is for multi-class scores; this accumulator is binary",
                message);
        refused(() -> binary.add(Tensor.vector(0.3f), new int[] {2}), "label 2 at row 1 is not 0 or 1");
    }

    private static int[] randomLabels(Random random, int n, int classes) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            // the first rows hold every class so every one-vs-rest curve exists
            labels[i] = i < classes ? i : random.nextInt(classes);
        }
        return labels;
    }

    private static float[] toFloats(int[] values, int start, int end) {
        float[] out = new float[end - start];
        for (int i = start; i < end; i++) {
            out[i - start] = values[i];
        }
        return out;
    }
}
