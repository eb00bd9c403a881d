package studio.backprop.nn.optim;

/**
 * The learning rate as a function of the step count t: η(t).
 *
 * <p>t counts optimiser steps already completed, so the first update uses η(0), the second η(1), and so on
 * (as Keras counts iterations). A schedule is a pure function: asking for η at any t changes nothing, so the
 * app can plot it ahead of training with {@link #sample(int)}. Implementations are immutable records whose
 * {@link #name()} and components are what a session file stores.
 */
public interface LearningRateSchedule {

    /** η(t) for t ≥ 0. */
    double learningRate(long step);

    /** A stable name for the file format and the UI, e.g. "step_decay". */
    String name();

    /** η(0), η(1), …, η(steps − 1), for a plot. */
    default double[] sample(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("the number of steps to sample must be ≥ 0, but was " + steps);
        }
        double[] out = new double[steps];
        for (int t = 0; t < steps; t++) {
            out[t] = learningRate(t);
        }
        return out;
    }

    /** η(t) = η. */
    static LearningRateSchedule constant(double learningRate) {
        return new ConstantRate(learningRate);
    }

    /** η(t) = η₀·γ^⌊t/T⌋: multiply by γ every T steps. */
    static LearningRateSchedule stepDecay(double initial, double gamma, long every) {
        return new StepDecay(initial, gamma, every);
    }

    /** η(t) = η₀·r^(t/T), continuous. */
    static LearningRateSchedule exponentialDecay(double initial, double rate, long decaySteps) {
        return new ExponentialDecay(initial, rate, decaySteps, false);
    }

    /** η(t) = η₀·r^(t/T), or η₀·r^⌊t/T⌋ when {@code staircase}. */
    static LearningRateSchedule exponentialDecay(double initial, double rate, long decaySteps, boolean staircase) {
        return new ExponentialDecay(initial, rate, decaySteps, staircase);
    }

    /** η(t) = η₀ / (1 + k·t). */
    static LearningRateSchedule inverseTimeDecay(double initial, double k) {
        return new InverseTimeDecay(initial, k, 1, false);
    }

    /** Checks a step count handed to {@link #learningRate(long)}. */
    static long checkStep(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("the step count t must be ≥ 0, but was " + step);
        }
        return step;
    }
}
