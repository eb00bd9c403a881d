package studio.backprop.spec;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.tensor.Excerpt;

/**
 * The rows of a {@code [data inline]} section, "x1, x2 -> y1, y2" one per line, read once for the compiler (which
 * checks them against the network's input) and for the data loader (which makes tensors of them).
 *
 * @param inputs  each row's inputs, in file order
 * @param targets each row's targets
 */
public record InlineRows(List<float[]> inputs, List<float[]> targets) {

    /**
     * Reads the rows.
     *
     * @throws IllegalArgumentException in words, naming the row: no arrow, a word or a non-finite number where a
     *                                  number belongs, rows of different widths, or no rows at all
     */
    public static InlineRows parse(String rows) {
        if (rows == null || rows.isBlank()) {
            throw new IllegalArgumentException("[data inline] needs rows, one per line: 'rows =' then lines like "
                    + "'0, 1 -> 1'");
        }
        List<float[]> xs = new ArrayList<>();
        List<float[]> ys = new ArrayList<>();
        int lineNo = 0;
        for (String line : rows.split("\n")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("->");
            if (parts.length != 2) {
                throw new IllegalArgumentException("inline data, row " + lineNo + " ('" + Excerpt.of(line.trim())
                        + "'): write the inputs, '->', then the targets");
            }
            xs.add(numbers(parts[0], lineNo, "inputs"));
            ys.add(numbers(parts[1], lineNo, "targets"));
            if (xs.get(xs.size() - 1).length != xs.get(0).length || ys.get(ys.size() - 1).length != ys.get(0).length) {
                throw new IllegalArgumentException("inline data, row " + lineNo + " has " + xs.get(xs.size() - 1).length
                        + " inputs and " + ys.get(ys.size() - 1).length + " targets, but row 1 has "
                        + xs.get(0).length + " and " + ys.get(0).length);
            }
        }
        return new InlineRows(List.copyOf(xs), List.copyOf(ys));
    }

    private static float[] numbers(String text, int row, String what) {
        String[] parts = text.trim().split("[,\\s]+");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            double v;
            try {
                v = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("inline data, row " + row + ": '" + Excerpt.of(parts[i])
                        + "' among the " + what + " is not a number");
            }
            if (!Double.isFinite(v) || Math.abs(v) > Float.MAX_VALUE) {
                throw new IllegalArgumentException("inline data, row " + row + ": '" + Excerpt.of(parts[i])
                        + "' among the " + what + " is not a finite number a float can hold (at most about "
                        + "3.4e38); training on it could only diverge");
            }
            out[i] = (float) v;
        }
        return out;
    }
}
