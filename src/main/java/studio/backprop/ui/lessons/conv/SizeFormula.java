package studio.backprop.ui.lessons.conv;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.kernels.ConvGeometry;

/** The output-size formula of an explorer example with its numbers, and what a stride that does not fit drops. */
final class SizeFormula {

    private SizeFormula() {
    }

    static List<String> lines(ConvSettings s, ConvGeometry g, int[] outPad) {
        int h = s.input().length;
        int w = s.input()[0].length;
        List<String> lines = new ArrayList<>();
        switch (s.operation()) {
            case UPSAMPLE -> {
                lines.add("height: n·f = " + h + "·" + s.factor() + " = " + h * s.factor());
                lines.add("width: n·f = " + w + "·" + s.factor() + " = " + w * s.factor());
            }
            case TRANSPOSED -> {
                lines.add(transposed("height", h, g.kernelH(), g.strideH(), g.padTop(), g.padBottom(), g.dilationH(),
                        outPad[0]));
                lines.add(transposed("width", w, g.kernelW(), g.strideW(), g.padLeft(), g.padRight(), g.dilationW(),
                        outPad[1]));
            }
            default -> {
                lines.add(window("height", h, g.kernelH(), g.strideH(), g.padTop(), g.padBottom(), g.dilationH()));
                lines.add(window("width", w, g.kernelW(), g.strideW(), g.padLeft(), g.padRight(), g.dilationW()));
                if (s.operation() == ConvOperation.MAX_UNPOOL) {
                    lines.add("unpooling puts the " + g.outH(h) + "×" + g.outW(w) + " maxima back into a " + h + "×"
                            + w + " image");
                }
            }
        }
        return lines;
    }

    private static String window(String axis, int n, int k, int s, int p1, int p2, int d) {
        int out = ConvGeometry.outSize(n, k, s, p1 + p2, d);
        return axis + ": ⌊(n + p₁ + p₂ − d·(k − 1) − 1) / s⌋ + 1 = ⌊(" + n + " + " + p1 + " + " + p2 + " − " + d
                + "·" + (k - 1) + " − 1) / " + s + "⌋ + 1 = " + out;
    }

    private static String transposed(String axis, int n, int k, int s, int p1, int p2, int d, int op) {
        int out = (n - 1) * s + d * (k - 1) + 1 - p1 - p2 + op;
        return axis + ": (n − 1)·s + d·(k − 1) + 1 − p₁ − p₂ + extra = (" + n + " − 1)·" + s + " + " + d + "·"
                + (k - 1) + " + 1 − " + p1 + " − " + p2 + " + " + op + " = " + out;
    }

    /** The rows and columns of the padded input the windows never reach because the stride does not fit. */
    static String fitNote(ConvSettings s, ConvGeometry g) {
        if (s.operation() == ConvOperation.TRANSPOSED || s.operation() == ConvOperation.UPSAMPLE) {
            return "";
        }
        int h = s.input().length;
        int w = s.input()[0].length;
        String rows = dropped("row", g.droppedRows(h), h, g.padTop(), g.padBottom(), g.kernelH(), g.strideH(),
                g.dilationH());
        String cols = dropped("column", g.droppedCols(w), w, g.padLeft(), g.padRight(), g.kernelW(), g.strideW(),
                g.dilationW());
        if (rows.isEmpty() && cols.isEmpty()) {
            return "";
        }
        return "The stride does not fit: " + rows + (rows.isEmpty() || cols.isEmpty() ? "" : "; ") + cols + ".";
    }

    private static String dropped(String what, int count, int n, int before, int after, int k, int s, int d) {
        if (count == 0) {
            return "";
        }
        int padded = n + before + after;
        int reach = padded - d * (k - 1) - 1;
        StringBuilder which = new StringBuilder();
        for (int p = padded - count; p < padded; p++) {
            int image = p - before;
            which.append(which.length() == 0 ? "" : ", ")
                    .append(image >= 0 && image < n ? String.valueOf(image + 1) : "a padding " + what);
        }
        return "down the " + (what.equals("row") ? "height" : "width") + ", n + p₁ + p₂ − d·(k − 1) − 1 = " + reach
                + " is not a multiple of the stride " + s + ", so the last " + count + " " + what
                + (count == 1 ? "" : "s") + " (" + what + (count == 1 ? " " : "s ") + which
                + " of the input) " + (count == 1 ? "is" : "are") + " never covered by a window";
    }
}
