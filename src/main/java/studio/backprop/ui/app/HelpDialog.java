package studio.backprop.ui.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.stage.Window;

/**
 * Help ▸ Keyboard Shortcuts and Lessons (F1): the shortcuts, and every registered {@link Lessons lesson} in
 * curriculum order. The layout is the static document {@code help.fxml}; only the lesson list is filled in here.
 */
final class HelpDialog {

    private HelpDialog() {
    }

    /** The content: a tab of shortcuts and a tab of lessons, as {@code help.fxml} lays them out. */
    static TabPane content() {
        FXMLLoader loader = new FXMLLoader(HelpDialog.class.getResource("help.fxml"));
        TabPane pane;
        try {
            pane = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the help page shipped with the app cannot be read", e);
        }
        @SuppressWarnings("unchecked")
        ListView<String> lessons = (ListView<String>) loader.getNamespace().get("lessons");
        lessons.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setWrapText(true);
                // wrapped to the list's width: no sideways scroll bar
                setPrefWidth(0);
            }
        });
        lessons.getItems().setAll(Lessons.inCurriculumOrder().stream()
                .map(l -> l.topic() + "  " + l.title() + " — " + l.where()).toList());
        return pane;
    }

    /** The dialog, not yet shown. */
    static Dialog<Void> dialog(Window owner) {
        Dialog<Void> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Keyboard shortcuts and lessons");
        dialog.getDialogPane().setContent(content());
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        return dialog;
    }
}
