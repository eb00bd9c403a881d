package studio.backprop.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** Entries of a parameter written out per stage; the rest fold into one summary line. */
    public static final int UNITS = UnitFold.BLOCK;
    /** Terms of a sum written out before "…". */
    private static final int TERMS = 4;

    private final StepRecord r;
    private final int digits;
    private final Map<String, Integer> focus;
    /** Which units the lines wrote, of how many: the last line, when a layer is wider than the lines written. */
    private String summary;

    private StepMath(StepRecord r, int digits, Map<String, Integer> focus) {
        this.r = r;
        this.digits = digits;
        this.focus = focus;
    }

    /** The lines for {@code stage} of {@code record}, at {@code digits} significant digits. */
    public static List<String> of(StepRecord record, StepStage stage, int digits) {
        return of(record, stage, digits, Map.of());
    }

    /**
     * The lines for {@code stage} of {@code record}, at {@code digits} significant digits, writing out the block of
     * units {@code focus} chooses for each layer (the first unit of the block by layer; 0 if absent).
     */
    public static List<String> of(StepRecord record, StepStage stage, int digits, Map<String, Integer> focus) {
        if (record == null || stage == null) {
            return List.of();
        }
        StepMath m = new StepMath(record, digits, focus);
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
        if (m.summary != null) {
            lines.add(m.summary);
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

    /**
     * The units written out of a node's value: the block the student chose for its layer (see {@link UnitFold}); a
     * line at the end says which of how many they are.
     */
    int[] shownUnits(NodeRecord n, TensorCopy t, String what) {
        UnitFold fold = new UnitFold(units(t), focus.getOrDefault(n.layer(), 0));
        if (fold.units() > UnitFold.BLOCK) {
            summary = "… " + what + " " + (fold.start() + 1) + "–" + (fold.start() + UnitFold.BLOCK) + " of "
                    + fold.units() + " written out; ◀ ▶ under the drawing (or a click on a fold) shows the others";
        }
        return fold.shown();
    }

    /** The window positions written out of a window op's {@code positions}: from the one chosen, in order. */
    int[] windowPositions(String layer, int positions) {
        int first = Math.floorMod(focus.getOrDefault(WindowSketch.key(layer), 0), Math.max(1, positions));
        int[] out = new int[Math.min(WindowMath.POSITIONS, positions)];
        for (int q = 0; q < out.length; q++) {
            out[q] = (first + q) % positions;
        }
        return out;
    }

    /** The fold of a layer of {@code units} units at the block the student chose. */
    UnitFold fold(String layer, int units) {
        return new UnitFold(Math.max(1, units), focus.getOrDefault(layer, 0));
    }

    /**
     * Up to {@value #UNITS} entries (row, column) of a weight matrix from the layer {@code in} ({@code rows} units)
     * to the layer {@code out} ({@code cols} units): the rows and columns of the blocks chosen for the two layers.
     */
    List<int[]> entries(String in, int rows, String out, int cols) {
        List<int[]> entries = new ArrayList<>();
        for (int i : fold(in, rows).shown()) {
            for (int j : fold(out, cols).shown()) {
                if (entries.size() < UNITS) {
                    entries.add(new int[] {i, j});
                }
            }
        }
        return entries;
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

    /** The layer whose values a weight matrix multiplies (the input of its matMul), or "" when not found. */
    private String inputLayerOf(String parameter) {
        for (NodeRecord n : r.nodes()) {
            if (n.op().equals("matMul") && n.inputs().contains(parameter)) {
                NodeRecord x = ForwardMath.inputs(this, n).get(0);
                return x == null ? "" : x.layer();
            }
        }
        return "";
    }

    private void update(String parameter, List<String> lines) {
        TensorCopy before = r.before().get(parameter);
        TensorCopy after = r.after().get(parameter);
        TensorCopy grad = r.gradients().get(parameter);
        if (before == null || after == null) {
            return;
        }
        boolean kernel = before.shape().length == 2;
        String w = parameter.endsWith("bias") ? "b" : "w";
        List<Integer> ks = new ArrayList<>();
        String layer = parameter.contains("/") ? parameter.substring(0, parameter.indexOf('/')) : parameter;
        if (kernel) {
            for (int[] e : entries(inputLayerOf(parameter), before.shape()[0], layer, before.shape()[1])) {
                ks.add(e[0] * before.shape()[1] + e[1]);
            }
        } else {
            for (int j : fold(layer, before.values().length).shown()) {
                ks.add(j);
            }
        }
        int shown = ks.size();
        for (int k : ks) {
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
