package studio.backprop.ui.lessons;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** Small builders for the lessons' control columns. */
final class Controls {

    private Controls() {
    }

    /** A caption over a control. */
    static VBox labelled(String caption, Node control) {
        Label label = new Label(caption);
        label.getStyleClass().add("lesson-caption");
        label.setWrapText(true);
        VBox box = new VBox(3, label, control);
        return box;
    }

    /** A wrapping text line (a formula, a read-out, a hint). */
    static Label text(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    /** The line where refused input is explained. */
    static Label messageLine() {
        Label label = text("");
        label.getStyleClass().add("lesson-message");
        label.setStyle("-fx-text-fill: #d9534f;");
        return label;
    }

    /** The control column: the nodes stacked with some air, scrolling when the window is short. */
    static ScrollPane column(double width, Node... nodes) {
        VBox box = new VBox(12, nodes);
        box.setPadding(new Insets(12));
        box.setPrefWidth(width);
        box.setMaxWidth(width);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinWidth(width + 14);
        scroll.setPrefWidth(width + 14);
        scroll.getStyleClass().add("lesson-controls");
        return scroll;
    }
}
