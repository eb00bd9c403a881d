package studio.backprop.nn.optim;

/**
 * 1/t decay in the Keras InverseTimeDecay form: η(t) = η₀ / (1 + k·t/T), or η₀ / (1 + k·⌊t/T⌋) with
 * {@code staircase}. With T = 1 (the {@link LearningRateSchedule#inverseTimeDecay(double, double)} default)
 * this is η₀ / (1 + k·t).
 *
 * <p>Example: η₀ = 0.1, k = 0.5, T = 1 gives η(0) = 0.1, η(2) = 0.05, η(6) = 0.025.
 *
 * @param initial    η₀; a finite number ≥ 0
 * @param k          the decay rate k; a finite number ≥ 0
 * @param decaySteps T; ≥ 1
 * @param staircase  whether t/T is floored
 */
public record InverseTimeDecay(double initial, double k, long decaySteps, boolean staircase)
        implements LearningRateSchedule {

    public InverseTimeDecay {
        Check.learningRate("the initial learning rate η₀ of 1/t decay", initial);
        Check.nonNegative("the decay rate k of 1/t decay", k);
        Check.atLeastOne("the decay steps T of 1/t decay", decaySteps);
    }

    @Override
    public double learningRate(long step) {
        LearningRateSchedule.checkStep(step);
        double p = staircase ? (double) (step / decaySteps) : (double) step / decaySteps;
        return initial / (1 + k * p);
    }

    @Override
    public String name() {
        return "inverse_time_decay";
    }
}
