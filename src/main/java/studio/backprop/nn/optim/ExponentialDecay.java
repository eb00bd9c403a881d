package studio.backprop.nn.optim;

/**
 * Exponential decay: η(t) = η₀·r^(t/T), shrinking smoothly by the factor r every T steps; with
 * {@code staircase} the exponent is ⌊t/T⌋ instead, which is the same curve as {@link StepDecay}.
 *
 * <p>Example: η₀ = 0.1, r = 0.5, T = 10 gives η(5) = 0.1·0.5^0.5 ≈ 0.0707 and η(20) = 0.025.
 *
 * @param initial    η₀; a finite number ≥ 0
 * @param rate       r, the factor per T steps; in (0, 1]
 * @param decaySteps T; ≥ 1
 * @param staircase  whether the exponent t/T is floored
 */
public record ExponentialDecay(double initial, double rate, long decaySteps, boolean staircase)
        implements LearningRateSchedule {

    public ExponentialDecay {
        Check.learningRate("the initial learning rate η₀ of exponential decay", initial);
        Check.decayFactor("the decay rate r of exponential decay", rate);
        Check.atLeastOne("the decay steps T of exponential decay", decaySteps);
    }

    @Override
    public double learningRate(long step) {
        LearningRateSchedule.checkStep(step);
        double exponent = staircase ? (double) (step / decaySteps) : (double) step / decaySteps;
        return initial * Math.pow(rate, exponent);
    }

    @Override
    public String name() {
        return "exponential_decay";
    }
}
