package studio.backprop.ui.editor;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the editor writes shapes and counts: "28×28×6", "1,234". */
public final class ShapeText {

    private ShapeText() {
    }

    /** A per-sample shape as "28×28×6"; "?" when it is not known. */
    public static String of(int[] shape) {
        if (shape == null) {
            return "?";
        }
        return Arrays.stream(shape).mapToObj(String::valueOf).collect(Collectors.joining("×"));
    }

    /** A parameter count with thousands separators. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
