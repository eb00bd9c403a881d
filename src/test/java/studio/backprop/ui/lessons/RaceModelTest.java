package studio.backprop.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RaceModelTest {

    private static RaceModel bowl() {
        RaceModel race = new RaceModel();
        race.setSurface(Objective.BOWL);
        race.setStart(-1.5, 1.2);
        race.setSteps(50);
        return race;
    }

    private static double[] firstStep(List<RaceModel.Lane> lanes, Racer racer) {
        return lanes.stream().filter(l -> l.racer() == racer).findFirst().orElseThrow().path().points().get(1);
    }

    @Test
    void everyOptimiserStartsFromTheSamePoint() {
        List<RaceModel.Lane> lanes = bowl().run();
        assertEquals(Racer.values().length, lanes.size());
        for (RaceModel.Lane lane : lanes) {
            assertArrayEquals(new double[] {-1.5, 1.2}, lane.path().points().get(0), 1e-6, lane.racer().label());
        }
    }

    @Test
    void firstStepsByHandOnTheBowl() {
        // ∇f = (2x, 2y) = (−3, 2.4) at the start.
        List<RaceModel.Lane> lanes = bowl().run();
        // SGD, η = 0.1: θ − 0.1·(−3, 2.4) = (−1.2, 0.96)
        assertArrayEquals(new double[] {-1.2, 0.96}, firstStep(lanes, Racer.SGD), 1e-6);
        // Adam, η = 0.05: m̂ = g, v̂ = g², so the first step is η·sign(g) = (−1.45, 1.15)
        assertArrayEquals(new double[] {-1.45, 1.15}, firstStep(lanes, Racer.ADAM), 1e-5);
        // RMSProp, η = 0.02, ρ = 0.9: s = 0.1·g², step = η·g/√s = η·√10·sign(g) = 0.0632456
        assertArrayEquals(new double[] {-1.5 + 0.0632456, 1.2 - 0.0632456}, firstStep(lanes, Racer.RMSPROP), 1e-5);
        // AdaDelta, ρ = 0.95, ε = 1e-4: step = √ε/√(0.05·g² + ε)·g; for g = −3: 0.01/0.6708950·3 = 0.0447164
        assertEquals(-1.5 + 0.0447164, firstStep(lanes, Racer.ADADELTA)[0], 1e-5);
    }

    @Test
    void momentumOvertakesPlainSgdOnTheValleyAtTheSameRate() {
        RaceModel race = new RaceModel();
        race.setSurface(Objective.VALLEY);
        race.setSteps(60);
        double eta = 0.05;
        race.setEntry(Racer.SGD, new RaceModel.Entry(true, eta, new double[] {}));
        race.setEntry(Racer.MOMENTUM, new RaceModel.Entry(true, eta, new double[] {0.9}));
        List<RaceModel.Lane> lanes = race.run();
        double sgd = lanes.get(Racer.SGD.ordinal()).path().lastValue();
        double momentum = lanes.get(Racer.MOMENTUM.ordinal()).path().lastValue();
        assertTrue(momentum < sgd, "momentum " + momentum + " vs SGD " + sgd);
    }

    @Test
    void aMomentumOfOneIsRefusedInTheEnginesWordsAndTheOldSettingStays() {
        RaceModel race = bowl();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> race.setEntry(Racer.MOMENTUM, new RaceModel.Entry(true, 0.1, new double[] {1})));
        assertTrue(e.getMessage().contains("momentum"), e.getMessage());
        assertEquals(0.9, race.entry(Racer.MOMENTUM).settings()[0]);
    }

    @Test
    void aCurveCannotHostTheRace() {
        assertThrows(IllegalArgumentException.class, () -> new RaceModel().setSurface(Objective.X_SQUARED));
    }
}
