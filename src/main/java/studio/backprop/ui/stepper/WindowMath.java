package studio.backprop.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.train.StepRecord.NodeRecord;
import studio.backprop.train.TrainingSnapshot.TensorCopy;

/**
 * Convolution and pooling written out for {@link StepMath}: the kernel window at its first positions with the
 * products summed, a pooling window's maximum or mean, and on the way back where the gradient goes (scattered back
 * through the window, or routed to the argmax). Images are channels last, [sample, row, column, channel]; positions
 * are written from 1. The window's stride and padding are read from the shapes.
 */
final class WindowMath {

    /** Window positions written out per stage, from the one chosen in the drawing. */
    static final int POSITIONS = 3;

    private WindowMath() {
    }

    /** How a window of k×k moves over an n×n input to give m×m outputs: stride and padding, or null if unclear. */
    record Geometry(int stride, int pad) {
        static Geometry of(int in, int kernel, int out) {
            if (out == in - kernel + 1) {
                return new Geometry(1, 0);
            }
            if (out == in && kernel % 2 == 1) {
                return new Geometry(1, (kernel - 1) / 2);
            }
            if (out > 1 && (in - kernel) % (out - 1) == 0) {
                return new Geometry((in - kernel) / (out - 1), 0);
            }
            if (out == 1) {
                return new Geometry(1, 0);
            }
            return null;
        }
    }

    private static float at(TensorCopy t, int row, int col, int ch) {
        int[] s = t.shape();
        if (row < 0 || col < 0 || row >= s[1] || col >= s[2]) {
            return 0;
        }
        return t.values()[(row * s[2] + col) * s[3] + ch];
    }

    static void convForward(StepMath m, NodeRecord n, List<NodeRecord> in, List<String> lines) {
        NodeRecord x = in.get(0);
        NodeRecord k = in.size() > 1 ? in.get(1) : null;
        int[] xs = x == null ? null : x.value().shape();
        int[] ks = k == null ? null : k.value().shape();
        int[] ys = n.value().shape();
        Geometry g = xs == null || ks == null || xs.length != 4 || ks.length != 4 ? null
                : Geometry.of(xs[1], ks[0], ys[1]);
        if (g == null) {
            lines.add(n.name() + " = " + n.formula());
            return;
        }
        lines.add("the " + ks[0] + "×" + ks[1] + " kernel slides over the " + xs[1] + "×" + xs[2] + " input (stride "
                + g.stride() + (g.pad() > 0 ? ", padding " + g.pad() : "") + "): at each position the window's values "
                + "times the kernel's, summed" + (in.size() > 2 && in.get(2) != null ? " plus the bias" : ""));
        int positions = ys[1] * ys[2];
        for (int p : m.windowPositions(n.layer(), positions)) {
            int i = p / ys[2];
            int j = p % ys[2];
            List<String> terms = new ArrayList<>();
            for (int u = 0; u < ks[0]; u++) {
                for (int v = 0; v < ks[1]; v++) {
                    for (int c = 0; c < ks[2]; c++) {
                        float xv = at(x.value(), i * g.stride() + u - g.pad(), j * g.stride() + v - g.pad(), c);
                        terms.add(m.term(xv) + "·" + m.term(k.value().values()[((u * ks[1] + v) * ks[2] + c)
                                * ks[3]]));
                    }
                }
            }
            String bias = in.size() > 2 && in.get(2) != null ? " + " + m.term(in.get(2).value().values()[0]) : "";
            lines.add("y[" + (i + 1) + "," + (j + 1) + "] = Σᵤᵥ x[" + (i * g.stride() + 1 - g.pad()) + "+u, "
                    + (j * g.stride() + 1 - g.pad()) + "+v]·k[u,v] = " + StepMath.sum(terms) + bias + " = "
                    + m.num(n.value().values()[p * ys[3]]));
        }
        if (positions > POSITIONS || ys[3] > 1) {
            lines.add("… and so on over all " + positions + " positions" + (ys[3] > 1 ? " of each of the " + ys[3]
                    + " filters" : "") + " (the table and the hover show every value)");
        }
    }

    static void poolForward(StepMath m, NodeRecord n, NodeRecord x, List<String> lines) {
        int[] xs = x.value().shape();
        int[] ys = n.value().shape();
        boolean max = n.op().startsWith("max");
        int k = xs.length == 4 && ys[1] > 0 ? xs[1] / ys[1] : 0;
        if (k < 1) {
            lines.add(n.name() + " = " + n.formula());
            return;
        }
        lines.add("each " + k + "×" + k + " window gives its " + (max ? "largest value" : "mean"));
        for (int p : m.windowPositions(n.layer(), ys[1] * ys[2])) {
            int i = p / ys[2];
            int j = p % ys[2];
            List<String> values = new ArrayList<>();
            for (int u = 0; u < k; u++) {
                for (int v = 0; v < k; v++) {
                    values.add(m.num(at(x.value(), i * k + u, j * k + v, 0)));
                }
            }
            lines.add("y[" + (i + 1) + "," + (j + 1) + "] = " + (max ? "max(" + String.join(", ", values) + ")"
                    : "(" + String.join(" + ", values) + ")/" + (k * k)) + " = " + m.num(n.value().values()[p
                    * ys[3]]));
        }
    }

    /** ∂L/∂ of a window op's input: scattered back through the kernel, or routed to the maximum, or shared. */
    static void backward(StepMath m, NodeRecord n, NodeRecord u, List<String> lines) {
        int[] xs = n.value().shape();
        int[] ys = u.value().shape();
        if (xs.length != 4 || ys.length != 4) {
            lines.add("∂L/∂" + n.name() + " = " + m.list(ForwardMath.first(m, n.grad())));
            return;
        }
        int k = xs[1] / Math.max(1, ys[1]);
        switch (u.op()) {
            case "maxPool2d" -> {
                lines.add("max pooling sends each window's gradient to the input that was its maximum; the others "
                        + "get 0");
                for (int p : m.windowPositions(u.layer(), ys[1] * ys[2])) {
                    int i = p / ys[2];
                    int j = p % ys[2];
                    int br = i * k;
                    int bc = j * k;
                    for (int r = i * k; r < i * k + k; r++) {
                        for (int c = j * k; c < j * k + k; c++) {
                            if (at(n.value(), r, c, 0) > at(n.value(), br, bc, 0)) {
                                br = r;
                                bc = c;
                            }
                        }
                    }
                    lines.add("window (" + (i + 1) + "," + (j + 1) + "): its maximum x[" + (br + 1) + "," + (bc + 1)
                            + "] = " + m.num(at(n.value(), br, bc, 0)) + " gets ∂L/∂y[" + (i + 1) + "," + (j + 1)
                            + "] = " + m.num(at(u.grad(), i, j, 0)) + ", the other " + (k * k - 1) + " get 0");
                }
            }
            case "avgPool2d" -> {
                lines.add("average pooling shares each window's gradient equally among its " + k * k + " inputs");
                for (int p : m.windowPositions(u.layer(), ys[1] * ys[2])) {
                    int i = p / ys[2];
                    int j = p % ys[2];
                    lines.add("window (" + (i + 1) + "," + (j + 1) + "): each input gets ∂L/∂y[" + (i + 1) + ","
                            + (j + 1) + "]/" + k * k + " = " + m.term(at(u.grad(), i, j, 0)) + "/" + k * k + " = "
                            + m.num(at(n.grad(), i * k, j * k, 0)));
                }
            }
            default -> {
                lines.add("the gradient is scattered back through the window: ∂L/∂x[r,c] = Σ over the positions "
                        + "whose window covers (r,c) of ∂L/∂y[i,j]·k[r−i, c−j]");
                scattered(m, n, u, lines);
                float[] g = n.grad().values();
                lines.add("∂L/∂x, first row: " + m.list(java.util.Arrays.copyOf(g, Math.min(g.length, xs[2]
                        * xs[3]))));
            }
        }
    }

    /** What the chosen window sends back: each cell it covers gets ∂L/∂y[i,j] times the kernel weight over it. */
    private static void scattered(StepMath m, NodeRecord n, NodeRecord u, List<String> lines) {
        NodeRecord kernel = ForwardMath.inputs(m, u).size() > 1 ? ForwardMath.inputs(m, u).get(1) : null;
        int[] xs = n.value().shape();
        int[] ys = u.value().shape();
        int[] ks = kernel == null ? null : kernel.value().shape();
        Geometry g = ks == null || ks.length != 4 ? null : Geometry.of(xs[1], ks[0], ys[1]);
        if (g == null) {
            return;
        }
        int p = m.windowPositions(u.layer(), ys[1] * ys[2])[0];
        int i = p / ys[2];
        int j = p % ys[2];
        List<String> terms = new ArrayList<>();
        for (int a = 0; a < ks[0]; a++) {
            for (int b = 0; b < ks[1]; b++) {
                int r = i * g.stride() + a - g.pad();
                int c = j * g.stride() + b - g.pad();
                if (r >= 0 && c >= 0 && r < xs[1] && c < xs[2]) {
                    terms.add("x[" + (r + 1) + "," + (c + 1) + "] gets " + m.term(at(u.grad(), i, j, 0)) + "·"
                            + m.term(kernel.value().values()[(a * ks[1] + b) * ks[2] * ks[3]]));
                }
            }
        }
        lines.add("window (" + (i + 1) + "," + (j + 1) + ") sends ∂L/∂y[" + (i + 1) + "," + (j + 1) + "] = "
                + m.num(at(u.grad(), i, j, 0)) + " back: " + String.join(", ", terms) + "; each cell's ∂L/∂x adds "
                + "what every window over it sends");
    }

    /** ∂L/∂k of a convolution: every window position adds input times output gradient. */
    static void kernelGradient(StepMath m, NodeRecord kernel, NodeRecord conv, List<String> lines) {
        NodeRecord x = ForwardMath.inputs(m, conv).get(0);
        int[] ks = kernel.value().shape();
        int[] ys = conv.value().shape();
        lines.add("every position of the window adds its input times the output's gradient: ∂L/∂k[u,v] = Σᵢⱼ "
                + "∂L/∂y[i,j]·x[i+u, j+v]");
        if (x == null || ks.length != 4 || ys.length != 4 || ys[3] != ks[3]) {
            lines.add("∂L/∂k = " + m.list(kernel.grad().values()));
            return;
        }
        Geometry g = Geometry.of(x.value().shape()[1], ks[0], ys[1]);
        for (int e = 0; e < Math.min(2, ks[0] * ks[1]) && g != null; e++) {
            int u = e / ks[1];
            int v = e % ks[1];
            List<String> terms = new ArrayList<>();
            for (int i = 0; i < ys[1]; i++) {
                for (int j = 0; j < ys[2]; j++) {
                    terms.add(m.term(at(conv.grad(), i, j, 0)) + "·" + m.term(at(x.value(), i * g.stride() + u
                            - g.pad(), j * g.stride() + v - g.pad(), 0)));
                }
            }
            lines.add("∂L/∂k[" + (u + 1) + "," + (v + 1) + "] = " + StepMath.sum(terms) + " = "
                    + m.num(kernel.grad().values()[(u * ks[1] + v) * ks[2] * ks[3]]) + (m.record().samples().length
                    > 1 ? " (sample 1 shown; the batch's are added)" : ""));
        }
        lines.add("… and so on for every entry of the kernel");
    }
}
