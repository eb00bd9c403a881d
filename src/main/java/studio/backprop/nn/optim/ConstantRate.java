package studio.backprop.nn.optim;

/**
 * η(t) = η for every step.
 *
 * @param learningRate η; a finite number ≥ 0
 */
public record ConstantRate(double learningRate) implements LearningRateSchedule {

    public ConstantRate {
        Check.learningRate("the learning rate η", learningRate);
    }

    @Override
    public double learningRate(long step) {
        LearningRateSchedule.checkStep(step);
        return learningRate;
    }

    @Override
    public String name() {
        return "constant";
    }
}
