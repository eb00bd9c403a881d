package studio.backprop.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Nested number lists in files, "[[0.15, 0.25], [0.2, 0.3]]", read into a shape and row-major values. */
final class NumberLists {

    /** A parsed list: its shape and values in row-major order. */
    record Parsed(int[] shape, double[] values) {
    }

    /** The deepest nesting read: weights have at most 4 axes, so 16 is generous and keeps the stack small. */
    static final int MAX_DEPTH = 16;

    private NumberLists() {
    }

    /** Parses a number or a nested list; throws IllegalArgumentException naming what is wrong. */
    static Parsed parse(String text) {
        String t = text.replace("\n", " ").trim();
        if (!t.startsWith("[")) {
            return new Parsed(new int[0], new double[] {number(t)});
        }
        List<Double> values = new ArrayList<>();
        List<Integer> shape = new ArrayList<>();
        int[] pos = {0};
        list(t, pos, 0, shape, values);
        skipSpaces(t, pos);
        if (pos[0] != t.length()) {
            throw new IllegalArgumentException("unexpected text after the list: '"
                    + studio.backprop.tensor.Excerpt.of(t.substring(pos[0])) + "'");
        }
        return new Parsed(shape.stream().mapToInt(Integer::intValue).toArray(),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static void list(String t, int[] pos, int depth, List<Integer> shape, List<Double> values) {
        list(t, pos, depth, shape, values, new int[] {-1});
    }

    /** leaf[0] is the depth at which numbers stand, fixed by the first number; every row must agree. */
    private static void list(String t, int[] pos, int depth, List<Integer> shape, List<Double> values, int[] leaf) {
        if (depth >= MAX_DEPTH) {
            throw new IllegalArgumentException("lists are nested more than " + MAX_DEPTH + " deep; a weight tensor "
                    + "has at most a few axes");
        }
        expect(t, pos, '[');
        int count = 0;
        skipSpaces(t, pos);
        if (peek(t, pos) == ']') {
            throw new IllegalArgumentException("an empty list [] has no values");
        }
        while (true) {
            skipSpaces(t, pos);
            boolean nested = peek(t, pos) == '[';
            if (leaf[0] >= 0 && (nested ? depth >= leaf[0] : depth != leaf[0])) {
                throw new IllegalArgumentException("rows are nested unevenly: some entries are lists and some are "
                        + "numbers at the same level");
            }
            if (nested) {
                list(t, pos, depth + 1, shape, values, leaf);
            } else {
                leaf[0] = depth;
                int start = pos[0];
                while (pos[0] < t.length() && ",] ".indexOf(t.charAt(pos[0])) < 0) {
                    pos[0]++;
                }
                values.add(number(t.substring(start, pos[0])));
            }
            count++;
            skipSpaces(t, pos);
            char c = peek(t, pos);
            pos[0]++;
            if (c == ']') {
                break;
            }
            if (c != ',') {
                throw new IllegalArgumentException("expected ',' or ']' but found '"
                        + studio.backprop.tensor.Excerpt.of(String.valueOf(c)) + "'");
            }
        }
        while (shape.size() <= depth) {
            shape.add(-1);
        }
        if (shape.get(depth) == -1) {
            shape.set(depth, count);
        } else if (shape.get(depth) != count) {
            throw new IllegalArgumentException("rows have different lengths (" + shape.get(depth) + " and " + count
                    + "); every row must have the same number of values");
        }
    }

    private static double number(String s) {
        try {
            double d = Double.parseDouble(s.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + studio.backprop.tensor.Excerpt.of(s.trim()) + "' is not a number");
        }
    }

    private static void expect(String t, int[] pos, char c) {
        skipSpaces(t, pos);
        if (peek(t, pos) != c) {
            throw new IllegalArgumentException("expected '" + c + "'");
        }
        pos[0]++;
    }

    private static char peek(String t, int[] pos) {
        if (pos[0] >= t.length()) {
            throw new IllegalArgumentException("the list ends too early: a ']' is missing");
        }
        return t.charAt(pos[0]);
    }

    private static void skipSpaces(String t, int[] pos) {
        while (pos[0] < t.length() && t.charAt(pos[0]) == ' ') {
            pos[0]++;
        }
    }

    /** Writes values of a shape as a nested list, rows of a matrix on their own lines. */
    static String format(int[] shape, double[] values) {
        if (shape.length == 0) {
            return plain(values[0]);
        }
        StringBuilder sb = new StringBuilder();
        write(sb, shape, values, 0, 0);
        return sb.toString();
    }

    private static int write(StringBuilder sb, int[] shape, double[] values, int axis, int index) {
        sb.append('[');
        for (int i = 0; i < shape[axis]; i++) {
            if (i > 0) {
                sb.append(axis == shape.length - 2 ? ",\n " : ", ");
            }
            if (axis == shape.length - 1) {
                sb.append(plain(values[index++]));
            } else {
                index = write(sb, shape, values, axis + 1, index);
            }
        }
        sb.append(']');
        return index;
    }

    /** A decimal without exponent or trailing zeros: 0.1, 3, -0.0052877. */
    static String plain(double v) {
        if (v == 0) {
            return "0";
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
