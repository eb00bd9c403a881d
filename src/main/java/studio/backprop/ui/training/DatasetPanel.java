package studio.backprop.ui.training;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import studio.backprop.ui.export.Exportable;

/**
 * The data panel of the Playground: which generated set, its noise, size, train/test ratio and seed, a plot to
 * draw or erase points on (class chosen by the toggles; the right button erases), and buttons to load a CSV file,
 * MNIST-format IDX files or a folder of images. Problems appear in words under the buttons.
 *
 * <p>Thread: the JavaFX application thread.
 */
public final class DatasetPanel extends VBox implements Exportable {

    private final DatasetViewModel vm;
    private final DecisionBoundaryView plot = new DecisionBoundaryView("Data");
    private final Label message = new Label();
    private final FlowPane tools = new FlowPane(4, 4);
    private final ToggleGroup toolGroup = new ToggleGroup();
    private final TextField seedField = new TextField();
    private final Button clear = new Button("Clear");

    public DatasetPanel(DatasetViewModel vm) {
        super(8);
        this.vm = vm;
        getStyleClass().add("dataset-panel");
        setPadding(new Insets(10));
        setFillWidth(true);
        setPrefWidth(340);
        setMinWidth(USE_PREF_SIZE);
        Label title = new Label("Data");
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 1.1em;");
        Label description = new Label();
        description.textProperty().bind(vm.descriptionProperty());
        description.setWrapText(true);
        message.setId("dataset-message");
        message.setWrapText(true);
        message.setStyle("-fx-text-fill: #b00020;");
        vm.messageProperty().addListener((o, a, b) -> message.setText(b));
        plot.setPrefSize(300, 330);
        PointDrawing.attach(plot, vm);
        getChildren().addAll(title, settings(), drawingRow(), loadRow(), description, message, plot);
        vm.pointsProperty().addListener((o, a, b) -> showPoints());
        showPoints();
    }

    private GridPane settings() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        // the labels keep their whole width (larger in presenter mode); the sliders and the seed field give way
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(labels, new javafx.scene.layout.ColumnConstraints());
        grid.setVgap(6);
        ComboBox<DatasetViewModel.Generator> kind = new ComboBox<>();
        kind.getItems().setAll(DatasetViewModel.Generator.values());
        kind.setValue(vm.generatorProperty().get());
        kind.setId("data-set-kind");
        // the box names the generator only for a generated set; otherwise what the data is ("Rows of the file")
        ListCell<DatasetViewModel.Generator> shown = new ListCell<>() {
            @Override
            protected void updateItem(DatasetViewModel.Generator g, boolean empty) {
                super.updateItem(g, empty);
                setText(vm.sourceName());
            }
        };
        kind.setButtonCell(shown);
        // for data that is not generated the box holds no generator, so choosing any set (the last one too) acts
        vm.sourceProperty().addListener((o, a, b) -> {
            kind.setValue(b == DatasetViewModel.Source.GENERATED ? vm.generatorProperty().get() : null);
            shown.setText(vm.sourceName());
        });
        Spinner<Integer> classes = new Spinner<>(2, 8, vm.classesProperty().get());
        classes.setPrefWidth(70);
        classes.visibleProperty().bind(kind.valueProperty().isEqualTo(DatasetViewModel.Generator.BLOBS));
        kind.valueProperty().addListener((o, a, b) -> {
            boolean generated = vm.sourceProperty().get() == DatasetViewModel.Source.GENERATED;
            if (b != null && (b != vm.generatorProperty().get() || !generated)) {
                vm.generatorProperty().set(b);
                vm.regenerate();
            }
        });
        vm.generatorProperty().addListener((o, a, b) -> kind.setValue(b));
        classes.valueProperty().addListener((o, a, b) -> {
            vm.classesProperty().set(b);
            vm.regenerate();
        });
        grid.addRow(0, new Label("Set"), new HBox(6, kind, classes));
        grid.addRow(1, new Label("Noise"), slider(vm.noiseProperty(), 0, 0.5, v -> percent(v)));
        grid.addRow(2, new Label("Points"), slider(null, 50, 1000, v -> String.valueOf(Math.round(v))));
        grid.addRow(3, new Label("Training"), slider(vm.trainFractionProperty(), 0.1, 0.9, v -> percent(v)));
        seedField.setText(String.valueOf(vm.seedProperty().get()));
        seedField.setPrefColumnCount(6);
        seedField.setOnAction(e -> regenerate());
        seedField.setMinWidth(50);
        Button regenerate = new Button("Regenerate");
        regenerate.setMinWidth(Region.USE_PREF_SIZE);
        regenerate.setOnAction(e -> regenerate());
        grid.addRow(4, new Label("Seed"), new HBox(6, seedField, regenerate));
        return grid;
    }

    private HBox slider(DoubleProperty target, double min, double max, DoubleFunction<String> text) {
        Slider s = new Slider(min, max, target == null ? vm.sizeProperty().get() : target.get());
        s.setPrefWidth(150);
        Label value = new Label(text.apply(s.getValue()));
        value.setMinWidth(Region.USE_PREF_SIZE);
        s.setMinWidth(60);
        s.valueProperty().addListener((o, a, b) -> {
            value.setText(text.apply(b.doubleValue()));
            if (!s.isValueChanging()) {
                changed(target, s.getValue());
            }
        });
        s.valueChangingProperty().addListener((o, a, changing) -> {
            if (!changing) {
                changed(target, s.getValue());
            }
        });
        return new HBox(6, s, value);
    }

    private void changed(DoubleProperty target, double v) {
        if (target == null) {
            vm.sizeProperty().set((int) Math.round(v));
        } else {
            target.set(Math.round(v * 100) / 100.0);
        }
        vm.regenerate();
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * v);
    }

    private void regenerate() {
        try {
            vm.seedProperty().set(Long.parseLong(seedField.getText().trim()));
            vm.regenerate();
        } catch (NumberFormatException e) {
            message.setText("The seed must be a whole number, not '" + seedField.getText().trim() + "'.");
        }
    }

    private VBox drawingRow() {
        clear.setOnAction(e -> vm.clearPoints());
        toolGroup.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            } else {
                vm.drawToolProperty().set((Integer) b.getUserData());
            }
        });
        Label hint = new Label("Click or drag on the plot to add points; right button erases.");
        hint.setWrapText(true);
        hint.setMaxWidth(310);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.setStyle("-fx-text-fill: #666; -fx-font-size: 11px;");
        return new VBox(4, tools, hint);
    }

    private void rebuildTools(List<String> classNames) {
        tools.getChildren().clear();
        toolGroup.getToggles().clear();
        for (int k = 0; k < classNames.size(); k++) {
            tools.getChildren().add(tool(classNames.get(k), k));
        }
        tools.getChildren().addAll(tool("Erase", DatasetViewModel.ERASE), clear);
        int current = Math.min(vm.drawToolProperty().get(), classNames.size() - 1);
        toolGroup.getToggles().stream().filter(t -> (Integer) t.getUserData() == current).findFirst()
                .ifPresent(t -> t.setSelected(true));
    }

    private ToggleButton tool(String name, int k) {
        ToggleButton b = new ToggleButton(name);
        b.setId(k == DatasetViewModel.ERASE ? "tool-erase" : "tool-class-" + k);
        if (k != DatasetViewModel.ERASE) {
            b.setGraphic(new Circle(5, PlaygroundColors.classColor(k)));
        }
        b.setUserData(k);
        b.setToggleGroup(toolGroup);
        return b;
    }

    private FlowPane loadRow() {
        Button csv = new Button("CSV…");
        csv.setOnAction(e -> choose("Open a CSV file", "CSV files", "*.csv").ifPresent(vm::loadCsv));
        Button idx = new Button("IDX…");
        idx.setOnAction(e -> choose("Open the IDX images", "IDX files", "*ubyte*", "*.idx*", "*.gz")
                .ifPresent(images -> choose("Open the IDX labels", "IDX files", "*ubyte*", "*.idx*", "*.gz")
                        .ifPresent(labels -> vm.loadIdx(images, labels))));
        Button images = new Button("Image folder…");
        images.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Choose a folder with one sub-folder per class");
            File folder = chooser.showDialog(window());
            if (folder != null) {
                vm.loadImageFolder(folder.toPath());
            }
        });
        Label load = new Label("Load");
        load.setMinWidth(Region.USE_PREF_SIZE);
        // a narrow panel (large presenter type) wraps the buttons instead of cutting their names
        FlowPane row = new FlowPane(6, 4, load, csv, idx, images);
        row.setAlignment(Pos.CENTER_LEFT);
        for (Button b : new Button[] {csv, idx, images}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        return row;
    }

    private java.util.Optional<java.nio.file.Path> choose(String title, String what, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(what, patterns),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(window());
        return java.util.Optional.ofNullable(file).map(File::toPath);
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private void showPoints() {
        if (tools.getChildren().size() != vm.classNames().size() + 2 || !sameNames()) {
            rebuildTools(vm.classNames());
        }
        plot.setPoints(vm.points(), vm.classNames());
        plot.setExtent(vm.extentProperty().get());
        plot.setDisable(!vm.drawable());
    }

    private boolean sameNames() {
        for (int k = 0; k < vm.classNames().size(); k++) {
            if (!((ToggleButton) tools.getChildren().get(k)).getText().equals(vm.classNames().get(k))) {
                return false;
            }
        }
        return true;
    }

    /** The plot the user draws on. */
    public DecisionBoundaryView plot() {
        return plot;
    }

    @Override
    public Node exportNode() {
        return this;
    }

    @Override
    public String exportName() {
        return "dataset";
    }
}
