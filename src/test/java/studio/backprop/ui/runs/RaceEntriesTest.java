package studio.backprop.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.OptimizerRace;

/** The race's settings as typed: turned into entrants, a bad value refused in words before anything trains. */
class RaceEntriesTest {

    private static final NetworkDocument XOR = RunsViewModelTest.xor();
    private static final List<OptimizerRace.Entrant> DEFAULTS = OptimizerRace.defaults();

    private static RaceEntries.Row row(int racer, String eta, String settings) {
        return new RaceEntries.Row(true, DEFAULTS.get(racer), eta, settings);
    }

    private static String refusal(RaceEntries.Row... rows) {
        return assertThrows(IllegalArgumentException.class, () -> RaceEntries.entrants(List.of(rows), XOR, 5))
                .getMessage();
    }

    @Test
    void typedSettingsBecomeTheEntrantsOfTheTickedRows() {
        List<OptimizerRace.Entrant> entrants = RaceEntries.entrants(List.of(
                row(6, "0.02", "beta1 = 0.8, beta2=0.99; epsilon = 1e-8"),
                new RaceEntries.Row(false, DEFAULTS.get(0), "0.1", "")), XOR, 5);
        assertEquals(1, entrants.size());
        assertEquals(new OptimizerRace.Entrant("Adam", "adam", Map.of("learning_rate", "0.02", "beta1", "0.8",
                "beta2", "0.99", "epsilon", "1e-8")), entrants.get(0));
        assertEquals("beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7", RaceEntries.settingsText(DEFAULTS.get(6)));
        assertEquals("", RaceEntries.settingsText(DEFAULTS.get(0)));
    }

    @Test
    void badValuesAreRefusedNamingTheOptimiserAndTheSetting() {
        assertEquals("momentum: η must be a number, e.g. 0.01; got 'fast'", refusal(row(1, "fast", "")));
        assertEquals("RMSProp: rmsprop has no setting 'momentum'; its settings are rho, epsilon",
                refusal(row(4, "0.01", "momentum = 0.9")));
        assertEquals("SGD: sgd has no setting 'rho'; its settings are η alone", refusal(row(0, "0.1", "rho = 1")));
        assertEquals("AdaGrad: 'epsilon' is not a setting; write name = value, e.g. initial_accumulator = 0.1, "
                + "epsilon = 1e-7", refusal(row(3, "0.1", "epsilon")));
        String range = refusal(row(5, "1", "rho = 2"));
        assertEquals(true, range.startsWith("AdaDelta: "), range);
        assertEquals(true, range.contains("rho"), range);
        assertEquals("Choose at least one optimiser to race (tick its box).", assertThrows(
                IllegalArgumentException.class, () -> RaceEntries.entrants(List.of(new RaceEntries.Row(false,
                        DEFAULTS.get(0), "0.1", "")), XOR, 5)).getMessage());
    }

    @Test
    void epochsAreAWholeNumberFromOneOn() {
        assertEquals(20, RaceEntries.epochs(" 20 "));
        assertEquals("Epochs must be a whole number from 1 to 100000, e.g. 20; got '0'",
                assertThrows(IllegalArgumentException.class, () -> RaceEntries.epochs("0")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> RaceEntries.epochs("2.5"));
    }
}
