package studio.backprop.ui.lessons;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.nn.optim.InverseTimeDecay;
import studio.backprop.nn.optim.LearningRateSchedule;

/**
 * The learning-rate schedules of the engine over the first steps, from one η₀, one decay rate and one decay period
 * T: η(t) for t = 0 … steps − 1, each computed by the engine's own schedule.
 */
public final class ScheduleCurves {

    /** One schedule's name, formula and η(t). */
    public record Curve(String name, String formula, double[] rates) {
    }

    private ScheduleCurves() {
    }

    /**
     * @param initial η₀ &gt; 0
     * @param rate    the decay rate: γ of step decay, r of exponential decay (in (0, 1]) and k of inverse time decay
     * @param period  T ≥ 1 steps
     * @param steps   how many steps to show, 1 to 100,000
     */
    public static List<Curve> compute(double initial, double rate, long period, int steps) {
        if (steps < 1 || steps > 100_000) {
            throw new IllegalArgumentException("the number of steps to show must be from 1 to 100000; got " + steps);
        }
        List<Curve> out = new ArrayList<>();
        out.add(new Curve("constant", "η(t) = η₀", LearningRateSchedule.constant(initial).sample(steps)));
        out.add(new Curve("step decay", "η₀·γ^⌊t/T⌋",
                LearningRateSchedule.stepDecay(initial, rate, period).sample(steps)));
        out.add(new Curve("exponential", "η₀·r^(t/T)",
                LearningRateSchedule.exponentialDecay(initial, rate, period, false).sample(steps)));
        out.add(new Curve("exponential, staircase", "η₀·r^⌊t/T⌋",
                LearningRateSchedule.exponentialDecay(initial, rate, period, true).sample(steps)));
        out.add(new Curve("inverse time", "η₀ / (1 + k·t/T)",
                new InverseTimeDecay(initial, rate, period, false).sample(steps)));
        return out;
    }
}
