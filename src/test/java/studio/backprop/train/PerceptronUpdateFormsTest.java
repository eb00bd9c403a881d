package studio.backprop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.backprop.train.Perceptrons.document;
import static studio.backprop.train.Perceptrons.gate;
import static studio.backprop.train.Perceptrons.loop;
import static studio.backprop.train.Perceptrons.run;
import static studio.backprop.train.Perceptrons.step;
import static studio.backprop.train.Perceptrons.weights;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.DocumentCompiler;

/**
 * The three update forms of the Perceptron layer's {@code update} setting, each against a trace computed by hand
 * (η = 1, zero initial weights, the gates' rows in the listed order (0,0), (0,1), (1,0), (1,1)).
 */
class PerceptronUpdateFormsTest {

    private static TrainingLoop plusMinus(String update, String gate) {
        return loop(document(2, "labels = -1/+1\nupdate = " + update, "", "1", 100, "order = listed",
                gate(gate, "-1/+1")));
    }

    @Test
    void errorFormWithLabelsZeroOneIsTheDefault() {
        TrainingLoop loop = loop(document(2, "labels = 0/1\nupdate = error", "", "1", 20, "order = 3, 4, 1, 2",
                gate("or", "0/1")));
        // step(0) = 0; c = η(y − ŷ)
        assertEquals(step(Perceptrons.or("3, 4, 1, 2"), 4), step(loop, 4));
        assertEquals("perceptron rule (η = 1.0, labels {0, 1}, w ← w + η(y − ŷ)x when ŷ ≠ y)",
                loop.rule().describe());
    }

    @Test
    void mistakeFormMovesByEtaYSoItsStepsAreHalfTheErrorForms() {
        TrainingLoop loop = plusMinus("mistake", "and");
        // Sample 1: z = 0, sign(0) = +1 ≠ −1, c = ηy = −1 (the error form moves by η(y − ŷ) = −2).
        assertEquals(List.of(
                "epoch 1, sample 1: x (0, 0), z 0, ŷ 1, y -1, y − ŷ -2, update: (0, 0), 0 → (0, 0), -1",
                "epoch 1, sample 2: x (0, 1), z -1, ŷ -1, y -1, y − ŷ 0, no update: (0, 0), -1",
                "epoch 1, sample 3: x (1, 0), z -1, ŷ -1, y -1, y − ŷ 0, no update: (0, 0), -1",
                "epoch 1, sample 4: x (1, 1), z -1, ŷ -1, y 1, y − ŷ 2, update: (0, 0), -1 → (1, 1), 0",
                "epoch 2, sample 1: x (0, 0), z 0, ŷ 1, y -1, y − ŷ -2, update: (1, 1), 0 → (1, 1), -1",
                "epoch 2, sample 2: x (0, 1), z 0, ŷ 1, y -1, y − ŷ -2, update: (1, 1), -1 → (1, 0), -2",
                "epoch 2, sample 3: x (1, 0), z -1, ŷ -1, y -1, y − ŷ 0, no update: (1, 0), -2",
                "epoch 2, sample 4: x (1, 1), z -1, ŷ -1, y 1, y − ŷ 2, update: (1, 0), -2 → (2, 1), -1"),
                step(loop, 8));
        run(loop);
        assertTrue(loop.converged());
        assertEquals(6, loop.epoch());
        // From zero weights sign(2z) = sign(z): the same run as the error form's (4, 2), −6, at half the size.
        assertEquals("(2, 1), -3", weights(loop));
        assertEquals("perceptron rule (η = 1.0, labels {-1, +1}, w ← w + ηyx when ŷ ≠ y)", loop.rule().describe());
    }

    @Test
    void mistakeFormOnOrConvergesAfterFourEpochs() {
        TrainingLoop loop = plusMinus("mistake", "or");
        assertEquals(List.of(
                "epoch 1, sample 1: x (0, 0), z 0, ŷ 1, y -1, y − ŷ -2, update: (0, 0), 0 → (0, 0), -1",
                "epoch 1, sample 2: x (0, 1), z -1, ŷ -1, y 1, y − ŷ 2, update: (0, 0), -1 → (0, 1), 0",
                "epoch 1, sample 3: x (1, 0), z 0, ŷ 1, y 1, y − ŷ 0, no update: (0, 1), 0",
                "epoch 1, sample 4: x (1, 1), z 1, ŷ 1, y 1, y − ŷ 0, no update: (0, 1), 0"),
                step(loop, 4));
        run(loop);
        assertTrue(loop.converged());
        assertEquals(4, loop.epoch());
        assertEquals("(1, 1), -1", weights(loop));
    }

    @Test
    void marginFormUpdatesOnAZeroMarginEvenWhenSignOfZeroIsRight() {
        TrainingLoop loop = plusMinus("margin", "or");
        // Sample 3: z = 0 and sign(0) = +1 = y, so the mistake form leaves it, but y·z = 0 ≤ 0 fires the margin form.
        assertEquals(List.of(
                "epoch 1, sample 1: x (0, 0), z 0, ŷ 1, y -1, y − ŷ -2, update: (0, 0), 0 → (0, 0), -1",
                "epoch 1, sample 2: x (0, 1), z -1, ŷ -1, y 1, y − ŷ 2, update: (0, 0), -1 → (0, 1), 0",
                "epoch 1, sample 3: x (1, 0), z 0, ŷ 1, y 1, y − ŷ 0, update: (0, 1), 0 → (1, 1), 1",
                "epoch 1, sample 4: x (1, 1), z 3, ŷ 1, y 1, y − ŷ 0, no update: (1, 1), 1",
                "epoch 2, sample 1: x (0, 0), z 1, ŷ 1, y -1, y − ŷ -2, update: (1, 1), 1 → (1, 1), 0",
                "epoch 2, sample 2: x (0, 1), z 1, ŷ 1, y 1, y − ŷ 0, no update: (1, 1), 0",
                "epoch 2, sample 3: x (1, 0), z 1, ŷ 1, y 1, y − ŷ 0, no update: (1, 1), 0",
                "epoch 2, sample 4: x (1, 1), z 2, ŷ 1, y 1, y − ŷ 0, no update: (1, 1), 0",
                "epoch 3, sample 1: x (0, 0), z 0, ŷ 1, y -1, y − ŷ -2, update: (1, 1), 0 → (1, 1), -1",
                "epoch 3, sample 2: x (0, 1), z 0, ŷ 1, y 1, y − ŷ 0, update: (1, 1), -1 → (1, 2), 0"),
                step(loop, 10));
        assertEquals(0f, loop.lastRecord().node("unit/margin").value().values()[0], "the margin y·z of the row");
        run(loop);
        assertTrue(loop.converged(), "every margin is positive after the last epoch");
        assertEquals(6, loop.epoch());
        assertEquals("(2, 2), -1", weights(loop));
    }

    @Test
    void marginFormOnAndNeedsNineEpochs() {
        TrainingLoop loop = plusMinus("margin", "and");
        run(loop);
        assertTrue(loop.converged());
        assertEquals(9, loop.epoch());
        assertEquals("(3, 2), -4", weights(loop));
    }

    @Test
    void theEtaYFormsRefuseLabelsZeroOneInWords() {
        for (String update : List.of("mistake", "margin")) {
            Compilation c = DocumentCompiler.compile(document(2, "labels = 0/1\nupdate = " + update, "", "1", 10,
                    "order = listed", gate("or", "0/1")));
            assertFalse(c.trainable());
            assertTrue(c.whyNotTrainable().contains("Perceptron 'unit': update = " + update + " (w ← w + ηyx) needs "
                    + "labels = -1/+1; with labels 0/1 a sample labelled 0 never moves the unit. Set labels = -1/+1, "
                    + "or update = error"), c.whyNotTrainable());
        }
        Compilation unknown = DocumentCompiler.compile(document(2, "update = hebb", "", "1", 10, "order = listed",
                gate("or", "0/1")));
        assertTrue(unknown.whyNotTrainable().contains("'hebb' is not one of error, mistake, margin"),
                unknown.whyNotTrainable());
    }
}
