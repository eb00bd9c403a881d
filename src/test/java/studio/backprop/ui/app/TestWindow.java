package studio.backprop.ui.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.stage.Stage;

/** The main window as the app builds it, on a test's stage at projector width, with its own home folder. */
record TestWindow(AppModel model, MainWindow window) {

    /**
     * Builds the window on {@code stage} (shared with earlier test classes, so put back on Monocle's 1280-wide
     * screen) and shows it.
     */
    static TestWindow show(Stage stage, double height) throws IOException {
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
        return new TestWindow(model, window);
    }
}
