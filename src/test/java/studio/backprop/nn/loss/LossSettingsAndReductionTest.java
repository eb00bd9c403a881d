package studio.backprop.nn.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.autograd.Variable;
import studio.backprop.tensor.Tensor;

/** Reductions, the ½ factor and units give the expected ratios; names, descriptions and settings round-trip. */
class LossSettingsAndReductionTest {

    private static final Variable SCORES = Variable.constant(Tensor.matrix(new float[][] {
        {0.2f, -0.7f, 1.5f}, {0.9f, 0.3f, -0.4f}, {-1.2f, 0.6f, 0.1f}, {0.4f, 0.8f, -0.3f}}));
    private static final Variable PROBS = Variable.constant(Tensor.matrix(new float[][] {
        {0.2f, 0.3f, 0.5f}, {0.6f, 0.3f, 0.1f}, {0.1f, 0.8f, 0.1f}, {0.25f, 0.25f, 0.5f}}));
    private static final Variable ONE_HOT = Variable.constant(ClassLabels.oneHot(new int[] {2, 0, 1, 1}, 3));
    private static final Variable SIGNS = Variable.constant(Tensor.matrix(new float[][] {
        {1, -1, 1}, {-1, 1, 1}, {1, 1, -1}, {-1, -1, 1}}));

    @Test
    void namesAreStableAndInMenuOrder() {
        assertEquals(List.of("mse", "mae", "binary_cross_entropy", "binary_cross_entropy_from_logits",
                "categorical_cross_entropy", "categorical_cross_entropy_from_logits", "hinge", "squared_hinge",
                "kl_divergence"), Losses.names());
    }

    @Test
    void everyLossKnowsItsNameAndDefaultReduction() {
        for (String name : Losses.names()) {
            Loss loss = Losses.byName(name);
            assertEquals(name, loss.name());
            assertEquals(Reduction.MEAN, loss.reduction());
            assertEquals(Reduction.SUM, loss.withReduction(Reduction.SUM).reduction());
            assertFalse(loss.half(), name);
            assertEquals(Base.NATS, loss.base(), name);
        }
    }

    @Test
    void describeStatesReductionHalfAndUnit() {
        assertEquals("MSE (mean over batch and outputs, no ½)", new MeanSquaredError().describe());
        assertEquals("MSE (sum over batch and outputs, with ½)",
                new MeanSquaredError(Reduction.SUM, true).describe());
        assertEquals("MAE (mean over batch and outputs)", new MeanAbsoluteError().describe());
        assertEquals("binary cross-entropy (mean over batch and outputs, nats, probabilities clipped to "
                + "[1e-7, 1 − 1e-7])", BinaryCrossEntropy.fromProbabilities().describe());
        assertEquals("binary cross-entropy from logits (sum over batch and outputs, bits, fused with sigmoid)",
                BinaryCrossEntropy.fromLogits().withReduction(Reduction.SUM).inBase(Base.BITS).describe());
        assertEquals("categorical cross-entropy (mean over batch, summed over classes, nats, probabilities "
                + "clipped below at 1e-7)", CategoricalCrossEntropy.fromProbabilities().describe());
        assertEquals("categorical cross-entropy from logits (mean over batch, summed over classes, nats, fused "
                + "with softmax)", CategoricalCrossEntropy.fromLogits().describe());
        assertEquals("hinge max(0, 1 − y·ŷ) (mean over batch and outputs, labels ±1; 0/1 labels read as −1/+1)", Hinge.plain().describe());
        assertEquals("squared hinge max(0, 1 − y·ŷ)² (mean over batch and outputs, labels ±1; 0/1 labels read as −1/+1)",
                Hinge.squared().describe());
        assertEquals("KL divergence KL(targets ‖ predictions) (mean over batch, summed over classes, bits)",
                new KLDivergence().inBase(Base.BITS).describe());
    }

    @Test
    void elementWiseLossesSumIsNTimesOutputsTimesTheMean() {
        assertSumOverMean(new MeanSquaredError(), SCORES, PROBS, 12);
        assertSumOverMean(new MeanAbsoluteError(), SCORES, PROBS, 12);
        assertSumOverMean(BinaryCrossEntropy.fromProbabilities(), PROBS, ONE_HOT, 12);
        assertSumOverMean(BinaryCrossEntropy.fromLogits(), SCORES, ONE_HOT, 12);
        assertSumOverMean(Hinge.plain(), SCORES, SIGNS, 12);
        assertSumOverMean(Hinge.squared(), SCORES, SIGNS, 12);
    }

    @Test
    void distributionLossesSumIsNTimesTheMean() {
        assertSumOverMean(CategoricalCrossEntropy.fromProbabilities(), PROBS, ONE_HOT, 4);
        assertSumOverMean(CategoricalCrossEntropy.fromLogits(), SCORES, ONE_HOT, 4);
        assertSumOverMean(new KLDivergence(), PROBS, SCORES.value().softmax(-1), 4);
    }

    @Test
    void theHalfFactorHalvesMse() {
        double full = value(new MeanSquaredError(), SCORES, PROBS);
        assertEquals(full / 2, value(new MeanSquaredError().withHalf(true), SCORES, PROBS), 1e-7);
    }

    @Test
    void bitsAreNatsDividedByLnTwo() {
        double ln2 = Math.log(2);
        assertEquals(value(BinaryCrossEntropy.fromProbabilities(), PROBS, ONE_HOT) / ln2,
                value(BinaryCrossEntropy.fromProbabilities().inBase(Base.BITS), PROBS, ONE_HOT), 1e-6);
        assertEquals(value(CategoricalCrossEntropy.fromLogits(), SCORES, ONE_HOT) / ln2,
                value(CategoricalCrossEntropy.fromLogits().inBase(Base.BITS), SCORES, ONE_HOT), 1e-6);
    }

    @Test
    void squaredHingeSquaresEachHingeTermRatherThanRepeatingThePlainHinge() {
        Variable scores = Variable.constant(Tensor.vector(0.5f, -2f, 3f));
        Variable labels = Variable.constant(Tensor.vector(1f, 1f, 1f));
        // terms max(0, 1 − y·ŷ) = 0.5, 3, 0
        assertEquals((0.5 + 3 + 0) / 3, value(Hinge.plain(), scores, labels), 1e-6);
        assertEquals((0.25 + 9 + 0) / 3, value(Hinge.squared(), scores, labels), 1e-6);
    }

    @Test
    void klDivergenceGraphMatchesThePlainNumbersWithZeroTimesLogZeroAsZero() {
        Variable q = Variable.constant(Tensor.of(new float[] {0.4f, 0.4f, 0.2f}, 1, 3));
        Variable p = Variable.constant(Tensor.of(new float[] {0.5f, 0.5f, 0f}, 1, 3));
        double expected = InformationMeasures.klDivergence(Base.BITS, new double[] {0.5, 0.5, 0},
                new double[] {0.4, 0.4, 0.2});
        assertEquals(expected, value(new KLDivergence().inBase(Base.BITS), q, p), 5e-7);
    }

    @Test
    void clippingKeepsACertainWrongPredictionFinite() {
        Variable zero = Variable.constant(Tensor.vector(0f));
        Variable one = Variable.constant(Tensor.vector(1f));
        double lnEpsilon = Math.log(1e-7);
        assertEquals(-lnEpsilon, value(BinaryCrossEntropy.fromProbabilities(), zero, one), 1e-4);
        // 1 − 1e-7 is not a float32; the upper clip is the nearest one, 1 − 2⁻²³.
        double upperGap = 1.0 - (double) (1f - BinaryCrossEntropy.EPSILON);
        assertEquals(-Math.log(upperGap), value(BinaryCrossEntropy.fromProbabilities(), one, zero), 1e-4);
        assertEquals(0.0, value(BinaryCrossEntropy.fromProbabilities(), one, one), 1e-6);
        Variable q = Variable.constant(Tensor.of(new float[] {1f, 0f}, 1, 2));
        Variable p = Variable.constant(Tensor.of(new float[] {0.5f, 0.5f}, 1, 2));
        // KL = ½·ln(½ / 1) + ½·ln(½ / ε): the empty outcome costs a large finite amount, not infinity.
        assertEquals(0.5 * Math.log(0.5) + 0.5 * (Math.log(0.5) - lnEpsilon), value(new KLDivergence(), q, p), 1e-4);
    }

    @Test
    void settingsRoundTripThroughTheCatalogue() {
        for (String name : Losses.names()) {
            for (Reduction reduction : Reduction.values()) {
                Loss loss = Losses.byName(name).withReduction(reduction);
                assertEquals(loss, Losses.create(loss.settings()), name);
            }
        }
        Loss halfSum = new MeanSquaredError(Reduction.SUM, true);
        assertEquals(halfSum, Losses.create(halfSum.settings()));
        Loss klBits = new KLDivergence(Reduction.SUM, Base.BITS);
        assertEquals(klBits, Losses.create(klBits.settings()));
    }

    @Test
    void lookupIgnoresCaseAndSpaces() {
        assertEquals("squared_hinge", Losses.byName("  Squared_Hinge ").name());
    }

    @Test
    void anUnknownNameListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Losses.byName("l2"));
        assertTrue(e.getMessage().contains("unknown loss \"l2\"") && e.getMessage().contains("mse, mae,")
                && e.getMessage().contains("kl_divergence"), e.getMessage());
    }

    @Test
    void theHalfFactorOnAnotherLossIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.create(new LossSettings("hinge", Reduction.MEAN, true, Base.NATS)));
        assertTrue(e.getMessage().contains("½") && e.getMessage().contains("only to mse"), e.getMessage());
    }

    @Test
    void bitsForALossWithoutALogarithmAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.create(new LossSettings("mae", Reduction.MEAN, false, Base.BITS)));
        assertTrue(e.getMessage().contains("MAE takes no logarithm"), e.getMessage());
    }

    private static void assertSumOverMean(Loss meanLoss, Variable predictions, Tensor targets, int count) {
        assertSumOverMean(meanLoss, predictions, Variable.constant(targets), count);
    }

    private static void assertSumOverMean(Loss meanLoss, Variable predictions, Variable targets, int count) {
        double mean = value(meanLoss, predictions, targets);
        double sum = value(meanLoss.withReduction(Reduction.SUM), predictions, targets);
        assertEquals(count * mean, sum, 1e-5 * Math.max(1, Math.abs(sum)), meanLoss.describe());
    }

    private static double value(Loss loss, Variable predictions, Variable targets) {
        return loss.compute(predictions, targets).value().item();
    }
}
