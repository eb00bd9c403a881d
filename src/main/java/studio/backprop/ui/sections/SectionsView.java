package studio.backprop.ui.sections;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.Problem;

/**
 * The loss, the optimiser, the training plan and the data of the open document, each a type to choose and a
 * property sheet of its settings, with the section's problems in words underneath. Every change is an undoable
 * edit of the document (saved with it); undo and redo show here at once.
 */
public final class SectionsView extends ScrollPane {

    private final SectionsViewModel vm;
    private final Consumer<String> onRefused;
    private final Map<Section, Block> blocks = new EnumMap<>(Section.class);
    private final VBox right;
    /** True while the controls are being set to the document: their events are not the user's. */
    private boolean refreshing;

    /** The controls of one section. */
    private record Block(ComboBox<String> type, PropertySheet sheet, Label typing, Label problems,
                         ComponentSpec[] shown) {
    }

    public SectionsView(SectionsViewModel vm, Consumer<String> onRefused) {
        this.vm = vm;
        this.onRefused = onRefused;
        getStyleClass().add("sections-view");
        setFitToWidth(true);
        // two columns on a wide window: what is learned (loss, optimiser), how and on what (plan, data)
        VBox left = new VBox(10, block(Section.LOSS), block(Section.OPTIMIZER));
        right = new VBox(10, block(Section.TRAINING), block(Section.DATA));
        HBox columns = new HBox(12, left, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setPrefWidth(560);
        right.setPrefWidth(560);
        columns.setPadding(new Insets(12));
        setContent(columns);
        vm.document().addListener((o, was, now) -> refresh());
        refresh();
    }

    /** Puts a node (the teaching text of the open network) above the training plan. */
    public void setNotes(javafx.scene.Node notes) {
        right.getChildren().add(0, notes);
    }

    private TitledPane block(Section section) {
        ComboBox<String> type = new ComboBox<>();
        type.setId("section-" + section.subject() + "-type");
        type.setOnAction(e -> {
            if (refreshing) {
                return;
            }
            String refused = vm.choose(section, type.getValue());
            if (refused != null) {
                onRefused.accept(refused);
            }
        });
        PropertySheet sheet = new PropertySheet();
        sheet.setId("section-" + section.subject() + "-sheet");
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        Label typing = new Label();
        typing.getStyleClass().add("message");
        typing.setWrapText(true);
        Label problems = new Label();
        problems.setId("section-" + section.subject() + "-problems");
        problems.getStyleClass().add("section-problems");
        problems.setWrapText(true);
        sheet.setPropertyEditorFactory(item -> SectionEditors.editorFor(item, p -> typing.setText(p == null ? ""
                : p)));
        VBox body = new VBox(6);
        if (!SectionSchema.types(section).isEmpty()) {
            HBox row = new HBox(8, new Label("type"), type);
            body.getChildren().add(row);
        }
        body.getChildren().addAll(sheet, typing, problems);
        VBox.setVgrow(sheet, Priority.NEVER);
        blocks.put(section, new Block(type, sheet, typing, problems, new ComponentSpec[1]));
        TitledPane pane = new TitledPane(section.title(), body);
        pane.setCollapsible(false);
        return pane;
    }

    /** Shows the document: rebuilds the rows of a section only when that section changed. */
    private void refresh() {
        refreshing = true;
        try {
            show();
        } finally {
            refreshing = false;
        }
    }

    private void show() {
        List<Problem> all = vm.problems();
        for (Section section : Section.values()) {
            Block b = blocks.get(section);
            ComponentSpec spec = vm.spec(section);
            if (!spec.equals(b.shown()[0])) {
                b.shown()[0] = spec;
                List<String> types = new java.util.ArrayList<>(SectionSchema.types(section));
                if (!types.isEmpty() && !types.contains(spec.type())) {
                    types.add(spec.type());
                }
                b.type().getItems().setAll(types);
                b.type().setValue(spec.type());
                List<SectionField> fields = SectionSchema.fields(section, spec.type());
                b.sheet().getItems().setAll(fields.stream().map(f -> (PropertySheet.Item)
                        new SectionEditors.Item(vm, section, f, onRefused)).toList());
                b.sheet().setPrefHeight(fields.stream().mapToDouble(f -> f.kind() == SectionField.Kind.LINES
                        ? 120 : 29).sum() + 6);
                b.typing().setText("");
            }
            List<Problem> problems = all.stream().filter(p -> p.subject().equals(section.subject())).toList();
            b.problems().setText(String.join("\n", problems.stream().map(p -> (p.error() ? "✖ " : "⚠ ")
                    + p.message()).toList()));
        }
    }
}
