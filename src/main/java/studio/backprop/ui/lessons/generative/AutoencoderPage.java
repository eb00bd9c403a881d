package studio.backprop.ui.lessons.generative;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import studio.backprop.nn.ShapeReport;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.Probe;
import studio.backprop.train.TrainerCommand;
import studio.backprop.train.TrainingSnapshot;
import studio.backprop.train.TrainingSnapshot.TensorCopy;
import studio.backprop.ui.app.Page;
import studio.backprop.ui.app.Pages;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.training.TrainingViewModel;

/**
 * The autoencoder lesson: for five digits, the input (with noise from the slider), the code as a diverging heatmap
 * and the reconstruction, live while the session trains; and the decoder run from a code the user edits (one unit
 * at a time, starting from the first digit's code). It reads the open session through two probes.
 */
public final class AutoencoderPage implements Page {

    private CanvasLooks looks;

    private static final String PROBES = "autoencoder-lesson";
    private static final int SHOWN = 5;
    static final List<String> TEMPLATES = List.of("autoencoder-digits.bps", "conv-autoencoder-digits.bps",
            "denoising-autoencoder-digits.bps", "sparse-autoencoder-digits.bps");

    private final Pages.Context context;
    private final TrainingViewModel training;
    private final BorderPane root = new BorderPane();
    private final ReconstructionView reconstructions = new ReconstructionView();
    private final EditedCodeView edited = new EditedCodeView();
    private final Slider noise = new Slider(0, 0.8, 0);
    private final Spinner<Integer> unit = new Spinner<>(1, 1, 1);
    private final Slider value = new Slider(-5, 5, 0);
    private final Label status = new Label();
    private boolean showing;
    private NetworkDocument document;
    private String codeLayer;
    private String outputLayer;
    private Probe.Activations activations;
    private Probe.Decode decode;
    private float[] editedCode;
    private int[] codeShape;


    public AutoencoderPage(Pages.Context context) {
        this.context = context;
        this.training = context.model().training();
        root.getStyleClass().add("autoencoder-lesson");
        noise.setShowTickLabels(true);
        noise.setMajorTickUnit(0.2);
        noise.valueProperty().addListener((o, was, now) -> updateProbes());
        unit.valueProperty().addListener((o, was, now) -> {
            if (editedCode != null) {
                value.setValue(editedCode[now - 1]);
            }
        });
        value.valueProperty().addListener((o, was, now) -> {
            if (editedCode != null) {
                editedCode[unit.getValue() - 1] = now.floatValue();
                updateProbes();
            }
        });
        training.snapshotProperty().addListener((o, was, now) -> {
            if (showing && now != null) {
                follow(now);
            }
        });
        VBox editor = new VBox(6, new Label("Edit the code: unit"), unit, new Label("value"), value, edited, status);
        editor.setPadding(new Insets(8));
        status.setWrapText(true);
        HBox centre = new HBox(reconstructions, editor);
        HBox.setHgrow(reconstructions, Priority.ALWAYS);
        root.setTop(toolbar());
        root.setCenter(centre);
    }

    private ToolBar toolbar() {
        List<Node> items = new ArrayList<>();
        for (String file : TEMPLATES) {
            Button open = new Button(file.replace("-digits.bps", "").replace("autoencoder", "AE").replace('-', ' '));
            open.setOnAction(e -> context.model().open(context.model().samplesFolder().resolve(file),
                    m -> status.setText(m)));
            items.add(open);
        }
        Button play = new Button("Play / Pause");
        play.getStyleClass().add("autoencoder-play");
        play.setOnAction(e -> {
            TrainingSnapshot s = training.snapshotProperty().get();
            boolean running = s != null && s.state() == studio.backprop.train.TrainerState.RUNNING;
            training.send(running ? new TrainerCommand.Pause() : new TrainerCommand.Play());
        });
        items.add(play);
        items.add(new Label("Noise σ on the shown digits:"));
        items.add(noise);
        return new ToolBar(items.toArray(Node[]::new));
    }

    /** Follows the session: a new document chooses the layers to show, and every snapshot redraws. */
    private void follow(TrainingSnapshot snapshot) {
        if (snapshot.document() != document) {
            document = snapshot.document();
            choose(document);
        }
        if (activations == null) {
            return;
        }
        Map<String, TensorCopy> values = snapshot.payload(activations);
        if (values != null && values.get(codeLayer) != null && values.get(outputLayer) != null) {
            TensorCopy code = values.get(codeLayer);
            reconstructions.show(values.get("input").values(), code.values(), values.get(outputLayer).values(),
                    SHOWN);
            if (editedCode == null) {
                int n = code.values().length / SHOWN;
                editedCode = Arrays.copyOf(code.values(), n);
                codeShape = code.shape().clone();
                codeShape[0] = 1;
                ((javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) unit.getValueFactory())
                        .setMax(n);
                value.setValue(editedCode[unit.getValue() - 1]);
                updateProbes();
            }
        }
        TensorCopy decoded = decode == null ? null : snapshot.payload(decode);
        if (decoded != null) {
            edited.show(editedCode, decoded.values());
        }
    }

    /** The code is the narrowest layer before the output; the output must be one digit (784 values). */
    private void choose(NetworkDocument doc) {
        activations = null;
        decode = null;
        editedCode = null;
        codeLayer = null;
        Compilation c = DocumentCompiler.compile(doc);
        if (c.network() == null || c.shapes() == null || !c.shapes().ok()) {
            reconstructions.showNote("The open network cannot run: " + c.whyNotTrainable());
            training.setProbes(PROBES, List.of());
            return;
        }
        List<ShapeReport.NodeShape> nodes = c.shapes().nodes();
        ShapeReport.NodeShape out = nodes.get(nodes.size() - 1);
        if (size(out.outputShape()) != LessonDigits.PIXELS || size(doc.inputShape()) != LessonDigits.PIXELS) {
            reconstructions.showNote("This lesson shows autoencoders of the digits; open one with the buttons above.");
            training.setProbes(PROBES, List.of());
            return;
        }
        outputLayer = out.name();
        long smallest = Long.MAX_VALUE;
        for (ShapeReport.NodeShape n : nodes.subList(0, nodes.size() - 1)) {
            if (size(n.outputShape()) < smallest) {
                smallest = size(n.outputShape());
                codeLayer = n.name();
            }
        }
        updateProbes();
    }

    private void updateProbes() {
        if (document == null || codeLayer == null) {
            return;
        }
        try {
            LessonDigits digits = LessonDigits.first(SHOWN);
            int[] shape = new int[document.inputShape().length + 1];
            shape[0] = SHOWN;
            System.arraycopy(document.inputShape(), 0, shape, 1, shape.length - 1);
            activations = new Probe.Activations(new TensorCopy(shape, digits.noisy(0, SHOWN, noise.getValue(), 7)),
                    Set.of("input", codeLayer, outputLayer), 10);
            List<Probe<?>> probes = new ArrayList<>(List.of(activations));
            if (editedCode != null) {
                decode = new Probe.Decode(codeLayer, new TensorCopy(codeShape, editedCode.clone()), 10);
                probes.add(decode);
            }
            training.setProbes(PROBES, probes);
        } catch (studio.backprop.data.DatasetException e) {
            status.setText(e.getMessage());
        }
    }

    private static long size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Whether digits and an edited code's decoding are drawn (for tests). */
    boolean showsEverything() {
        return reconstructions.rows() > 0 && edited.decoded();
    }

    /** The slider for the edited unit's value. */
    Slider valueSlider() {
        return value;
    }

    @Override
    public String title() {
        return "Autoencoder";
    }

    @Override
    public Node content() {
        return root;
    }

    @Override
    public List<Exportable> exportables() {
        return List.of(reconstructions, edited);
    }

    @Override
    public void setShowing(boolean on) {
        showing = on;
        if (on) {
            document = null;
            if (training.snapshotProperty().get() != null) {
                follow(training.snapshotProperty().get());
            }
        } else {
            training.setProbes(PROBES, List.of());
        }
    }

    @Override
    public void setDarkColours(boolean on) {
        looks().setDark(on);
    }

    @Override
    public void setPresenterMode(boolean on) {
        looks().setPresenter(on);
    }

    /** The drawings' look, made once the drawings exist. */
    private CanvasLooks looks() {
        if (looks == null) {
            looks = new CanvasLooks(reconstructions, edited);
        }
        return looks;
    }
}
