package studio.backprop.nn.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import studio.backprop.autograd.Variable;
import studio.backprop.tensor.Tensor;

/** Example 6 of the course spec (entropy, cross-entropy and KL divergence in bits) and the measures' checks. */
class InformationMeasuresTest {

    private static final double EXACT = 1e-12;
    private static final double SIX_DIGITS = 5e-7;
    private static final double[] P = {0.5, 0.3, 0.2};
    private static final double[] Q = {0.4, 0.4, 0.2};

    @Test
    void example6UniformOverTwoValuesIsOneBit() {
        assertEquals(1.0, InformationMeasures.entropyBits(0.5, 0.5), EXACT);
    }

    @Test
    void example6UniformOverFourValuesIsTwoBits() {
        assertEquals(2.0, InformationMeasures.entropyBits(0.25, 0.25, 0.25, 0.25), EXACT);
    }

    @Test
    void example6UniformOverEightValuesIsPlusThreeBits() {
        double[] uniform = new double[8];
        Arrays.fill(uniform, 0.125);
        assertEquals(3.0, InformationMeasures.entropyBits(uniform), EXACT);
    }

    @Test
    void example6ACertainOutcomeHasZeroEntropy() {
        assertEquals(0.0, InformationMeasures.entropyBits(1.0), EXACT);
        assertEquals(0.0, InformationMeasures.entropyBits(0.0, 1.0, 0.0), EXACT);
    }

    @Test
    void example6CrossEntropyIsEntropyPlusDivergence() {
        double h = InformationMeasures.entropy(Base.BITS, P);
        double kl = InformationMeasures.klDivergence(Base.BITS, P, Q);
        double cross = InformationMeasures.crossEntropy(Base.BITS, P, Q);
        assertEquals(1.521928, cross, SIX_DIGITS);
        assertEquals(cross, h + kl, EXACT);
    }

    @Test
    void natsAreBitsTimesLnTwo() {
        assertEquals(Math.log(2), InformationMeasures.entropyNats(0.5, 0.5), EXACT);
        assertEquals(InformationMeasures.klDivergence(Base.BITS, P, Q) * Math.log(2),
                InformationMeasures.klDivergence(Base.NATS, P, Q), EXACT);
    }

    @Test
    void divergenceOfADistributionFromItselfIsZeroAndOtherwisePositive() {
        assertEquals(0.0, InformationMeasures.klDivergence(Base.NATS, P, P), EXACT);
        assertTrue(InformationMeasures.klDivergence(Base.NATS, P, Q) > 0);
    }

    @Test
    void aZeroQUnderAPositivePIsInfinitelyFar() {
        double[] q = {0.5, 0.5, 0.0};
        assertEquals(Double.POSITIVE_INFINITY, InformationMeasures.klDivergence(Base.BITS, P, q));
        assertEquals(Double.POSITIVE_INFINITY, InformationMeasures.crossEntropy(Base.BITS, P, q));
    }

    @Test
    void entropyGraphAveragesTheRowsAndMatchesThePlainNumbers() {
        Tensor rows = Tensor.matrix(new float[][] {{0.5f, 0.5f, 0f, 0f}, {0.25f, 0.25f, 0.25f, 0.25f}});
        Variable h = InformationMeasures.entropy(Variable.constant(rows), Base.BITS);
        assertEquals(1.5, h.value().item(), 5e-7);
    }

    @Test
    void aDistributionThatDoesNotSumToOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InformationMeasures.entropyBits(0.5, 0.4));
        assertTrue(e.getMessage().contains("sums to 0.9"), e.getMessage());
    }

    @Test
    void aValueOutsideZeroOneIsRefusedByPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InformationMeasures.entropyBits(1.5, -0.5));
        assertTrue(e.getMessage().contains("P[1] = 1.5") && e.getMessage().contains("[0, 1]"), e.getMessage());
    }

    @Test
    void distributionsOfDifferentLengthsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InformationMeasures.klDivergence(Base.NATS, P, new double[] {0.5, 0.5}));
        assertTrue(e.getMessage().contains("P has 3 values but Q has 2"), e.getMessage());
    }

    @Test
    void anEmptyDistributionIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InformationMeasures.entropyBits());
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }
}
