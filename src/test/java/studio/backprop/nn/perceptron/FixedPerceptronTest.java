package studio.backprop.nn.perceptron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FixedPerceptronTest {

    private static final Perceptron NAND = Perceptron.zeroOne(Vec.of(-2, -2), 3);

    @Test
    void workedExample10NandUnitComputesNand() {
        assertEquals(1, NAND.output(0, 0));
        assertEquals(1, NAND.output(0, 1));
        assertEquals(1, NAND.output(1, 0));
        assertEquals(0, NAND.output(1, 1));
    }

    @Test
    void workedExample10NetInputsAreThreeOneOneMinusOne() {
        List<Perceptron.Evaluation> rows = NAND.evaluate(LogicGate.INPUTS);
        assertEquals(List.of(
                new Perceptron.Evaluation(Vec.of(0, 0), 3.0, 1),
                new Perceptron.Evaluation(Vec.of(0, 1), 1.0, 1),
                new Perceptron.Evaluation(Vec.of(1, 0), 1.0, 1),
                new Perceptron.Evaluation(Vec.of(1, 1), -1.0, 0)), rows);
    }

    @Test
    void halfAdderFromNandUnitsGivesXorSumAndAndCarry() {
        HalfAdder adder = HalfAdder.standard();
        for (int x1 = 0; x1 <= 1; x1++) {
            for (int x2 = 0; x2 <= 1; x2++) {
                HalfAdder.Output out = adder.add(x1, x2);
                assertEquals(x1 ^ x2, out.sum(), "sum for " + x1 + ", " + x2);
                assertEquals(x1 & x2, out.carry(), "carry for " + x1 + ", " + x2);
            }
        }
    }

    @Test
    void halfAdderShowsItsHiddenNandOutputs() {
        assertEquals(new HalfAdder.Output(0, 1, 1, 0, 1), HalfAdder.standard().add(1, 1));
        assertEquals(new HalfAdder.Output(1, 0, 1, 1, 0), HalfAdder.standard().add(1, 0));
    }

    @Test
    void halfAdderRefusesAUnitThatIsNotNand() {
        Perceptron or = Perceptron.zeroOne(Vec.of(1, 1), -0.5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HalfAdder(or));
        assertEquals("the unit w = (1.0, 1.0), b = -0.5 is not a NAND gate: on input (0.0, 0.0) it outputs 0,"
                + " but NAND gives 1", e.getMessage());
    }

    @Test
    void orWithWeightsOneOneNeedsBiasMinusHalf() {
        assertTrue(Perceptron.zeroOne(Vec.of(1, 1), -0.5).classifiesAll(LogicGate.OR.truthTable()));
    }

    @Test
    void orWithBiasPlusHalfIsNotOrBecauseZeroZeroGivesOne() {
        Perceptron wrong = Perceptron.zeroOne(Vec.of(1, 1), 0.5);
        assertFalse(wrong.classifiesAll(LogicGate.OR.truthTable()));
        assertEquals(1, wrong.output(0, 0));
    }

    @Test
    void stepOfZeroIsZeroAndSignOfZeroIsPlusOne() {
        assertEquals(0, LabelConvention.ZERO_ONE.output(0.0));
        assertEquals(1, LabelConvention.MINUS_ONE_PLUS_ONE.output(0.0));
        assertEquals(-1, LabelConvention.MINUS_ONE_PLUS_ONE.output(-1e-12));
    }

    @Test
    void truthTablesListInputsInOrderWithZeroOneLabels() {
        assertEquals(List.of(0, 0, 0, 1), LogicGate.AND.truthTable().labels());
        assertEquals(List.of(0, 1, 1, 1), LogicGate.OR.truthTable().labels());
        assertEquals(List.of(1, 1, 1, 0), LogicGate.NAND.truthTable().labels());
        assertEquals(List.of(1, 0, 0, 0), LogicGate.NOR.truthTable().labels());
        assertEquals(List.of(0, 1, 1, 0), LogicGate.XOR.truthTable().labels());
        assertEquals(LogicGate.INPUTS, LogicGate.XOR.truthTable().inputs());
    }

    @Test
    void truthTablesInPlusMinusOneConventionKeepZeroOneInputs() {
        TrainingSet and = LogicGate.AND.truthTable(LabelConvention.MINUS_ONE_PLUS_ONE);
        assertEquals(List.of(-1, -1, -1, 1), and.labels());
        assertEquals(List.of(1, -1, -1, -1), LogicGate.NOR.truthTable(LabelConvention.MINUS_ONE_PLUS_ONE).labels());
        assertEquals(Vec.of(1, 0), and.input(2));
    }

    @Test
    void evaluatingWithTheWrongNumberOfInputsSaysSo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NAND.output(1, 0, 1));
        assertEquals("this perceptron has 2 weights, but the input has 3 entries", e.getMessage());
    }

    @Test
    void negativeZeroIsStoredAndShownAsZero() {
        assertEquals("(0.0, 1.0)", Vec.of(-0.0, 1).toString());
        assertEquals(Vec.of(0, 1), Vec.of(-0.0, 1));
        assertEquals("0.0", String.valueOf(Perceptron.zeroOne(Vec.of(1), -0.0).bias()));
    }

    @Test
    void anEmptyTableIsRefused() {
        assertEquals("the dataset is empty: it needs at least one sample", assertThrows(IllegalArgumentException.class,
                () -> TrainingSet.of(new double[0][], new int[0])).getMessage());
    }

    @Test
    void rowsOfDifferentLengthsAreRefused() {
        assertEquals("row 3 has 3 inputs, but row 1 has 2; every row needs the same number of inputs",
                assertThrows(IllegalArgumentException.class, () -> TrainingSet.of(
                        new double[][] {{0, 0}, {0, 1}, {1, 0, 1}}, new int[] {0, 1, 1})).getMessage());
    }

    @Test
    void missingLabelsAreRefused() {
        assertEquals("there are 3 rows of inputs but 2 labels; every row needs exactly one label",
                assertThrows(IllegalArgumentException.class, () -> TrainingSet.of(new double[][] {{0}, {1}, {2}},
                        new int[] {0, 1})).getMessage());
    }

    @Test
    void aNonFiniteInputIsRefused() {
        assertEquals("input 2 in row 1 is NaN; inputs must be finite numbers", assertThrows(
                IllegalArgumentException.class, () -> TrainingSet.of(new double[][] {{0, Double.NaN}},
                        new int[] {0})).getMessage());
    }
}
