package studio.backprop.nn.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import studio.backprop.autograd.Variable;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Tensor;

/** Bad input fails before any graph is built, with a message that names the loss, the value and where it is. */
class LossInputErrorsTest {

    @Test
    void shapeMismatchNamesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class, () -> new MeanSquaredError().compute(
                Variable.constant(Tensor.zeros(4, 1)), Variable.constant(Tensor.zeros(4))));
        assertTrue(e.getMessage().startsWith("MSE: predictions have shape [4, 1] but targets have shape [4]"),
                e.getMessage());
        assertTrue(e.getMessage().contains("reshape the targets"), e.getMessage());
    }

    @Test
    void shapeMismatchOfDifferentSizesGivesNoReshapeHint() {
        String message = messageOf(() -> Hinge.plain().compute(
                Variable.constant(Tensor.zeros(4, 2)), Variable.constant(Tensor.ones(4, 3))));
        assertTrue(message.startsWith("hinge: predictions have shape [4, 2] but targets have shape [4, 3]")
                && !message.contains("reshape"), message);
    }

    @Test
    void anEmptyBatchIsRefused() {
        String message = messageOf(() -> new MeanAbsoluteError().compute(
                Variable.constant(Tensor.zeros(0, 1)), Variable.constant(Tensor.zeros(0, 1))));
        assertTrue(message.startsWith("MAE: the batch is empty") && message.contains("[0, 1]"), message);
    }

    @Test
    void aScalarIsNotABatch() {
        String message = messageOf(() -> new MeanSquaredError().compute(
                Variable.constant(Tensor.scalar(1f)), Variable.constant(Tensor.scalar(1f))));
        assertTrue(message.contains("single number") && message.contains("(N × outputs)"), message);
    }

    @Test
    void aPredictedProbabilityAboveOneIsRefusedWithItsRowAndAHintAboutLogits() {
        String message = messageOf(() -> BinaryCrossEntropy.fromProbabilities().compute(
                Variable.constant(Tensor.vector(0.5f, 1.3f, 0.2f)), Variable.constant(Tensor.vector(1, 0, 1))));
        assertTrue(message.startsWith("binary cross-entropy: prediction 1.3 at row 2 is not a probability")
                && message.contains("[0, 1]") && message.contains("from logits"), message);
    }

    @Test
    void aNegativeTargetProbabilityIsRefusedWithRowAndColumn() {
        String message = messageOf(() -> CategoricalCrossEntropy.fromLogits().compute(
                Variable.constant(Tensor.zeros(2, 3)),
                Variable.constant(Tensor.matrix(new float[][] {{0, 1, 0}, {1, 0, -0.5f}}))));
        assertTrue(message.contains("target -0.5 at row 2, column 3 is not a probability"), message);
    }

    @Test
    void klDivergenceRefusesAPredictedProbabilityBelowZero() {
        String message = messageOf(() -> new KLDivergence().compute(
                Variable.constant(Tensor.matrix(new float[][] {{-0.1f, 1.1f}})),
                Variable.constant(Tensor.matrix(new float[][] {{0.5f, 0.5f}}))));
        assertTrue(message.startsWith("KL divergence: prediction -0.1 at row 1, column 1"), message);
    }

    @Test
    void hingeLabelsAreSignsOrBitsAndAMixtureIsRefused() {
        String mixed = messageOf(() -> Hinge.squared().compute(
                Variable.constant(Tensor.vector(0.3f, -0.2f, 0.8f)), Variable.constant(Tensor.vector(1, -1, 0))));
        assertTrue(mixed.startsWith("squared hinge: the targets mix 0 (at row 3) and −1 (at row 2)"), mixed);
        String other = messageOf(() -> Hinge.plain().compute(
                Variable.constant(Tensor.vector(0.3f, -0.2f)), Variable.constant(Tensor.vector(1, 2))));
        assertTrue(other.startsWith("hinge: target 2.0 at row 2 is not a valid label")
                && other.contains("−1/+1 (or 0/1, read as −1/+1)"), other);
    }

    @Test
    void categoricalLossesNeedOneDistributionPerRow() {
        String message = messageOf(() -> CategoricalCrossEntropy.fromProbabilities().compute(
                Variable.constant(Tensor.vector(0.2f, 0.8f)), Variable.constant(Tensor.vector(0f, 1f))));
        assertTrue(message.contains("shape [2] but need (N × classes)"), message);
    }

    @Test
    void sparseLabelsOutOfRangeNameTheLabelAndRow() {
        String message = messageOf(() -> CategoricalCrossEntropy.fromLogits().computeSparse(
                Variable.constant(Tensor.zeros(3, 4)), new int[] {0, 3, 4}));
        assertEquals("one-hot: class label 4 at row 3 is out of range; with 4 classes the labels are 0 to 3",
                message);
    }

    @Test
    void sparseLabelsMustMatchTheRows() {
        String message = messageOf(() -> CategoricalCrossEntropy.fromLogits().computeSparse(
                Variable.constant(Tensor.zeros(3, 4)), new int[] {0, 1}));
        assertTrue(message.contains("2 class labels for 3 rows"), message);
    }

    @Test
    void oneHotPutsASingleOneInEachRow() {
        Tensor oneHot = ClassLabels.oneHot(new int[] {2, 0}, 3);
        assertEquals(2, oneHot.rank());
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0}, oneHot.toArray());
    }

    private static String messageOf(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }
}
