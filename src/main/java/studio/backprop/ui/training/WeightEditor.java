package studio.backprop.ui.training;

import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

/**
 * The small box in which the user types a new weight or bias: a number is handed on, anything else (empty, not a
 * number, NaN or infinite) is refused with a message and the box stays open. Enter confirms, Escape cancels.
 */
final class WeightEditor extends VBox {

    private final Label prompt = new Label();
    private final TextField field = new TextField();
    private final Label error = new Label();
    private Consumer<WeightEdit> onCommit = e -> { };
    private String parameter;
    private int index;

    WeightEditor() {
        super(4);
        getStyleClass().add("weight-editor");
        field.setId("weight-field");
        prompt.setId("weight-prompt");
        field.setPrefColumnCount(10);
        error.setId("weight-error");
        error.setWrapText(true);
        error.setMaxWidth(220);
        getChildren().addAll(prompt, field, error);
        setDark(false);
        setManaged(false);
        setVisible(false);
        field.setOnAction(e -> commit());
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close();
            }
        });
    }

    /**
     * Light or dark colours, following the app's theme: the box sets its own background, so it sets its text's
     * colour too (the theme's light text on this box's white was unreadable).
     */
    void setDark(boolean dark) {
        setStyle("-fx-padding: 6; -fx-font-size: 11px; -fx-background-color: " + (dark ? "#2a2c33" : "white")
                + "; -fx-border-color: " + (dark ? "#8a8f9c" : "#555") + ";");
        prompt.setStyle("-fx-text-fill: " + (dark ? "#e6e8ee" : "#1d2230") + ";");
        error.setStyle("-fx-text-fill: " + (dark ? "#ff8a80" : "#b00020") + ";");
    }

    void setOnCommit(Consumer<WeightEdit> handler) {
        onCommit = handler == null ? e -> { } : handler;
    }

    void open(String what, String parameterName, int element, float current) {
        parameter = parameterName;
        index = element;
        prompt.setText(what + " (now " + PlaygroundNetworkView.format(current) + "):");
        field.setText(PlaygroundNetworkView.format(current));
        error.setText("");
        setVisible(true);
        field.requestFocus();
        field.selectAll();
    }

    void close() {
        setVisible(false);
        parameter = null;
    }

    private void commit() {
        String text = field.getText() == null ? "" : field.getText().trim();
        String problem = problem(text);
        if (problem != null) {
            error.setText(problem);
            autosize();
            return;
        }
        WeightEdit edit = new WeightEdit(parameter, index, Float.parseFloat(text));
        close();
        onCommit.accept(edit);
    }

    /** Why the text is not an acceptable weight, or null when it is. */
    static String problem(String text) {
        if (text.isEmpty()) {
            return "Type a number, e.g. 0.5 or -1.2.";
        }
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return "'" + text + "' is not a number.";
        }
        if (Double.isNaN(v) || Double.isInfinite(v) || Float.isInfinite((float) v)) {
            return "A weight must be a finite number, not " + text + ".";
        }
        return null;
    }
}
