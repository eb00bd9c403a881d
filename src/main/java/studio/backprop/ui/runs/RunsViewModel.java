package studio.backprop.ui.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import studio.backprop.train.Series;
import studio.backprop.train.TrainerState;
import studio.backprop.train.TrainingSnapshot;
import studio.backprop.ui.charts.ChartsViewModel;
import studio.backprop.ui.charts.OverlaidRun;
import studio.backprop.ui.charts.RunCurves;

/**
 * The runs of a session kept for comparison, without nodes: a run is kept when it ends (its plan is done, or it
 * diverged), when it is reset or replaced (Reset, an edit that starts training again, another file opened), or when
 * the user says "Keep this run"; races add theirs. Each gets a default name from its file and settings, a colour of
 * its own and a check box; names can be changed, runs hidden and deleted. The list lives as long as the window, so
 * the runs of one file stay while another is opened.
 *
 * <p>Runs are kept automatically only once they have completed an epoch (a run reset after a few steps has no
 * curve worth comparing); "Keep this run" keeps any run that has made a step.
 *
 * <p>Thread: the JavaFX application thread.
 */
public final class RunsViewModel {

    /** Runs kept at most; keeping another drops the oldest. */
    public static final int MAX_RUNS = 30;
    /** The longest name a run may have. */
    static final int MAX_NAME = 80;
    /** Names the current run's curves already use in the legends. */
    private static final List<String> RESERVED = List.of(ChartsViewModel.STEP_LOSS, ChartsViewModel.TRAIN_LOSS,
            ChartsViewModel.VALID_LOSS, ChartsViewModel.TRAIN_ACCURACY, ChartsViewModel.VALID_ACCURACY,
            ChartsViewModel.RATE, ChartsViewModel.RATE_PLANNED);

    private final ObservableList<KeptRun> runs = FXCollections.observableArrayList();
    private final ObservableList<KeptRun> readOnly = FXCollections.unmodifiableObservableList(runs);
    private final ObjectProperty<RunCurves> curves = new SimpleObjectProperty<>(RunCurves.TRAIN_AND_VALIDATION);
    private final StringProperty message = new SimpleStringProperty("");
    private long nextId = 1;
    /** The last snapshot seen of the followed session. */
    private TrainingSnapshot last;
    /** The step-loss array and size of the run kept last, so that one run is not kept twice. */
    private float[] keptValues;
    private int keptSize = -1;
    private Supplier<String> source = () -> "run";
    /**
     * The optimisers the current run has stepped with, in order, each once per stretch ("sgd", "nesterov"): read
     * from the snapshots' documents, which change when the trainer takes a live edit, not when the box does.
     */
    private final List<String> optimizers = new ArrayList<>();
    /** The kept run that is still the current run (kept at its end, no step since): not drawn twice; or −1. */
    private long liveId = -1;
    /** Counts changes of what the charts should draw. */
    private final javafx.beans.property.LongProperty overlaysChanged = new javafx.beans.property.SimpleLongProperty();

    /** Where default names take their first part from: the open file's name, or the network's. */
    public void setSource(Supplier<String> fileOrNetworkName) {
        source = fileOrNetworkName;
    }

    /** The first part of default names now: the open file's name, or the network's. */
    public String sourceName() {
        return source.get();
    }

    /**
     * Follows the session's snapshots: keeps the run that ends, is reset or is replaced. Called with every snapshot
     * the window shows (null while there is no session).
     */
    public void observe(TrainingSnapshot s) {
        TrainingSnapshot before = last;
        last = s;
        if (liveId >= 0 && (s == null || !kept(s))) {
            liveId = -1;
            changed();
        }
        if (before == null) {
            track(s, null);
            endedNow(s);
            return;
        }
        boolean replaced = s == null || s.session() != before.session();
        boolean reset = !replaced && s.step() < before.step() && s.step() == 0;
        if (replaced || reset) {
            if (before.trainLoss().size() > 0) {
                keep(before, reset ? "reset" : "replaced");
            }
            optimizers.clear();
            track(s, null);
            endedNow(s);
        } else {
            track(s, before);
            if (ended(s) && !ended(before)) {
                keep(s, note(s));
            }
        }
    }

    /** Notes the optimiser of the steps made since {@code before} (all of them without one). */
    private void track(TrainingSnapshot s, TrainingSnapshot before) {
        if (s == null || s.step() == 0 || before != null && s.step() <= before.step()) {
            return;
        }
        String type = RunSettings.optimizerType(s.document());
        if (optimizers.isEmpty() || !optimizers.get(optimizers.size() - 1).equals(type)) {
            optimizers.add(type);
        }
    }

    private void endedNow(TrainingSnapshot s) {
        if (ended(s)) {
            keep(s, note(s));
        }
    }

    private static boolean ended(TrainingSnapshot s) {
        return s != null && (s.state() == TrainerState.FINISHED || s.state() == TrainerState.DIVERGED)
                && s.trainLoss().size() + s.stepLoss().size() > 0;
    }

    private static String note(TrainingSnapshot s) {
        return s.state() == TrainerState.DIVERGED ? "diverged at step " + s.step() : "finished";
    }

    /**
     * Keeps the run the window shows now ("Keep this run").
     *
     * @return the run kept, or null (with the reason in {@link #messageProperty()})
     */
    public KeptRun keepCurrent() {
        if (last == null || last.step() == 0) {
            message.set("There is no run to keep yet: train a step or more first.");
            return null;
        }
        if (kept(last)) {
            message.set("This run is kept already.");
            return null;
        }
        return keep(last, "kept by hand at step " + last.step());
    }

    /** Whether the snapshot's run was kept already (the same curves, no step since). */
    private boolean kept(TrainingSnapshot s) {
        return s.stepLoss().values() == keptValues && s.stepLoss().size() == keptSize;
    }

    /** Keeps a snapshot's run unless it was kept already (then silently: nothing new happened). */
    private KeptRun keep(TrainingSnapshot s, String note) {
        if (kept(s)) {
            return null;
        }
        keptValues = s.stepLoss().values();
        keptSize = s.stepLoss().size();
        RunSettings settings = RunSettings.of(source.get(), s.document(), s.learningRate(), s.batchSize());
        if (optimizers.size() > 1) {
            // switched during the run: "sgd→nesterov", so the name does not credit the last one with every step
            settings = new RunSettings(settings.source(), String.join("→", optimizers), settings.learningRate(),
                    settings.batchSize(), settings.seed());
        }
        KeptRun run = add(settings, s.stepLoss(), s.trainLoss(), s.validLoss(), s.trainAccuracy(),
                s.validAccuracy(), s.learningRates(), ChartsViewModel.stepsPerEpoch(s.epochSize(), s.batchSize()),
                note);
        if (s == last) {
            liveId = run.id();
            changed();
        }
        return run;
    }

    /**
     * Adds a run (a race's, or one of the session's), shown, with a free colour and its default name (made
     * unique with " (2)", " (3)", …).
     */
    public KeptRun add(RunSettings settings, Series.View stepLoss, Series.View trainLoss, Series.View validLoss,
                       Series.View trainAccuracy, Series.View validAccuracy, Series.View learningRates,
                       double stepsPerEpoch, String note) {
        String dropped = "";
        if (runs.size() >= MAX_RUNS) {
            dropped = " The oldest run, '" + runs.get(0).name() + "', was dropped to make room (" + MAX_RUNS
                    + " runs at most).";
            runs.remove(0);
        }
        KeptRun run = new KeptRun(nextId++, unique(settings.defaultName()), freeInk(), true, settings,
                compact(stepLoss), compact(trainLoss), compact(validLoss), compact(trainAccuracy),
                compact(validAccuracy), compact(learningRates), stepsPerEpoch, note);
        runs.add(run);
        message.set("Kept '" + run.name() + "' (" + note + ")." + dropped);
        changed();
        return run;
    }

    /**
     * The values alone, in an array of their own: the trainer's arrays have room to grow (up to twice the values),
     * and a kept run should not hold them.
     */
    private static Series.View compact(Series.View v) {
        return new Series.View(v.toArray(), v.size(), v.stride());
    }

    private String unique(String name) {
        String candidate = name;
        for (int n = 2; taken(candidate, -1); n++) {
            candidate = name + " (" + n + ")";
        }
        return candidate;
    }

    private boolean taken(String name, long except) {
        return RESERVED.contains(name) || runs.stream().anyMatch(r -> r.id() != except
                && r.name().equalsIgnoreCase(name));
    }

    /** The lowest colour no kept run has (after eight, colours repeat in turn). */
    private int freeInk() {
        for (int ink = 0; ; ink++) {
            int candidate = ink;
            if (runs.stream().noneMatch(r -> r.ink() == candidate) || ink >= runs.size()) {
                return candidate;
            }
        }
    }

    /**
     * Renames a run.
     *
     * @return null when renamed, otherwise why not, in words
     */
    public String rename(KeptRun run, String newName) {
        String name = newName == null ? "" : newName.strip();
        String refusal = null;
        if (name.isEmpty()) {
            refusal = "A run needs a name: type one, e.g. '" + run.settings().defaultName() + "'.";
        } else if (name.length() > MAX_NAME) {
            refusal = "A run's name can have at most " + MAX_NAME + " characters; this one has " + name.length()
                    + ".";
        } else if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            refusal = "'" + name + "' names a curve of the current run in the charts: choose another name.";
        } else if (taken(name, run.id())) {
            refusal = "Another run is already called '" + name + "': choose another name.";
        }
        if (refusal != null) {
            message.set(refusal);
            return refusal;
        }
        replace(run, current(run).withName(name));
        message.set("Renamed to '" + name + "'.");
        return null;
    }

    /** Shows or hides a run in the charts. */
    public void setShown(KeptRun run, boolean on) {
        KeptRun now = current(run);
        if (now != null && now.shown() != on) {
            replace(run, now.withShown(on));
        }
    }

    /** Forgets a run. */
    public void delete(KeptRun run) {
        KeptRun now = current(run);
        if (now != null) {
            runs.remove(now);
            message.set("Deleted '" + now.name() + "'.");
            changed();
        }
    }

    private KeptRun current(KeptRun run) {
        return runs.stream().filter(r -> r.id() == run.id()).findFirst().orElse(null);
    }

    private void replace(KeptRun run, KeptRun changed) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).id() == run.id()) {
                runs.set(i, changed);
                changed();
                return;
            }
        }
    }

    /** The runs the charts show, in the order they were kept. */
    public List<KeptRun> shown() {
        return runs.stream().filter(KeptRun::shown).toList();
    }

    /**
     * The shown runs as the charts draw them, except the one that is still the current run (kept when it finished,
     * no step since): the charts draw that one already.
     */
    public List<OverlaidRun> overlays() {
        List<OverlaidRun> out = new ArrayList<>();
        for (KeptRun run : shown()) {
            if (run.id() != liveId) {
                out.add(run.overlay());
            }
        }
        return out;
    }

    /** Changes whenever {@link #overlays()} may have changed (a run kept, renamed, shown, hidden, deleted). */
    public javafx.beans.value.ObservableLongValue overlaysChangedProperty() {
        return overlaysChanged;
    }

    private void changed() {
        overlaysChanged.set(overlaysChanged.get() + 1);
    }

    /** Every kept run, oldest first (observable, read-only for views: change it through the methods here). */
    public ObservableList<KeptRun> runs() {
        return readOnly;
    }

    /** Which curves of the kept runs the charts draw. */
    public ObjectProperty<RunCurves> curvesProperty() {
        return curves;
    }

    /** What the last action did or why it was refused. */
    public StringProperty messageProperty() {
        return message;
    }
}
