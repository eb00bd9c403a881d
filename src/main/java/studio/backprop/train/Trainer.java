package studio.backprop.train;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import studio.backprop.nn.Parameter;

/**
 * Owns a {@link TrainingLoop} on its own thread: the one place a network is trained while the app runs. Views send
 * {@link TrainerCommand}s, which take effect between steps, and read {@link #latest()}, an immutable snapshot
 * published at most every {@value #PUBLISH_INTERVAL_MS} ms while training (and at once after a command) carrying
 * the payloads of every registered {@link Probe}. The JavaFX thread never waits for training and never touches the
 * network.
 *
 * <p>A failing step or command never ends the thread: its reason, in words, becomes the snapshot's message, and
 * the session stays usable (Play, Step and Reset go on working).
 */
public final class Trainer implements AutoCloseable {

    static final long PUBLISH_INTERVAL_MS = 15;

    /** How many steps can be undone while a view reads step records. */
    static final int STEPS_KEPT_FOR_STEPPING_BACK = 100;

    private static final Object SHUTDOWN = new Object();

    private final TrainingLoop loop;
    private final long session;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile TrainingSnapshot latest;
    private volatile boolean closing;
    private TrainerState state = TrainerState.PAUSED;
    /** Epochs a "step epoch" still has to finish before pausing; 0 when playing freely. */
    private int epochsLeft;
    private String message;
    private double pace = Double.POSITIVE_INFINITY;
    private long nextStepNanos;
    private final Map<String, List<Probe<?>>> probesByOwner = new LinkedHashMap<>();
    private final Map<Probe<?>, Object> payloads = new HashMap<>();
    private final Map<Probe<?>, Long> evaluatedAt = new HashMap<>();
    private long version;
    private long lastPublish;
    private long rateStartNanos = System.nanoTime();
    private long rateStartSamples;
    private long samplesSeen;
    private double examplesPerSecond;

    public Trainer(TrainingLoop loop) {
        this(loop, 0);
    }

    /** @param session a number that tells this session's snapshots from an earlier session's */
    public Trainer(TrainingLoop loop, long session) {
        this.loop = loop;
        this.session = session;
        publish(true);
        thread = new Thread(this::run, "backprop-trainer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a command; it runs between steps. Ignored once the trainer is closing. */
    public void send(TrainerCommand command) {
        if (!closing) {
            queue.add(command);
        }
    }

    /** The most recent snapshot (never null). */
    public TrainingSnapshot latest() {
        return latest;
    }

    /** Stops the thread after the current step and waits for it. */
    @Override
    public void close() {
        closing = true;
        queue.add(SHUTDOWN);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The data the session trains on (immutable tensors: safe to read from any thread). */
    public TrainingData data() {
        return loop.data();
    }

    /** Whether the trainer's thread is still alive (false after {@link #close()}). */
    public boolean alive() {
        return thread.isAlive();
    }

    private void run() {
        while (true) {
            Object next;
            try {
                next = state == TrainerState.RUNNING ? queue.poll(waitNanos(), TimeUnit.NANOSECONDS)
                        : queue.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (next == SHUTDOWN) {
                break;
            }
            try {
                if (next != null) {
                    handle((TrainerCommand) next);
                    publish(true);
                } else if (state == TrainerState.RUNNING && System.nanoTime() >= nextStepNanos) {
                    runningStep();
                }
            } catch (RuntimeException | Error e) {
                // a bug in a command or a probe must not end the session: say so and stay usable
                state = state == TrainerState.RUNNING ? TrainerState.PAUSED : state;
                epochsLeft = 0;
                message = "Something went wrong inside the trainer (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "). Training is paused; "
                        + "Play, Step and Reset still work.";
                safePublish();
            }
        }
        state = TrainerState.STOPPED;
        safePublish();
    }

    private long waitNanos() {
        if (Double.isInfinite(pace)) {
            return 0;
        }
        return Math.max(0, nextStepNanos - System.nanoTime());
    }

    private void runningStep() {
        KernelWarmUp.stopForTraining();
        if (!Double.isInfinite(pace)) {
            nextStepNanos = System.nanoTime() + (long) (1e9 / pace);
        }
        boolean epochEnded = guarded(loop::stepBatch);
        if (epochsLeft > 0 && epochEnded && --epochsLeft == 0 && state == TrainerState.RUNNING) {
            state = TrainerState.PAUSED;
        }
        if (state != TrainerState.RUNNING) {
            epochsLeft = 0;
            publish(true);
        } else if (!Double.isInfinite(pace) || System.currentTimeMillis() - lastPublish >= PUBLISH_INTERVAL_MS) {
            publish(!Double.isInfinite(pace));
        }
    }

    private void handle(TrainerCommand command) {
        if (command instanceof TrainerCommand.Play) {
            play(false);
        } else if (command instanceof TrainerCommand.Pause) {
            state = state == TrainerState.RUNNING ? TrainerState.PAUSED : state;
            epochsLeft = 0;
        } else if (command instanceof TrainerCommand.StepSample) {
            single(loop::stepSample);
        } else if (command instanceof TrainerCommand.StepBatch) {
            single(loop::stepBatch);
        } else if (command instanceof TrainerCommand.StepEpoch) {
            if (state == TrainerState.RUNNING && epochsLeft > 0) {
                epochsLeft++;
            } else {
                play(true);
            }
        } else if (command instanceof TrainerCommand.StepBack) {
            state = state == TrainerState.RUNNING || state == TrainerState.FINISHED ? TrainerState.PAUSED : state;
            epochsLeft = 0;
            message = null;
            attempt(loop::stepBack);
        } else if (command instanceof TrainerCommand.Reset) {
            loop.reset();
            state = TrainerState.PAUSED;
            epochsLeft = 0;
            message = null;
        } else if (command instanceof TrainerCommand.Reconfigure r) {
            attempt(() -> loop.reconfigure(r.document()));
        } else if (command instanceof TrainerCommand.SetWeight w) {
            attempt(() -> setWeight(w));
        } else if (command instanceof TrainerCommand.SetPace p) {
            pace = p.stepsPerSecond() > 0 ? p.stepsPerSecond() : Double.POSITIVE_INFINITY;
            nextStepNanos = System.nanoTime();
        } else if (command instanceof TrainerCommand.KeepBest k) {
            loop.setKeepBest(k.on());
        } else if (command instanceof TrainerCommand.SetProbes p) {
            setProbes(p.owner(), p.probes());
        } else if (command instanceof TrainerCommand.TakeCheckpoint c) {
            c.sink().accept(new TrainerCommand.RunCopy(loop.compilation().document(), loop.data(),
                    loop.checkpoint()));
        }
    }

    private void play(boolean epochOnly) {
        if (loop.finished()) {
            message = finishedMessage();
            state = TrainerState.FINISHED;
            return;
        }
        state = TrainerState.RUNNING;
        epochsLeft = epochOnly ? 1 : 0;
        message = null;
        nextStepNanos = System.nanoTime();
    }

    private void single(java.util.function.Supplier<TrainingLoop.StepOutcome> step) {
        if (state == TrainerState.RUNNING || state == TrainerState.DIVERGED) {
            state = TrainerState.PAUSED;
        }
        epochsLeft = 0;
        message = null;
        if (loop.finished()) {
            state = TrainerState.FINISHED;
            message = finishedMessage();
            return;
        }
        guarded(step);
    }

    /** Runs one step; returns whether it ended an epoch. */
    private boolean guarded(java.util.function.Supplier<TrainingLoop.StepOutcome> step) {
        long before = loop.steps();
        try {
            int position = loop.position();
            int epoch = loop.epoch();
            TrainingLoop.StepOutcome outcome = step.get();
            samplesSeen += loop.epoch() > epoch ? outcome == null ? 0 : loop.data().trainSize() - position
                    : loop.position() - position;
            if (loop.finished()) {
                state = TrainerState.FINISHED;
                message = finishedMessage();
            }
            return outcome != null && outcome.epochEnded();
        } catch (TrainingDivergedException e) {
            state = TrainerState.DIVERGED;
            message = e.getMessage();
        } catch (RuntimeException e) {
            state = TrainerState.PAUSED;
            message = "Step " + (before + 1) + " failed: " + e.getMessage();
        }
        return false;
    }

    private String finishedMessage() {
        String why = loop.converged() ? "Converged: the last epoch made no update."
                : loop.earlyStopped() ? "Early stopping: the validation loss has not improved for "
                + loop.compilation().plan().patience() + " epochs."
                : loop.compilation().plan().epochs() == 1 ? "Finished: the one planned epoch is done."
                : "Finished: all " + loop.compilation().plan().epochs() + " epochs are done.";
        if (loop.restoredBestEpoch() > 0) {
            why += " The weights of epoch " + loop.restoredBestEpoch() + " (the best validation loss) were put back.";
        }
        return why + testText(loop);
    }

    /**
     * " Test split (n samples, never trained on): loss L, accuracy A%." once training has finished, or "" when the
     * plan holds out no test split.
     */
    static String testText(TrainingLoop loop) {
        float[] score = loop.testScore();
        if (score == null) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, " Test split (%d samples, never trained on): loss %.4g%s.",
                loop.data().testX().dim(0), score[0], Float.isNaN(score[1]) ? ""
                : String.format(java.util.Locale.ROOT, ", accuracy %.1f%%", 100 * score[1]));
    }

    private void attempt(Runnable change) {
        try {
            change.run();
        } catch (RuntimeException e) {
            message = e.getMessage();
        }
    }

    private void setWeight(TrainerCommand.SetWeight w) {
        if (!Float.isFinite(w.value())) {
            throw new IllegalArgumentException("a weight must be a finite number, not " + w.value());
        }
        Parameter p = loop.network().parameters().stream().filter(q -> q.name().equals(w.parameter())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the network has no parameter '" + w.parameter()
                        + "'"));
        if (w.index() < 0 || w.index() >= p.value().size()) {
            throw new IllegalArgumentException("'" + w.parameter() + "' has " + p.value().size()
                    + " values; there is no value number " + (w.index() + 1));
        }
        p.value().buffer()[w.index()] = w.value();
    }

    private void setProbes(String owner, List<Probe<?>> probes) {
        if (probes.isEmpty()) {
            probesByOwner.remove(owner);
        } else {
            probesByOwner.put(owner, List.copyOf(probes));
        }
        boolean recording = probesByOwner.values().stream().flatMap(List::stream)
                .anyMatch(p -> p instanceof Probe.Steps);
        loop.setRecording(recording);
        // a view that reads step records (the stepper) or the perceptron's trace can step back over the last steps
        boolean stepping = recording || probesByOwner.values().stream().flatMap(List::stream)
                .anyMatch(p -> p instanceof Probe.PerceptronTrace);
        loop.setStepBackLimit(stepping ? STEPS_KEPT_FOR_STEPPING_BACK : 0);
        // payloads of probes nobody holds any more are dropped
        java.util.Set<Probe<?>> live = new java.util.HashSet<>();
        probesByOwner.values().forEach(live::addAll);
        payloads.keySet().retainAll(live);
        evaluatedAt.keySet().retainAll(live);
    }

    private void safePublish() {
        try {
            publish(true);
        } catch (RuntimeException e) {
            latest = TrainingSnapshot.of(loop, ++version, session, state, 0, pace,
                    "The trainer could not describe its state: " + e.getMessage(), Map.of());
        }
    }

    /** @param all evaluate every probe now (after a command or a change of state), not only those that are due */
    private void publish(boolean all) {
        long now = System.nanoTime();
        if (now - rateStartNanos > 1_000_000_000L) {
            examplesPerSecond = (samplesSeen - rateStartSamples) / ((now - rateStartNanos) / 1e9);
            rateStartNanos = now;
            rateStartSamples = samplesSeen;
        }
        for (List<Probe<?>> probes : probesByOwner.values()) {
            for (Probe<?> probe : probes) {
                Long at = evaluatedAt.get(probe);
                boolean due = all || at == null || now - at >= 1e9 / probe.perSecond();
                if (due) {
                    evaluate(probe, now);
                }
            }
        }
        lastPublish = System.currentTimeMillis();
        latest = TrainingSnapshot.of(loop, ++version, session, state,
                state == TrainerState.RUNNING ? examplesPerSecond : 0, pace, message, payloads);
    }

    private void evaluate(Probe<?> probe, long now) {
        evaluatedAt.put(probe, now);
        try {
            Object payload = ProbeEvaluator.evaluate(probe, loop);
            if (payload == null) {
                payloads.remove(probe);
            } else {
                payloads.put(probe, payload);
            }
        } catch (RuntimeException e) {
            payloads.remove(probe);
            message = "A view's request could not be served: " + e.getMessage();
        }
    }
}
