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
        heading.maxWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(100, getViewportBounds().getWidth() - 26), viewportBoundsProperty()));
        lines.setPadding(new Insets(10, 12, 10, 12));
        setContent(lines);
        setFitToWidth(true);
        setMinWidth(220);
        setPrefWidth(460);
    }

    /**
     * x̂ written with a spacing circumflex (xˆ): a combining mark makes the text measure narrower than it draws, so a
     * wrapped line would run past the panel's edge.
     */
    static String spacingHats(String line) {
        return line.replace("\u0302", "\u02C6");
    }

    void show(String title, List<String> math) {
        heading.setText(title);
        lines.getChildren().setAll(heading);
        for (String line : math) {
            Label l = new Label(spacingHats(line));
            l.setWrapText(true);
            // wrap inside what is visible, also once a scroll bar takes its share of the width
            l.maxWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                    () -> Math.max(100, getViewportBounds().getWidth() - 26), viewportBoundsProperty()));
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            l.getStyleClass().add("stepper-math-line");
            lines.getChildren().add(l);
        }
    }
}
