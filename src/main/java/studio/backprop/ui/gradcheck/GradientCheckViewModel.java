package studio.backprop.ui.gradcheck;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.GradientCheckReport;
import studio.backprop.train.GradientCheckReport.Verdict;
import studio.backprop.train.Probe;
import studio.backprop.train.TrainingSnapshot;
import studio.backprop.ui.training.TrainingViewModel;

/**
 * What the gradient check page shows, without any Node: the settings of the check (samples, h, how many elements per
 * parameter, the planted bug) and the latest {@link GradientCheckReport} of the session's network, which the trainer
 * computes through a {@link Probe.GradientCheck} while the page is shown, again after every step or edit.
 *
 * <p>Thread: the JavaFX application thread.
 */
public final class GradientCheckViewModel {

    /** The owner key of the page's probe. */
    static final String PROBES = "gradient-check";

    private final TrainingViewModel training;
    private final IntegerProperty samples = new SimpleIntegerProperty(4);
    private final DoubleProperty step = new SimpleDoubleProperty(1e-2);
    private final IntegerProperty perParameter = new SimpleIntegerProperty(40);
    private final BooleanProperty plantedBug = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<GradientCheckReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private Probe.GradientCheck probe;
    private long requests;
    private boolean active;

    public GradientCheckViewModel(TrainingViewModel training) {
        this.training = training;
        training.snapshotProperty().addListener((o, a, s) -> follow(s));
        samples.addListener((o, a, b) -> recheck());
        step.addListener((o, a, b) -> recheck());
        perParameter.addListener((o, a, b) -> recheck());
        plantedBug.addListener((o, a, b) -> recheck());
    }

    /** The check runs (and reruns after every step) only while the page is shown. */
    public void setActive(boolean on) {
        if (on != active) {
            active = on;
            if (on) {
                recheck();
            } else {
                probe = null;
                training.setProbes(PROBES, List.of());
            }
        }
    }

    /** Asks the trainer for a fresh check with the current settings. */
    public void recheck() {
        if (!active) {
            return;
        }
        probe = new Probe.GradientCheck(Math.max(1, samples.get()), step.get(), Math.max(1, perParameter.get()),
                plantedBug.get(), ++requests);
        training.setProbes(PROBES, List.of(probe));
    }

    private void follow(TrainingSnapshot s) {
        if (s == null || probe == null) {
            return;
        }
        NetworkDocument doc = s.document();
        if (doc != null && doc.optimizer().type().trim().equalsIgnoreCase("perceptron")) {
            report.set(null);
            summary.set("A perceptron learns by its update rule, not by a gradient, so there is no gradient to "
                    + "check. Open a network trained by gradient descent (the 2-2-2 exercise, XOR 2-2-1, LeNet-5).");
            return;
        }
        GradientCheckReport r = s.payload(probe);
        if (r == null) {
            if (s.message() != null && !s.message().isBlank()) {
                summary.set(s.message());
            }
            return;
        }
        if (r != report.get()) {
            report.set(r);
            summary.set(describe(r));
        }
    }

    /** "17 derivatives checked: 17 agree, …" and what to read into it. */
    static String describe(GradientCheckReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.rows().size()).append(r.rows().size() == 1 ? " derivative" : " derivatives").append(" checked: ")
                .append(r.count(Verdict.AGREES)).append(" agree, ")
                .append(r.count(Verdict.KINK)).append(" at a kink, ")
                .append(r.count(Verdict.DOUBTFUL)).append(" doubtful, ")
                .append(r.count(Verdict.WRONG)).append(" wrong. ");
        switch (r.overall()) {
            case AGREES -> sb.append("Backpropagation agrees with the finite differences.");
            case KINK -> sb.append("Where the loss has a kink (ReLU at 0, a tie in max pooling) a finite difference "
                    + "cannot judge; everything else agrees.");
            case DOUBTFUL -> sb.append("Some derivatives differ by 1 to 10 %: try another h.");
            case WRONG -> sb.append(r.sabotaged()
                    ? "As planted: the loss's backward rule forgets the ½, so every gradient is twice too large."
                    : "Backpropagation and the finite differences disagree: a backward rule is wrong.");
        }
        sb.append(' ').append(r.note());
        return sb.toString();
    }

    public IntegerProperty samplesProperty() {
        return samples;
    }

    public DoubleProperty stepProperty() {
        return step;
    }

    public IntegerProperty perParameterProperty() {
        return perParameter;
    }

    public BooleanProperty plantedBugProperty() {
        return plantedBug;
    }

    public ReadOnlyObjectProperty<GradientCheckReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
