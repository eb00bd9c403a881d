package studio.backprop.train;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.train.StepRecord.PerceptronRow;

/**
 * The perceptron lesson's trace table: every sample the perceptron rule was shown since the last reset, one line each
 * (x, z, ŷ, y, error, w and b before and after, update or not), with its step and epoch. It holds the newest
 * {@link #LIMIT} lines (a run that never converges, like XOR, would otherwise grow without end), and steps back
 * with the loop.
 */
final class PerceptronTrace {

    /** The newest lines kept. */
    static final int LIMIT = 5_000;

    private final List<Probe.TraceLine> lines = new ArrayList<>();
    /** Lines ever added since the last clear, including those dropped for the limit. */
    private long added;

    void add(long step, int epoch, List<PerceptronRow> rows) {
        for (PerceptronRow row : rows) {
            lines.add(new Probe.TraceLine(step, epoch, row));
            added++;
        }
        if (lines.size() > LIMIT) {
            lines.subList(0, lines.size() - LIMIT).clear();
        }
    }

    void clear() {
        lines.clear();
        added = 0;
    }

    /** Where the trace stands, for {@link #rewind}. */
    long mark() {
        return added;
    }

    /** Forgets every line added since {@code mark} (stepping back). */
    void rewind(long mark) {
        long drop = added - mark;
        while (drop-- > 0 && !lines.isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        added = mark;
    }

    /** The newest {@code limit} lines, oldest first (a copy). */
    List<Probe.TraceLine> newest(int limit) {
        return List.copyOf(lines.subList(Math.max(0, lines.size() - limit), lines.size()));
    }
}
