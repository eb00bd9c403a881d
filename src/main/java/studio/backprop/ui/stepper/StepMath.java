package studio.backprop.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.train.StepRecord;
import studio.backprop.train.StepRecord.Kind;
import studio.backprop.train.StepRecord.NodeRecord;
import studio.backprop.train.TrainingSnapshot.TensorCopy;
import studio.backprop.ui.stepper.StepStage.Phase;

/**
 * The current stage of a step written out as mathematics in Unicode, one line per unit with the record's numbers
 * substituted: z₁ = x₁·w₁₁ + x₂·w₂₁ + b₁ = 0.05·0.15 + 0.1·0.2 + 0.35 = 0.3775, δ₁ = ∂L/∂a₁ · σ′(z₁) = 0.7414 · 0.1868
 * = 0.1385, w₁₁′ = w₁₁ − η·∂L/∂w₁₁ = …. Every result on the right is the record's value; the terms before it are the
 * record's values too (inputs, weights, gradients), so the line is the engine's own arithmetic written down.
 *
 * <p>A layer wider than {@value #UNITS} units shows its first ones and a summary line; a convolution shows the
 * window at its first positions, pooling where each gradient goes. The first sample of a batch is written out.
 */
public final class StepMath {

    /** Units written out per stage; the rest fold into one summary line. */
    public static final int UNITS = 4;
    /** Terms of a sum written out before "…". */
    private static final int TERMS = 4;

    private final StepRecord r;
    private final int digits;

    private StepMath(StepRecord r, int digits) {
        this.r = r;
        this.digits = digits;
    }

    /** The lines for {@code stage} of {@code record}, at {@code digits} significant digits. */
    public static List<String> of(StepRecord record, StepStage stage, int digits) {
        if (record == null || stage == null) {
            return List.of();
        }
        StepMath m = new StepMath(record, digits);
        NodeRecord n = record.node(stage.node());
        List<String> lines = new ArrayList<>();
        if (!record.perceptronRows().isEmpty()) {
            lines.add(stage.numbers());
        } else if (stage.phase() == Phase.UPDATE) {
            m.update(stage.node(), lines);
        } else if (n == null) {
            lines.add(stage.numbers());
        } else if (stage.phase() == Phase.BACKWARD) {
            BackwardMath.lines(m, n, lines);
        } else {
            ForwardMath.lines(m, n, lines);
        }
        return lines;
    }

    // ------------------------------------------------------------ shared by the forward and backward writers

    StepRecord record() {
        return r;
    }

    /** A number at the chosen digits, negative ones in parentheses when they follow an operator. */
    String num(double v) {
        return StepNumbers.of(v, digits);
    }

    /** Up to twice {@value #UNITS} values in brackets. */
    String list(float[] values) {
        return StepNumbers.list(values, digits, UNITS * 2);
    }

    String term(double v) {
        return v < 0 ? "(" + num(v) + ")" : num(v);
    }

    /** Units per sample of a value (its size over the batch). */
    int units(TensorCopy t) {
        return Math.max(1, t.values().length / Math.max(1, r.samples().length));
    }

    /** The units written out of a value, and a summary line for the rest. */
    int shownUnits(TensorCopy t, List<String> lines, String what) {
        int units = units(t);
        if (units > UNITS) {
            lines.add("… and " + (units - UNITS) + " more " + what + " (the table and the hover show every value)");
        }
        return Math.min(units, UNITS);
    }

    /** The symbol of a node for the lines: x for the input, z for a layer's sum, a for its activation. */
    static String symbol(NodeRecord n) {
        if (n.kind() == Kind.DATA) {
            return n.op().equals("target") ? "y" : "x";
        }
        String op = n.op();
        if (n.name().endsWith("/z")) {
            return "z";
        }
        return switch (op) {
            case "matMul" -> "(xW)";
            case "sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu", "softmax", "step", "sign", "linear" -> "a";
            default -> n.name().equals("loss") ? "L" : n.name();
        };
    }

    /** Subscript digits: 12 → ₁₂. */
    static String sub(int oneBased) {
        StringBuilder sb = new StringBuilder();
        for (char c : Integer.toString(oneBased).toCharArray()) {
            sb.append((char) ('₀' + (c - '0')));
        }
        return sb.toString();
    }

    /** A 2-D subscript: w₁₂, or w₁₀,₂ when an index has more than one digit. */
    static String sub(int i, int j) {
        return i > 9 || j > 9 ? sub(i) + "," + sub(j) : sub(i) + sub(j);
    }

    /** Joins terms with " + ", eliding the middle of a long sum. */
    static String sum(List<String> terms) {
        if (terms.size() <= TERMS) {
            return String.join(" + ", terms);
        }
        return String.join(" + ", terms.subList(0, TERMS - 1)) + " + … + " + terms.get(terms.size() - 1) + " ("
                + terms.size() + " terms)";
    }

    // ------------------------------------------------------------ the update

    private void update(String parameter, List<String> lines) {
        TensorCopy before = r.before().get(parameter);
        TensorCopy after = r.after().get(parameter);
        TensorCopy grad = r.gradients().get(parameter);
        if (before == null || after == null) {
            return;
        }
        boolean kernel = before.shape().length == 2;
        String w = parameter.endsWith("bias") ? "b" : "w";
        int shown = Math.min(before.values().length, UNITS);
        for (int k = 0; k < shown; k++) {
            String s = kernel ? sub(k / before.shape()[1] + 1, k % before.shape()[1] + 1) : sub(k + 1);
            double old = before.values()[k];
            double now = after.values()[k];
            if (grad != null && Math.abs(old - r.learningRate() * grad.values()[k] - now) <= 1e-6 * Math.max(1,
                    Math.abs(now))) {
                lines.add(w + s + "′ = " + w + s + " − η·∂L/∂" + w + s + " = " + num(old) + " − "
                        + num(r.learningRate()) + "·" + term(grad.values()[k]) + " = " + num(now));
            } else {
                lines.add(w + s + "′ = " + w + s + " + Δ" + w + s + " (the optimizer's step) = " + num(old) + " + "
                        + term(now - old) + " = " + num(now));
            }
        }
        if (before.values().length > shown) {
            lines.add("… and " + (before.values().length - shown) + " more entries of " + parameter
                    + " (the table and the hover show every value)");
        }
    }
}
