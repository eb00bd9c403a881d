package studio.backprop.ui.lessons;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/**
 * A text field for one number, checked as you type: a number the setting accepts is applied at once; anything else
 * marks the field and says in the lesson's message line what is wrong and what would do, leaving the setting as it
 * was.
 */
final class NumberField extends TextField {

    private final String name;
    private final Consumer<Double> apply;
    private final Label message;

    /**
     * @param name    the setting in words, for messages: "the learning rate η"
     * @param initial the value shown at first
     * @param apply   applies a parsed number; throws IllegalArgumentException with a message when it refuses
     * @param message where refusals are written
     */
    NumberField(String name, double initial, Consumer<Double> apply, Label message) {
        this.name = name;
        this.apply = apply;
        this.message = message;
        setPrefColumnCount(8);
        show(initial);
        textProperty().addListener((o, a, b) -> commit(b));
    }

    /** Shows {@code value} without applying it again. */
    void show(double value) {
        String text = value == Math.rint(value) && Math.abs(value) < 1e9 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.6g", value).replaceAll("0+$", "").replaceAll("\\.$", "")
                .replaceAll("0+e", "e");
        if (!text.equals(getText())) {
            setText(text);
        }
    }

    private void commit(String text) {
        double value;
        try {
            value = Double.parseDouble(text.trim().replace('−', '-').replace(',', '.'));
        } catch (NumberFormatException e) {
            refuse(name + ": '" + text + "' is not a number; type one such as 0.1 or 1e-3");
            return;
        }
        try {
            apply.accept(value);
            markValid(true);
            message.setText("");
        } catch (IllegalArgumentException e) {
            refuse(e.getMessage());
        }
    }

    private void refuse(String why) {
        markValid(false);
        message.setText(why);
    }

    private void markValid(boolean valid) {
        setStyle(valid ? "" : "-fx-border-color: #d9534f; -fx-border-width: 1.5;");
    }
}
