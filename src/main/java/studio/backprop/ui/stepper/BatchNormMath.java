package studio.backprop.ui.stepper;

import static studio.backprop.ui.stepper.StepMath.sub;
import static studio.backprop.ui.stepper.StepMath.sum;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.train.StepRecord.NodeRecord;
import studio.backprop.train.TrainingSnapshot.TensorCopy;

/**
 * Batch normalisation written out for {@link StepMath}, per channel, with the record's numbers: forward the batch
 * mean μ_B and variance σ²_B (the op's intermediates, kept in the record beside it), x̂ = (x − μ_B)/√(σ²_B + ε) and
 * y = γx̂ + β for the first sample; backward ∂L/∂xᵢ = γ/√(σ²_B + ε)·(∂L/∂yᵢ − Σₖ∂L/∂yₖ/m − x̂ᵢ·Σₖ∂L/∂yₖx̂ₖ/D), whose
 * two sums are ∂L/∂β and ∂L/∂γ; and the gradients of γ and β. Sample i of the batch is written xᵢ; channel j is
 * named in each line's head.
 */
final class BatchNormMath {

    private BatchNormMath() {
    }

    /** The statistics the record keeps beside the op, or null when it has none. */
    private record Stats(float[] mean, float[] variance, float[] invStd, float epsilon, float[] normalized) {

        static Stats of(StepMath m, NodeRecord op) {
            NodeRecord mean = m.record().node(op.name() + ".mean");
            NodeRecord variance = m.record().node(op.name() + ".variance");
            NodeRecord invStd = m.record().node(op.name() + ".invStd");
            NodeRecord epsilon = m.record().node(op.name() + ".epsilon");
            NodeRecord normalized = m.record().node(op.name() + ".normalized");
            if (mean == null || variance == null || invStd == null || epsilon == null || normalized == null) {
                return null;
            }
            return new Stats(mean.value().values(), variance.value().values(), invStd.value().values(),
                    epsilon.value().values()[0], normalized.value().values());
        }
    }

    /** Channel j's values over the batch (sample by sample). */
    private static float[] column(TensorCopy t, int channels, int j) {
        float[] out = new float[t.values().length / channels];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.values()[i * channels + j];
        }
        return out;
    }

    /**
     * The divisor of the batch variance: m, or m − 1 when the layer estimates it unbiased; read off the record by
     * which of the two gives its σ²_B.
     */
    private static int divisor(float[] x, float mean, float variance) {
        int m = x.length;
        double squares = 0;
        for (float v : x) {
            squares += (v - (double) mean) * (v - (double) mean);
        }
        return m > 1 && Math.abs(squares / (m - 1) - variance) < Math.abs(squares / m - variance) ? m - 1 : m;
    }

    static void forward(StepMath m, NodeRecord n, List<NodeRecord> in, List<String> lines) {
        Stats s = Stats.of(m, n);
        if (s == null || in.size() < 3 || in.get(0) == null || in.get(1) == null || in.get(2) == null) {
            lines.add(n.name() + " = " + n.formula() + " = " + m.list(ForwardMath.first(m, n.value())));
            return;
        }
        int channels = s.mean().length;
        float[] gamma = in.get(1).value().values();
        float[] beta = in.get(2).value().values();
        int batch = in.get(0).value().values().length / channels;
        lines.add("batch normalisation, each channel over the " + batch + " value" + (batch == 1 ? "" : "s")
                + " of the batch; sample 1 written out" + (batch == 1 ? " (one sample: σ²_B = 0, so x̂ = 0; "
                + "step a whole batch to see it work)" : ""));
        for (int j : m.shownUnits(n, n.value(), "channels")) {
            float[] x = column(in.get(0).value(), channels, j);
            int d = divisor(x, s.mean()[j], s.variance()[j]);
            List<String> xs = new ArrayList<>();
            List<String> values = new ArrayList<>();
            List<String> squares = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                xs.add("x" + sub(i + 1));
                values.add(m.term(x[i]));
                squares.add("(" + m.num(x[i]) + " − " + m.term(s.mean()[j]) + ")²");
            }
            String c = "channel " + (j + 1) + ": ";
            lines.add(c + "μ_B = (" + sum(xs) + ")/" + batch + " = (" + sum(values) + ")/" + batch + " = "
                    + m.num(s.mean()[j]));
            lines.add(c + "σ²_B = Σᵢ(xᵢ − μ_B)²/" + d + " = (" + sum(squares) + ")/" + d + " = "
                    + m.num(s.variance()[j]));
            lines.add(c + "x̂₁ = (x₁ − μ_B)/√(σ²_B + ε) = (" + m.num(x[0]) + " − " + m.term(s.mean()[j]) + ")/√("
                    + m.num(s.variance()[j]) + " + " + m.num(s.epsilon()) + ") = " + m.num(s.normalized()[j]));
            lines.add(c + "y₁ = γ·x̂₁ + β = " + m.term(gamma[j]) + "·" + m.term(s.normalized()[j]) + " + "
                    + m.term(beta[j]) + " = " + m.num(n.value().values()[j]));
        }
    }

    /** ∂L/∂x of the op's input {@code n}: the batch-norm gradient, its two sums read from ∂L/∂β and ∂L/∂γ. */
    static void backward(StepMath m, NodeRecord n, NodeRecord op, List<String> lines) {
        Stats s = Stats.of(m, op);
        List<NodeRecord> in = ForwardMath.inputs(m, op);
        NodeRecord gammaNode = in.size() > 1 ? in.get(1) : null;
        NodeRecord betaNode = in.size() > 2 ? in.get(2) : null;
        if (s == null || gammaNode == null || betaNode == null || gammaNode.grad() == null || betaNode.grad() == null
                || op.grad() == null) {
            lines.add("∂L/∂" + n.name() + " = " + m.list(ForwardMath.first(m, n.grad())));
            return;
        }
        int channels = s.mean().length;
        int batch = op.grad().values().length / channels;
        lines.add("batch normalisation's gradient: every sample of the batch moves μ_B and σ²_B, so each ∂L/∂xᵢ "
                + "takes the whole batch in: ∂L/∂xᵢ = γ/√(σ²_B + ε)·(∂L/∂yᵢ − Σₖ∂L/∂yₖ/m − x̂ᵢ·Σₖ∂L/∂yₖ·x̂ₖ/D)");
        lines.add("the two sums are the gradients of β and γ: Σₖ∂L/∂yₖ = ∂L/∂β, Σₖ∂L/∂yₖ·x̂ₖ = ∂L/∂γ; m = " + batch
                + ", sample 1 written out");
        for (int j : m.shownUnits(n, n.grad(), "channels")) {
            float[] x = column(n.value(), channels, j);
            int d = divisor(x, s.mean()[j], s.variance()[j]);
            float gamma = gammaNode.value().values()[j];
            float dBeta = betaNode.grad().values()[j];
            float dGamma = gammaNode.grad().values()[j];
            lines.add("channel " + (j + 1) + ": ∂L/∂x₁ = γ·(1/√(σ²_B + ε))·(∂L/∂y₁ − ∂L/∂β/" + batch + " − x̂₁·∂L/∂γ/"
                    + d + ") = " + m.term(gamma) + "·" + m.term(s.invStd()[j]) + "·(" + m.num(op.grad().values()[j])
                    + " − " + m.term(dBeta) + "/" + batch + " − " + m.term(s.normalized()[j]) + "·" + m.term(dGamma)
                    + "/" + d + ") = " + m.num(n.grad().values()[j]));
        }
    }

    /** ∂L/∂γ = Σᵢ ∂L/∂yᵢ·x̂ᵢ and ∂L/∂β = Σᵢ ∂L/∂yᵢ, per channel. */
    static void parameter(StepMath m, NodeRecord p, NodeRecord op, List<String> lines) {
        Stats s = Stats.of(m, op);
        List<NodeRecord> in = ForwardMath.inputs(m, op);
        boolean gamma = in.size() > 1 && in.get(1) == p;
        if (s == null || op.grad() == null) {
            lines.add("∂L/∂" + p.name() + " = " + m.list(p.grad().values()));
            return;
        }
        int channels = s.mean().length;
        lines.add(gamma ? "γ scales x̂: its gradient adds ∂L/∂y times x̂ over the batch"
                : "β shifts every output: its gradient adds ∂L/∂y over the batch");
        for (int j : m.fold(op.layer(), channels).shown()) {
            float[] g = column(op.grad(), channels, j);
            List<String> symbols = new ArrayList<>();
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < g.length; i++) {
                symbols.add("∂L/∂y" + sub(i + 1) + (gamma ? "·x̂" + sub(i + 1) : ""));
                numbers.add(m.term(g[i]) + (gamma ? "·" + m.term(s.normalized()[i * channels + j]) : ""));
            }
            lines.add("channel " + (j + 1) + ": ∂L/∂" + (gamma ? "γ" : "β") + " = " + sum(symbols) + " = "
                    + sum(numbers) + " = " + m.num(p.grad().values()[j]));
        }
    }
}
