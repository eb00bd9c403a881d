package studio.backprop.ui.app;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The sample gallery: every shipped sample with a picture of its architecture, its title and one line about it,
 * in the order a course meets them, and beside the list the chosen sample's teaching text (what to look at, what
 * to try, the formula). Open, Enter or a double click on an entry opens it. (A list rather than ControlsFX's
 * GridView: the grid has no selection, so no keyboard choice and no Open button.)
 */
final class SampleGallery {

    private SampleGallery() {
    }

    /** The dialog, not yet shown; its result is the chosen sample, or null when cancelled. */
    static Dialog<Path> dialog(Window owner, List<Path> samples) {
        Dialog<Path> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Sample gallery");
        dialog.setHeaderText("Open a ready-made network");
        ButtonType open = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(open, ButtonType.CANCEL);
        Button openButton = (Button) dialog.getDialogPane().lookupButton(open);

        ListView<Path> list = new ListView<>();
        list.setId("sample-gallery");
        list.getItems().addAll(SampleCatalog.inCourseOrder(samples));
        list.setCellFactory(v -> new Entry(list, openButton));
        list.setPrefSize(560, 460);
        Label notes = new Label();
        notes.setId("sample-notes");
        notes.getStyleClass().add("sample-notes");
        notes.setWrapText(true);
        notes.setPrefWidth(280);
        notes.setMaxHeight(Double.MAX_VALUE);
        notes.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> notes.setText(now == null ? ""
                : TeachingText.ofSample(now).map(TeachingText::asText).orElse("")));
        list.getSelectionModel().selectFirst();
        openButton.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        javafx.scene.layout.HBox content = new javafx.scene.layout.HBox(14, list, notes);
        dialog.getDialogPane().setContent(content);
        dialog.setResultConverter(b -> b == open ? list.getSelectionModel().getSelectedItem() : null);
        dialog.setOnShown(e -> list.requestFocus());
        return dialog;
    }

    /** One sample: its title in bold, the line about it below; a double click opens it. */
    private static final class Entry extends ListCell<Path> {
        private final Label title = new Label();
        private final Label description = new Label();
        private final VBox text = new VBox(2, title, description);
        private final javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(10);

        Entry(ListView<Path> list, Button open) {
            title.getStyleClass().add("sample-title");
            title.setStyle("-fx-font-weight: bold;");
            description.getStyleClass().add("sample-description");
            description.setWrapText(true);
            description.maxWidthProperty().bind(list.widthProperty().subtract(40 + SampleThumbnail.WIDTH + 10));
            // Wrapped to the list's width: the cell asks for no width of its own, so no sideways scroll bar.
            setPrefWidth(0);
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !isEmpty()) {
                    open.fire();
                }
            });
        }

        @Override
        protected void updateItem(Path sample, boolean empty) {
            super.updateItem(sample, empty);
            setText(null);
            if (empty || sample == null) {
                setGraphic(null);
                return;
            }
            title.setText(SampleCatalog.title(sample));
            description.setText(SampleCatalog.description(sample));
            description.setManaged(!description.getText().isEmpty());
            description.setVisible(!description.getText().isEmpty());
            box.getChildren().setAll(SampleThumbnail.of(sample), text);
            setGraphic(box);
        }
    }
}
