package studio.backprop.nn.perceptron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.backprop.nn.perceptron.Trace.row;
import static studio.backprop.nn.perceptron.Trace.v;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact traces computed by hand: η = 1, zero initial weights and bias, columns x, z, ŷ, y, y − ŷ. */
class PerceptronTraceTest {

    private static final PerceptronConfig ZERO_ONE = PerceptronConfig.defaults();

    @Test
    void orFirstEpochInListedOrderMatchesHandTrace() {
        PerceptronTrainer trainer = new PerceptronTrainer(LogicGate.OR.truthTable(), ZERO_ONE);
        EpochSummary summary = trainer.stepEpoch();
        assertEquals(List.of(
                row(1, 1, 1, v(0, 0), 0, 0, 0, 0, false, v(0, 0), 0, v(0, 0), 0),
                row(1, 2, 2, v(0, 1), 0, 0, 1, 1, true, v(0, 0), 0, v(0, 1), 1),
                row(1, 3, 3, v(1, 0), 1, 1, 1, 0, false, v(0, 1), 1, v(0, 1), 1),
                row(1, 4, 4, v(1, 1), 2, 1, 1, 0, false, v(0, 1), 1, v(0, 1), 1)), trainer.history());
        assertEquals(new EpochSummary(1, 4, 1, v(0, 0), 0, v(0, 1), 1), summary);
    }

    @Test
    void orInListedOrderConvergesAfterFourEpochsAtWeightsOneOneBiasZero() {
        PerceptronTrainer trainer = new PerceptronTrainer(LogicGate.OR.truthTable(), ZERO_ONE);
        assertEquals(new TrainingResult(true, 4, v(1, 1), 0, 4), trainer.runUntilConvergedOrCap());
        assertEquals(List.of(1, 2, 1, 0), trainer.epochSummaries().stream().map(EpochSummary::updates).toList());
    }

    @Test
    void orFirstEpochInOrder3412MatchesHandTrace() {
        PerceptronTrainer trainer = new PerceptronTrainer(LogicGate.OR.truthTable(),
                ZERO_ONE.withOrderOneBased(3, 4, 1, 2));
        trainer.stepEpoch();
        assertEquals(List.of(
                row(1, 1, 3, v(1, 0), 0, 0, 1, 1, true, v(0, 0), 0, v(1, 0), 1),
                row(1, 2, 4, v(1, 1), 2, 1, 1, 0, false, v(1, 0), 1, v(1, 0), 1),
                row(1, 3, 1, v(0, 0), 1, 1, 0, -1, true, v(1, 0), 1, v(1, 0), 0),
                row(1, 4, 2, v(0, 1), 0, 0, 1, 1, true, v(1, 0), 0, v(1, 1), 1)), trainer.history());
    }

    @Test
    void orInOrder3412ConvergesAfterThreeEpochs() {
        PerceptronTrainer trainer = new PerceptronTrainer(LogicGate.OR.truthTable(),
                ZERO_ONE.withOrderOneBased(3, 4, 1, 2));
        assertEquals(new TrainingResult(true, 3, v(1, 1), 0, 4), trainer.runUntilConvergedOrCap());
        assertEquals(List.of(2, 3, 0, 1), trainer.orderOfEpoch(2));
    }

    @Test
    void andFromZeroWeightsConvergesAfterSixEpochs() {
        PerceptronTrainer trainer = new PerceptronTrainer(LogicGate.AND.truthTable(), ZERO_ONE);
        TrainingResult result = trainer.runUntilConvergedOrCap();
        assertEquals(new TrainingResult(true, 6, v(2, 1), -2, 10), result);
        assertTrue(trainer.currentPerceptron().classifiesAll(LogicGate.AND.truthTable()));
    }

    @Test
    void andWithMinusOnePlusOneLabelsFirstEpochMatchesHandTrace() {
        PerceptronTrainer trainer = new PerceptronTrainer(
                LogicGate.AND.truthTable(LabelConvention.MINUS_ONE_PLUS_ONE),
                ZERO_ONE.withLabels(LabelConvention.MINUS_ONE_PLUS_ONE));
        trainer.stepEpoch();
        // sign(0) = +1, so the very first sample (label −1) is wrong and the error is −2.
        assertEquals(List.of(
                row(1, 1, 1, v(0, 0), 0, 1, -1, -2, true, v(0, 0), 0, v(0, 0), -2),
                row(1, 2, 2, v(0, 1), -2, -1, -1, 0, false, v(0, 0), -2, v(0, 0), -2),
                row(1, 3, 3, v(1, 0), -2, -1, -1, 0, false, v(0, 0), -2, v(0, 0), -2),
                row(1, 4, 4, v(1, 1), -2, -1, 1, 2, true, v(0, 0), -2, v(2, 2), 0)), trainer.history());
    }

    @Test
    void andWithMinusOnePlusOneLabelsConvergesAfterSixEpochs() {
        TrainingSet and = LogicGate.AND.truthTable(LabelConvention.MINUS_ONE_PLUS_ONE);
        PerceptronTrainer trainer = new PerceptronTrainer(and,
                ZERO_ONE.withLabels(LabelConvention.MINUS_ONE_PLUS_ONE));
        assertEquals(new TrainingResult(true, 6, v(4, 2), -6, 11), trainer.runUntilConvergedOrCap());
        assertTrue(trainer.currentPerceptron().classifiesAll(and));
    }

    @Test
    void firstSampleWithLabelOneFromZeroWeightsFiresTheRule() {
        TrainingSet single = TrainingSet.of(new double[][] {{1, 1}}, new int[] {1});
        PerceptronTrainer trainer = new PerceptronTrainer(single, ZERO_ONE);
        // z = 0, step(0) = 0 ≠ 1: the rule w ← w + η(y − ŷ)x fires. The misprinted w ← w − ηyx would move
        // w away from the answer, and a rule that fires only on z ≠ 0 would never start.
        assertEquals(row(1, 1, 1, v(1, 1), 0, 0, 1, 1, true, v(0, 0), 0, v(1, 1), 1), trainer.stepSample());
        assertEquals(1, trainer.currentPerceptron().output(1, 1));
    }

    @Test
    void learningRateScalesEveryUpdate() {
        PerceptronTrainer trainer = new PerceptronTrainer(LogicGate.OR.truthTable(),
                ZERO_ONE.withLearningRate(0.5).withInitialWeights(v(0.25, -0.25), 0.0));
        trainer.stepSample();
        SampleStep second = trainer.stepSample();
        assertEquals(row(1, 2, 2, v(0, 1), -0.25, 0, 1, 1, true, v(0.25, -0.25), 0, v(0.25, 0.25), 0.5), second);
    }
}
