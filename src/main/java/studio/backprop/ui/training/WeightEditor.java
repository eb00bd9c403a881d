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
        setStyle("-fx-background-color: white; -fx-border-color: #555; -fx-padding: 6; -fx-font-size: 11px;");
        field.setId("weight-field");
        field.setPrefColumnCount(10);
        error.setId("weight-error");
        error.setStyle("-fx-text-fill: #b00020;");
        error.setWrapText(true);
        error.setMaxWidth(220);
        getChildren().addAll(prompt, field, error);
        setManaged(false);
        setVisible(false);
        field.setOnAction(e -> commit());
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close();
            }
        });
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
