package studio.backprop.ui.stepper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import studio.backprop.train.Probe;
import studio.backprop.train.StepRecord;
import studio.backprop.train.TrainerCommand;
import studio.backprop.train.TrainingSnapshot;
import studio.backprop.ui.stepper.StepStage.Phase;
import studio.backprop.ui.training.TrainingViewModel;

/**
 * What the stepper shows, without any Node: the step record of the session's last step (through a {@link Probe.Steps}
 * registered while the stepper is shown), its stages, and a cursor that walks them. Walking past the last stage takes
 * the next step on one sample; walking back past the first undoes the step exactly (the trainer keeps the steps a
 * stepper sees), so the numbers on the screen are always the engine's.
 *
 * <p>Thread: the JavaFX application thread.
 */
public final class StepperViewModel {

    /** The owner key of the stepper's probes. */
    static final String PROBES = "stepper";

    private final TrainingViewModel training;
    private final Probe.Steps steps = new Probe.Steps();
    private final ReadOnlyObjectWrapper<List<StepStage>> stages = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyIntegerWrapper cursor = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<StepRecord> record = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final IntegerProperty digits = new SimpleIntegerProperty(6);
    private final ReadOnlyStringWrapper header = new ReadOnlyStringWrapper("");
    /** The first unit of the block written out, by layer (absent: 0), for layers too wide to write whole. */
    private final ReadOnlyObjectWrapper<Map<String, Integer>> focus = new ReadOnlyObjectWrapper<>(Map.of());
    private TrainingSnapshot latest;
    /** +1 while waiting for the next step's record, −1 for the record a step back returns to, 0 otherwise. */
    private int waiting;
    private boolean active;

    public StepperViewModel(TrainingViewModel training) {
        this.training = training;
        training.snapshotProperty().addListener((o, a, s) -> follow(s));
        digits.addListener((o, a, d) -> restage(cursor.get()));
        cursor.addListener((o, a, c) -> describe());
        stages.addListener((o, a, c) -> describe());
        follow(training.snapshotProperty().get());
    }

    private void describe() {
        header.set(StepperHeader.of(latest, record.get(), cursor.get(), stages.get().size(), stepsBatches()));
    }

    /** Registers the stepper's probe while it is shown (recording every step costs; nothing is kept otherwise). */
    public void setActive(boolean on) {
        if (on != active) {
            active = on;
            training.setProbes(PROBES, on ? List.of(steps) : List.of());
        }
    }

    private void follow(TrainingSnapshot s) {
        latest = s;
        if (s == null) {
            record.set(null);
            restage(-1);
            describe();
            return;
        }
        message.set(s.message() == null ? "" : s.message());
        StepRecord r = s.payload(steps);
        if (r != record.get()) {
            record.set(r);
            List<StepStage> all = r == null ? List.of() : StepStages.of(r, digits.get(), focus.get());
            stages.set(all);
            cursor.set(all.isEmpty() ? -1 : waiting < 0 ? all.size() - 1 : 0);
            waiting = 0;
        } else if (waiting != 0 && s.message() != null) {
            waiting = 0;
        }
        describe();
    }

    private void restage(int at) {
        StepRecord r = record.get();
        stages.set(r == null ? List.of() : StepStages.of(r, digits.get(), focus.get()));
        cursor.set(Math.min(at, stages.get().size() - 1));
    }

    /** The units of {@code layer} (of {@code units}) written out: the block chosen for it, the first at first. */
    public UnitFold fold(String layer, int units) {
        return new UnitFold(Math.max(1, units), focus.get().getOrDefault(layer, 0));
    }

    /** Writes out the block of {@code layer}'s units that starts at {@code start} (a click on a fold, say). */
    public void showUnits(String layer, int start) {
        Map<String, Integer> next = new HashMap<>(focus.get());
        next.put(layer, Math.max(0, start));
        focus.set(Map.copyOf(next));
        restage(cursor.get());
    }

    /**
     * Moves the block written out of the current stage's layer by {@code blocks} blocks (◀ −1, ▶ +1), or a
     * convolution's or pooling's window by as many positions; says so in words when the layer is narrow enough to be
     * written whole.
     */
    public void moveUnits(int blocks) {
        StepStage s = current();
        StepRecord r = record.get();
        WindowSketch.Scene window = WindowSketch.scene(r, s);
        if (window != null) {
            showUnits(WindowSketch.key(window.op().layer()), Math.floorMod(WindowSketch.position(window, focus.get())
                    + blocks, window.positions()));
            return;
        }
        int units = s == null || r == null ? 0 : StepStages.unitsOf(r, s.layer());
        if (units <= UnitFold.BLOCK) {
            message.set(s == null ? "Take a step first (Next): there are no units to choose yet."
                    : "Every unit of " + s.layer() + " is already written out.");
            return;
        }
        showUnits(s.layer(), fold(s.layer(), units).move(blocks).start());
    }

    /** Which units of the current stage's layer are written out ("units 5–8 of 128"), or empty. */
    public String unitsShown() {
        StepStage s = current();
        StepRecord r = record.get();
        WindowSketch.Scene window = WindowSketch.scene(r, s);
        if (window != null) {
            return WindowSketch.describe(window, focus.get());
        }
        int units = s == null || r == null ? 0 : StepStages.unitsOf(r, s.layer());
        return units <= UnitFold.BLOCK ? "" : s.layer() + ": " + fold(s.layer(), units).range();
    }

    /** The chosen blocks by layer (see {@link #showUnits}). */
    public ReadOnlyObjectProperty<Map<String, Integer>> focusProperty() {
        return focus.getReadOnlyProperty();
    }

    /** The next stage, or the next step (on one sample, or a batch: {@link #stepsBatches}) after the last stage. */
    public void next() {
        if (cursor.get() < stages.get().size() - 1) {
            cursor.set(cursor.get() + 1);
        } else if (waiting == 0) {
            waiting = 1;
            message.set("");
            training.send(stepsBatches() ? new TrainerCommand.StepBatch() : new TrainerCommand.StepSample());
        }
    }

    /**
     * True when Next takes a step on a whole batch rather than one sample: for a network with batch normalisation,
     * whose statistics over one sample would be degenerate (σ²_B = 0).
     */
    public boolean stepsBatches() {
        return latest != null && latest.document().layers().stream()
                .anyMatch(l -> l.type().equals("BatchNormalization"));
    }

    /** The previous stage, or back to the end of the previous step (undone exactly) before the first stage. */
    public void previous() {
        if (cursor.get() > 0) {
            cursor.set(cursor.get() - 1);
        } else if (waiting == 0 && record.get() != null) {
            waiting = -1;
            message.set("");
            training.send(new TrainerCommand.StepBack());
        } else if (record.get() == null) {
            message.set("This is the start: no step has been taken yet, so there is nothing to step back to.");
        }
    }

    /** Jumps to the first stage of a phase (forward, loss, backward, update) of this step. */
    public void jump(Phase phase) {
        List<StepStage> all = stages.get();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).phase() == phase) {
                cursor.set(i);
                return;
            }
        }
    }

    /** Runs to the end of this step (its last update). */
    public void runToEnd() {
        cursor.set(stages.get().size() - 1);
    }

    /** The stages shown so far: those up to the cursor. */
    public List<StepStage> shown() {
        // while a new record's stages are set the cursor may still point into the old ones
        return cursor.get() < 0 ? List.of() : stages.get().subList(0, Math.min(cursor.get() + 1,
                stages.get().size()));
    }

    /** The stage at the cursor, or null before the first step. */
    public StepStage current() {
        return cursor.get() < 0 || cursor.get() >= stages.get().size() ? null : stages.get().get(cursor.get());
    }

    public ReadOnlyObjectProperty<List<StepStage>> stagesProperty() {
        return stages.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty cursorProperty() {
        return cursor.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StepRecord> recordProperty() {
        return record.getReadOnlyProperty();
    }

    /** The trainer's word on the last command (nothing to step back, training finished), or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Where the session is: before the first step, after a step not walked, or the stage of the step walked. */
    public ReadOnlyStringProperty headerProperty() {
        return header.getReadOnlyProperty();
    }

    /** Significant digits of the numbers shown (6 by default). */
    public IntegerProperty digitsProperty() {
        return digits;
    }
}
