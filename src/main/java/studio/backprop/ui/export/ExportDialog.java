package studio.backprop.ui.export;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/**
 * Asks how to export a picture: which view (when there is a choice), its scale (1×, 2×, 4×) and its background
 * (white, transparent, dark). The last scale and background are offered again next time.
 */
final class ExportDialog {

    /** The answer: the index of the chosen view, the scale and the background. */
    record Choice(int view, double scale, ExportBackground background) {
    }

    private static double lastScale = 2;
    private static ExportBackground lastBackground = ExportBackground.WHITE;

    private ExportDialog() {
    }

    /**
     * @param views the names of the views to choose from; with one, no choice is shown
     */
    static Optional<Choice> ask(Window owner, List<String> views) {
        Dialog<Choice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export PNG");
        dialog.setHeaderText(views.size() == 1 ? "Export the " + views.get(0) + " view as a PNG picture"
                : "Export a view as a PNG picture");
        ComboBox<String> view = new ComboBox<>();
        view.getItems().setAll(views);
        view.getSelectionModel().select(0);
        ToggleGroup scales = new ToggleGroup();
        HBox scaleRow = new HBox(10);
        for (double s : PngExporter.SCALES) {
            RadioButton b = new RadioButton((int) s + "×");
            b.setUserData(s);
            b.setToggleGroup(scales);
            b.setSelected(s == lastScale);
            scaleRow.getChildren().add(b);
        }
        ToggleGroup backgrounds = new ToggleGroup();
        HBox backgroundRow = new HBox(10);
        for (ExportBackground bg : ExportBackground.values()) {
            RadioButton b = new RadioButton(bg.label());
            b.setUserData(bg);
            b.setToggleGroup(backgrounds);
            b.setSelected(bg == lastBackground);
            backgroundRow.getChildren().add(b);
        }
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.setPadding(new Insets(12));
        int row = 0;
        if (views.size() > 1) {
            grid.addRow(row++, new Label("View"), view);
        }
        grid.addRow(row++, new Label("Scale"), scaleRow);
        grid.addRow(row, new Label("Background"), backgroundRow);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button != ButtonType.OK ? null : new Choice(
                view.getSelectionModel().getSelectedIndex(), (Double) scales.getSelectedToggle().getUserData(),
                (ExportBackground) backgrounds.getSelectedToggle().getUserData()));
        Optional<Choice> choice = dialog.showAndWait();
        choice.ifPresent(c -> {
            lastScale = c.scale();
            lastBackground = c.background();
        });
        return choice;
    }
}
