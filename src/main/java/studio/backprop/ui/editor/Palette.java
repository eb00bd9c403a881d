package studio.backprop.ui.editor;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import studio.backprop.spec.LayerCatalog;
import studio.backprop.spec.LayerType;

/**
 * The layer types, grouped under headings as in the catalog. Drag an entry onto the canvas to add it there
 * (the dragboard carries the type name); or, from the keyboard, Enter (or a double click) adds the selected type
 * after the selected layer, connected to it.
 */
public final class Palette extends ListView<Palette.Entry> {

    /** A heading (type null) or a layer type. */
    public record Entry(String heading, LayerType type) {
    }

    private final EditorViewModel vm;

    public Palette(EditorViewModel vm) {
        this.vm = vm;
        setId("palette");
        getStyleClass().add("palette");
        getStylesheets().add(Palette.class.getResource("editor.css").toExternalForm());
        getItems().setAll(entries());
        setCellFactory(list -> new EntryCell());
        getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now.type() == null) {
                skipHeading(was);
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && addSelected()) {
                e.consume();
            }
        });
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                addSelected();
            }
        });
    }

    private static List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        List<String> groups = LayerCatalog.types().stream().map(LayerType::group).distinct().toList();
        for (String group : groups) {
            out.add(new Entry(group, null));
            LayerCatalog.types().stream().filter(t -> t.group().equals(group)).forEach(t -> out.add(new Entry(null, t)));
        }
        return out;
    }

    /** Keyboard selection moves over headings to the next type in the direction of travel. */
    private void skipHeading(Entry was) {
        int i = getSelectionModel().getSelectedIndex();
        int from = was == null ? -1 : getItems().indexOf(was);
        int step = from > i ? -1 : 1;
        int next = i + step < 0 || i + step >= getItems().size() ? i - step : i + step;
        javafx.application.Platform.runLater(() -> getSelectionModel().select(next));
    }

    /** Adds the selected type after the selected layer; false when a heading or nothing is selected. */
    public boolean addSelected() {
        Entry e = getSelectionModel().getSelectedItem();
        return e != null && e.type() != null && vm.addLayer(e.type().type());
    }

    /** Selects the entry of a layer type (for the keyboard and tests). */
    public void selectType(String type) {
        getItems().stream().filter(e -> e.type() != null && e.type().type().equals(type)).findFirst()
                .ifPresent(e -> getSelectionModel().select(e));
    }

    private static final class EntryCell extends ListCell<Entry> {
        EntryCell() {
            setOnDragDetected(e -> {
                Entry entry = getItem();
                if (entry != null && entry.type() != null) {
                    Dragboard db = startDragAndDrop(TransferMode.COPY);
                    ClipboardContent content = new ClipboardContent();
                    content.putString(entry.type().type());
                    db.setContent(content);
                    e.consume();
                }
            });
        }

        @Override
        protected void updateItem(Entry item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("heading");
            setTooltip(null);
            setId(null);
            if (empty || item == null) {
                setText(null);
            } else if (item.type() == null) {
                setText(item.heading());
                getStyleClass().add("heading");
                setMouseTransparent(true);
            } else {
                setText("  " + item.type().type());
                setId("palette-" + item.type().type());
                setTooltip(new Tooltip(item.type().help()));
                setMouseTransparent(false);
            }
        }
    }
}
