package studio.backprop.ui.cnn;

import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import studio.backprop.nn.loss.OutputKind;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.Probe;
import studio.backprop.train.TrainingData;
import studio.backprop.train.TrainingSnapshot;
import studio.backprop.train.TrainingSnapshot.TensorCopy;
import studio.backprop.ui.training.TrainingViewModel;

/**
 * What the CNN page shows, without any Node: the chosen input (a training sample or the drawn digit), the colour
 * scale, and every layer's output for that one input, asked of the trainer with one probe that copies only that
 * input's maps. While the page is hidden it asks for nothing.
 *
 * <p>Thread: the JavaFX application thread.
 */
public final class CnnViewModel {

    /** Where the chosen input comes from. */
    public enum Source { SAMPLE, DRAWING }

    static final String PROBES = "cnn-page";
    /** How often the maps are refreshed while training runs; one input's forward pass is cheap. */
    static final double MAPS_PER_SECOND = 5;

    private final TrainingViewModel training;
    private final IntegerProperty sample = new SimpleIntegerProperty(0);
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(Source.SAMPLE);
    private final ObjectProperty<ColourScale> colourScale = new SimpleObjectProperty<>(ColourScale.PER_LAYER);
    private final BooleanProperty showing = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<Map<String, TensorCopy>> outputs = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Compilation> compilation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper notApplicable = new ReadOnlyStringWrapper("");
    private final DigitDrawing drawing = new DigitDrawing();
    private final ReadOnlyObjectWrapper<float[]> drawnInput = new ReadOnlyObjectWrapper<>();
    private Probe<Map<String, TensorCopy>> probe;
    private TrainingData stillData;

    /**
     * A still (for the command line): the outputs of one input, fixed, with the compilation and data they belong to;
     * nothing is asked of a trainer.
     */
    public CnnViewModel(Compilation compiled, TrainingData data, Map<String, TensorCopy> outputsOfOneInput) {
        this.training = null;
        this.stillData = data;
        compilation.set(compiled);
        notApplicable.set(whyNot(compiled));
        outputs.set(outputsOfOneInput);
    }

    public CnnViewModel(TrainingViewModel training) {
        this.training = training;
        training.sessionDocumentProperty().addListener((o, a, doc) -> follow(doc));
        training.snapshotProperty().addListener((o, a, s) -> take(s));
        sample.addListener((o, a, b) -> register());
        source.addListener((o, a, b) -> register());
        showing.addListener((o, a, b) -> register());
        follow(training.sessionDocumentProperty().get());
    }

    private void follow(NetworkDocument doc) {
        Compilation c = doc == null ? null : DocumentCompiler.compile(doc);
        compilation.set(c);
        notApplicable.set(whyNot(c));
        outputs.set(null);
        TrainingData data = training.sessionData();
        if (data != null && sample.get() >= data.trainSize()) {
            sample.set(0);
        }
        register();
    }

    /** Why the page's panels do not apply to the open network, in words; empty when they do. */
    static String whyNot(Compilation c) {
        if (c == null) {
            return "No training session is open: open a network whose input is an image (File ▸ Open, e.g. "
                    + "samples/lenet5-digits.bps).";
        }
        if (c.network() == null) {
            return "The network has problems that stop it from running; the Network page lists them.";
        }
        int[] in = c.network().inputShape();
        if (in.length != 3) {
            return "This network's input is " + (in.length == 1 ? "a vector of " + in[0] + " numbers"
                    : "of shape " + java.util.Arrays.toString(in)) + ", not an image (height × width × channels): feature maps and the drawn digit are for "
                    + "networks that read images. The Kernels and weights tab shows this network's weights; open "
                    + "samples/lenet5-digits.bps to see feature maps.";
        }
        return "";
    }

    /** True when the network's input is a 28 × 28 × 1 image, so a drawn digit can be fed to it. */
    public boolean takesDrawnDigits() {
        Compilation c = compilation.get();
        if (c == null || c.network() == null) {
            return false;
        }
        int[] in = c.network().inputShape();
        return in.length == 3 && in[0] == DigitPreprocessing.FIELD && in[1] == DigitPreprocessing.FIELD && in[2] == 1;
    }

    private void register() {
        if (training == null) {
            return;
        }
        if (!showing.get() || !notApplicable.get().isEmpty()) {
            probe = null;
            training.setProbes(PROBES, List.of());
            return;
        }
        float[] drawn = drawnInput.get();
        if (source.get() == Source.DRAWING && drawn != null && takesDrawnDigits()) {
            probe = new Probe.Activations(new TensorCopy(new int[] {1, 28, 28, 1}, drawn), Set.of(),
                    MAPS_PER_SECOND);
        } else {
            probe = new Probe.SampleActivations(List.of(sample.get()), Set.of(), MAPS_PER_SECOND);
        }
        training.setProbes(PROBES, List.of(probe));
        take(training.snapshotProperty().get());
    }

    private void take(TrainingSnapshot s) {
        if (s == null || probe == null) {
            return;
        }
        Map<String, TensorCopy> payload = s.payload(probe);
        if (payload != null && payload != outputs.get()) {
            outputs.set(payload);
        }
    }

    /** The drawing changed: its preprocessed input becomes the chosen input (or, emptied, the sample again). */
    public void drawingChanged() {
        float[] in = drawing.input();
        drawnInput.set(in);
        if (in != null) {
            source.set(Source.DRAWING);
        } else {
            source.set(Source.SAMPLE);
        }
        register();
    }

    /** Chooses training sample {@code index} (from 0) as the input. */
    public void chooseSample(int index) {
        sample.set(index);
        source.set(Source.SAMPLE);
        register();
    }

    /** The probabilities of the classes for the chosen input (softmax of logits), or null before any payload. */
    public float[] probabilities() {
        Map<String, TensorCopy> out = outputs.get();
        Compilation c = compilation.get();
        if (out == null || out.isEmpty() || c == null) {
            return null;
        }
        float[] last = null;
        for (TensorCopy t : out.values()) {
            last = t.values();
        }
        return c.outputKind() == OutputKind.LOGIT ? softmax(last) : last.clone();
    }

    static float[] softmax(float[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] e = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            e[i] = Math.exp(z[i] - max);
            sum += e[i];
        }
        float[] p = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = (float) (e[i] / sum);
        }
        return p;
    }

    /** The class names of the session's data (empty for regression or no session). */
    public List<String> classNames() {
        TrainingData d = data();
        return d == null ? List.of() : d.classNames();
    }

    /** The session's training inputs (immutable; null without a session), for thumbnails. */
    public TrainingData data() {
        return training == null ? stillData : training.sessionData();
    }

    public DigitDrawing drawing() {
        return drawing;
    }

    public ReadOnlyObjectProperty<float[]> drawnInputProperty() {
        return drawnInput.getReadOnlyProperty();
    }

    public IntegerProperty sampleProperty() {
        return sample;
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    public ObjectProperty<ColourScale> colourScaleProperty() {
        return colourScale;
    }

    /** Whether the page is shown; only then does it ask the trainer for anything. */
    public BooleanProperty showingProperty() {
        return showing;
    }

    /** Every layer's output for the chosen input (null until the trainer answered). */
    public ReadOnlyObjectProperty<Map<String, TensorCopy>> outputsProperty() {
        return outputs.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Compilation> compilationProperty() {
        return compilation.getReadOnlyProperty();
    }

    /** Why the page does not apply to the open network; empty when it does. */
    public ReadOnlyStringProperty notApplicableProperty() {
        return notApplicable.getReadOnlyProperty();
    }
}
