package studio.backprop.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import studio.backprop.train.StepRecord;
import studio.backprop.train.StepRecord.Kind;
import studio.backprop.train.StepRecord.NodeRecord;
import studio.backprop.train.TrainingSnapshot.TensorCopy;

/**
 * A convolution or pooling stage on a small image drawn as grids of cells with the record's numbers: forward, the
 * input with the window outlined at the chosen position, the kernel, and the output cell it gives; on the way back,
 * the output's gradient and the cells of the input it reaches (through the whole window for a convolution, to the
 * window's maximum for max pooling, shared evenly for average pooling); for the kernel's gradient, the window and the
 * output gradient it is multiplied by. A click on an output cell (or ◀ ▶) moves the window. The first sample, channel
 * and filter are drawn.
 */
final class WindowSketch {

    /** Images up to this many cells a side are drawn as grids; larger ones as columns of units. */
    static final int MAX_SIDE = 16;

    private static final Color WINDOW = Color.web("#d9480f");
    private static final Color LIT = Color.web("#ffe8cc");
    private static final Color OUT = Color.web("#dcecfa");

    private WindowSketch() {
    }

    /** What a window stage draws. */
    enum Mode { CONV_FORWARD, POOL_FORWARD, CONV_BACK, POOL_BACK, KERNEL_GRAD }

    /**
     * A window stage: the op, its input {@code x} and kernel (null for pooling), and how the window moves.
     *
     * @param k     the window's height and width
     * @param kw    the window's width
     */
    record Scene(Mode mode, NodeRecord op, NodeRecord x, NodeRecord kernel, int k, int kw, int stride, int pad) {

        boolean max() {
            return op.op().startsWith("max");
        }

        int rows() {
            return op.value().shape()[1];
        }

        int cols() {
            return op.value().shape()[2];
        }

        int positions() {
            return rows() * cols();
        }
    }

    /** The focus key of a window op's chosen position. */
    static String key(String layer) {
        return layer + "@window";
    }

    static boolean draws(StepRecord r, StepStage s) {
        return scene(r, s) != null;
    }

    /** The scene of a stage, or null when the stage is not a window op on a small enough image. */
    static Scene scene(StepRecord r, StepStage s) {
        if (r == null || s == null) {
            return null;
        }
        NodeRecord n = r.node(s.node());
        if (n == null) {
            return null;
        }
        if (s.phase() != StepStage.Phase.BACKWARD && window(n)) {
            return scene(r, n.kind() == Kind.OP && n.op().equals("conv2d") ? Mode.CONV_FORWARD : Mode.POOL_FORWARD,
                    n);
        }
        if (s.phase() != StepStage.Phase.BACKWARD) {
            return null;
        }
        NodeRecord u = user(r, n);
        if (u == null || !window(u)) {
            return null;
        }
        if (n.kind() == Kind.PARAMETER) {
            return u.op().equals("conv2d") && u.inputs().size() > 1 && u.inputs().get(1).equals(n.name())
                    ? scene(r, Mode.KERNEL_GRAD, u) : null;
        }
        Scene back = scene(r, u.op().equals("conv2d") ? Mode.CONV_BACK : Mode.POOL_BACK, u);
        return back != null && back.x() == n ? back : null;
    }

    private static boolean window(NodeRecord n) {
        return n.kind() == Kind.OP && (n.op().equals("conv2d") || n.op().equals("maxPool2d")
                || n.op().equals("avgPool2d"));
    }

    /** The one op that reads {@code n}, seen through plumbing, or null. */
    private static NodeRecord user(StepRecord r, NodeRecord n) {
        List<NodeRecord> users = r.nodes().stream().filter(u -> u.inputs().contains(n.name())).toList();
        return users.size() == 1 ? users.get(0) : null;
    }

    /** An input of an op, seen back through plumbing. */
    private static NodeRecord input(StepRecord r, NodeRecord op, int i) {
        if (op.inputs().size() <= i) {
            return null;
        }
        NodeRecord in = r.node(op.inputs().get(i));
        while (in != null && in.internal() && !in.inputs().isEmpty()) {
            in = r.node(in.inputs().get(0));
        }
        return in;
    }

    private static Scene scene(StepRecord r, Mode mode, NodeRecord op) {
        NodeRecord x = input(r, op, 0);
        int[] ys = op.value().shape();
        if (x == null || x.value().shape().length != 4 || ys.length != 4) {
            return null;
        }
        int[] xs = x.value().shape();
        if (xs[1] > MAX_SIDE || xs[2] > MAX_SIDE || ys[1] < 1) {
            return null;
        }
        if (op.op().equals("conv2d")) {
            NodeRecord kernel = input(r, op, 1);
            if (kernel == null || kernel.value().shape().length != 4) {
                return null;
            }
            int[] ks = kernel.value().shape();
            WindowMath.Geometry g = WindowMath.Geometry.of(xs[1], ks[0], ys[1]);
            return g == null ? null : new Scene(mode, op, x, kernel, ks[0], ks[1], g.stride(), g.pad());
        }
        int k = xs[1] / ys[1];
        return k < 1 ? null : new Scene(mode, op, x, null, k, xs[2] / Math.max(1, ys[2]), k, 0);
    }

    /** The chosen window position of a scene, kept inside the output. */
    static int position(Scene sc, Map<String, Integer> focus) {
        return Math.floorMod(focus.getOrDefault(key(sc.op().layer()), 0), sc.positions());
    }

    /** "conv: window at row 1, column 2 (position 2 of 9)". */
    static String describe(Scene sc, Map<String, Integer> focus) {
        int p = position(sc, focus);
        return sc.op().layer() + ": window at row " + (p / sc.cols() + 1) + ", column " + (p % sc.cols() + 1)
                + " (position " + (p + 1) + " of " + sc.positions() + ")";
    }

    /** One grid to draw: its title, values, which cells are lit and which are outlined as the window. */
    private record Grid(String title, TensorCopy t, boolean[] lit, int[] window, int marked) {
    }

    static void draw(GraphicsContext g, double w, double h, StepRecord r, StepStage s, int digits,
                     Map<String, Integer> focus, List<NetworkSketch.Hit> hits) {
        Scene sc = scene(r, s);
        int p = position(sc, focus);
        int i = p / sc.cols();
        int j = p % sc.cols();
        int top = i * sc.stride() - sc.pad();
        int left = j * sc.stride() - sc.pad();
        int[] window = {top, left, sc.k(), sc.kw()};
        int argmax = sc.max() ? argmax(sc, top, left) : -1;
        boolean[] outCell = cells(sc.op().value(), new int[] {i, j, 1, 1});
        boolean[] inWindow = cells(sc.x().value(), window);
        boolean[] inMax = argmax < 0 ? inWindow : only(sc.x().value(), argmax);
        List<Grid> grids = new ArrayList<>();
        String output = sc.op().name();
        String caption;
        String input = sc.x().kind() == Kind.DATA ? "input x" : sc.x().name();
        float y = at(sc.op().value(), i, j);
        String here = "[" + (i + 1) + "," + (j + 1) + "]";
        switch (sc.mode()) {
            case CONV_FORWARD -> {
                grids.add(new Grid(input, sc.x().value(), new boolean[0], window, -1));
                grids.add(new Grid("kernel k", sc.kernel().value(), new boolean[0], null, -1));
                grids.add(new Grid(output, sc.op().value(), outCell, null, -1));
                caption = "y" + here + " = Σ (outlined window · kernel)" + (sc.op().inputs().size() > 2 ? " + b" : "")
                        + " = " + num(y, digits);
            }
            case POOL_FORWARD -> {
                grids.add(new Grid(input, sc.x().value(), new boolean[0], window, argmax));
                grids.add(new Grid(output, sc.op().value(), outCell, null, -1));
                caption = "y" + here + " = " + (sc.max() ? "max" : "mean") + " of the outlined window = "
                        + num(y, digits) + (sc.max() ? ", the marked cell" : "");
            }
            case CONV_BACK -> {
                grids.add(new Grid("∂L/∂" + output, sc.op().grad(), outCell, null, -1));
                grids.add(new Grid("kernel k", sc.kernel().value(), new boolean[0], null, -1));
                grids.add(new Grid("∂L/∂" + sc.x().name(), sc.x().grad(), inWindow, window, -1));
                caption = "∂L/∂y" + here + " = " + num(at(sc.op().grad(), i, j), digits) + " goes back through the "
                        + "window: each lit cell gets it times its kernel weight, added to what other windows send";
            }
            case POOL_BACK -> {
                grids.add(new Grid(input, sc.x().value(), new boolean[0], window, argmax));
                grids.add(new Grid("∂L/∂" + output, sc.op().grad(), outCell, null, -1));
                grids.add(new Grid("∂L/∂" + sc.x().name(), sc.x().grad(), inMax, window, -1));
                float gy = at(sc.op().grad(), i, j);
                caption = sc.max() ? "∂L/∂y" + here + " = " + num(gy, digits) + " goes to the window's maximum "
                        + "only (lit); the window's other cells get 0"
                        : "∂L/∂y" + here + " = " + num(gy, digits) + " is shared evenly: each of the " + sc.k()
                        * sc.kw() + " lit cells gets ∂L/∂y/" + sc.k() * sc.kw() + " = "
                        + num(at(sc.x().grad(), Math.max(0, top), Math.max(0, left)), digits);
            }
            default -> {
                grids.add(new Grid(input, sc.x().value(), new boolean[0], window, -1));
                grids.add(new Grid("∂L/∂" + output, sc.op().grad(), outCell, null, -1));
                grids.add(new Grid("∂L/∂k", sc.kernel().grad(), new boolean[0], null, -1));
                caption = "∂L/∂k = Σ over the positions of ∂L/∂y[i,j] · window; here ∂L/∂y" + here + " = "
                        + num(at(sc.op().grad(), i, j), digits) + " times the outlined cells";
            }
        }
        layout(g, w, h, grids, digits, sc, hits);
        g.setFill(Color.gray(0.15));
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(caption, 10, h - 28, w - 20);
        g.setFill(Color.gray(0.4));
        g.setFont(Font.font(11));
        g.fillText("▶ or a click on a cell of " + output + " moves the window" + channels(sc), 10, h - 11, w - 20);
    }

    private static String channels(Scene sc) {
        int c = sc.x().value().shape()[3];
        int f = sc.op().value().shape()[3];
        return c > 1 || f > 1 ? " · channel 1 of " + c + ", filter 1 of " + f + " drawn" : "";
    }

    /** The grids side by side, each as large as the space allows. */
    private static void layout(GraphicsContext g, double w, double h, List<Grid> grids, int digits, Scene sc,
                               List<NetworkSketch.Hit> hits) {
        double gap = 28;
        double columns = 0;
        int rows = 0;
        for (Grid grid : grids) {
            columns += side(grid, sc)[1];
            rows = Math.max(rows, side(grid, sc)[0]);
        }
        double cell = Math.min(54, Math.min((w - 20 - gap * (grids.size() - 1)) / columns, (h - 100) / rows));
        double x = (w - (columns * cell + gap * (grids.size() - 1))) / 2;
        for (Grid grid : grids) {
            int[] side = side(grid, sc);
            double y = 40 + ((h - 100) - side[0] * cell) / 2;
            grid(g, grid, side, x, y, cell, digits, sc);
            if (grid.t() == sc.op().value() || grid.t() == sc.op().grad()) {
                for (int p = 0; p < sc.positions(); p++) {
                    hits.add(new NetworkSketch.Hit(x + p % sc.cols() * cell, y + p / sc.cols() * cell, cell, cell,
                            key(sc.op().layer()), p));
                }
            }
            x += side[1] * cell + gap;
        }
    }

    private static TensorCopy kernelGrad(Scene sc) {
        return sc.kernel() == null ? null : sc.kernel().grad();
    }

    /** Rows and columns of a grid: an image's height and width, or a kernel's. */
    private static int[] side(Grid grid, Scene sc) {
        int[] s = grid.t().shape();
        boolean kernel = sc.kernel() != null && (grid.t() == sc.kernel().value() || grid.t() == kernelGrad(sc));
        return kernel ? new int[] {s[0], s[1]} : new int[] {s[1], s[2]};
    }

    private static void grid(GraphicsContext g, Grid grid, int[] side, double x0, double y0, double cell, int digits,
                             Scene sc) {
        boolean kernel = sc.kernel() != null && (grid.t() == sc.kernel().value() || grid.t() == kernelGrad(sc));
        g.setFill(Color.gray(0.2));
        g.setFont(Font.font(null, FontWeight.BOLD, 12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(grid.title(), x0 + side[1] * cell / 2, y0 - 14, Math.max(80, side[1] * cell + 20));
        for (int r = 0; r < side[0]; r++) {
            for (int c = 0; c < side[1]; c++) {
                int index = kernel ? (r * side[1] + c) * grid.t().shape()[2] * grid.t().shape()[3]
                        : (r * side[1] + c) * grid.t().shape()[3];
                boolean lit = !kernel && grid.lit().length > 0 && grid.lit()[r * side[1] + c];
                boolean isOut = grid.t() == sc.op().value() || grid.t() == sc.op().grad();
                double x = x0 + c * cell;
                double y = y0 + r * cell;
                g.setFill(lit ? isOut ? OUT : LIT : Color.WHITE);
                g.fillRect(x, y, cell, cell);
                g.setStroke(Color.gray(0.6));
                g.setLineWidth(1);
                g.strokeRect(x, y, cell, cell);
                if (grid.marked() == r * side[1] + c) {
                    g.setStroke(WINDOW);
                    g.setLineWidth(1.5);
                    g.strokeOval(x + 3, y + 3, cell - 6, cell - 6);
                }
                if (cell >= 20) {
                    g.setFill(Color.gray(0.1));
                    g.setFont(Font.font(Math.min(12, cell * 0.3)));
                    g.fillText(num(grid.t().values()[index], Math.min(digits, 4)), x + cell / 2, y + cell / 2,
                            cell - 4);
                }
            }
        }
        if (grid.window() != null) {
            int[] wdw = grid.window();
            g.setStroke(WINDOW);
            g.setLineWidth(3);
            g.strokeRect(x0 + wdw[1] * cell, y0 + wdw[0] * cell, wdw[3] * cell, wdw[2] * cell);
        }
    }

    private static String num(double v, int digits) {
        return StepNumbers.of(v, digits);
    }

    /** The value at row, column of channel 0 of the first sample (0 outside: the padding). */
    private static float at(TensorCopy t, int row, int col) {
        int[] s = t.shape();
        if (row < 0 || col < 0 || row >= s[1] || col >= s[2]) {
            return 0;
        }
        return t.values()[(row * s[2] + col) * s[3]];
    }

    /** Which cells of an image's first sample lie in the rectangle {top, left, height, width}. */
    private static boolean[] cells(TensorCopy t, int[] rect) {
        int[] s = t.shape();
        boolean[] lit = new boolean[s[1] * s[2]];
        for (int r = Math.max(0, rect[0]); r < Math.min(s[1], rect[0] + rect[2]); r++) {
            for (int c = Math.max(0, rect[1]); c < Math.min(s[2], rect[1] + rect[3]); c++) {
                lit[r * s[2] + c] = true;
            }
        }
        return lit;
    }

    private static boolean[] only(TensorCopy t, int cell) {
        boolean[] lit = new boolean[t.shape()[1] * t.shape()[2]];
        lit[cell] = true;
        return lit;
    }

    /**
     * The cell (row·width + column) of the window that max pooling chose: the one cell its gradient reached, when the
     * record shows one; else the window's largest value (the first of equals, as rows are read).
     */
    private static int argmax(Scene sc, int top, int left) {
        TensorCopy grad = sc.x().grad();
        if (grad != null) {
            int reached = -1;
            int count = 0;
            for (int r = Math.max(0, top); r < Math.min(grad.shape()[1], top + sc.k()); r++) {
                for (int c = Math.max(0, left); c < Math.min(grad.shape()[2], left + sc.kw()); c++) {
                    if (at(grad, r, c) != 0) {
                        reached = r * grad.shape()[2] + c;
                        count++;
                    }
                }
            }
            if (count == 1) {
                return reached;
            }
        }
        TensorCopy t = sc.x().value();
        int k = sc.k();
        int kw = sc.kw();
        int best = -1;
        float max = Float.NEGATIVE_INFINITY;
        for (int r = Math.max(0, top); r < Math.min(t.shape()[1], top + k); r++) {
            for (int c = Math.max(0, left); c < Math.min(t.shape()[2], left + kw); c++) {
                if (at(t, r, c) > max) {
                    max = at(t, r, c);
                    best = r * t.shape()[2] + c;
                }
            }
        }
        return best;
    }
}
