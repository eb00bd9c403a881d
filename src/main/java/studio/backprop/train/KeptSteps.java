package studio.backprop.train;

import java.util.ArrayDeque;

/**
 * The bounded stack of states a {@link TrainingLoop} keeps for stepping back: at most {@link #limit()} of them,
 * newest on top, the oldest dropped first; and why the stack was last emptied, so that "nothing to step back" can
 * say why in words.
 *
 * @param <S> what one kept state holds (the loop's own record of everything a step changes)
 */
final class KeptSteps<S> {

    private final ArrayDeque<S> states = new ArrayDeque<>();
    private int limit;
    /** Why the kept states were last forgotten while steps had been taken, or null. */
    private String forgotten;

    /** Whether states are kept at all (the limit is above 0). */
    boolean on() {
        return limit > 0;
    }

    int limit() {
        return limit;
    }

    int size() {
        return states.size();
    }

    /** Keeps at most {@code n} states from now on, dropping the oldest beyond it. */
    void setLimit(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("the number of steps kept for stepping back must be 0 or more, not "
                    + n);
        }
        limit = n;
        while (states.size() > n) {
            states.removeLast();
        }
    }

    /** Keeps the state taken before a step. */
    void push(S state) {
        forgotten = null;
        states.push(state);
        if (states.size() > limit) {
            states.removeLast();
        }
    }

    /** Drops the state pushed for a step that failed. */
    void dropNewest() {
        states.pop();
    }

    /** Forgets every kept state; {@code why} ("the document was edited") is told later, or null to tell nothing. */
    void forget(String why) {
        states.clear();
        forgotten = why;
    }

    /**
     * The state before the last step, removed from the stack.
     *
     * @param steps the loop's step count, for the message
     * @throws IllegalStateException in words when nothing is kept
     */
    S pop(long steps) {
        if (states.isEmpty()) {
            throw new IllegalStateException(steps == 0 ? "there is nothing to step back: no step has been taken yet"
                    : forgotten != null ? "there is nothing to step back: the kept steps were forgotten when "
                    + forgotten
                    : limit == 0 ? "there is nothing to step back: this session keeps no earlier steps (stepping "
                    + "back is off)"
                    : "there is nothing more to step back: only the last " + limit + " step" + (limit == 1 ? " is"
                    : "s are") + " kept, and " + (limit == 1 ? "it has" : "all of them have") + " been stepped "
                    + "back (this is step " + steps + ")");
        }
        return states.pop();
    }
}
