package studio.backprop.train;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.Parameter;

/**
 * Owns a {@link TrainingLoop} on its own thread. The UI sends {@link TrainerCommand}s, which take effect between
 * steps, and reads {@link #latest()}, an immutable snapshot published at most every
 * {@value #PUBLISH_INTERVAL_MS} ms while training (and at once after a command), so the JavaFX thread never
 * waits for training and never touches the network.
 */
public final class Trainer implements AutoCloseable {

    static final long PUBLISH_INTERVAL_MS = 15;

    private final TrainingLoop loop;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile TrainingSnapshot latest;
    private volatile boolean closing;
    private TrainerState state = TrainerState.PAUSED;
    private String message;
    private Set<String> subscriptions = Set.of();
    private long version;
    private long lastPublish;
    private long rateStartNanos = System.nanoTime();
    private long rateStartSamples;
    private long samplesSeen;
    private double examplesPerSecond;

    private static final Object SHUTDOWN = new Object();

    public Trainer(TrainingLoop loop) {
        this.loop = loop;
        publish();
        thread = new Thread(this::run, "backprop-trainer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a command; it runs between steps. */
    public void send(TrainerCommand command) {
        if (!closing) {
            queue.add(command);
        }
    }

    /** The most recent snapshot (never null). */
    public TrainingSnapshot latest() {
        return latest;
    }

    /** Stops the thread after the current step and waits for it (at most two seconds). */
    @Override
    public void close() {
        closing = true;
        queue.add(SHUTDOWN);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (true) {
                Object next = state == TrainerState.RUNNING ? queue.poll() : queue.poll(50, TimeUnit.MILLISECONDS);
                if (next == SHUTDOWN) {
                    break;
                }
                if (next != null) {
                    handle((TrainerCommand) next);
                    publish();
                } else if (state == TrainerState.RUNNING) {
                    guarded(loop::stepBatch);
                    if (state != TrainerState.RUNNING
                            || System.currentTimeMillis() - lastPublish >= PUBLISH_INTERVAL_MS) {
                        publish();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            state = TrainerState.STOPPED;
            message = "The trainer stopped because of an internal error: " + e;
        }
        state = TrainerState.STOPPED;
        publish();
    }

    private void handle(TrainerCommand command) {
        if (command instanceof TrainerCommand.Play) {
            if (!loop.finished()) {
                state = TrainerState.RUNNING;
                message = null;
            }
        } else if (command instanceof TrainerCommand.Pause) {
            state = state == TrainerState.RUNNING ? TrainerState.PAUSED : state;
        } else if (command instanceof TrainerCommand.StepSample) {
            single(loop::stepSample);
        } else if (command instanceof TrainerCommand.StepBatch) {
            single(loop::stepBatch);
        } else if (command instanceof TrainerCommand.StepEpoch) {
            single(loop::stepEpoch);
        } else if (command instanceof TrainerCommand.Reset) {
            loop.reset();
            state = TrainerState.PAUSED;
            message = null;
        } else if (command instanceof TrainerCommand.SetLearningRate r) {
            attempt(() -> loop.setLearningRate(r.learningRate()));
        } else if (command instanceof TrainerCommand.SetBatchSize b) {
            attempt(() -> loop.setBatchSize(b.batchSize()));
        } else if (command instanceof TrainerCommand.Subscribe sub) {
            subscriptions = Set.copyOf(sub.keys());
        } else if (command instanceof TrainerCommand.Apply a) {
            attempt(() -> a.action().accept(loop));
        }
    }

    private void single(Runnable step) {
        if (state == TrainerState.RUNNING) {
            state = TrainerState.PAUSED;
        }
        if (state == TrainerState.DIVERGED) {
            state = TrainerState.PAUSED;
        }
        message = null;
        guarded(step);
    }

    private void guarded(Runnable step) {
        long before = loop.steps();
        try {
            int position = loop.position();
            int epoch = loop.epoch();
            step.run();
            samplesSeen += loop.epoch() > epoch ? 0 : loop.position() - position;
            if (loop.finished()) {
                state = TrainerState.FINISHED;
                message = loop.earlyStopped() ? "Early stopping: the validation loss has not improved for "
                        + loop.compilation().plan().patience() + " epochs." : null;
            }
        } catch (TrainingDivergedException e) {
            state = TrainerState.DIVERGED;
            message = e.getMessage();
        } catch (RuntimeException e) {
            state = TrainerState.PAUSED;
            message = "Step " + (before + 1) + " failed: " + e.getMessage();
        }
    }

    private void attempt(Runnable change) {
        try {
            change.run();
        } catch (RuntimeException e) {
            message = e.getMessage();
        }
    }

    private void publish() {
        long now = System.nanoTime();
        if (now - rateStartNanos > 1_000_000_000L) {
            examplesPerSecond = (samplesSeen - rateStartSamples) / ((now - rateStartNanos) / 1e9);
            rateStartNanos = now;
            rateStartSamples = samplesSeen;
        }
        lastPublish = System.currentTimeMillis();
        latest = new TrainingSnapshot(++version, state, loop.steps(), loop.epoch(), loop.position(),
                loop.data().trainSize(), loop.lastLoss(), loop.stepLoss(), loop.trainLoss(),
                loop.trainAccuracy(), loop.validLoss(), loop.validAccuracy(), loop.learningRates(),
                loop.optimizer().learningRate(), loop.batchSize(),
                state == TrainerState.RUNNING ? examplesPerSecond : 0, message, copies());
    }

    private Map<String, TrainingSnapshot.TensorCopy> copies() {
        if (subscriptions.isEmpty()) {
            return Map.of();
        }
        Map<String, TrainingSnapshot.TensorCopy> out = new HashMap<>();
        for (Parameter p : loop.network().parameters()) {
            if (subscriptions.contains("param:" + p.name())) {
                out.put("param:" + p.name(), copy(p.value()));
            }
            if (subscriptions.contains("grad:" + p.name()) && p.grad() != null) {
                out.put("grad:" + p.name(), copy(p.grad()));
            }
        }
        if (loop.lastStep() != null) {
            for (Map.Entry<String, Variable> e : loop.lastStep().nodeOutputs().entrySet()) {
                if (subscriptions.contains("output:" + e.getKey())) {
                    out.put("output:" + e.getKey(), copy(e.getValue().value()));
                }
            }
        }
        return Map.copyOf(out);
    }

    private static TrainingSnapshot.TensorCopy copy(studio.backprop.tensor.Tensor t) {
        return new TrainingSnapshot.TensorCopy(t.shape(), t.toArray());
    }
}
