package studio.backprop.ui.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.stage.Stage;

/** The main window as the app builds it, on a test's stage at projector width, with its own home folder. */
record TestWindow(AppModel model, MainWindow window) {

    /** The model of the window shown last. */
    private static AppModel shown;

    /**
     * Builds the window on {@code stage} (shared with earlier test classes, so put back on Monocle's 1280-wide
     * screen) and shows it.
     */
    static TestWindow show(Stage stage, double height) throws IOException {
        // one window at a time, as in the app: the previous test's session (its trainer thread and data) ends here,
        // so the suite's heap does not collect every test's training data
        if (shown != null) {
            shown.shutdown();
        }
        AppModel model = new AppModel(Files.createTempDirectory("backprop-app"), Path.of("samples").toAbsolutePath(),
                Preferences.userRoot().node("backprop-studio-test-" + System.nanoTime()));
        MainWindow window = new MainWindow(model, stage);
        Pages.install(window, model, stage);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(height);
        stage.show();
        stage.toFront();
        shown = model;
        return new TestWindow(model, window);
    }
}
