package studio.backprop.ui.export;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Exporting from the app's menus: "Export PNG…" items for a view's context menu, and File ▸ Export, which lets one
 * choose among all views. Both ask for the scale and background, then for a file, and write through
 * {@link PngExporter}; a failure is reported in a dialog and the previous file, if any, is kept.
 */
public final class ExportMenu {

    /** The label of the context-menu item. */
    public static final String EXPORT = "Export PNG…";

    private ExportMenu() {
    }

    /** An "Export PNG…" item (or {@code label}) that exports {@code view}, owned by {@code anchor}'s window. */
    public static MenuItem item(String label, Node anchor, Exportable view) {
        MenuItem item = new MenuItem(label);
        // Labels carry layer names (hidden_1): an underscore there is text, not a mnemonic.
        item.setMnemonicParsing(false);
        item.setOnAction(e -> exportInteractively(windowOf(anchor), List.of(view), name -> { }));
        return item;
    }

    /**
     * Gives {@code target} a context menu with an "Export PNG…" item for {@code view}. It opens on a click of the
     * secondary button that did not move (so views that pan or erase with a right drag keep those gestures), or on
     * the keyboard's context-menu key.
     */
    public static void attach(Node target, Exportable view) {
        showOnStillRightClick(target, (x, y) -> List.of(item(EXPORT, target, view)));
    }

    /**
     * Opens a context menu on a still right click or the context-menu key over {@code target}, with the items
     * {@code items} gives for the point under the pointer (in {@code target}'s coordinates; NaN from the keyboard).
     */
    public static void showOnStillRightClick(Node target, BiFunction<Double, Double, List<MenuItem>> items) {
        ContextMenu menu = new ContextMenu();
        target.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.SECONDARY && e.isStillSincePress()) {
                show(menu, target, items.apply(e.getX(), e.getY()), e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
        target.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            if (e.isKeyboardTrigger()) {
                show(menu, target, items.apply(Double.NaN, Double.NaN), e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
    }

    private static void show(ContextMenu menu, Node target, List<MenuItem> items, double screenX, double screenY) {
        menu.hide();
        menu.getItems().setAll(items);
        menu.show(target, screenX, screenY);
    }

    /**
     * Asks for a view among {@code views} (when more than one), a scale, a background and a file, and writes it.
     *
     * @param done told the file name after a successful write (for the status line)
     */
    public static void exportInteractively(Window owner, List<Exportable> views, Consumer<String> done) {
        if (views.isEmpty()) {
            error(owner, "There is no view to export yet.");
            return;
        }
        ExportDialog.ask(owner, views.stream().map(Exportable::exportName).toList()).ifPresent(choice -> {
            Exportable view = views.get(choice.view());
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export " + view.exportName());
            chooser.setInitialFileName(view.exportName() + ".png");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG pictures", "*.png"));
            File file = chooser.showSaveDialog(owner);
            if (file == null) {
                return;
            }
            Path target = withPng(file.toPath());
            try {
                PngExporter.write(view, target, choice.scale(), choice.background());
                done.accept(target.getFileName().toString());
            } catch (IOException | RuntimeException e) {
                error(owner, "The picture could not be saved to " + target + ": " + e.getMessage());
            }
        });
    }

    /** The file with ".png" added when the name lacks it. */
    static Path withPng(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".png") ? file : file.resolveSibling(name + ".png");
    }

    private static Window windowOf(Node node) {
        return node.getScene() == null ? null : node.getScene().getWindow();
    }

    private static void error(Window owner, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(owner);
        alert.setHeaderText("Export PNG");
        alert.showAndWait();
    }
}
