package studio.backprop.ui.lessons.generative;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import studio.backprop.nn.ShapeReport;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.Probe;
import studio.backprop.train.TrainerCommand;
import studio.backprop.train.TrainerState;
import studio.backprop.train.TrainingSnapshot;
import studio.backprop.train.TrainingSnapshot.TensorCopy;
import studio.backprop.ui.app.Page;
import studio.backprop.ui.app.Pages;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.training.TrainingViewModel;

/**
 * The VAE lesson: the latent plane as a grid of decoded digits, and the codes μ of 600 labelled digits coloured
 * by class (projected by PCA when the latent space has more than two dimensions). It follows the open session
 * when the network has a Sampling layer, through an activations probe and a decode probe.
 */
public final class VaePage implements Page {

    private CanvasLooks looks;

    private static final String PROBES = "vae-lesson";
    private static final int DIGITS = 600;
    private static final int SIDE = 12;
    private static final double EXTENT = 2.5;

    private final Pages.Context context;
    private final TrainingViewModel training;
    private final BorderPane root = new BorderPane();
    private final LatentGridView grid = new LatentGridView();
    private final LatentScatterView scatter = new LatentScatterView();
    private final Label status = new Label("Open the VAE template and press Play.");
    private boolean showing;
    private NetworkDocument document;
    private Probe.Activations codes;
    private Probe.Decode decode;
    private String meanLayer;
    private int latent;


    public VaePage(Pages.Context context) {
        this.context = context;
        this.training = context.model().training();
        root.getStyleClass().add("vae-lesson");
        Button open = new Button("Open the VAE template");
        open.setOnAction(e -> context.model().open(context.model().samplesFolder().resolve("vae-digits.bps"),
                status::setText));
        Button play = new Button("Play / Pause");
        play.setOnAction(e -> {
            TrainingSnapshot s = training.snapshotProperty().get();
            boolean running = s != null && s.state() == TrainerState.RUNNING;
            training.send(running ? new TrainerCommand.Pause() : new TrainerCommand.Play());
        });
        root.setTop(new ToolBar(open, play, status));
        HBox centre = new HBox(8, grid, scatter);
        HBox.setHgrow(grid, Priority.ALWAYS);
        HBox.setHgrow(scatter, Priority.ALWAYS);
        root.setCenter(centre);
        training.snapshotProperty().addListener((o, was, now) -> {
            if (showing && now != null) {
                follow(now);
            }
        });
    }

    private void follow(TrainingSnapshot snapshot) {
        if (snapshot.document() != document) {
            document = snapshot.document();
            choose(document);
        }
        if (codes == null) {
            return;
        }
        TensorCopy decoded = snapshot.payload(decode);
        if (decoded != null) {
            grid.show(decoded.values(), SIDE, EXTENT);
        }
        Map<String, TensorCopy> values = snapshot.payload(codes);
        if (values != null && values.get(meanLayer) != null) {
            try {
                LessonDigits digits = LessonDigits.first(DIGITS);
                float[] xy = Pca.project(values.get(meanLayer).values(), DIGITS, latent);
                scatter.show(xy, digits.labels, latent > 2 ? "μ of " + DIGITS + " digits, first two principal "
                        + "components of " + latent : "μ of " + DIGITS + " digits (the encoder's mean)");
            } catch (studio.backprop.data.DatasetException e) {
                status.setText(e.getMessage());
            }
        }
    }

    /** Needs a Sampling layer (its first input is μ) and a 784-value output. */
    private void choose(NetworkDocument doc) {
        codes = null;
        decode = null;
        training.setProbes(PROBES, List.of());
        var sampling = doc.layers().stream().filter(l -> l.type().equals("Sampling")).findFirst().orElse(null);
        Compilation c = DocumentCompiler.compile(doc);
        if (sampling == null || c.shapes() == null || !c.shapes().ok() || sampling.inputs().isEmpty()) {
            status.setText("This lesson follows a VAE (a network with a Sampling layer); open the template.");
            return;
        }
        List<ShapeReport.NodeShape> nodes = c.shapes().nodes();
        int[] out = nodes.get(nodes.size() - 1).outputShape();
        int[] z = c.shapes().node(sampling.name()).outputShape();
        if (out.length != 1 || out[0] != LessonDigits.PIXELS || z.length != 1) {
            status.setText("This lesson follows a VAE of the digits (784 inputs and outputs).");
            return;
        }
        meanLayer = sampling.inputs().get(0);
        latent = z[0];
        status.setText("");
        try {
            LessonDigits digits = LessonDigits.first(DIGITS);
            codes = new Probe.Activations(new TensorCopy(new int[] {DIGITS, LessonDigits.PIXELS},
                    digits.noisy(0, DIGITS, 0, 0)), Set.of(meanLayer), 4);
            float[] plane = LatentGridView.codes(SIDE, EXTENT);
            float[] grid = new float[SIDE * SIDE * latent];
            for (int i = 0; i < SIDE * SIDE; i++) {
                grid[i * latent] = plane[2 * i];
                if (latent > 1) {
                    grid[i * latent + 1] = plane[2 * i + 1];
                }
            }
            decode = new Probe.Decode(sampling.name(), new TensorCopy(new int[] {SIDE * SIDE, latent}, grid), 4);
            List<Probe<?>> probes = new ArrayList<>(List.of(codes, decode));
            training.setProbes(PROBES, probes);
        } catch (studio.backprop.data.DatasetException e) {
            status.setText(e.getMessage());
        }
    }

    /** Whether the grid and the codes are drawn (for tests). */
    boolean showsEverything() {
        return grid.drawn() && scatter.points() > 0;
    }

    @Override
    public String title() {
        return "VAE";
    }

    @Override
    public Node content() {
        return root;
    }

    @Override
    public List<Exportable> exportables() {
        return List.of(grid, scatter);
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
            looks = new CanvasLooks(grid, scatter);
        }
        return looks;
    }
}
