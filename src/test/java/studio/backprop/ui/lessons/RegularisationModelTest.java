package studio.backprop.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import studio.backprop.data.Augmentation;
import studio.backprop.data.SampleData;

/** A small slice of the digits learnt by heart, and what the remedies change. */
class RegularisationModelTest {

    private static RegularisationModel model;
    private static final RegularisationModel.Settings SMALL = new RegularisationModel.Settings(20, 25, 0.002, 1e-3,
            1e-4, 0.5, new Augmentation(2, 10, 0.1), 3, 1);

    @BeforeAll
    static void digits() throws Exception {
        model = new RegularisationModel(SampleData.mnist10k(), 300, 300);
    }

    private static double meanAbs(float[] w) {
        double s = 0;
        for (float v : w) {
            s += Math.abs(v);
        }
        return s / w.length;
    }

    @Test
    void withoutARemedyTheTrainingSliceIsLearntByHeartAndValidationLagsBehind() {
        RegularisationModel.Run plain = model.train(RegularisationModel.Remedy.NONE, SMALL);
        assertEquals(20, plain.trainAccuracy().length);
        assertEquals(1.0, plain.finalTraining(), 1e-9, "300 digits and 128 hidden units: every one right");
        assertTrue(plain.finalValidation() < 0.95, "unseen digits: " + plain.finalValidation());
        RegularisationModel.Run again = model.train(RegularisationModel.Remedy.NONE, SMALL);
        assertArrayEquals(plain.validationAccuracy(), again.validationAccuracy(), "one seed, one history");
    }

    @Test
    void penaltiesShrinkTheWeightsAndEarlyStoppingEndsAtItsPatience() {
        double plain = meanAbs(model.train(RegularisationModel.Remedy.NONE, SMALL).weights());
        double l2 = meanAbs(model.train(RegularisationModel.Remedy.L2, SMALL).weights());
        double l1 = meanAbs(model.train(RegularisationModel.Remedy.L1, SMALL).weights());
        assertTrue(l2 < plain && l1 < plain, "mean |w|: none " + plain + ", L2 " + l2 + ", L1 " + l1);
        RegularisationModel.Run early = model.train(RegularisationModel.Remedy.EARLY_STOPPING, SMALL);
        int ran = early.validationAccuracy().length;
        assertTrue(ran == 20 || ran - early.bestEpoch() == 3, ran + " epochs, best " + early.bestEpoch());
    }
}
