package studio.backprop.spec;

import java.util.List;

/**
 * The {@code [exercise]} section of a network file: which steps the student works through, in which sample order,
 * which values of the trace table are hidden (the questions), and how close a typed answer must be.
 *
 * <pre>
 * [exercise]
 * task = One forward and backward pass, then the update with η = 0.5.
 * steps = 1
 * order = 3, 4, 1, 2
 * hide = hidden/z[0], output/delta, hidden/kernel'[1,0]
 * tolerance = 0.0001
 * </pre>
 *
 * @param task      the instruction printed above the questions, or empty
 * @param steps     how many training steps the exercise covers (at least 1)
 * @param order     the sample order for the exercise ({@code listed}, {@code shuffled} or 1-based numbers), or
 *                  null to keep the {@code [training]} section's
 * @param hide      the hidden values as written, each {@code [STEP:]NAME['][[i,j]]}
 * @param hideLine  the line of the {@code hide} key (for messages)
 * @param tolerance how far a typed answer may be from the engine's value and still be right
 * @param relative  whether {@code tolerance} is a fraction of the value (written with %) rather than absolute
 * @param showAll   whether the sheet lists every value ({@code show = all}) or only the givens and the questions
 *                  ({@code show = questions})
 * @param source    the file name, for messages
 */
public record ExerciseSpec(String task, int steps, String order, List<String> hide, int hideLine, double tolerance,
                           boolean relative, boolean showAll, String source) {

    /** The tolerance when a file gives none: answers to four decimals are right. */
    public static final double DEFAULT_TOLERANCE = 5e-4;

    public ExerciseSpec {
        hide = List.copyOf(hide);
    }

    /** The tolerance as written: {@code 0.0005} or {@code 1%}. */
    public String toleranceText() {
        return relative ? NumberLists.plain(tolerance * 100) + " %" : NumberLists.plain(tolerance);
    }
}
