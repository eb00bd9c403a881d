package studio.backprop.ui.lessons.conv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads and writes a small matrix typed by hand: one row per line (or rows separated by ';'), numbers by commas or spaces. */
public final class MatrixText {

    private MatrixText() {
    }

    /**
     * @param what how the message names the matrix: "kernel", "input"
     * @throws IllegalArgumentException in words: empty, a word where a number belongs, a row with a missing (or
     *                                  extra) entry, too large
     */
    public static float[][] parse(String text, String what, int maxSide) {
        List<float[]> rows = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.trim().split("\\s*[;\\n]\\s*");
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split("[,\\s]+");
            float[] row = new float[parts.length];
            for (int j = 0; j < parts.length; j++) {
                try {
                    row[j] = Float.parseFloat(parts[j].replace('−', '-'));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("The " + what + "'s row " + (rows.size() + 1) + ", entry "
                            + (j + 1) + ": '" + parts[j] + "' is not a number.");
                }
                if (!Float.isFinite(row[j])) {
                    throw new IllegalArgumentException("The " + what + "'s row " + (rows.size() + 1) + ", entry "
                            + (j + 1) + " is not a finite number.");
                }
            }
            if (!rows.isEmpty() && row.length != rows.get(0).length) {
                throw new IllegalArgumentException("The " + what + "'s row " + (rows.size() + 1) + " has "
                        + row.length + " entries but row 1 has " + rows.get(0).length + ": "
                        + (row.length < rows.get(0).length ? "an entry is missing" : "there is an extra entry")
                        + " in row " + (rows.size() + 1) + ".");
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("The " + what + " is empty: type one row per line, numbers separated "
                    + "by commas or spaces.");
        }
        if (rows.size() > maxSide || rows.get(0).length > maxSide) {
            throw new IllegalArgumentException("The " + what + " is " + rows.size() + "×" + rows.get(0).length
                    + "; the explorer takes at most " + maxSide + "×" + maxSide + ".");
        }
        return rows.toArray(new float[0][]);
    }

    /** The matrix as it would be typed: rows on lines, numbers separated by ", ". */
    public static String format(float[][] m) {
        StringBuilder b = new StringBuilder();
        for (float[] row : m) {
            for (int j = 0; j < row.length; j++) {
                b.append(j == 0 ? "" : ", ").append(number(row[j]));
            }
            b.append('\n');
        }
        return b.toString().trim();
    }

    static String number(float v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
