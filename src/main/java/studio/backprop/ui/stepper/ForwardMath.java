package studio.backprop.ui.stepper;

import static studio.backprop.ui.stepper.StepMath.sub;
import static studio.backprop.ui.stepper.StepMath.sum;
import static studio.backprop.ui.stepper.StepMath.symbol;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.train.StepRecord.Kind;
import studio.backprop.train.StepRecord.NodeRecord;
import studio.backprop.train.TrainingSnapshot.TensorCopy;

/** The forward pass written out, unit by unit, for {@link StepMath}: sums, activations, the loss, windows. */
final class ForwardMath {

    private ForwardMath() {
    }

    static void lines(StepMath m, NodeRecord n, List<String> lines) {
        if (n.kind() == Kind.DATA) {
            lines.add(symbol(n) + " = " + m.list(first(m, n.value()))
                    + (n.op().equals("target") ? ": the targets of the sample" : ": the inputs of the sample"));
            return;
        }
        List<NodeRecord> in = inputs(m, n);
        switch (n.op()) {
            case "matMul" -> matMul(m, n, in, lines);
            case "add" -> add(m, n, in, lines);
            case "sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu", "step", "sign", "linear", "square", "log",
                 "exp" -> unary(m, n, in.get(0), lines);
            case "softmax" -> softmax(m, n, in.get(0), lines);
            case "sub" -> elementwise(m, n, in, " − ", lines);
            case "mul" -> elementwise(m, n, in, " · ", lines);
            case "sum" -> total(m, n, in.get(0), lines);
            case "scale", "affine" -> scale(m, n, in.get(0), lines);
            case "conv2d" -> WindowMath.convForward(m, n, in, lines);
            case "batchNorm" -> BatchNormMath.forward(m, n, in, lines);
            case "maxPool2d", "avgPool2d" -> WindowMath.poolForward(m, n, in.get(0), lines);
            default -> lines.add(n.name() + " = " + n.formula() + " = " + m.list(first(m, n.value())));
        }
    }

    /** The inputs of a node, plumbing (a reshape) seen through to the value it passes on. */
    static List<NodeRecord> inputs(StepMath m, NodeRecord n) {
        List<NodeRecord> out = new ArrayList<>();
        for (String name : n.inputs()) {
            NodeRecord input = m.record().node(name);
            while (input != null && input.internal() && !input.inputs().isEmpty()) {
                input = m.record().node(input.inputs().get(0));
            }
            out.add(input);
        }
        return out;
    }

    /** The first sample's values of a batched value (all of a parameter's). */
    static float[] first(StepMath m, TensorCopy t) {
        int units = m.units(t);
        return t.values().length == units ? t.values() : java.util.Arrays.copyOf(t.values(), units);
    }

    private static String letter(NodeRecord input) {
        return input != null && input.kind() == Kind.DATA ? "x" : "a";
    }

    private static void matMul(StepMath m, NodeRecord n, List<NodeRecord> in, List<String> lines) {
        NodeRecord a = in.get(0);
        NodeRecord w = in.size() > 1 ? in.get(1) : null;
        if (a == null || w == null || w.kind() != Kind.PARAMETER || w.value().shape().length != 2) {
            lines.add(n.name() + " = " + n.formula());
            return;
        }
        int rows = w.value().shape()[0];
        int cols = w.value().shape()[1];
        float[] x = first(m, a.value());
        String v = letter(a);
        int[] shown = m.shownUnits(n, n.value(), "units");
        for (int j : shown) {
            List<String> symbols = new ArrayList<>();
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                symbols.add(v + sub(i + 1) + "·w" + sub(i + 1, j + 1));
                numbers.add(m.term(x[i]) + "·" + m.term(w.value().values()[i * cols + j]));
            }
            lines.add("(xW)" + sub(j + 1) + " = " + sum(symbols) + " = " + sum(numbers) + " = "
                    + m.num(n.value().values()[j]));
        }
    }

    private static void add(StepMath m, NodeRecord n, List<NodeRecord> in, List<String> lines) {
        NodeRecord b = in.size() > 1 ? in.get(1) : null;
        if (in.get(0) == null || b == null) {
            lines.add(n.name() + " = " + n.formula());
            return;
        }
        boolean bias = b.kind() == Kind.PARAMETER;
        float[] left = first(m, in.get(0).value());
        float[] right = bias ? b.value().values() : first(m, b.value());
        int[] shown = m.shownUnits(n, n.value(), "units");
        for (int j : shown) {
            String left0 = symbol(in.get(0)) + sub(j + 1);
            String right0 = (bias ? "b" : symbol(b)) + sub(j + 1);
            lines.add(symbol(n) + sub(j + 1) + " = " + left0 + " + " + right0 + " = " + m.num(left[j % left.length])
                    + " + " + m.term(right[j % right.length]) + " = " + m.num(n.value().values()[j]));
        }
    }

    private static void unary(StepMath m, NodeRecord n, NodeRecord input, List<String> lines) {
        float[] x = first(m, input.value());
        String s = symbol(input);
        String out = symbol(n);
        int[] shown = m.shownUnits(n, n.value(), "units");
        for (int j : shown) {
            String z = s + sub(j + 1);
            String v = m.num(x[j]);
            String r = m.num(n.value().values()[j]);
            String line = switch (n.op()) {
                case "sigmoid" -> "σ(" + z + ") = 1 / (1 + e^(−" + m.term(x[j]) + ")) = " + r;
                case "relu" -> "max(0, " + z + ") = max(0, " + v + ") = " + r;
                case "square" -> z + "² = " + m.term(x[j]) + "² = " + r;
                default -> n.op() + "(" + z + ") = " + n.op() + "(" + v + ") = " + r;
            };
            lines.add(out + sub(j + 1) + " = " + line);
        }
    }

    private static void softmax(StepMath m, NodeRecord n, NodeRecord input, List<String> lines) {
        float[] z = first(m, input.value());
        List<String> exps = new ArrayList<>();
        for (float v : z) {
            exps.add("e^" + m.term(v));
        }
        int[] shown = m.shownUnits(n, n.value(), "classes");
        for (int j : shown) {
            lines.add("a" + sub(j + 1) + " = e^(z" + sub(j + 1) + ") / Σₖ e^(zₖ) = e^" + m.term(z[j]) + " / ("
                    + sum(exps) + ") = " + m.num(n.value().values()[j]));
        }
    }

    private static void elementwise(StepMath m, NodeRecord n, List<NodeRecord> in, String op, List<String> lines) {
        if (in.size() < 2 || in.get(0) == null || in.get(1) == null) {
            lines.add(n.name() + " = " + n.formula());
            return;
        }
        float[] a = first(m, in.get(0).value());
        float[] b = first(m, in.get(1).value());
        String name = n.name().equals("loss/sub") ? "e" : n.name();
        int[] shown = m.shownUnits(n, n.value(), "values");
        for (int j : shown) {
            lines.add(name + sub(j + 1) + " = " + symbol(in.get(0)) + sub(j + 1) + op + symbol(in.get(1))
                    + sub(j + 1) + " = " + m.num(a[j % a.length]) + op + m.term(b[j % b.length]) + " = "
                    + m.num(n.value().values()[j]));
        }
    }

    private static void total(StepMath m, NodeRecord n, NodeRecord input, List<String> lines) {
        List<String> terms = new ArrayList<>();
        for (float v : input.value().values()) {
            terms.add(m.term(v));
        }
        lines.add("Σ " + input.name() + " = " + sum(terms) + " = " + m.num(n.value().values()[0]));
    }

    private static void scale(StepMath m, NodeRecord n, NodeRecord input, List<String> lines) {
        String f = n.formula().startsWith("y = ") ? n.formula().substring(4) : n.formula();
        String value = input.value().values().length == 1 ? m.term(input.value().values()[0]) : "x";
        lines.add((n.name().equals("loss") ? "L" : n.name()) + " = " + f + " = " + f.replace("x", value) + " = "
                + m.list(first(m, n.value())));
    }
}
