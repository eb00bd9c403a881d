package studio.backprop.ui.lessons.conv;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.kernels.ConvGeometry;
import studio.backprop.ui.lessons.conv.ConvResult.Term;

/**
 * For the display, which input taps make each output element of an explorer example: the window over the padded
 * input (correlation, convolution, pooling), the input pixels whose spread reaches it (transposed convolution),
 * the window whose maximum lands on it (unpooling), or the pixel it repeats (upsampling).
 */
final class Taps {

    private static final float NONE = Float.NaN;

    private Taps() {
    }

    static List<List<Term>> of(ConvSettings s, ConvGeometry g, int oh, int ow) {
        return switch (s.operation()) {
            case CORRELATION -> windows(s.input(), s.kernel(), g, oh, ow, true);
            case CONVOLUTION -> windows(s.input(), ConvComputation.flip(s.kernel()), g, oh, ow, true);
            case MAX_POOL, AVERAGE_POOL, L2_POOL, MEDIAN_POOL -> windows(s.input(), null, g, oh, ow, false);
            case MAX_UNPOOL -> unpooled(s.input(), g);
            case TRANSPOSED -> spread(s.input(), s.kernel(), g, oh, ow);
            case UPSAMPLE -> repeated(s.input(), s.factor(), oh, ow);
        };
    }

    /** Window (i, j) over the padded input; padding taps are kept (value 0) only for kernel operations. */
    static List<Term> window(float[][] x, float[][] k, ConvGeometry g, int i, int j, boolean keepPadding) {
        List<Term> terms = new ArrayList<>();
        for (int u = 0; u < g.kernelH(); u++) {
            for (int v = 0; v < g.kernelW(); v++) {
                int r = i * g.strideH() - g.padTop() + u * g.dilationH();
                int c = j * g.strideW() - g.padLeft() + v * g.dilationW();
                boolean inside = r >= 0 && r < x.length && c >= 0 && c < x[0].length;
                if (inside || keepPadding) {
                    terms.add(new Term(r, c, inside ? x[r][c] : 0f, k == null ? NONE : k[u][v], !inside));
                }
            }
        }
        return terms;
    }

    private static List<List<Term>> windows(float[][] x, float[][] k, ConvGeometry g, int oh, int ow,
                                            boolean keepPadding) {
        List<List<Term>> all = new ArrayList<>();
        for (int i = 0; i < oh; i++) {
            for (int j = 0; j < ow; j++) {
                all.add(window(x, k, g, i, j, keepPadding));
            }
        }
        return all;
    }

    /** Each pool window's taps go to the pixel of its maximum (the first in window order); later windows win. */
    private static List<List<Term>> unpooled(float[][] x, ConvGeometry g) {
        int h = x.length;
        int w = x[0].length;
        List<List<Term>> all = new ArrayList<>();
        for (int n = 0; n < h * w; n++) {
            all.add(List.of());
        }
        for (int i = 0; i < g.outH(h); i++) {
            for (int j = 0; j < g.outW(w); j++) {
                List<Term> taps = window(x, null, g, i, j, false);
                Term best = null;
                for (Term t : taps) {
                    if (best == null || t.value() > best.value()) {
                        best = t;
                    }
                }
                if (best != null) {
                    all.set(best.row() * w + best.col(), taps);
                }
            }
        }
        return all;
    }

    /** Output (oy, ox) collects x[r][c]·k[u][v] wherever r·s − pad + u·d = oy and likewise across. */
    private static List<List<Term>> spread(float[][] x, float[][] k, ConvGeometry g, int oh, int ow) {
        List<List<Term>> all = new ArrayList<>();
        for (int n = 0; n < oh * ow; n++) {
            all.add(new ArrayList<>());
        }
        for (int r = 0; r < x.length; r++) {
            for (int c = 0; c < x[0].length; c++) {
                for (int u = 0; u < g.kernelH(); u++) {
                    for (int v = 0; v < g.kernelW(); v++) {
                        int oy = r * g.strideH() - g.padTop() + u * g.dilationH();
                        int ox = c * g.strideW() - g.padLeft() + v * g.dilationW();
                        if (oy >= 0 && oy < oh && ox >= 0 && ox < ow) {
                            all.get(oy * ow + ox).add(new Term(r, c, x[r][c], k[u][v], false));
                        }
                    }
                }
            }
        }
        return all;
    }

    private static List<List<Term>> repeated(float[][] x, int f, int oh, int ow) {
        List<List<Term>> all = new ArrayList<>();
        for (int i = 0; i < oh; i++) {
            for (int j = 0; j < ow; j++) {
                all.add(List.of(new Term(i / f, j / f, x[i / f][j / f], NONE, false)));
            }
        }
        return all;
    }
}
