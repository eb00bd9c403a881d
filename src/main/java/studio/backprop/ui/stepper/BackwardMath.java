package studio.backprop.ui.stepper;

import static studio.backprop.ui.stepper.ForwardMath.first;
import static studio.backprop.ui.stepper.StepMath.sub;
import static studio.backprop.ui.stepper.StepMath.sum;
import static studio.backprop.ui.stepper.StepMath.symbol;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.train.StepRecord.Kind;
import studio.backprop.train.StepRecord.NodeRecord;

/**
 * The walk back written out for {@link StepMath}: each ∂L/∂ as the chain rule with the record's numbers, the local
 * derivative named (σ′(z) = a(1 − a), tanh′ = 1 − a², ReLU′), the sum where a value fans out, a weight's gradient as
 * input times δ, the fused softmax and cross-entropy gradient as a − y.
 */
final class BackwardMath {

    private BackwardMath() {
    }

    static void lines(StepMath m, NodeRecord n, List<String> lines) {
        if (n.name().equals("loss")) {
            lines.add("∂L/∂L = 1: the walk back starts at the loss");
            return;
        }
        List<NodeRecord> users = m.record().nodes().stream().filter(u -> u.inputs().contains(n.name())).toList();
        if (users.size() == 1) {
            users = List.of(seeThrough(m, users.get(0)));
        }
        if (n.kind() == Kind.PARAMETER && users.size() == 1) {
            parameter(m, n, users.get(0), lines);
        } else if (users.size() != 1) {
            fanOut(m, n, users, lines);
        } else {
            NodeRecord u = users.get(0);
            switch (u.op()) {
                case "sigmoid", "tanh", "relu" -> activation(m, n, u, lines);
                case "add" -> lines.add("∂L/∂" + symbol(n) + " = ∂L/∂" + symbol(u) + " · 1 = " + m.list(first(m,
                        n.grad())) + ": an addition passes the gradient on unchanged");
                case "matMul" -> throughWeights(m, n, u, lines);
                case "softmaxCrossEntropy", "sigmoidCrossEntropy" -> fused(m, n, u, lines);
                case "conv2d", "maxPool2d", "avgPool2d" -> WindowMath.backward(m, n, u, lines);
                case "batchNorm" -> BatchNormMath.backward(m, n, u, lines);
                default -> chain(m, n, u, lines);
            }
        }
    }

    /** A user that is plumbing (a reshape) stands for the op it feeds. */
    private static NodeRecord seeThrough(StepMath m, NodeRecord u) {
        NodeRecord at = u;
        while (at.internal()) {
            String name = at.name();
            List<NodeRecord> next = m.record().nodes().stream().filter(v -> v.inputs().contains(name)).toList();
            if (next.size() != 1) {
                return at;
            }
            at = next.get(0);
        }
        return at;
    }

    private static String lhs(NodeRecord n, int j) {
        return n.name().endsWith("/z") ? "δ" + sub(j + 1) : "∂L/∂" + symbol(n) + sub(j + 1);
    }

    private static void activation(StepMath m, NodeRecord n, NodeRecord u, List<String> lines) {
        float[] g = first(m, u.grad());
        float[] a = first(m, u.value());
        float[] z = first(m, n.value());
        int[] shown = m.shownUnits(n, n.grad(), "units");
        for (int j : shown) {
            String s = sub(j + 1);
            double local;
            String named;
            switch (u.op()) {
                case "sigmoid" -> {
                    local = (double) a[j] * (1 - a[j]);
                    named = "σ′(z" + s + ") = ∂L/∂a" + s + " · a" + s + "(1 − a" + s + ") = " + m.term(g[j]) + " · "
                            + m.num(a[j]) + "·(1 − " + m.num(a[j]) + ")";
                }
                case "tanh" -> {
                    local = 1 - (double) a[j] * a[j];
                    named = "tanh′(z" + s + ") = ∂L/∂a" + s + " · (1 − a" + s + "²) = " + m.term(g[j]) + " · (1 − "
                            + m.term(a[j]) + "²)";
                }
                default -> {
                    local = z[j] > 0 ? 1 : 0;
                    named = "ReLU′(z" + s + ") = " + m.term(g[j]) + " · " + (z[j] > 0 ? "1 (z > 0)" : "0 (z ≤ 0)");
                }
            }
            lines.add(lhs(n, j) + " = ∂L/∂a" + s + " · " + named + " = " + m.term(g[j]) + " · " + m.num(local)
                    + " = " + m.num(first(m, n.grad())[j]));
        }
    }

    /** ∂L/∂a of the previous layer: the sum over the units it feeds of their gradient times the weight. */
    private static void throughWeights(StepMath m, NodeRecord n, NodeRecord u, List<String> lines) {
        List<NodeRecord> in = ForwardMath.inputs(m, u);
        NodeRecord w = in.size() > 1 ? in.get(1) : null;
        if (w == null || w.kind() != Kind.PARAMETER || w.value().shape().length != 2 || in.get(0) != n
                && !u.inputs().get(0).equals(n.name())) {
            chain(m, n, u, lines);
            return;
        }
        int cols = w.value().shape()[1];
        float[] g = first(m, u.grad());
        int[] shown = m.shownUnits(n, n.grad(), "units");
        for (int i : shown) {
            List<String> symbols = new ArrayList<>();
            List<String> numbers = new ArrayList<>();
            for (int j = 0; j < cols; j++) {
                symbols.add("∂L/∂(xW)" + sub(j + 1) + "·w" + sub(i + 1, j + 1));
                numbers.add(m.term(g[j]) + "·" + m.term(w.value().values()[i * cols + j]));
            }
            lines.add("∂L/∂" + symbol(n) + sub(i + 1) + " = " + sum(symbols) + " = " + sum(numbers) + " = "
                    + m.num(first(m, n.grad())[i]));
        }
        if (cols > 1) {
            lines.add(symbol(n) + " feeds every unit of the next layer, so their contributions add up");
        }
    }

    private static void parameter(StepMath m, NodeRecord p, NodeRecord u, List<String> lines) {
        int batch = m.record().samples().length;
        String over = batch > 1 ? " summed over the " + batch + " samples" : "";
        if (u.op().equals("matMul") && p.value().shape().length == 2) {
            NodeRecord x = ForwardMath.inputs(m, u).get(0);
            int cols = p.value().shape()[1];
            float[] xs = first(m, x.value());
            float[] g = first(m, u.grad());
            List<int[]> entries = m.entries(x.layer(), p.value().shape()[0], u.layer(), cols);
            for (int[] e : entries) {
                int i = e[0];
                int j = e[1];
                int k = i * cols + j;
                String s = sub(i + 1, j + 1);
                lines.add("∂L/∂w" + s + " = " + (x.kind() == Kind.DATA ? "x" : "a") + sub(i + 1) + " · ∂L/∂(xW)"
                        + sub(j + 1) + over + (batch > 1 ? "" : " = " + m.term(xs[i]) + " · " + m.term(g[j])) + " = "
                        + m.num(p.grad().values()[k]));
            }
            more(p, entries.size(), lines);
        } else if (u.op().equals("add")) {
            int[] shown = m.fold(u.layer(), p.value().values().length).shown();
            for (int j : shown) {
                lines.add("∂L/∂b" + sub(j + 1) + " = ∂L/∂z" + sub(j + 1) + " · 1" + over + " = "
                        + m.num(p.grad().values()[j]));
            }
            more(p, shown.length, lines);
        } else if (u.op().equals("conv2d")) {
            WindowMath.kernelGradient(m, p, u, lines);
        } else if (u.op().equals("batchNorm")) {
            BatchNormMath.parameter(m, p, u, lines);
        } else {
            lines.add("∂L/∂" + p.name() + " = " + m.list(p.grad().values()));
        }
    }

    private static void more(NodeRecord p, int shown, List<String> lines) {
        if (p.value().values().length > shown) {
            lines.add("… and " + (p.value().values().length - shown) + " more entries of " + p.name()
                    + " (the table and the hover show every value)");
        }
    }

    /** Softmax (or sigmoid) with cross-entropy as one op: its gradient is simply (a − y)/n. */
    private static void fused(StepMath m, NodeRecord n, NodeRecord u, List<String> lines) {
        NodeRecord target = ForwardMath.inputs(m, u).stream().filter(t -> t != null && t.kind() == Kind.DATA)
                .findFirst().orElse(null);
        int batch = m.record().samples().length;
        float[] g = first(m, n.grad());
        float[] y = target == null ? new float[g.length] : first(m, target.value());
        lines.add("softmax and cross-entropy together: ∂L/∂zₖ = (aₖ − yₖ)/n, the prediction minus the target (the "
                + "exponentials and logarithms cancel)");
        for (int j : m.shownUnits(n, n.grad(), "classes")) {
            double a = (double) g[j] * batch + y[j];
            lines.add("∂L/∂z" + sub(j + 1) + " = (a" + sub(j + 1) + " − y" + sub(j + 1) + ")/" + batch + " = ("
                    + m.num(a) + " − " + m.term(y[j]) + ")/" + batch + " = " + m.num(g[j]));
        }
    }

    private static void fanOut(StepMath m, NodeRecord n, List<NodeRecord> users, List<String> lines) {
        StringBuilder f = new StringBuilder("∂L/∂" + n.name() + " = ");
        for (int i = 0; i < users.size(); i++) {
            f.append(i == 0 ? "" : " + ").append("∂L/∂").append(users.get(i).name()).append(" · ∂")
                    .append(users.get(i).name()).append("/∂").append(n.name());
        }
        lines.add(f + " = " + m.list(first(m, n.grad())));
        if (users.size() > 1) {
            lines.add(n.name() + " feeds " + users.size() + " ops, so their contributions add up");
        }
    }

    /** Any other op: the incoming gradient times the local derivative, read from the record. */
    private static void chain(StepMath m, NodeRecord n, NodeRecord u, List<String> lines) {
        float[] gu = first(m, u.grad());
        float[] gn = first(m, n.grad());
        if (gu.length != gn.length) {
            lines.add("∂L/∂" + n.name() + " = ∂L/∂" + u.name() + " · ∂" + u.name() + "/∂" + n.name() + " = "
                    + m.list(gn));
            return;
        }
        int[] shown = m.shownUnits(n, n.grad(), "values");
        float[] x = first(m, n.value());
        for (int j : shown) {
            String s = gn.length == 1 ? "" : sub(j + 1);
            String local = gu[j] == 0 ? "…" : m.term((double) gn[j] / gu[j]);
            String named = "∂" + u.name() + "/∂" + n.name();
            if (u.op().equals("square")) {
                named = "2·" + n.name() + s;
                local = "2·" + m.term(x[j]);
            }
            lines.add("∂L/∂" + n.name() + s + " = ∂L/∂" + u.name() + s + " · " + named + " = " + m.term(gu[j])
                    + " · " + local + " = " + m.num(gn[j]));
        }
    }
}
