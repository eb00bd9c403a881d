package studio.backprop.ui.cnn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import studio.backprop.train.Probe;
import studio.backprop.train.TrainingSnapshot;
import studio.backprop.train.TrainingSnapshot.TensorCopy;
import studio.backprop.ui.training.TrainingViewModel;

/**
 * What the kernels-and-weights panel shows, without any Node: the latest parameters (every one, twice a second while
 * training runs), their gradients and per-parameter norms, gathered over time into a {@link WeightHistory}. Asks the
 * trainer for them only while the CNN page is shown.
 *
 * <p>Thread: the JavaFX application thread.
 */
public final class WeightsViewModel {

    static final String PROBES = "cnn-weights";

    private final TrainingViewModel training;
    private final Probe.Parameters parameters = new Probe.Parameters(Set.of(), 2);
    private final Probe.Gradients gradients = new Probe.Gradients(Set.of(), 2);
    private final Probe.Norms norms = new Probe.Norms(10);
    private final WeightHistory history = new WeightHistory();
    private final BooleanProperty showing = new SimpleBooleanProperty();
    private final BooleanProperty summedOverChannels = new SimpleBooleanProperty();
    private final ObjectProperty<String> matrix = new SimpleObjectProperty<>();
    private final LongProperty changes = new SimpleLongProperty();
    private Map<String, TensorCopy> latest = Map.of();
    private Object seenParameters;
    private Object seenGradients;
    private Object seenNorms;
    private long session = -1;
    private int[] stillInput;

    /** A still (for the command line): these parameters, of a network with this input shape. */
    public WeightsViewModel(Map<String, TensorCopy> parameters, int[] inputShape) {
        this.training = null;
        this.latest = parameters;
        this.stillInput = inputShape.clone();
    }

    public WeightsViewModel(TrainingViewModel training) {
        this.training = training;
        showing.addListener((o, a, on) -> training.setProbes(PROBES, on ? List.of(parameters, gradients, norms)
                : List.of()));
        training.snapshotProperty().addListener((o, a, s) -> take(s));
    }

    private void take(TrainingSnapshot s) {
        if (s == null) {
            return;
        }
        if (s.session() != session) {
            session = s.session();
            history.clear();
            latest = Map.of();
            seenParameters = null;
            seenGradients = null;
            seenNorms = null;
        }
        boolean changed = false;
        Map<String, TensorCopy> p = s.payload(parameters);
        if (p != null && p != seenParameters) {
            seenParameters = p;
            latest = p;
            history.addWeights(s.step(), values(p));
            changed = true;
        }
        Map<String, TensorCopy> g = s.payload(gradients);
        if (g != null && g != seenGradients && s.step() > 0) {
            seenGradients = g;
            history.addGradients(s.step(), values(g));
            changed = true;
        }
        Map<String, Probe.ParameterNorms> n = s.payload(norms);
        if (n != null && n != seenNorms) {
            seenNorms = n;
            n.forEach((name, v) -> history.addRatio(s.step(), name, v.update(), v.weight()));
            changed = true;
        }
        if (changed) {
            changes.set(changes.get() + 1);
        }
    }

    private static Map<String, float[]> values(Map<String, TensorCopy> copies) {
        Map<String, float[]> out = new LinkedHashMap<>();
        copies.forEach((k, v) -> out.put(k, v.values()));
        return out;
    }

    /** The session network's input shape (empty without a session). */
    public int[] inputShape() {
        if (training == null) {
            return stillInput.clone();
        }
        var doc = training.sessionDocumentProperty().get();
        return doc == null ? new int[0] : doc.inputShape();
    }

    /** The latest copy of every parameter, by name ({@code c1/kernel}). */
    public Map<String, TensorCopy> parameters() {
        return latest;
    }

    public WeightHistory history() {
        return history;
    }

    /** Counts the payloads taken: views redraw when it changes. */
    public LongProperty changesProperty() {
        return changes;
    }

    public BooleanProperty showingProperty() {
        return showing;
    }

    /** Conv kernels summed over their input channels (one image per filter) instead of one per channel. */
    public BooleanProperty summedOverChannelsProperty() {
        return summedOverChannels;
    }

    /** The parameter drawn as a matrix heatmap (null: the first dense kernel). */
    public ObjectProperty<String> matrixProperty() {
        return matrix;
    }
}
