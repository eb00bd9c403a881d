package studio.backprop.ui.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The app's small I/O executor: loading, saving, compiling and preparing training run here, and their results
 * (or their failures, in words) are delivered back on the JavaFX thread, which therefore never waits.
 */
public final class IoExecutor {

    /** Work that may fail with a message for the user. */
    @FunctionalInterface
    public interface Task<T> {
        T run() throws Exception;
    }

    private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "backprop-io");
        t.setDaemon(true);
        return t;
    });

    /** Runs {@code task} off the JavaFX thread, then {@code done} or {@code failed} on it. */
    public <T> void submit(Task<T> task, Consumer<T> done, Consumer<String> failed) {
        pool.submit(() -> {
            try {
                T result = task.run();
                Platform.runLater(() -> done.accept(result));
            } catch (Exception | OutOfMemoryError e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                Platform.runLater(() -> failed.accept(message));
            }
        });
    }

    public void shutdown() {
        pool.shutdownNow();
    }
}
