package studio.backprop.nn.perceptron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every refusal is an IllegalArgumentException whose message says in words what is wrong. */
class PerceptronValidationTest {

    private static final TrainingSet OR = LogicGate.OR.truthTable();
    private static final PerceptronConfig DEFAULTS = PerceptronConfig.defaults();

    private static void assertRefused(String message, Executable action) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, action).getMessage());
    }

    @Test
    void emptyDatasetIsRefused() {
        assertRefused("the dataset is empty: it needs at least one sample",
                () -> TrainingSet.of(new double[0][], new int[0]));
    }

    @Test
    void rowsOfDifferentLengthsAreRefused() {
        assertRefused("row 3 has 3 inputs, but row 1 has 2; every row needs the same number of inputs",
                () -> TrainingSet.of(new double[][] {{0, 0}, {0, 1}, {1, 0, 1}}, new int[] {0, 1, 1}));
    }

    @Test
    void missingLabelsAreRefused() {
        assertRefused("there are 3 rows of inputs but 2 labels; every row needs exactly one label",
                () -> TrainingSet.of(new double[][] {{0}, {1}, {2}}, new int[] {0, 1}));
    }

    @Test
    void nonFiniteInputIsRefused() {
        assertRefused("input 2 in row 1 is NaN; inputs must be finite numbers",
                () -> TrainingSet.of(new double[][] {{0, Double.NaN}}, new int[] {0}));
    }

    @Test
    void labelOutsideZeroOneIsRefusedNamingLabelAndRow() {
        TrainingSet data = TrainingSet.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new int[] {0, 1, 2, 1});
        assertRefused("label 2 in row 3 is not in {0, 1}", () -> new PerceptronTrainer(data, DEFAULTS));
    }

    @Test
    void zeroOneLabelsAreRefusedUnderMinusOnePlusOne() {
        assertRefused("label 0 in row 1 is not in {-1, +1}", () -> new PerceptronTrainer(OR,
                DEFAULTS.withLabels(LabelConvention.MINUS_ONE_PLUS_ONE)));
    }

    @Test
    void learningRateZeroIsRefused() {
        assertRefused("the learning rate η must be a finite number greater than 0, but was 0.0",
                () -> DEFAULTS.withLearningRate(0));
    }

    @Test
    void negativeLearningRateIsRefused() {
        assertRefused("the learning rate η must be a finite number greater than 0, but was -0.5",
                () -> DEFAULTS.withLearningRate(-0.5));
    }

    @Test
    void learningRateNaNIsRefused() {
        assertRefused("the learning rate η must be a finite number greater than 0, but was NaN (not a number)",
                () -> DEFAULTS.withLearningRate(Double.NaN));
    }

    @Test
    void initialWeightsOfTheWrongLengthAreRefused() {
        assertRefused("the initial weights (1.0, 2.0, 3.0) have 3 entries, but each sample has 2 inputs;"
                        + " give one weight per input",
                () -> new PerceptronTrainer(OR, DEFAULTS.withInitialWeights(Vec.of(1, 2, 3), 0)));
    }

    @Test
    void epochCapBelowOneIsRefused() {
        assertRefused("the epoch cap must be at least 1, but was 0", () -> DEFAULTS.withEpochCap(0));
    }

    @Test
    void orderNamingASampleBeyondTheLastIsRefused() {
        assertRefused("the sample order 3, 4, 1, 5 names sample 5, but there are only 4 samples (numbered 1 to 4)",
                () -> new PerceptronTrainer(OR, DEFAULTS.withOrderOneBased(3, 4, 1, 5)));
    }

    @Test
    void orderNamingASampleTwiceIsRefused() {
        assertRefused("the sample order 3, 3, 1, 2 names sample 3 more than once; each sample must appear exactly"
                + " once", () -> DEFAULTS.withOrderOneBased(3, 3, 1, 2));
    }

    @Test
    void zeroBasedOrderIsRefusedBecauseSamplesCountFromOne() {
        assertRefused("the sample order 2, 3, 0, 1 contains 0, which is not a sample number; samples are numbered"
                + " from 1", () -> DEFAULTS.withOrderOneBased(2, 3, 0, 1));
    }

    @Test
    void orderLeavingOutSamplesIsRefused() {
        assertRefused("the sample order 3, 1 leaves out samples 2 and 4; every epoch must visit each sample"
                + " exactly once", () -> new PerceptronTrainer(OR, DEFAULTS.withOrderOneBased(3, 1)));
    }

    @Test
    void emptyOrderIsRefused() {
        assertRefused("the explicit sample order is empty; name every sample once, counting from 1, e.g. 3, 4, 1, 2",
                () -> DEFAULTS.withOrderOneBased());
    }
}
