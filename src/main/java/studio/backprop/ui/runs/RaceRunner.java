package studio.backprop.ui.runs;

import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.OptimizerRace;
import studio.backprop.train.TrainingData;

/**
 * Runs one optimiser race at a time on a thread of its own (the engine's training loop, see {@link OptimizerRace})
 * and hands each finished lane to the JavaFX thread. Cancelling stops the running lane between two steps and starts
 * no other; {@link #shutdown} (the window closes) cancels and waits for the thread to end, so no thread is left.
 *
 * <p>Thread: called on the JavaFX application thread; the race runs on its own daemon thread.
 */
public final class RaceRunner {

    /** How long {@link #shutdown} waits for the race thread: one step of even a large network takes less. */
    private static final long JOIN_MILLIS = 10_000;

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private volatile boolean cancelled;
    private volatile boolean closed;
    private Thread thread;

    /** What the race tells the window, always on the JavaFX thread. */
    public interface Listener {
        /** A lane started: {@code index} from 0 of {@code count}. */
        void started(OptimizerRace.Entrant entrant, int index, int count);

        /** A lane finished epoch {@code epoch} of {@code epochs}. */
        void epoch(OptimizerRace.Entrant entrant, int epoch, int epochs);

        /** A lane is done (finished, diverged or cancelled). */
        void lane(OptimizerRace.Lane lane);

        /** The race ended; {@code error} is null, or why it could not go on, in words. */
        void ended(boolean wasCancelled, String error);
    }

    /**
     * Starts a race of {@code entrants} for {@code epochs} epochs on {@code data}.
     *
     * @throws IllegalStateException when a race is running
     */
    public void start(NetworkDocument doc, TrainingData data, List<OptimizerRace.Entrant> entrants, int epochs,
                      Listener listener) {
        if (running.get()) {
            throw new IllegalStateException("a race is running: cancel it or wait for it to end");
        }
        cancelled = false;
        running.set(true);
        List<OptimizerRace.Entrant> chosen = List.copyOf(entrants);
        thread = new Thread(() -> race(doc, data, chosen, epochs, listener), "optimiser-race");
        thread.setDaemon(true);
        thread.start();
    }

    private void race(NetworkDocument doc, TrainingData data, List<OptimizerRace.Entrant> entrants, int epochs,
                      Listener listener) {
        String error = null;
        try {
            for (int i = 0; i < entrants.size() && !cancelled; i++) {
                OptimizerRace.Entrant entrant = entrants.get(i);
                int index = i;
                deliver(() -> listener.started(entrant, index, entrants.size()));
                OptimizerRace.run(doc, data, List.of(entrant), epochs, () -> cancelled,
                        lane -> deliver(() -> listener.lane(lane)),
                        (e, epoch, of) -> deliver(() -> listener.epoch(e, epoch, of)));
            }
        } catch (RuntimeException e) {
            error = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        String why = error;
        deliver(() -> {
            running.set(false);
            listener.ended(cancelled, why);
        });
    }

    private void deliver(Runnable onFx) {
        if (!closed) {
            Platform.runLater(() -> {
                if (!closed) {
                    onFx.run();
                }
            });
        }
    }

    /** Stops the race between two steps; the lanes done so far stay. */
    public void cancel() {
        cancelled = true;
    }

    /** Cancels any race and waits for its thread to end; nothing more is delivered. */
    public void shutdown() {
        closed = true;
        cancelled = true;
        Thread t = thread;
        if (t != null) {
            try {
                t.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running.set(false);
    }

    /** Whether a race is running. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The race's thread while it lives (for tests), or null. */
    Thread thread() {
        return thread;
    }
}
