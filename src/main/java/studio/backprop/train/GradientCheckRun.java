package studio.backprop.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import studio.backprop.autograd.Tape;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.Parameter;
import studio.backprop.nn.layers.ForwardContext;
import studio.backprop.nn.loss.Loss;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/**
 * Checks the open network's backpropagation against central finite differences, on the trainer's thread.
 *
 * <p>The loss L is taken over the first n training samples in inference mode (no dropout, batch normalisation with
 * its running statistics), so it is a fixed function of the weights. Backprop gives ∂L/∂θ for every element; for a
 * chosen element θ the finite difference is (L(θ⁺) − L(θ⁻)) / (θ⁺ − θ⁻) with θ± = θ ± h rounded to float32, the
 * quotient and the losses taken in double (the engine's forward pass itself is float32); once with h and once with
 * h/2, so that a kink tells itself from a wrong derivative (see {@link GradientCheckReport.Verdict}). Large
 * parameters are sampled: at most {@code perParameter} elements each, spread by a fixed seed, so the check stays quick on LeNet.
 *
 * <p>The network is left exactly as it was: weights restored bit for bit, the last step's gradients put back.
 */
final class GradientCheckRun {

    private GradientCheckRun() {
    }

    static GradientCheckReport run(TrainingLoop loop, Probe.GradientCheck request) {
        if (loop.rule() instanceof PerceptronRule) {
            throw new IllegalArgumentException("a perceptron learns by its update rule, not by a gradient, so there "
                    + "is no gradient to check");
        }
        Loss loss = loop.compilation().loss();
        TrainingData data = loop.data();
        int n = Math.max(1, Math.min(request.samples(), data.trainSize()));
        Tensor x = firstRows(data.trainX(), n);
        Tensor y = firstRows(data.trainY(), n);
        List<Parameter> params = loop.network().trainableParameters();
        float[][] savedGrads = new float[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            Tensor g = params.get(i).grad();
            savedGrads[i] = g == null ? null : g.toArray();
        }
        try {
            Variable out = loss.compute(loop.network().forward(Variable.constant(x, "input"),
                    ForwardContext.inference()), Variable.constant(y, "target"));
            Tape tape = Tape.record(out);
            tape.backward(Tensor.scalar(request.doubledLossGradient() ? 2f : 1f));
            double atWeights = out.value().item();
            List<GradientCheckReport.Row> rows = new ArrayList<>();
            long elements = 0;
            Rng rng = new Rng(20_261_204L);
            for (Parameter p : params) {
                float[] theta = p.value().buffer();
                float[] analytic = p.grad() == null ? new float[theta.length] : p.grad().toArray();
                elements += theta.length;
                for (int j : chosen(theta.length, request.perParameter(), rng)) {
                    double[] wide = slopes(tape, out, theta, j, request.step(), atWeights);
                    double[] narrow = slopes(tape, out, theta, j, request.step() / 2, atWeights);
                    rows.add(new GradientCheckReport.Row(p.name(), unravel(j, p.value().shape()), theta[j],
                            analytic[j], (wide[0] + wide[1]) / 2, (narrow[0] + narrow[1]) / 2, wide[1] - wide[0],
                            narrow[1] - narrow[0]));
                }
            }
            tape.forward();
            String note = "The engine computes in float32; the differences are taken in double over the first " + n
                    + (n == 1 ? " training sample" : " training samples") + " in inference mode"
                    + (rows.size() < elements ? ", on " + rows.size() + " of " + elements + " weights" : "") + ".";
            return new GradientCheckReport(rows, n, request.step(), elements, request.doubledLossGradient(),
                    atWeights, note);
        } finally {
            for (int i = 0; i < params.size(); i++) {
                Tensor g = params.get(i).grad();
                if (g != null) {
                    float[] buffer = g.buffer();
                    if (savedGrads[i] == null) {
                        Arrays.fill(buffer, 0f);
                    } else {
                        System.arraycopy(savedGrads[i], 0, buffer, 0, buffer.length);
                    }
                }
            }
        }
    }

    /**
     * The left and right slopes {(L(θ) − L(θ⁻)) / (θ − θ⁻), (L(θ⁺) − L(θ)) / (θ⁺ − θ)} with θ± = θ ± h rounded to
     * float32, in double; their mean is the central difference (the steps are equal up to rounding). θ is put back
     * bit for bit.
     */
    private static double[] slopes(Tape tape, Variable out, float[] theta, int j, double h, double atWeights) {
        float original = theta[j];
        float up = (float) (original + h);
        float down = (float) (original - h);
        theta[j] = up;
        tape.forward();
        double lossUp = out.value().item();
        theta[j] = down;
        tape.forward();
        double lossDown = out.value().item();
        theta[j] = original;
        return new double[] {(atWeights - lossDown) / ((double) original - (double) down),
            (lossUp - atWeights) / ((double) up - (double) original)};
    }

    /** Every index when there are at most {@code limit}; otherwise {@code limit} distinct ones, ascending. */
    static int[] chosen(int size, int limit, Rng rng) {
        if (size <= limit) {
            int[] all = new int[size];
            Arrays.setAll(all, i -> i);
            return all;
        }
        // a partial Fisher-Yates shuffle of 0..size-1 picks limit distinct indices
        int[] pool = new int[size];
        Arrays.setAll(pool, i -> i);
        for (int i = 0; i < limit; i++) {
            int k = i + (int) (rng.nextDouble() * (size - i));
            int t = pool[i];
            pool[i] = pool[k];
            pool[k] = t;
        }
        int[] picked = Arrays.copyOf(pool, limit);
        Arrays.sort(picked);
        return picked;
    }

    private static int[] unravel(int flat, int[] shape) {
        int[] index = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }

    private static Tensor firstRows(Tensor source, int n) {
        int[] shape = source.shape();
        int row = source.size() / shape[0];
        shape[0] = n;
        Tensor out = Tensor.zeros(shape);
        System.arraycopy(source.contiguous().buffer(), 0, out.buffer(), 0, n * row);
        return out;
    }
}
