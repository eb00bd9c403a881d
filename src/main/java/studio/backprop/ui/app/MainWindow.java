package studio.backprop.ui.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import studio.backprop.train.TrainerCommand;
import studio.backprop.ui.export.Exportable;

/**
 * The main window: menus, the Network and Training tabs, the training toolbar and the status line. It wires views
 * to the {@link AppModel}; it holds no state of its own beyond the Nodes.
 */
public final class MainWindow {

    private final AppModel model;
    private final Stage stage;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final List<Page> pages = new ArrayList<>();
    private final TrainingControls controls;
    private final Label status = new Label();
    /** The views each tab offers to File ▸ Export, in tab order. */
    private final Map<Tab, List<Exportable>> tabViews = new LinkedHashMap<>();
    private final Menu recentMenu = new Menu("Open Recent");
    private final Menu editMenu = new Menu("Edit");
    private final Scene scene;

    public MainWindow(AppModel model, Stage stage) {
        this.model = model;
        this.stage = stage;
        this.controls = new TrainingControls(model, this::showError);
        status.getStyleClass().add("status-line");
        status.textProperty().bind(model.statusProperty());
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
        HBox statusBar = new HBox(12, status, gap, controls.statusItems());
        statusBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        statusBar.getStyleClass().add("status-bar");
        root.setTop(new VBox(menus(), controls));
        root.setCenter(tabs);
        root.setBottom(statusBar);
        scene = new Scene(root, 1280, 800);
        Themes.apply(scene, model);
        model.themeProperty().addListener((o, a, b) -> Themes.apply(scene, model));
        model.presenterModeProperty().addListener((o, a, b) -> Themes.apply(scene, model));
        shortcuts();
        model.setDataConsent(paths -> Dialogs.allowOutsideData(stage, paths));
        stage.titleProperty().bind(Bindings.createStringBinding(() -> (model.dirtyProperty().get() ? "● " : "")
                + (model.documentProperty().get() == null ? "" : model.documentProperty().get().name() + " — ")
                + "Backprop Studio", model.dirtyProperty(), model.documentProperty()));
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (!Dialogs.confirmDiscard(stage, model)) {
                e.consume();
            }
        });
        Timeline autosave = new Timeline(new KeyFrame(Duration.seconds(20), e -> model.autosaveIfDirty()));
        autosave.setCycleCount(Timeline.INDEFINITE);
        autosave.play();
        // a running timeline or animation timer is held by the toolkit and would keep this window, its pages and
        // its session alive after shutdown: stop them all there
        model.onShutdown(() -> {
            autosave.stop();
            pages.forEach(page -> page.setShowing(false));
        });
    }

    /** Adds a page as a tab, offers its views to File ▸ Export, and keeps it in step with presenter mode and theme. */
    public void addPage(Page page) {
        Tab tab = new Tab(page.title(), page.content());
        tab.setClosable(false);
        tabs.getTabs().add(tab);
        pages.add(page);
        tabViews.put(tab, List.copyOf(page.exportables()));
        page.setPresenterMode(model.presenterModeProperty().get());
        page.setDarkColours(model.themeProperty().get() != AppModel.Theme.LIGHT);
        model.presenterModeProperty().addListener((o, a, on) -> page.setPresenterMode(on));
        tab.selectedProperty().addListener((o, a, shown) -> page.setShowing(shown));
        page.setShowing(tab.isSelected());
        model.themeProperty().addListener((o, a, theme) -> page.setDarkColours(theme != AppModel.Theme.LIGHT));
    }

    /** The pages in tab order. */
    public List<Page> pages() {
        return List.copyOf(pages);
    }

    public Scene scene() {
        return scene;
    }

    /**
     * Every view File ▸ Export offers: the tab on screen's views first, those on screen ahead of the rest (a sub-page
     * not chosen, an exercise's sheet that is only ever exported), then the other tabs' views, those with nothing
     * to show now ({@link Exportable#showsPicture}) last. The dialog preselects the first, so Ctrl+E on the CNN tab
     * exports its feature maps, not the network drawing, on the Training tab of a LeNet the loss chart, not the
     * sentence of a Playground view that cannot draw it, and on the GAN its plane, not the autoencoder's panel.
     */
    List<Exportable> exportablesShownFirst() {
        List<Exportable> shown = tabViews.getOrDefault(tabs.getSelectionModel().getSelectedItem(), List.of());
        List<Exportable> ordered = new ArrayList<>(shown);
        tabViews.values().stream().filter(views -> views != shown).forEach(ordered::addAll);
        // a stable sort: within each of the four groups, tab order and each page's own order stay
        ordered.sort(Comparator.comparingInt(view -> (shown.contains(view) ? 0 : 2) + (showsPicture(view) ? 0 : 1)));
        return ordered;
    }

    /**
     * Whether {@code view} has a picture to give now: it says so ({@link Exportable#showsPicture}), and its page
     * shows it: nothing between them is hidden (the 2-D data panel of a LeNet, a perceptron's trace for a network
     * that is not one, a sub-tab not selected), and it hangs in the page at all (the Generative and Lessons tabs
     * hold only the chosen sub-page or lesson; the others are still offered, after it).
     */
    boolean showsPicture(Exportable view) {
        if (!view.showsPicture()) {
            return false;
        }
        Tab tab = tabViews.entrySet().stream().filter(e -> e.getValue().contains(view)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
        Node page = tab == null ? null : tab.getContent();
        Node node = view.exportNode();
        for (; node != null && node != page; node = node.getParent()) {
            if (!node.isVisible()) {
                return false;
            }
        }
        return node == page;
    }

    public TrainingControls controls() {
        return controls;
    }

    /** Shows the page with this title. */
    public void showPage(String title) {
        tabs.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    public void showTrainingTab() {
        showPage("Training");
    }

    private MenuBar menus() {
        MenuBar bar = new MenuBar(fileMenu(), editMenu(), viewMenu(), trainMenu(), helpMenu());
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private Menu fileMenu() {
        Menu newMenu = new Menu("New from Template");
        for (Path sample : SampleCatalog.inCourseOrder(samples().stream().filter(f -> !GanFiles.named(f)).toList())) {
            MenuItem item = new MenuItem(SampleCatalog.title(sample));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> {
                if (Dialogs.confirmDiscard(stage, model)) {
                    model.newFromTemplate(sample, this::showError);
                }
            });
            newMenu.getItems().add(item);
        }
        MenuItem open = item("Open…", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::open);
        MenuItem gallery = item("Sample Gallery…", null, () -> Dialogs.gallery(stage, samples())
                .ifPresent(p -> openPath(p)));
        MenuItem save = item("Save", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::save);
        MenuItem saveAs = item("Save As…", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), () -> saveAs(false));
        MenuItem saveSession = item("Save Session As…", null, () -> saveAs(true));
        MenuItem export = item("Export PNG…", new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
                () -> Dialogs.export(stage, exportablesShownFirst(), model));
        MenuItem quit = item("Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
                () -> stage.fireEvent(new javafx.stage.WindowEvent(stage,
                        javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        Menu file = new Menu("File", null, newMenu, open, recentMenu, gallery, new SeparatorMenuItem(), save, saveAs,
                saveSession, new SeparatorMenuItem(), export, new SeparatorMenuItem(), quit);
        file.setOnShowing(e -> refreshRecent());
        return file;
    }

    /** The Edit menu, for the editor to fill with its actions. */
    public Menu editMenu() {
        return editMenu;
    }

    private Menu viewMenu() {
        ToggleGroup theme = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem("Light Theme");
        RadioMenuItem dark = new RadioMenuItem("Dark Theme");
        RadioMenuItem contrast = new RadioMenuItem("High-Contrast Theme");
        light.setToggleGroup(theme);
        dark.setToggleGroup(theme);
        contrast.setToggleGroup(theme);
        contrast.setOnAction(e -> model.themeProperty().set(AppModel.Theme.HIGH_CONTRAST));
        light.setSelected(true);
        light.setOnAction(e -> model.themeProperty().set(AppModel.Theme.LIGHT));
        dark.setOnAction(e -> model.themeProperty().set(AppModel.Theme.DARK));
        CheckMenuItem presenter = new CheckMenuItem("Presenter Mode");
        presenter.setAccelerator(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        presenter.selectedProperty().bindBidirectional(model.presenterModeProperty());
        CheckMenuItem hideControls = new CheckMenuItem("Hide Training Controls");
        hideControls.setOnAction(e -> {
            controls.setVisible(!hideControls.isSelected());
            controls.setManaged(!hideControls.isSelected());
        });
        MenuItem fullScreen = item("Full-Screen Training View", new KeyCodeCombination(KeyCode.F11), () -> {
            showTrainingTab();
            stage.setFullScreen(!stage.isFullScreen());
        });
        return new Menu("View", null, light, dark, contrast, new SeparatorMenuItem(), presenter, hideControls, fullScreen);
    }

    private Menu trainMenu() {
        MenuItem play = item("Play / Pause", new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN),
                controls::togglePlay);
        MenuItem sample = item("Step One Sample", new KeyCodeCombination(KeyCode.DIGIT1,
                KeyCombination.SHORTCUT_DOWN), () -> controls.command(new TrainerCommand.StepSample()));
        MenuItem batch = item("Step One Batch", new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN),
                () -> controls.command(new TrainerCommand.StepBatch()));
        MenuItem epoch = item("Step One Epoch", new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN),
                () -> controls.command(new TrainerCommand.StepEpoch()));
        MenuItem reset = item("Reset Weights", new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN),
                () -> controls.command(new TrainerCommand.Reset()));
        MenuItem walk = item("Walk Through a Step", new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN),
                () -> showPage("Stepper"));
        return new Menu("Train", null, play, sample, batch, epoch, new SeparatorMenuItem(), walk,
                new SeparatorMenuItem(), reset);
    }

    private Menu helpMenu() {
        return new Menu("Help", null, item("Keyboard Shortcuts and Lessons", new KeyCodeCombination(KeyCode.F1),
                () -> HelpDialog.dialog(stage).show()), item("About Backprop Studio", null, () -> Dialogs.about(stage)));
    }

    private static MenuItem item(String text, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(accelerator);
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private void shortcuts() {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SPACE, KeyCombination.SHORTCUT_DOWN),
                controls::togglePlay);
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path p : model.recent().list()) {
            MenuItem item = new MenuItem(p.getFileName().toString() + (p.getParent() == null ? ""
                    : "  (" + p.getParent().getFileName() + ")"));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> openPath(p));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void open() {
        FileChooser chooser = Dialogs.chooser("Open a network or a session", model);
        Path p = Dialogs.toPath(chooser.showOpenDialog(stage));
        if (p != null) {
            openPath(p);
        }
    }

    private void openPath(Path p) {
        if (GanFiles.named(p) || Dialogs.confirmDiscard(stage, model)) {
            model.open(p, this::showError);
        }
    }

    private void save() {
        if (model.fileProperty().get() == null) {
            saveAs(false);
        } else {
            model.saveAs(model.fileProperty().get(), () -> { }, this::showError);
        }
    }

    private void saveAs(boolean session) {
        FileChooser chooser = Dialogs.chooser(session ? "Save the training session" : "Save the network", model);
        chooser.getExtensionFilters().setAll(session
                ? new FileChooser.ExtensionFilter("Backprop Studio session", "*.bpsession")
                : new FileChooser.ExtensionFilter("Backprop Studio network", "*.bps"));
        Path p = Dialogs.toPath(chooser.showSaveDialog(stage));
        if (p != null) {
            String ext = session ? ".bpsession" : ".bps";
            Path target = p.toString().endsWith(ext) ? p : Path.of(p + ext);
            model.saveAs(target, () -> { }, this::showError);
        }
    }

    private List<Path> samples() {
        try (Stream<Path> files = Files.list(model.samplesFolder())) {
            return files.filter(f -> f.toString().endsWith(".bps") || GanFiles.named(f)).sorted().toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /** Shows a problem in words (a dialog when visible, the status line always). */
    public void showError(String message) {
        model.statusProperty().set(message.lines().findFirst().orElse(message));
        if (stage.isShowing()) {
            Dialogs.error(stage, message);
        }
    }
}
