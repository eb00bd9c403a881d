package studio.backprop.ui.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.geometry.Point2D;
import studio.backprop.nn.Network;
import studio.backprop.nn.ShapeReport;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.LayerCatalog;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.spec.Problem;

/**
 * Everything the editor's views show, as JavaFX properties, and every action they (and the app's menus) can take.
 * It holds no Nodes. All document changes go through {@link #execute}, which records them on the one
 * {@link EditHistory}; after each change the document is compiled again (shapes only, nothing is allocated) and
 * the layout, shapes and problems are republished.
 *
 * <p>Thread: the JavaFX application thread.
 */
public final class EditorViewModel {

    /** How far a paste lands from the copied layers. */
    public static final double PASTE_OFFSET = 30;
    public static final double MIN_ZOOM = 0.25;
    public static final double MAX_ZOOM = 3;

    private final EditHistory history;
    private final ReadOnlyObjectWrapper<Compilation> compilation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Map<String, ShapeReport.NodeShape>> shapes =
            new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyObjectWrapper<Map<String, Point2D>> positions = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyBooleanWrapper trainable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper whyNotTrainable = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private long notices;
    private final ReadOnlyObjectWrapper<LayerSpec> selectedLayer = new ReadOnlyObjectWrapper<>();
    private final ObservableSet<String> selection = FXCollections.observableSet(new LinkedHashSet<>());
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private List<LayerSpec> clipboard = List.of();

    public EditorViewModel(NetworkDocument document) {
        this(new EditHistory(document));
    }

    /** An editor over a history kept elsewhere (the app's one history of the open document). */
    public EditorViewModel(EditHistory shared) {
        history = shared;
        history.documentProperty().addListener((o, was, now) -> documentChanged());
        selection.addListener((SetChangeListener<String>) c -> refreshSelectedLayer());
        documentChanged();
    }

    /** Replaces the document (a file opened, a new network): clears history and selection, not dirty. */
    public void open(NetworkDocument document) {
        selection.clear();
        history.reset(document);
    }

    /**
     * Applies a command as one undoable step.
     *
     * @return false when it was refused; {@link #messageProperty()} then says why
     */
    public boolean execute(EditCommand command) {
        try {
            history.execute(command);
            message.set("");
            return true;
        } catch (EditRefusedException e) {
            refuse(e.getMessage());
            return false;
        }
    }

    private void refuse(String why) {
        message.set(why);
        notice.set(new Notice(capitalised(why), true, ++notices));
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private void documentChanged() {
        NetworkDocument doc = history.document();
        Compilation c = DocumentCompiler.compile(doc);
        positions.set(AutoLayout.positions(doc));
        shapes.set(ShapePreview.of(c));
        selection.removeIf(name -> doc.layer(name) == null && !name.equals(Network.INPUT));
        compilation.set(c);
        trainable.set(c.trainable());
        whyNotTrainable.set(c.whyNotTrainable());
        refreshSelectedLayer();
    }

    private void refreshSelectedLayer() {
        selectedLayer.set(selection.size() == 1 ? document().layer(selection.iterator().next()) : null);
    }

    // ----- actions (also for the app's menus) -----

    public void undo() {
        history.undo();
        message.set("");
    }

    public void redo() {
        history.redo();
        message.set("");
    }

    /** Adds a layer of this type where it was dropped, unconnected, and selects it. */
    public boolean addLayer(String type, double x, double y) {
        AddLayerCommand add = AddLayerCommand.of(document(), type, List.of(), Math.max(1, x), Math.max(1, y));
        return execute(add) && selectOnly(add.layer().name());
    }

    /**
     * Adds a layer of this type after the selected layer (or after the network's output, or the input), reading
     * it; layers that read the selected layer read the new one instead. The new layer is selected, so repeating
     * this builds a chain from the keyboard.
     */
    public boolean addLayer(String type) {
        boolean insert = selection.size() == 1;
        String anchor = insert ? selection.iterator().next() : anchor();
        Point2D at = freeSpotRightOf(positions.get().get(anchor));
        AddLayerCommand add = AddLayerCommand.of(document(), type, List.of(anchor), at.getX(), at.getY());
        List<EditCommand> parts = new ArrayList<>(List.of(add));
        if (insert) {
            for (LayerSpec reader : document().layers()) {
                if (reader.inputs().contains(anchor)) {
                    parts.add(new ReplaceInputCommand(reader.name(), anchor, add.layer().name()));
                }
            }
        }
        return execute(new CompoundCommand(add.description(), parts)) && selectOnly(add.layer().name());
    }

    private String anchor() {
        List<String> outputs = Graph.outputs(document());
        return outputs.size() == 1 ? outputs.get(0) : Network.INPUT;
    }

    private Point2D freeSpotRightOf(Point2D anchor) {
        Point2D at = anchor.add(AutoLayout.COLUMN, 0);
        while (occupied(at)) {
            at = at.add(0, AutoLayout.ROW);
        }
        return at;
    }

    private boolean occupied(Point2D at) {
        return positions.get().values().stream().anyMatch(p -> p.distance(at) < AutoLayout.ROW / 2);
    }

    /** Deletes the selected layers (the input node cannot be deleted). */
    public boolean deleteSelection() {
        List<String> names = selectedLayers().stream().map(LayerSpec::name).toList();
        return !names.isEmpty() && execute(new DeleteLayersCommand(names));
    }

    /** Copies the selected layers (with where they are drawn) to the editor's clipboard. */
    public void copy() {
        List<LayerSpec> layers = selectedLayers();
        if (!layers.isEmpty()) {
            clipboard = layers.stream().map(l -> {
                Point2D p = positions.get().get(l.name());
                return l.at(p.getX(), p.getY());
            }).toList();
        }
    }

    /** Pastes copies of the copied layers and selects them; the next paste lands further on. */
    public boolean paste() {
        PasteCommand paste = new PasteCommand(clipboard, PASTE_OFFSET);
        if (clipboard.isEmpty()) {
            return execute(paste);
        }
        List<String> names = paste.copies(document()).stream().map(LayerSpec::name).toList();
        if (!execute(paste)) {
            return false;
        }
        clipboard = clipboard.stream().map(l -> l.at(l.x() + PASTE_OFFSET, l.y() + PASTE_OFFSET)).toList();
        selection.clear();
        selection.addAll(names);
        return true;
    }

    /**
     * Makes {@code target} read {@code source}; refused with a message for loops and too many inputs. A wire dropped
     * onto a layer that reads one input and already has it takes the old wire's place, as one undoable step, and
     * {@link #noticeProperty()} says so.
     */
    public boolean connect(String source, String target) {
        ConnectCommand connect = new ConnectCommand(source, target);
        String displaced = connect.displaced(document());
        if (displaced == null) {
            return execute(connect);
        }
        if (!execute(new ReplaceInputCommand(target, displaced, source))) {
            return false;
        }
        notice.set(new Notice("'" + target + "' now reads '" + source + "' instead of '" + displaced
                + "' (it takes one input). Undo (Ctrl+Z) puts the old wire back.", false, ++notices));
        return true;
    }

    public boolean disconnect(String source, String target) {
        return execute(new DisconnectCommand(source, target));
    }

    /** Moves layers by (dx, dy) from where they are drawn now, as one step. */
    public boolean moveLayers(Collection<String> names, double dx, double dy) {
        Map<String, Point2D> from = new LinkedHashMap<>();
        for (String name : names) {
            if (document().layer(name) != null) {
                from.put(name, positions.get().get(name));
            }
        }
        return !from.isEmpty() && (dx != 0 || dy != 0) && execute(new MoveLayersCommand(from, dx, dy));
    }

    /** Sets a setting to the typed text (stored even when invalid; the problem shows on the layer). */
    public boolean changeSetting(String layer, String key, String value) {
        return execute(new ChangeSettingCommand(layer, key, value));
    }

    /** Renames a layer and every connection and weight that refers to it; selection follows. */
    public boolean rename(String from, String to) {
        boolean selected = selection.contains(from);
        if (!execute(new RenameLayerCommand(from, to.trim()))) {
            return false;
        }
        if (selected) {
            selection.add(to.trim());
        }
        return true;
    }

    /** Sets the input shape from text like "28x28x1". */
    public boolean setInputShape(String text) {
        try {
            return execute(SetInputShapeCommand.parse(text));
        } catch (EditRefusedException e) {
            refuse(e.getMessage());
            return false;
        }
    }

    /**
     * Why this text cannot be used for a setting of a layer, or null when it can: the check the inspector makes as
     * the user types, on a trial copy of the layer.
     */
    public String settingProblem(String layer, String key, String text) {
        LayerSpec spec = document().layer(layer);
        if (spec == null) {
            return "there is no layer called '" + layer + "'";
        }
        LayerSpec trial = spec.withSetting(key, text == null || text.isBlank() ? null : text.trim());
        return LayerCatalog.problems(trial).stream().filter(p -> p.contains(", " + key + ":"))
                .findFirst().orElse(null);
    }

    /** Why a layer cannot take this name, or null when it can (its own name is fine). */
    public String nameProblem(String layer, String name) {
        return layer.equals(name.trim()) ? null : Names.problem(document(), name.trim());
    }

    // ----- selection and zoom -----

    public void selectAll() {
        selection.clear();
        document().layers().forEach(l -> selection.add(l.name()));
    }

    public void clearSelection() {
        selection.clear();
    }

    /** Selects one node; with {@code toggle} (shift/ctrl-click) adds or removes it instead. */
    public void select(String name, boolean toggle) {
        if (!toggle) {
            selectOnly(name);
        } else if (!selection.remove(name)) {
            selection.add(name);
        }
    }

    private boolean selectOnly(String name) {
        selection.clear();
        selection.add(name);
        return true;
    }

    public void zoomIn() {
        setZoom(zoom.get() * 1.25);
    }

    public void zoomOut() {
        setZoom(zoom.get() / 1.25);
    }

    public void resetZoom() {
        setZoom(1);
    }

    public void setZoom(double value) {
        zoom.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, value)));
    }

    // ----- what the views read -----

    public NetworkDocument document() {
        return history.document();
    }

    public ReadOnlyObjectProperty<NetworkDocument> documentProperty() {
        return history.documentProperty();
    }

    public EditHistory history() {
        return history;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return history.dirtyProperty();
    }

    /** Call after the app wrote the document to disk. */
    public void markSaved() {
        history.markSaved();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return history.canUndoProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return history.canRedoProperty();
    }

    /** The latest compilation of the document (never null). */
    public ReadOnlyObjectProperty<Compilation> compilationProperty() {
        return compilation.getReadOnlyProperty();
    }

    /** Per node, its inferred output shape and parameters (as much of the network as can be built). */
    public ReadOnlyObjectProperty<Map<String, ShapeReport.NodeShape>> shapesProperty() {
        return shapes.getReadOnlyProperty();
    }

    /** Where each node is drawn, "input" included. */
    public ReadOnlyObjectProperty<Map<String, Point2D>> positionsProperty() {
        return positions.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty trainableProperty() {
        return trainable.getReadOnlyProperty();
    }

    /** Why the network cannot be trained, in words; empty when it can. */
    public ReadOnlyStringProperty whyNotTrainableProperty() {
        return whyNotTrainable.getReadOnlyProperty();
    }

    /** Why the latest action was refused; empty after one that worked. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * The latest thing the user should see where they work: why an edit was refused, or what a wire drop replaced.
     * A new value each time, also when the text repeats; null before the first.
     */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /**
     * A short message for the canvas.
     *
     * @param refusal true when an edit was refused (nothing changed), false when it says what an edit did
     * @param serial  counts notices, so a repeated text is still a new notice
     */
    public record Notice(String text, boolean refusal, long serial) {
    }

    /** The selected node names (layers, and possibly "input"). */
    public ObservableSet<String> selection() {
        return selection;
    }

    /** The one selected layer, for the inspector; null when none or several are selected. */
    public ReadOnlyObjectProperty<LayerSpec> selectedLayerProperty() {
        return selectedLayer.getReadOnlyProperty();
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    /** The copied layers, as they will be pasted. */
    public List<LayerSpec> clipboard() {
        return clipboard;
    }

    /** The problems shown on a node: the compiler's, or the preview's shape errors when the compiler stopped early. */
    public List<Problem> problemsOf(String name) {
        List<Problem> list = new ArrayList<>(compilation.get().problemsOf(name));
        ShapeReport.NodeShape preview = shapes.get().get(name);
        if (compilation.get().shapes() == null && preview != null) {
            preview.errors().forEach(e -> list.add(new Problem(name, e, true)));
        }
        return list;
    }

    private List<LayerSpec> selectedLayers() {
        return document().layers().stream().filter(l -> selection.contains(l.name())).toList();
    }
}
