package studio.backprop.ui.app;

import javafx.geometry.Orientation;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.ui.editor.EditCommand;
import studio.backprop.ui.editor.EditorView;
import studio.backprop.ui.editor.EditorViewModel;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.training.DatasetPanel;
import studio.backprop.ui.training.DatasetViewModel;
import studio.backprop.ui.training.PlaygroundView;

/**
 * Places the editor and the training views into the main window and keeps them in step with the {@link AppModel}:
 * the editor owns the edit history of the document; opening a file resets it; the dataset panel's data (generated,
 * drawn) becomes the document's [data] section and the data the trainer uses.
 */
final class Views {

    private Views() {
    }

    static void install(MainWindow window, AppModel model, Stage stage) {
        EditorViewModel editor = new EditorViewModel(model.history());
        EditorView editorView = new EditorView(editor);
        window.setNetworkView(editorView);
        window.addExportable((Exportable) editorView.canvas());
        window.addExportable((Exportable) editorView.summary());
        syncDocument(model, editor);
        editMenu(window, editor);

        DatasetViewModel dataset = new DatasetViewModel();
        DatasetPanel datasetPanel = new DatasetPanel(dataset);
        PlaygroundView playground = new PlaygroundView(model.training(), dataset);
        javafx.beans.property.BooleanProperty planar = syncData(model, editor, dataset);
        javafx.scene.control.Label otherData = new javafx.scene.control.Label();
        otherData.setWrapText(true);
        otherData.setPadding(new javafx.geometry.Insets(12));
        // on a small screen (a projector at 1280×800, presenter type) the panel scrolls rather than being cut off
        javafx.scene.control.ScrollPane dataScroll = new javafx.scene.control.ScrollPane(datasetPanel);
        dataScroll.setFitToWidth(true);
        dataScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        dataScroll.getStyleClass().add("edge-to-edge");
        javafx.scene.layout.StackPane dataSlot = new javafx.scene.layout.StackPane(dataScroll, otherData);
        dataScroll.visibleProperty().bind(planar);
        otherData.visibleProperty().bind(planar.not());
        otherData.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            NetworkDocument doc = model.documentProperty().get();
            return doc == null ? "" : "This network learns from its file's data section: [data " + doc.data().type()
                    + "]" + (doc.data().settings().isEmpty() ? "" : " " + doc.data().settings()) + ".\n\nThe 2-D "
                    + "data panel (generated sets, drawing points) is for networks with two input features.";
        }, model.documentProperty()));
        playground.planarDataProperty().bind(planar);
        playground.previewDocumentProperty().bind(model.documentProperty());
        java.util.function.Consumer<Boolean> presenter = on -> {
            playground.setPresenterMode(on);
            datasetPanel.plot().setTypeScale(on ? PlaygroundView.PRESENTER_SCALE : 1);
        };
        presenter.accept(model.presenterModeProperty().get());
        // the editor's boxes grow with the type: presenter mode zooms in by the same factor; leaving it restores
        // the zoom from before, unless the zoom was changed meanwhile (then it zooms out by the factor)
        double[] zooms = {Double.NaN, Double.NaN}; // before presenter mode, and what presenter mode set
        model.presenterModeProperty().addListener((o, a, on) -> {
            presenter.accept(on);
            double now = editor.zoomProperty().get();
            if (on) {
                zooms[0] = now;
                editor.setZoom(now * PlaygroundView.PRESENTER_SCALE);
                zooms[1] = editor.zoomProperty().get();
            } else {
                editor.setZoom(now == zooms[1] ? zooms[0] : now / PlaygroundView.PRESENTER_SCALE);
            }
        });
        followTheme(model, dark -> {
            playground.setDarkColours(dark);
            datasetPanel.plot().setDarkColours(dark);
        });
        SplitPane training = new SplitPane(dataSlot, playground);
        training.setOrientation(Orientation.HORIZONTAL);
        training.setDividerPositions(0.28);
        window.setTrainingView(new VBox(training));
        VBox.setVgrow(training, javafx.scene.layout.Priority.ALWAYS);
        window.addExportable(playground);
        window.addExportable(datasetPanel);
        window.addExportable(playground.outputView());
        window.addExportable(playground.networkView());
        ChartsSlot.install(window, model, training);
    }

    /** Tells {@code views} whether the theme is a dark one, now and on every change. */
    private static void followTheme(AppModel model, java.util.function.Consumer<Boolean> views) {
        views.accept(model.themeProperty().get() != AppModel.Theme.LIGHT);
        model.themeProperty().addListener((o, a, theme) -> views.accept(theme != AppModel.Theme.LIGHT));
    }

    /** The editor and the model share one history; opening a document clears the editor's selection. */
    private static void syncDocument(AppModel model, EditorViewModel editor) {
        model.loadsProperty().addListener((o, a, b) -> editor.open(model.documentProperty().get()));
    }

    /**
     * When the document's data is a 2-D set (generated or drawn), the dataset panel drives it: its data replaces the
     * document's [data] section and the trainer's data. For any other data (MNIST, files) the panel stays out of the
     * way, so opening such a network never swaps its data.
     *
     * @return whether the panel currently drives the data
     */
    private static javafx.beans.property.BooleanProperty syncData(AppModel model, EditorViewModel editor,
                                                                 DatasetViewModel dataset) {
        javafx.beans.property.BooleanProperty planar = new javafx.beans.property.SimpleBooleanProperty();
        boolean[] loading = {false};
        model.loadsProperty().addListener((o, a, b) -> {
            NetworkDocument doc = model.documentProperty().get();
            loading[0] = true;
            try {
                var compiled = studio.backprop.spec.DocumentCompiler.compile(doc);
                if (compiled.network() != null && compiled.shapes().ok()) {
                    int[] out = compiled.network().outputShape();
                    dataset.outputUnitsProperty().set(out.length == 1 ? out[0] : 0);
                }
                planar.set(java.util.List.of("generated", "inline").contains(doc.data().type())
                        && dataset.applyDataSpec(doc.data()));
            } finally {
                loading[0] = false;
            }
        });
        editor.compilationProperty().addListener((o, a, c) -> {
            if (c != null && c.network() != null && planar.get()) {
                int[] out = c.network().outputShape();
                loading[0] = true;
                try {
                    dataset.outputUnitsProperty().set(out.length == 1 ? out[0] : 0);
                } finally {
                    loading[0] = false;
                }
            }
        });
        dataset.dataProperty().addListener((o, a, data) -> {
            if (loading[0] || data == null || !planar.get()) {
                return;
            }
            model.setDataOverride(data);
            NetworkDocument doc = model.documentProperty().get();
            ComponentSpec spec = dataset.toDataSpec();
            if (doc != null && !spec.equals(doc.data())) {
                editor.execute(replaceWith(doc.withData(spec), "Change the data"));
            }
        });
        return planar;
    }

    private static EditCommand replaceWith(NetworkDocument doc, String description) {
        return new DocumentEdit(description, d -> doc);
    }

    private static void editMenu(MainWindow window, EditorViewModel editor) {
        Menu edit = window.editMenu();
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
