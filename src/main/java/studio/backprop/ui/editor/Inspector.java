package studio.backprop.ui.editor;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.SetChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import studio.backprop.nn.Network;
import studio.backprop.spec.LayerCatalog;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.LayerType;
import studio.backprop.spec.SettingSpec;

/**
 * The selected layer's name and settings, one editor per setting of its type: a choice box for choices and
 * true/false, a text field for numbers, sizes and padding that turns red with the reason while the text cannot be
 * used. A change is committed (Enter, leaving the field, or picking a choice) as one command; invalid text is
 * committed too, so the problem shows on the layer until fixed. With the input selected it edits the input shape.
 */
public final class Inspector extends VBox {

    private final EditorViewModel vm;
    private final Label title = new Label();
    private final Label help = new Label();
    private final GridPane grid = new GridPane();
    private final Map<String, Control> editors = new HashMap<>();
    private String shownName;
    private String shownType;

    public Inspector(EditorViewModel vm) {
        super(8);
        this.vm = vm;
        setId("inspector");
        getStyleClass().add("inspector");
        getStylesheets().add(Inspector.class.getResource("editor.css").toExternalForm());
        setStyle("-fx-padding: 10;");
        setPrefWidth(280);
        title.getStyleClass().add("title");
        help.getStyleClass().add("help");
        help.setWrapText(true);
        grid.setHgap(8);
        grid.setVgap(3);
        getChildren().addAll(title, help, grid);
        vm.selectedLayerProperty().addListener((o, was, now) -> show());
        vm.selection().addListener((SetChangeListener<String>) c -> show());
        vm.documentProperty().addListener((o, was, now) -> show());
        show();
    }

    private void show() {
        LayerSpec layer = vm.selectedLayerProperty().get();
        if (layer != null) {
            if (layer.name().equals(shownName) && layer.type().equals(shownType)) {
                editors.forEach((key, editor) -> showValue(editor, key.equals("@name") ? layer.name()
                        : text(layer, key)));
            } else {
                build(layer);
            }
            return;
        }
        boolean input = vm.selection().size() == 1 && vm.selection().contains(Network.INPUT);
        if (input && !Network.INPUT.equals(shownName)) {
            buildInput();
        } else if (!input) {
            clear(vm.selection().isEmpty() ? "Nothing selected" : vm.selection().size() + " layers selected",
                    "Select one layer to see and change its settings.");
        }
    }

    private void clear(String heading, String text) {
        shownName = null;
        shownType = null;
        editors.clear();
        grid.getChildren().clear();
        title.setText(heading);
        help.setText(text);
    }

    private void build(LayerSpec layer) {
        LayerType type = LayerCatalog.type(layer.type());
        clear(layer.type() + " · " + layer.name(), type == null ? "" : type.help());
        shownName = layer.name();
        shownType = layer.type();
        addField("@name", "name", "the layer's name; connections and weights follow a rename", layer.name(),
                text -> vm.nameProblem(shownName, text), text -> vm.rename(shownName, text));
        if (type == null) {
            return;
        }
        for (SettingSpec s : type.settings()) {
            String key = s.key();
            if (s.kind() == SettingSpec.Kind.CHOICE || s.kind() == SettingSpec.Kind.BOOL) {
                addChoice(s, text(layer, key));
            } else if (s.kind() == SettingSpec.Kind.INITIALIZER) {
                addInitializer(s, text(layer, key));
            } else {
                addField(key, key, s.help() + " (default " + s.defaultValue() + ")", text(layer, key),
                        text -> vm.settingProblem(shownName, key, text),
                        text -> commitSetting(key, text));
            }
        }
    }

    private void buildInput() {
        clear("Input", "One sample of the data: a length like 2, or an image like 28x28x1 (height, width, "
                + "channels).");
        shownName = Network.INPUT;
        String shape = ShapeText.of(vm.document().inputShape()).replace('×', 'x');
        addField("@shape", "shape", "per-sample input shape", shape,
                text -> studio.backprop.spec.DocumentFormat.parseShape(text.trim()) == null
                        ? "write a shape like 2 or 28x28x1" : null,
                vm::setInputShape);
    }

    private static String text(LayerSpec layer, String key) {
        String v = layer.setting(key);
        return v != null ? v : LayerCatalog.type(layer.type()).setting(key).defaultValue();
    }

    private void commitSetting(String key, String text) {
        LayerSpec layer = vm.document().layer(shownName);
        if (layer != null && !text.trim().equals(text(layer, key))) {
            vm.changeSetting(shownName, key, text);
        }
    }

    private void addField(String id, String caption, String tip, String value, Function<String, String> check,
                          Consumer<String> commit) {
        TextField field = new TextField(value);
        field.setId("setting-" + id.replace("@", ""));
        field.setTooltip(new Tooltip(tip));
        Label message = new Label();
        message.getStyleClass().add("message");
        message.setWrapText(true);
        message.setMaxWidth(240);
        message.setManaged(false);
        field.textProperty().addListener((o, was, now) -> {
            String problem = check.apply(now);
            field.getStyleClass().remove("invalid");
            if (problem != null) {
                field.getStyleClass().add("invalid");
            }
            message.setText(problem == null ? "" : problem);
            message.setManaged(problem != null);
            message.setVisible(problem != null);
        });
        field.setOnAction(e -> commit.accept(field.getText()));
        field.focusedProperty().addListener((o, was, focused) -> {
            if (!focused && shownName != null && editors.get(id) == field) {
                commit.accept(field.getText());
            }
        });
        int row = grid.getRowCount();
        grid.add(new Label(caption), 0, row);
        grid.add(field, 1, row);
        grid.add(message, 1, row + 1);
        editors.put(id, field);
    }

    private void addChoice(SettingSpec s, String value) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll(s.choices());
        box.setValue(value);
        box.setId("setting-" + s.key());
        box.setTooltip(new Tooltip(s.help() + " (default " + s.defaultValue() + ")"));
        box.setOnAction(e -> {
            if (box.getValue() != null) {
                commitSetting(s.key(), box.getValue());
            }
        });
        int row = grid.getRowCount();
        grid.add(new Label(s.key()), 0, row);
        grid.add(box, 1, row);
        editors.put(s.key(), box);
    }

    /**
     * An initialiser: a list of the names (and examples with numbers) that can also be typed into, e.g.
     * normal(0.1); the text is checked as it is typed and committed on Enter, on a pick, or on leaving it.
     */
    private void addInitializer(SettingSpec s, String value) {
        ComboBox<String> box = new ComboBox<>();
        box.setEditable(true);
        box.getItems().setAll(s.choices());
        box.setValue(value);
        box.setId("setting-" + s.key());
        box.setTooltip(new Tooltip(s.help() + " (default " + s.defaultValue() + ")"));
        Label message = new Label();
        message.getStyleClass().add("message");
        message.setWrapText(true);
        message.setMaxWidth(200);
        message.setManaged(false);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        box.getEditor().textProperty().addListener((o, was, now) -> {
            String problem = withoutSubject(vm.settingProblem(shownName, s.key(), now), s.key());
            box.getStyleClass().remove("invalid");
            if (problem != null) {
                box.getStyleClass().add("invalid");
            }
            message.setText(problem == null ? "" : problem);
            message.setManaged(problem != null);
            message.setVisible(problem != null);
        });
        box.setOnAction(e -> {
            if (box.getValue() != null) {
                commitSetting(s.key(), box.getValue());
            }
        });
        box.focusedProperty().addListener((o, was, focused) -> {
            if (!focused && shownName != null && editors.get(s.key()) == box) {
                commitSetting(s.key(), box.getEditor().getText());
            }
        });
        int row = grid.getRowCount();
        grid.add(new Label(s.key()), 0, row);
        grid.add(new VBox(2, box, message), 1, row);
        editors.put(s.key(), box);
    }

    /** The problem without its "Dense 'd', key: " start, which the inspector already shows beside it. */
    private static String withoutSubject(String problem, String key) {
        if (problem == null) {
            return null;
        }
        int at = problem.indexOf(", " + key + ": ");
        return at < 0 ? problem : problem.substring(at + key.length() + 4);
    }

    @SuppressWarnings("unchecked")
    private static void showValue(Control editor, String value) {
        if (editor instanceof TextField f && !f.isFocused() && !Objects.equals(f.getText(), value)) {
            f.setText(value);
        } else if (editor instanceof ComboBox<?> box && !Objects.equals(box.getValue(), value)) {
            ((ComboBox<String>) box).setValue(value);
        }
    }
}
