package studio.backprop.ui.sections;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;
import studio.backprop.spec.ComponentSpec;

/**
 * The property-sheet rows of the section editor: one {@link Item} per setting, and editors that check the text as
 * it is typed (a red border and the engine's words) but change the document only when the value is committed
 * (Enter, leaving the field, a choice made), so each change is one step of Undo rather than one per key.
 */
final class SectionEditors {

    private SectionEditors() {
    }

    /** One setting of a section as a property-sheet row; committing a value is an undoable edit. */
    record Item(SectionsViewModel vm, Section section, SectionField field, Consumer<String> onRefused)
            implements PropertySheet.Item {

        @Override
        public Class<?> getType() {
            return String.class;
        }

        @Override
        public String getCategory() {
            return section.title();
        }

        @Override
        public String getName() {
            return field.key();
        }

        @Override
        public String getDescription() {
            return field.help() + (field.defaultValue().isEmpty() ? "" : " (default " + field.defaultValue() + ")");
        }

        @Override
        public Object getValue() {
            return vm.value(section, field.key());
        }

        @Override
        public void setValue(Object value) {
            String refused = vm.set(section, field.key(), value == null ? "" : value.toString());
            if (refused != null) {
                onRefused.accept(refused);
            }
        }

        @Override
        public Optional<ObservableValue<?>> getObservableValue() {
            return Optional.empty();
        }
    }

    /**
     * The editor for a row: a choice box, a text field or (for inline rows) a text area. It commits only while the
     * section is still the one it was built for: a field that loses its focus because undo or another file
     * replaced the section must not write its old text into the new one.
     */
    static PropertyEditor<?> editorFor(PropertySheet.Item item, Consumer<String> showProblem) {
        Item row = (Item) item;
        SectionField f = row.field();
        ComponentSpec builtFor = row.vm().spec(row.section());
        Consumer<String> commit = text -> {
            if (row.vm().spec(row.section()).equals(builtFor)) {
                row.setValue(text);
            }
        };
        if (f.kind() == SectionField.Kind.CHOICE || f.kind() == SectionField.Kind.BOOL) {
            ComboBox<String> box = new ComboBox<>();
            box.getItems().setAll(f.choices());
            String now = row.getValue().toString();
            box.setValue(now.isEmpty() ? f.defaultValue() : now);
            box.setOnAction(e -> {
                if (box.getValue() != null) {
                    commit.accept(box.getValue());
                }
            });
            return editor(box, row, f);
        }
        TextInputControl text = f.kind() == SectionField.Kind.LINES ? new TextArea() : new TextField();
        text.setText(row.getValue().toString());
        text.setPromptText(f.defaultValue());
        text.textProperty().addListener((o, was, now) -> {
            String problem = row.vm().problem(row.section(), f.key(), now);
            text.getStyleClass().remove("invalid");
            if (problem != null) {
                text.getStyleClass().add("invalid");
            }
            showProblem.accept(problem);
        });
        if (text instanceof TextArea area) {
            area.setPrefRowCount(5);
            area.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                    commit.accept(area.getText());
                }
            });
        } else {
            ((TextField) text).setOnAction(e -> commit.accept(text.getText()));
        }
        text.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                commit.accept(text.getText());
            }
        });
        return editor(text, row, f);
    }

    private static PropertyEditor<Object> editor(Control control, Item row, SectionField f) {
        control.setId("section-" + row.section().subject() + "-" + f.key());
        control.setTooltip(new Tooltip(row.getDescription()));
        control.setMaxWidth(Double.MAX_VALUE);
        return new PropertyEditor<>() {
            @Override
            public Node getEditor() {
                return control;
            }

            @Override
            public Object getValue() {
                return row.getValue();
            }

            @Override
            public void setValue(Object value) {
                // the control shows the document's value from the start; the document is the one source
            }
        };
    }
}
