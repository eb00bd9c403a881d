package studio.backprop.ui.app;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import studio.backprop.ui.editor.EditorView;
import studio.backprop.ui.editor.EditorViewModel;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.training.PlaygroundView;

/**
 * The Network page: the drag-and-drop editor over the app's one document history, its summary and inspector, and
 * the Edit menu's actions.
 */
final class NetworkPage implements Page {

    private final EditorViewModel editor;
    private final EditorView view;
    /** The zoom before presenter mode, and the zoom presenter mode set (to restore it unless changed meanwhile). */
    private double zoomBefore = Double.NaN;
    private double presenterZoom = Double.NaN;

    NetworkPage(Pages.Context context) {
        AppModel model = context.model();
        editor = new EditorViewModel(model.history());
        view = new EditorView(editor);
        model.loadsProperty().addListener((o, a, b) -> editor.open(model.documentProperty().get()));
        editMenu(context.window().editMenu());
    }

    /** The editor's view model (for tests and other pages that show the selection). */
    EditorViewModel editor() {
        return editor;
    }

    @Override
    public String title() {
        return "Network";
    }

    @Override
    public Node content() {
        return view;
    }

    @Override
    public List<Exportable> exportables() {
        return List.of((Exportable) view.canvas(), (Exportable) view.summary());
    }

    /**
     * The editor's boxes grow with the type: presenter mode zooms in by the same factor; leaving it restores the zoom
     * from before, unless the zoom was changed meanwhile (then it zooms out by the factor).
     */
    @Override
    public void setPresenterMode(boolean on) {
        double now = editor.zoomProperty().get();
        if (on) {
            zoomBefore = now;
            editor.setZoom(now * PlaygroundView.PRESENTER_SCALE);
            presenterZoom = editor.zoomProperty().get();
        } else if (!Double.isNaN(zoomBefore)) {
            editor.setZoom(now == presenterZoom ? zoomBefore : now / PlaygroundView.PRESENTER_SCALE);
        }
    }

    private void editMenu(Menu edit) {
        MenuItem undo = item("Undo", KeyCode.Z, editor::undo);
        undo.disableProperty().bind(editor.canUndoProperty().not());
        MenuItem redo = item("Redo", KeyCode.Y, editor::redo);
        redo.disableProperty().bind(editor.canRedoProperty().not());
        MenuItem copy = item("Copy", KeyCode.C, editor::copy);
        MenuItem paste = item("Paste", KeyCode.V, editor::paste);
        MenuItem delete = new MenuItem("Delete");
        delete.setAccelerator(new KeyCodeCombination(KeyCode.DELETE));
        delete.setOnAction(e -> editor.deleteSelection());
        MenuItem all = item("Select All", KeyCode.A, editor::selectAll);
        edit.getItems().addAll(undo, redo, new SeparatorMenuItem(), copy, paste, delete, all);
    }

    private static MenuItem item(String text, KeyCode key, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN));
        item.setOnAction(e -> action.run());
        return item;
    }
}
