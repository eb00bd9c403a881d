package studio.backprop.ui.app;

import javafx.scene.control.SplitPane;

/** Where the training charts go in the Training tab. */
final class ChartsSlot {

    private ChartsSlot() {
    }

    static void install(MainWindow window, AppModel model, SplitPane training) {
        // the loss, accuracy and learning-rate charts join the Training tab here
    }
}
