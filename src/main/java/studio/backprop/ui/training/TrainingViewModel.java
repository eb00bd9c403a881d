package studio.backprop.ui.training;

import java.util.Set;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import studio.backprop.spec.Compilation;
import studio.backprop.train.Trainer;
import studio.backprop.train.TrainerCommand;
import studio.backprop.train.TrainingLoop;
import studio.backprop.train.TrainingSnapshot;

/**
 * The UI's side of training: owns a {@link Trainer} (which owns the network on its own thread), sends it commands,
 * and takes its latest snapshot at most once per frame with an {@link AnimationTimer}, publishing it as a JavaFX
 * property. Views observe {@link #snapshotProperty()}; none of them ever touches the trainer's network.
 *
 * <p>Thread: the JavaFX application thread only. Nothing here blocks: commands are queued.
 */
public final class TrainingViewModel {

    private final ReadOnlyObjectWrapper<TrainingSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Compilation> compilation = new ReadOnlyObjectWrapper<>();
    private final AnimationTimer pump;
    private Trainer trainer;
    private long lastVersion = -1;
    /**
     * While training runs steadily, views get a new snapshot at most 20 times a second: numbers and curves still move
     * smoothly, and the frames in between stay free for rendering. Any change of state (pause, finish, divergence, a
     * step command) is handed on at once. The limit sits a little under 50 ms so that at 60 frames a second every
     * third frame qualifies (frames come 16.7 ms apart, give or take; at exactly 50 ms every fourth would).
     */
    private static final long RUNNING_HAND_OFF_NANOS = 45_000_000L;
    private long lastHandOff;
    private long frames;
    private RedrawTurn turn = RedrawTurn.ALL;

    /**
     * Which costly views redraw for the snapshot just handed on. While training runs steadily the charts and the
     * Playground take turns, one hand-off each, so that no frame has to render both (each still moves ten times a
     * second); a hand-off that changes the state (pause, step, end, divergence) is for all of them.
     */
    public enum RedrawTurn {
        ALL, CHARTS, PLAYGROUND;

        public boolean charts() {
            return this != PLAYGROUND;
        }

        public boolean playground() {
            return this != CHARTS;
        }
    }

    public TrainingViewModel() {
        pump = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frames++;
                poll();
            }
        };
    }

    /** Replaces the trainer with one for this loop (the previous one is closed) and starts taking snapshots. */
    public void start(TrainingLoop loop) {
        stop();
        trainer = new Trainer(loop);
        compilation.set(loop.compilation());
        lastVersion = -1;
        poll();
        pump.start();
    }

    /** Closes the trainer thread (training stops after its current step). */
    public void stop() {
        pump.stop();
        if (trainer != null) {
            trainer.close();
            trainer = null;
        }
    }

    /** Queues a command for the trainer; ignored when there is none. */
    public void send(TrainerCommand command) {
        if (trainer != null) {
            trainer.send(command);
        }
    }

    /** Asks for copies of these tensors in every snapshot ("param:LAYER/ROLE", "grad:…", "output:LAYER"). */
    public void subscribe(Set<String> keys) {
        send(new TrainerCommand.Subscribe(keys));
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
        boolean steady = shown != null && shown.state() == latest.state()
                && latest.state() == studio.backprop.train.TrainerState.RUNNING;
        if (steady && now - lastHandOff < RUNNING_HAND_OFF_NANOS) {
            return;
        }
        lastHandOff = now;
        lastVersion = latest.version();
        turn = !steady ? RedrawTurn.ALL : turn == RedrawTurn.CHARTS ? RedrawTurn.PLAYGROUND : RedrawTurn.CHARTS;
        snapshot.set(latest);
    }

    /** Which costly views redraw for the current snapshot (read it in a snapshot listener). */
    public RedrawTurn redrawTurn() {
        return turn;
    }

    /** The latest snapshot taken (null before training starts). */
    public ReadOnlyObjectProperty<TrainingSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** The compiled document being trained (its network must not be used on this thread while training runs). */
    public ReadOnlyObjectProperty<Compilation> compilationProperty() {
        return compilation.getReadOnlyProperty();
    }

    public boolean active() {
        return trainer != null;
    }

    /** Frames seen by the timer since start (for the frame-rate measurement). */
    public long frames() {
        return frames;
    }
}
