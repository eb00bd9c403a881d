package studio.backprop.ui.cnn;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import studio.backprop.train.InputAttribution;
import studio.backprop.train.Probe;
import studio.backprop.train.TrainingSnapshot;
import studio.backprop.train.TrainingSnapshot.TensorCopy;
import studio.backprop.ui.training.TrainingViewModel;

/**
 * What the "Why this class" panel shows, without any Node: for the input the CNN page has chosen (a sample or the
 * drawn digit; taken from the maps' payload, whose {@code input} entry is that input), the trainer's
 * {@link InputAttribution} (saliency, Grad-CAM, FGSM with the chosen ε). Asks only while the page is shown.
 *
 * <p>Thread: the JavaFX application thread.
 */
public final class WhyViewModel {

    static final String PROBES = "cnn-why";
    /** The attribution runs a forward and two backward passes: twice a second is enough while training. */
    static final double PER_SECOND = 2;

    private final TrainingViewModel training;
    private final CnnViewModel maps;
    private final DoubleProperty epsilon = new SimpleDoubleProperty(0.1);
    private final BooleanProperty showing = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<InputAttribution> attribution = new ReadOnlyObjectWrapper<>();
    private Probe.Attribution probe;
    private TensorCopy input;

    public WhyViewModel(TrainingViewModel training, CnnViewModel maps) {
        this.training = training;
        this.maps = maps;
        maps.outputsProperty().addListener((o, a, out) -> follow(out));
        epsilon.addListener((o, a, b) -> register());
        showing.addListener((o, a, b) -> register());
        maps.notApplicableProperty().addListener((o, a, b) -> register());
        training.snapshotProperty().addListener((o, a, s) -> take(s));
    }

    private void follow(Map<String, TensorCopy> out) {
        TensorCopy in = out == null ? null : out.get("input");
        if (in == null || input != null && Arrays.equals(in.values(), input.values())) {
            return;
        }
        input = in;
        register();
    }

    private void register() {
        if (!showing.get() || input == null || !maps.notApplicableProperty().get().isEmpty()) {
            probe = null;
            training.setProbes(PROBES, List.of());
            return;
        }
        probe = new Probe.Attribution(input, epsilon.get(), PER_SECOND);
        training.setProbes(PROBES, List.of(probe));
        take(training.snapshotProperty().get());
    }

    private void take(TrainingSnapshot s) {
        if (s == null || probe == null) {
            return;
        }
        InputAttribution a = s.payload(probe);
        if (a != null && a != attribution.get()) {
            attribution.set(a);
        }
    }

    /** The FGSM step ε. */
    public DoubleProperty epsilonProperty() {
        return epsilon;
    }

    public BooleanProperty showingProperty() {
        return showing;
    }

    /** The latest attribution (null until the trainer answered). */
    public ReadOnlyObjectProperty<InputAttribution> attributionProperty() {
        return attribution.getReadOnlyProperty();
    }

    /** The input's shape without the batch axis (H, W, C), or null. */
    public int[] inputShape() {
        return input == null ? null : Arrays.copyOfRange(input.shape(), 1, input.shape().length);
    }

    public List<String> classNames() {
        return maps.classNames();
    }
}
