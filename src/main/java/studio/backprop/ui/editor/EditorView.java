package studio.backprop.ui.editor;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;

/**
 * The whole editor in one node, for an app that wants it ready-made: palette on the left, the canvas with a small
 * tool bar in the middle, the inspector on the right, and the summary below. Each part is also available on its
 * own for a shell that arranges them differently.
 */
public final class EditorView extends BorderPane {

    private final EditorViewModel vm;
    private final Palette palette;
    private final EditorCanvas canvas;
    private final Inspector inspector;
    private final SummaryView summary;

    public EditorView(EditorViewModel vm) {
        this.vm = vm;
        palette = new Palette(vm);
        canvas = new EditorCanvas(vm);
        inspector = new Inspector(vm);
        summary = new SummaryView(vm);
        BorderPane centre = new BorderPane(canvas);
        centre.setTop(toolBar());
        // In a scroll pane the summary keeps its full height, so an exported picture shows every row.
        ScrollPane below = new ScrollPane(summary);
        below.setFitToWidth(true);
        SplitPane vertical = new SplitPane(centre, below);
        vertical.setOrientation(javafx.geometry.Orientation.VERTICAL);
        vertical.setDividerPositions(0.7);
        setCenter(vertical);
        setLeft(palette);
        ScrollPane side = new ScrollPane(inspector);
        side.setFitToWidth(true);
        setRight(side);
    }

    private ToolBar toolBar() {
        Button undo = button("Undo", "Take back the last edit (Ctrl+Z)", vm::undo);
        undo.disableProperty().bind(vm.canUndoProperty().not());
        Button redo = button("Redo", "Do again what was taken back (Ctrl+Y)", vm::redo);
        redo.disableProperty().bind(vm.canRedoProperty().not());
        Label zoom = new Label();
        zoom.textProperty().bind(vm.zoomProperty().multiply(100).asString("%.0f %%"));
        Label message = new Label();
        message.setStyle("-fx-text-fill: #c22a2a;");
        message.textProperty().bind(vm.messageProperty());
        return new ToolBar(undo, redo,
                button("Delete", "Delete the selected layers (Delete)", vm::deleteSelection),
                button("−", "Zoom out (Ctrl+wheel, −)", vm::zoomOut), zoom,
                button("+", "Zoom in (Ctrl+wheel, +)", vm::zoomIn),
                button("100 %", "Actual size (0)", vm::resetZoom),
                button("Fit", "Show the whole network (F)", canvas::fitToWindow), message);
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    public EditorViewModel viewModel() {
        return vm;
    }

    public Palette palette() {
        return palette;
    }

    public EditorCanvas canvas() {
        return canvas;
    }

    public Inspector inspector() {
        return inspector;
    }

    public SummaryView summary() {
        return summary;
    }
}
