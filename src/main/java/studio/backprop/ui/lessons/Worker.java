package studio.backprop.ui.lessons;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Runs a lesson's computations off the JavaFX thread, one at a time, and hands each result back on the JavaFX
 * thread; when the user changes a control again before a result arrives, the older result is dropped, so the view
 * always shows the latest settings.
 */
final class Worker {

    private static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lesson-worker");
        t.setDaemon(true);
        return t;
    });

    private final AtomicLong generation = new AtomicLong();

    /** Computes {@code work} in the background and gives its result to {@code show} unless a newer one was asked. */
    <T> void submit(Supplier<T> work, Consumer<T> show, Consumer<String> fail) {
        long mine = generation.incrementAndGet();
        EXECUTOR.execute(() -> {
            if (generation.get() != mine) {
                return;
            }
            try {
                T result = work.get();
                Platform.runLater(() -> {
                    if (generation.get() == mine) {
                        show.accept(result);
                    }
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> fail.accept(e.getMessage()));
            }
        });
    }
}
