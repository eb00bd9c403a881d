package studio.backprop.ui.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.Probe;
import studio.backprop.train.Trainer;
import studio.backprop.train.TrainerCommand;
import studio.backprop.train.TrainerState;
import studio.backprop.train.TrainingData;
import studio.backprop.train.TrainingLoop;
import studio.backprop.train.TrainingSnapshot;

/**
 * The UI's side of the training session: owns the {@link Trainer} (which owns the network on its own thread), sends
 * it commands, keeps every view's {@link Probe}s (sent again to each new session), and takes the trainer's latest
 * snapshot at most once per frame with an {@link AnimationTimer}, publishing it as a JavaFX property. Views observe
 * {@link #snapshotProperty()} and read their probes' payloads from it; none of them touches the trainer's network.
 *
 * <p>Thread: the JavaFX application thread only. Nothing here blocks: commands are queued.
 */
public final class TrainingViewModel {

    /**
     * While training runs steadily, views get a new snapshot at most 20 times a second: numbers and curves still move
     * smoothly, and the frames in between stay free for rendering. Any change of state (pause, finish, divergence, a
     * step command) is handed on at once. The limit sits a little under 50 ms so that at 60 frames a second every
     * third frame qualifies.
     */
    private static final long RUNNING_HAND_OFF_NANOS = 45_000_000L;

    private final ReadOnlyObjectWrapper<TrainingSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<NetworkDocument> document = new ReadOnlyObjectWrapper<>();
    private TrainingData data;
    private final Map<String, List<Probe<?>>> probes = new LinkedHashMap<>();
    private final AnimationTimer pump;
    private Trainer trainer;
    private long sessions;
    private long lastVersion = -1;
    private long lastHandOff;
    private long frames;
    private double pace = Double.POSITIVE_INFINITY;
    private boolean keepBest;

    public TrainingViewModel() {
        pump = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frames++;
                poll();
            }
        };
    }

    /** Replaces the session with one for this loop (the previous one is closed) and starts taking snapshots. */
    public void start(TrainingLoop loop) {
        attach(new Trainer(loop, ++sessions));
    }

    /**
     * Takes the session out of the window without ending it: it pauses and keeps every weight and counter, so that an
     * edit that is undone can bring the run back ({@link #attach}). Returns null when there is no session.
     */
    public Trainer detach() {
        pump.stop();
        Trainer t = trainer;
        trainer = null;
        if (t != null) {
            t.send(new TrainerCommand.Pause());
        }
        document.set(null);
        data = null;
        snapshot.set(null);
        return t;
    }

    /** Makes {@code t} the session (the current one is closed): a new one, or one taken out by {@link #detach}. */
    public void attach(Trainer t) {
        stop();
        trainer = t;
        trainer.send(new TrainerCommand.SetPace(pace));
        trainer.send(new TrainerCommand.KeepBest(keepBest));
        probes.forEach((owner, list) -> trainer.send(new TrainerCommand.SetProbes(owner, list)));
        data = t.data();
        document.set(t.latest().document());
        lastVersion = -1;
        poll();
        pump.start();
    }

    /** Closes the session (training stops after its current step); views keep the last snapshot until the next. */
    public void stop() {
        pump.stop();
        if (trainer != null) {
            trainer.close();
            trainer = null;
        }
        document.set(null);
        snapshot.set(null);
    }

    /** Queues a command for the trainer; ignored when there is no session. */
    public void send(TrainerCommand command) {
        if (trainer != null) {
            trainer.send(command);
        }
    }

    /**
     * Registers (or replaces) the probes of one view; an empty list removes them. They are served by this session
     * and every later one until removed.
     */
    public void setProbes(String owner, List<Probe<?>> ownerProbes) {
        if (ownerProbes.isEmpty()) {
            probes.remove(owner);
        } else {
            probes.put(owner, List.copyOf(ownerProbes));
        }
        send(new TrainerCommand.SetProbes(owner, ownerProbes));
    }

    /** Steps per second while playing ({@link Double#POSITIVE_INFINITY}: full speed), for this and later sessions. */
    public void setPace(double stepsPerSecond) {
        pace = stepsPerSecond;
        send(new TrainerCommand.SetPace(stepsPerSecond));
    }

    /** Whether finishing puts back the best validation weights, for this and later sessions. */
    public void setKeepBest(boolean on) {
        keepBest = on;
        send(new TrainerCommand.KeepBest(on));
    }

    public boolean keepBest() {
        return keepBest;
    }

    public double pace() {
        return pace;
    }

    /** Takes the trainer's newest snapshot if it changed; called once per frame by the timer. */
    public void poll() {
        if (trainer == null) {
            return;
        }
        TrainingSnapshot latest = trainer.latest();
        if (latest == null || latest.version() == lastVersion) {
            return;
        }
        TrainingSnapshot shown = snapshot.get();
        long now = System.nanoTime();
        boolean steady = shown != null && shown.state() == latest.state() && latest.state() == TrainerState.RUNNING;
        if (steady && now - lastHandOff < RUNNING_HAND_OFF_NANOS) {
            return;
        }
        lastHandOff = now;
        lastVersion = latest.version();
        snapshot.set(latest);
    }

    /** The latest snapshot taken (null while there is no session). */
    public ReadOnlyObjectProperty<TrainingSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /**
     * The document the session was started with (null while there is none). Views compile it themselves for its
     * structure; the session's network, optimiser and data belong to the trainer's thread and are never handed out.
     */
    public ReadOnlyObjectProperty<NetworkDocument> sessionDocumentProperty() {
        return document.getReadOnlyProperty();
    }

    /** The data of the session (immutable; null while there is none), e.g. to plot its points. */
    public TrainingData sessionData() {
        return data;
    }

    public boolean active() {
        return trainer != null;
    }

    /** Frames seen by the timer since start (for the frame-rate measurement). */
    public long frames() {
        return frames;
    }
}
