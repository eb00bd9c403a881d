package studio.backprop.ui.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.stage.Stage;
import studio.backprop.train.KernelWarmUp;

/**
 * Starts Backprop Studio: the main window with the spiral playground loaded, so pressing Play trains at once, or
 * with the network or session file named as the first argument.
 * Unsaved work of a session that ended abruptly is offered for recovery first.
 */
public final class BackpropStudioApp extends Application {

    private AppModel model;

    @Override
    public void start(Stage stage) {
        Path samples = samplesFolder();
        model = new AppModel(Path.of(System.getProperty("user.home"), ".backprop-studio"), samples,
                Preferences.userNodeForPackage(BackpropStudioApp.class));
        MainWindow window = new MainWindow(model, stage);
        Pages.install(window, model, stage);
        stage.show();
        // While the window opens and the user reads it, the JIT compiles the kernels the first run will need.
        KernelWarmUp.start();
        var leftover = model.autosave().leftover();
        if (leftover.isPresent() && Dialogs.offerRecovery(stage, leftover.get().name())) {
            model.recover(leftover.get());
        } else {
            model.autosave().clear();
            List<String> files = getParameters().getUnnamed();
            Path start = files.isEmpty() ? samples.resolve("spiral-playground.bps") : Path.of(files.get(0));
            if (!files.isEmpty() && GanFiles.named(start) && Files.exists(samples.resolve("spiral-playground.bps"))) {
                // a GAN opens on its own page; the network tabs get the playground as on a plain start
                model.open(samples.resolve("spiral-playground.bps"), window::showError);
            }
            if (!files.isEmpty() || Files.exists(start)) {
                model.open(start, window::showError);
            } else {
                window.showError("The samples folder was not found (looked in " + samples + "); use File ▸ Open.");
            }
        }
    }

    @Override
    public void stop() {
        if (model != null) {
            model.shutdown();
        }
    }

    /** The shipped samples: -Dbackprop.samples, else ./samples (the repository or the installed image). */
    static Path samplesFolder() {
        String configured = System.getProperty("backprop.samples");
        return Path.of(configured != null ? configured : "samples").toAbsolutePath();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
