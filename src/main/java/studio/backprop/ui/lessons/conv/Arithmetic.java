package studio.backprop.ui.lessons.conv;

import java.util.List;
import java.util.Locale;
import studio.backprop.ui.lessons.conv.ConvResult.Term;

/** Writes out how one output element of the explorer was computed, with the numbers read from the input. */
final class Arithmetic {

    private Arithmetic() {
    }

    static String of(ConvResult r, int i, int j) {
        List<Term> terms = r.termsAt(i, j);
        String lhs = "y[" + (i + 1) + "," + (j + 1) + "] = ";
        String result = " = " + num(r.output()[i][j]);
        return switch (r.settings().operation()) {
            case CORRELATION, CONVOLUTION, TRANSPOSED -> terms.isEmpty() ? lhs + "0 (no input reaches it)"
                    : lhs + join(terms, " + ", t -> num(t.value()) + "·" + num(t.weight())) + result;
            case MAX_POOL -> lhs + "max(" + join(terms, ", ", t -> num(t.value())) + ")" + result;
            case AVERAGE_POOL -> lhs + "(" + join(terms, " + ", t -> num(t.value())) + ") / " + count(terms)
                    + result;
            case L2_POOL -> lhs + "√(" + join(terms, " + ", t -> num(t.value()) + "²") + ")" + result;
            case MEDIAN_POOL -> lhs + "median(" + join(terms, ", ", t -> num(t.value())) + ")" + result;
            case MAX_UNPOOL -> terms.isEmpty() ? lhs + "0 (no window's maximum was here)"
                    : lhs + "max(" + join(terms, ", ", t -> num(t.value())) + "), the maximum of its window, put "
                    + "back where it was found" + result;
            case UPSAMPLE -> lhs + "x[" + (terms.get(0).row() + 1) + "," + (terms.get(0).col() + 1) + "]" + result;
        };
    }

    private static long count(List<Term> terms) {
        return terms.stream().filter(t -> !t.padding()).count();
    }

    private static String join(List<Term> terms, String separator, java.util.function.Function<Term, String> f) {
        StringBuilder b = new StringBuilder();
        for (Term t : terms) {
            if (t.padding() && t.weight() != t.weight()) {
                continue;
            }
            b.append(b.length() == 0 ? "" : separator).append(f.apply(t));
        }
        return b.toString();
    }

    /** A number as short as it reads exactly: 3, −1.5, 7.937254. */
    static String num(float v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return (v < 0 ? "−" : "") + (long) Math.abs(v);
        }
        String s = String.format(Locale.ROOT, "%.6f", Math.abs(v)).replaceAll("0+$", "");
        return (v < 0 ? "−" : "") + s;
    }
}
