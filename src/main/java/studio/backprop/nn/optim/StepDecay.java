package studio.backprop.nn.optim;

/**
 * Step decay: η(t) = η₀·γ^⌊t/T⌋. The rate stays flat for T steps, then drops by the factor γ.
 *
 * <p>Example: η₀ = 0.1, γ = 0.5, T = 10 gives 0.1 for t = 0…9, 0.05 for t = 10…19, 0.025 from t = 20.
 *
 * @param initial η₀; a finite number ≥ 0
 * @param gamma   γ, the factor applied at each drop; in (0, 1]
 * @param every   T, the number of steps between drops; ≥ 1
 */
public record StepDecay(double initial, double gamma, long every) implements LearningRateSchedule {

    public StepDecay {
        Check.learningRate("the initial learning rate η₀ of step decay", initial);
        Check.decayFactor("the drop factor γ of step decay", gamma);
        Check.atLeastOne("the drop interval T of step decay", every);
    }

    @Override
    public double learningRate(long step) {
        long drops = LearningRateSchedule.checkStep(step) / every;
        return initial * Math.pow(gamma, drops);
    }

    @Override
    public String name() {
        return "step_decay";
    }
}
