package studio.backprop.ui.lessons;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.Activation;
import studio.backprop.tensor.Tensor;

/**
 * An activation f and its derivative f' over a range of x, both from the engine: f by the activation itself and
 * f' by autograd (backward from Σ f(xᵢ), which gives each f'(xᵢ), since each output depends on its own input only).
 * The range is split into regions: dead where f' = 0 exactly (no gradient passes), saturated where f' is below a
 * tenth of its largest value on the range but not 0 (gradient all but vanishes), and live elsewhere.
 *
 * @param xs         the sample points, increasing
 * @param values     f(xᵢ)
 * @param slopes     f'(xᵢ)
 * @param regions    the dead and saturated intervals, in order
 */
public record ActivationCurves(Activation activation, double[] xs, double[] values, double[] slopes,
                               List<Region> regions) {

    /** What happens to the gradient on an interval. */
    public enum Kind { DEAD, SATURATED }

    /** An interval [from, to] of x where the gradient is dead or saturated. */
    public record Region(Kind kind, double from, double to) {
    }

    /** Saturation: |f'| below this fraction of the largest |f'| on the range. */
    public static final double SATURATION = 0.1;

    /** The activations drawn as curves: all but softmax, which acts on a whole vector, not on one x. */
    public static List<Activation> elementWise() {
        List<Activation> out = new ArrayList<>();
        for (Activation a : Activation.values()) {
            if (a != Activation.SOFTMAX) {
                out.add(a);
            }
        }
        return out;
    }

    /** f and f' at {@code n} points from {@code from} to {@code to}, with α for leaky ReLU and ELU. */
    public static ActivationCurves compute(Activation activation, float alpha, double from, double to, int n) {
        if (activation == Activation.SOFTMAX) {
            throw new IllegalArgumentException("softmax acts on a whole vector (each output depends on every input),"
                    + " so it has no curve f(x); pick an element-wise activation");
        }
        float[] points = new float[n];
        for (int i = 0; i < n; i++) {
            points[i] = (float) (from + (to - from) * i / (n - 1));
        }
        Variable x = Variable.parameter(Tensor.vector(points), "x");
        Variable y = activation.apply(x, alpha);
        y.sum().backward();
        double[] xs = new double[n];
        double[] values = new double[n];
        double[] slopes = new double[n];
        double steepest = 0;
        for (int i = 0; i < n; i++) {
            xs[i] = points[i];
            values[i] = y.value().get(i);
            slopes[i] = x.grad() == null ? 0 : x.grad().get(i);
            steepest = Math.max(steepest, Math.abs(slopes[i]));
        }
        return new ActivationCurves(activation, xs, values, slopes, regions(xs, slopes, steepest));
    }

    private static List<Region> regions(double[] xs, double[] slopes, double steepest) {
        List<Region> out = new ArrayList<>();
        Kind current = null;
        double start = 0;
        for (int i = 0; i <= xs.length; i++) {
            Kind kind = i == xs.length ? null : kindAt(slopes[i], steepest);
            if (kind != current) {
                if (current != null) {
                    out.add(new Region(current, start, xs[i - 1]));
                }
                current = kind;
                start = i < xs.length ? xs[i] : 0;
            }
        }
        return out;
    }

    private static Kind kindAt(double slope, double steepest) {
        if (slope == 0) {
            return Kind.DEAD;
        }
        return Math.abs(slope) < SATURATION * steepest ? Kind.SATURATED : null;
    }
}
