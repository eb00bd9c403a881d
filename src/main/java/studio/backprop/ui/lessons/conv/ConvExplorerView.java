package studio.backprop.ui.lessons.conv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import studio.backprop.data.DatasetException;
import studio.backprop.data.GreyImage;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.lessons.conv.ConvSettings.PaddingMode;

/**
 * The convolution explorer: an input typed as a matrix or loaded from a picture, a kernel from presets or typed,
 * the operation and its geometry on the left; on the right the sliding window over the input, the output filling
 * up, the arithmetic at the window, the output-size formula with the numbers and what a stride that does not fit
 * leaves out. Every number comes from the engine through {@link ConvComputation}.
 */
public final class ConvExplorerView extends BorderPane implements Exportable {

    /** The largest input the explorer takes, a side. */
    static final int MAX_INPUT = 32;

    private final ConvExplorerViewModel model;
    private final ExplorerCanvas canvas = new ExplorerCanvas();
    private final Label arithmetic = new Label();
    private final Label formula = new Label();
    private final Label sizes = new Label();
    private final Label fit = new Label();
    private final Label message = new Label();
    private final TextArea inputText = new TextArea();
    private final TextArea kernelText = new TextArea();
    private final ComboBox<ConvOperation> operation = new ComboBox<>();
    private final ComboBox<KernelPresets.Preset> preset = new ComboBox<>();
    private final CheckBox normalise = new CheckBox("normalise");
    private final ComboBox<PaddingMode> padding = new ComboBox<>();
    private final Spinner<Integer>[] pads = spinners(4, 0, 16, 0);
    private final Spinner<Integer> strideDown = spinner(1, 16, 1);
    private final Spinner<Integer> strideAcross = spinner(1, 16, 1);
    private final Spinner<Integer> dilation = spinner(1, 8, 1);
    private final Spinner<Integer> poolH = spinner(1, 16, 2);
    private final Spinner<Integer> poolW = spinner(1, 16, 2);
    private final Spinner<Integer> factor = spinner(1, 8, 2);
    private final Button animate = new Button("Animate");
    private final Timeline timeline;
    private final VBox picture;

    public ConvExplorerView(ConvExplorerViewModel model) {
        this.model = model;
        getStyleClass().add("conv-explorer");
        timeline = new Timeline(new KeyFrame(Duration.millis(700), e -> {
            if (model.step()) {
                stopAnimation();
            }
        }));
        timeline.setCycleCount(Timeline.INDEFINITE);
        for (Label l : new Label[] {arithmetic, formula, sizes, fit, message}) {
            l.setWrapText(true);
        }
        arithmetic.setStyle("-fx-font-size: 15px; -fx-font-family: monospace;");
        fit.setStyle("-fx-text-fill: #b35900;");
        message.setStyle("-fx-text-fill: #c00000; -fx-font-weight: bold;");
        picture = new VBox(8, canvas, arithmetic, formula, sizes, fit);
        picture.setPadding(new Insets(10));
        picture.setStyle("-fx-background-color: white;");
        VBox.setVgrow(canvas, Priority.ALWAYS);
        VBox centre = new VBox(6, message, picture);
        VBox.setVgrow(picture, Priority.ALWAYS);
        setCenter(centre);
        ScrollPane side = new ScrollPane(controls());
        side.setFitToWidth(true);
        side.setPrefWidth(330);
        setLeft(side);
        model.resultProperty().addListener((o, was, now) -> refresh());
        model.positionProperty().addListener((o, was, now) -> refresh());
        model.messageProperty().addListener((o, was, now) -> message.setText(now));
        refresh();
    }

    private Node controls() {
        operation.getItems().setAll(ConvOperation.values());
        operation.setValue(model.settings().operation());
        operation.setOnAction(e -> model.update(s -> s.withOperation(operation.getValue())));
        operation.setId("conv-operation");
        inputText.setText(MatrixText.format(model.settings().input()));
        inputText.setPrefRowCount(6);
        inputText.textProperty().addListener((o, was, now) -> typedInput(now));
        Button load = new Button("Load picture…");
        load.setOnAction(e -> choosePicture());
        preset.getItems().setAll(KernelPresets.ALL);
        preset.setValue(KernelPresets.ALL.get(0));
        preset.setId("conv-preset");
        preset.setPrefWidth(185);
        preset.setOnAction(e -> applyPreset());
        normalise.setOnAction(e -> applyPreset());
        kernelText.setText(MatrixText.format(model.settings().kernel()));
        kernelText.setPrefRowCount(4);
        kernelText.textProperty().addListener((o, was, now) -> typedKernel(now));
        padding.getItems().setAll(PaddingMode.values());
        padding.setValue(PaddingMode.VALID);
        padding.setOnAction(e -> geometryChanged());
        for (Spinner<Integer> sp : pads) {
            sp.valueProperty().addListener((o, was, now) -> geometryChanged());
        }
        for (Spinner<Integer> sp : java.util.List.of(strideDown, strideAcross, dilation, poolH, poolW, factor)) {
            sp.valueProperty().addListener((o, was, now) -> geometryChanged());
        }
        strideDown.setId("conv-stride-down");
        strideAcross.setId("conv-stride-across");
        GridPane geometry = new GridPane();
        geometry.setHgap(6);
        geometry.setVgap(4);
        geometry.addRow(0, new Label("padding"), padding);
        geometry.addRow(1, new Label("top, bottom"), new HBox(4, pads[0], pads[1]));
        geometry.addRow(2, new Label("left, right"), new HBox(4, pads[2], pads[3]));
        geometry.addRow(3, new Label("stride ↓, →"), new HBox(4, strideDown, strideAcross));
        geometry.addRow(4, new Label("dilation"), dilation);
        geometry.addRow(5, new Label("pool h × w"), new HBox(4, poolH, poolW));
        geometry.addRow(6, new Label("upsampling"), factor);
        Button back = new Button("◀ Step");
        back.setOnAction(e -> model.stepBack());
        Button step = new Button("Step ▶");
        step.setId("conv-step");
        step.setOnAction(e -> model.step());
        animate.setOnAction(e -> toggleAnimation());
        Button all = new Button("All");
        all.setOnAction(e -> model.finish());
        Button save = new Button("Save as network file…");
        save.setOnAction(e -> chooseSave());
        VBox box = new VBox(6, new Label("Operation"), operation, new Label("Input (rows on lines)"), inputText, load,
                new Label("Kernel"), new HBox(6, preset, normalise), kernelText, geometry,
                new HBox(4, back, step, animate, all), save);
        box.setPadding(new Insets(10));
        return box;
    }

    private void typedInput(String text) {
        try {
            float[][] m = MatrixText.parse(text, "input", MAX_INPUT);
            model.update(s -> s.withInput(m));
        } catch (IllegalArgumentException e) {
            model.messageProperty().set(e.getMessage());
        }
    }

    private void typedKernel(String text) {
        try {
            float[][] m = MatrixText.parse(text, "kernel", 16);
            model.update(s -> s.withKernel(m));
        } catch (IllegalArgumentException e) {
            model.messageProperty().set(e.getMessage());
        }
    }

    private void applyPreset() {
        float[][] k = preset.getValue().kernel();
        kernelText.setText(MatrixText.format(normalise.isSelected() ? KernelPresets.normalised(k) : k));
    }

    private void geometryChanged() {
        int[] p = {pads[0].getValue(), pads[1].getValue(), pads[2].getValue(), pads[3].getValue()};
        for (Spinner<Integer> sp : pads) {
            sp.setDisable(padding.getValue() != PaddingMode.EXPLICIT);
        }
        model.update(s -> s.withPadding(padding.getValue(), p).withStride(strideDown.getValue(),
                strideAcross.getValue()).withDilation(dilation.getValue()).withPool(poolH.getValue(),
                poolW.getValue()).withFactor(factor.getValue()));
    }

    /** Loads a picture (PNG, PGM, PPM) as the input, grey-scaled; a wrong size or format is a message. */
    public void loadPicture(byte[] bytes, String name) {
        try {
            GreyImage image = GreyImage.decode(bytes, name, MAX_INPUT);
            inputText.setText(MatrixText.format(rounded(image.rows())));
            if (image.wasColour()) {
                model.messageProperty().set(name + " is in colour; the explorer shows it grey (0.299 R + 0.587 G + "
                        + "0.114 B).");
            }
        } catch (DatasetException e) {
            model.messageProperty().set(e.getMessage());
        }
    }

    private static float[][] rounded(float[][] m) {
        float[][] out = new float[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = new float[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                out[i][j] = Math.round(m[i][j] * 100f) / 100f;
            }
        }
        return out;
    }

    private void choosePicture() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Load a small picture as the input");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Pictures", "*.png", "*.pgm", "*.ppm"));
        java.io.File file = chooser.showOpenDialog(window());
        if (file != null) {
            try {
                loadPicture(Files.readAllBytes(file.toPath()), file.getName());
            } catch (IOException e) {
                model.messageProperty().set(file.getName() + " cannot be read: " + e.getMessage());
            }
        }
    }

    private void chooseSave() {
        String text;
        try {
            text = ExplorerNetworkFile.write(model.result());
        } catch (IllegalArgumentException e) {
            model.messageProperty().set(e.getMessage());
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the example as a network file");
        chooser.setInitialFileName("conv-example.bps");
        java.io.File file = chooser.showSaveDialog(window());
        if (file != null) {
            save(text, file.toPath());
        }
    }

    /** Writes the current example as a network file; a failure is a message. */
    public void save(String text, Path file) {
        try {
            Files.writeString(file, text);
            model.messageProperty().set("Saved " + file.getFileName() + ": run 'trace " + file.getFileName()
                    + "' to see every number.");
        } catch (IOException e) {
            model.messageProperty().set(file.getFileName() + " cannot be written: " + e.getMessage());
        }
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private void toggleAnimation() {
        if (timeline.getStatus() == Timeline.Status.RUNNING) {
            stopAnimation();
        } else {
            timeline.play();
            animate.setText("Pause");
        }
    }

    /** Stops the window's animation (when it reaches the end, or the page is left). */
    public void stopAnimation() {
        timeline.stop();
        animate.setText("Animate");
    }

    private void refresh() {
        ConvResult r = model.result();
        if (r == null) {
            return;
        }
        canvas.show(r, model.positionProperty().get());
        arithmetic.setText(model.arithmetic());
        formula.setText(r.settings().operation().label() + ": " + r.settings().operation().formula());
        sizes.setText("Output size\n" + String.join("\n", r.sizeLines()));
        fit.setText(r.fitNote());
    }

    @SuppressWarnings("unchecked")
    private static Spinner<Integer>[] spinners(int count, int min, int max, int value) {
        Spinner<Integer>[] out = new Spinner[count];
        for (int i = 0; i < count; i++) {
            out[i] = spinner(min, max, value);
            out[i].setDisable(true);
        }
        return out;
    }

    private static Spinner<Integer> spinner(int min, int max, int value) {
        Spinner<Integer> s = new Spinner<>(min, max, value);
        s.setPrefWidth(70);
        s.setEditable(true);
        return s;
    }

    ConvExplorerViewModel model() {
        return model;
    }

    @Override
    public Node exportNode() {
        return picture;
    }

    @Override
    public String exportName() {
        return "convolution-explorer";
    }
}
