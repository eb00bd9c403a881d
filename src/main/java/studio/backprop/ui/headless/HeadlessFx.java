package studio.backprop.ui.headless;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;

/**
 * Starts JavaFX without a display (Monocle's headless platform, software rendering) so the command line can draw
 * pictures on a server, and runs work on its application thread. If the toolkit is already running (in the app,
 * or in tests) it is used as it is.
 */
public final class HeadlessFx {

    /** Kept so the level set below stays (loggers are held weakly). */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");
    private static boolean started;

    private HeadlessFx() {
    }

    /** Starts the toolkit once; later calls do nothing. */
    public static synchronized void start() {
        if (started) {
            return;
        }
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("java.awt.headless", "true");
        // the command line runs JavaFX from the class path, which JavaFX warns about on every start; it works
        java.util.logging.Level level = JAVAFX_LOG.getLevel();
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // the app or a test started it: use it
        } finally {
            JAVAFX_LOG.setLevel(level);
        }
        Platform.setImplicitExit(false);
        started = true;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /**
     * Runs {@code task} on the JavaFX application thread and returns its result; its exception is thrown here.
     *
     * @throws Exception what the task threw; an IllegalStateException after a minute without an answer
     */
    public static <T> T call(Callable<T> task) throws Exception {
        start();
        if (Platform.isFxApplicationThread()) {
            return task.call();
        }
        FutureTask<T> future = new FutureTask<>(task);
        Platform.runLater(future);
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new IllegalStateException("drawing did not finish within a minute", e);
        }
    }
}
