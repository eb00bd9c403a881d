package studio.backprop.ui.lessons;

import java.util.List;

/**
 * The iterates of one descent run: θ₀ (the start), θ₁, …, θₙ with f at each, and why it stopped.
 *
 * @param points     θₖ for k = 0…n, each {x} or {x, y}
 * @param values     f(θₖ) for k = 0…n (NaN where f could not be evaluated)
 * @param stop       why the run ended
 * @param iterations n, the number of updates made
 */
public record DescentPath(List<double[]> points, List<Double> values, Stop stop, int iterations) {

    /** Why a run ended. */
    public enum Stop {
        /** The last update moved θ by less than ε: ‖θₖ₊₁ − θₖ‖ &lt; ε. */
        CONVERGED("change below ε"),
        /** The iteration budget ran out first. */
        MAX_ITERATIONS("iteration limit reached"),
        /** θ or f left every finite bound (|θ| &gt; 10⁶ or f not a number). */
        DIVERGED("diverged");

        private final String words;

        Stop(String words) {
            this.words = words;
        }

        /** The reason in words: "change below ε". */
        public String words() {
            return words;
        }
    }

    public DescentPath {
        points = List.copyOf(points);
        values = List.copyOf(values);
    }

    /** The last iterate θₙ. */
    public double[] last() {
        return points.get(points.size() - 1);
    }

    /** f(θₙ). */
    public double lastValue() {
        return values.get(values.size() - 1);
    }

    /** One line for a read-out: "43 iterations, change below ε, f = 0.0001 at (0.001, 0)". */
    public String summary() {
        StringBuilder at = new StringBuilder();
        for (double c : last()) {
            at.append(at.length() == 0 ? "" : ", ").append(Format.number(c));
        }
        return iterations + (iterations == 1 ? " iteration, " : " iterations, ") + stop.words()
                + (stop == Stop.DIVERGED ? "" : ", f = " + Format.number(lastValue()) + " at (" + at + ")");
    }
}
