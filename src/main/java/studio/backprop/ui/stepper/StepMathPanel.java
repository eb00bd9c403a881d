package studio.backprop.ui.stepper;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** Beside the drawing: the current stage's mathematics, one line per unit (see {@link StepMath}). */
final class StepMathPanel extends ScrollPane {

    private final VBox lines = new VBox(6);
    private final Label heading = new Label();

    StepMathPanel() {
        getStyleClass().add("stepper-math");
        heading.getStyleClass().add("stepper-math-heading");
        heading.setWrapText(true);
        lines.setPadding(new Insets(10, 12, 10, 12));
        setContent(lines);
        setFitToWidth(true);
        setMinWidth(220);
        setPrefWidth(460);
    }

    void show(String title, List<String> math) {
        heading.setText(title);
        lines.getChildren().setAll(heading);
        for (String line : math) {
            Label l = new Label(line);
            l.setWrapText(true);
            l.getStyleClass().add("stepper-math-line");
            lines.getChildren().add(l);
        }
    }
}
