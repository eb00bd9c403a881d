package studio.backprop.train.exercise;

import java.util.Locale;
import studio.backprop.spec.ExerciseSpec;

/**
 * A typed answer checked against the engine's value: right within the exercise's tolerance, wrong, or not a number
 * at all (then the message says how to write one). A wrong answer does not give the value away.
 *
 * @param verdict what the check found
 * @param message the verdict in words
 */
public record AnswerCheck(Verdict verdict, String message) {

    /** The outcome of a check. */
    public enum Verdict { RIGHT, WRONG, NOT_A_NUMBER }

    /** Checks {@code typed} against {@code row}'s value with the tolerance of {@code spec}. */
    public static AnswerCheck of(SheetRow row, String typed, ExerciseSpec spec) {
        String text = typed == null ? "" : typed.trim().replace('−', '-').replace(" ", "");
        if (text.isEmpty()) {
            return new AnswerCheck(Verdict.NOT_A_NUMBER, row.label() + ": type a number, e.g. 0.5931");
        }
        Double v = parse(text);
        if (v == null) {
            String hint = text.matches("-?\\d+,\\d+") ? " (write the decimal point as '.', e.g. "
                    + text.replace(',', '.') + ")" : " (write e.g. 0.5931, -1.2e-3 or 1/3)";
            return new AnswerCheck(Verdict.NOT_A_NUMBER, row.label() + ": '" + typed.trim() + "' is not a number"
                    + hint);
        }
        double truth = row.value();
        double allowed = spec.relative() ? spec.tolerance() * Math.abs(truth) : spec.tolerance();
        double off = Math.abs(v - truth);
        if (off <= allowed + Math.ulp((float) truth)) {
            return new AnswerCheck(Verdict.RIGHT, row.label() + " = " + SheetNumbers.of(truth) + ": right");
        }
        return new AnswerCheck(Verdict.WRONG, row.label() + ": " + SheetNumbers.of(v) + " is not right; it is off"
                + " by more than the tolerance of " + spec.toleranceText() + ". Check it again, or reveal it.");
    }

    /** A decimal, an exponent form or a fraction a/b; null when it is none of these or not finite. */
    private static Double parse(String text) {
        try {
            int slash = text.indexOf('/');
            double v = slash > 0 ? Double.parseDouble(number(text.substring(0, slash)))
                    / Double.parseDouble(number(text.substring(slash + 1))) : Double.parseDouble(number(text));
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Only plain decimals: Java would also read "NaN", "Infinity" and "0x1p3" and a trailing "d" or "f". */
    private static String number(String s) {
        if (!s.toLowerCase(Locale.ROOT).matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
            throw new NumberFormatException(s);
        }
        return s;
    }
}
