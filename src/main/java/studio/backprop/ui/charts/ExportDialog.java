package studio.backprop.ui.charts;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import studio.backprop.ui.export.PngExporter;

/** Asks how to export a picture: its scale (1×, 2×, 4×) and its background (white, transparent, dark). */
final class ExportDialog {

    /** The answer. */
    record Choice(double scale, ExportBackground background) {
    }

    /** The last answer, offered again next time. */
    private static Choice last = new Choice(2, ExportBackground.WHITE);

    private ExportDialog() {
    }

    static Optional<Choice> ask(Window owner, String what) {
        Dialog<Choice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export PNG");
        dialog.setHeaderText("Export the " + what + " chart as a PNG picture");
        ToggleGroup scales = new ToggleGroup();
        HBox scaleRow = new HBox(10);
        for (double s : PngExporter.SCALES) {
            RadioButton b = new RadioButton((int) s + "×");
            b.setUserData(s);
            b.setToggleGroup(scales);
            b.setSelected(s == last.scale());
            scaleRow.getChildren().add(b);
        }
        ToggleGroup backgrounds = new ToggleGroup();
        HBox backgroundRow = new HBox(10);
        for (ExportBackground bg : ExportBackground.values()) {
            RadioButton b = new RadioButton(bg.label());
            b.setUserData(bg);
            b.setToggleGroup(backgrounds);
            b.setSelected(bg == last.background());
            backgroundRow.getChildren().add(b);
        }
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("Scale"), scaleRow);
        grid.addRow(1, new Label("Background"), backgroundRow);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button != ButtonType.OK ? null : new Choice(
                (Double) scales.getSelectedToggle().getUserData(),
                (ExportBackground) backgrounds.getSelectedToggle().getUserData()));
        Optional<Choice> choice = dialog.showAndWait();
        choice.ifPresent(c -> last = c);
        return choice;
    }
}
