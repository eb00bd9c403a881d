package studio.backprop.ui.app;

import javafx.stage.Stage;

/** Places the editor, the training views and the charts into the main window and connects them to the model. */
final class Views {

    private Views() {
    }

    static void install(MainWindow window, AppModel model, Stage stage) {
        // the editor, charts and playground views are placed here as they become available
    }
}
