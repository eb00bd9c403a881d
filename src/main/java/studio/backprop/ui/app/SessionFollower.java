package studio.backprop.ui.app;

import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.DataResolver;
import studio.backprop.train.Reconfiguration;
import studio.backprop.train.Trainer;
import studio.backprop.train.TrainerCommand;
import studio.backprop.train.TrainerState;
import studio.backprop.train.TrainingData;
import studio.backprop.train.TrainingLoop;
import studio.backprop.ui.editor.EditHistory;
import studio.backprop.ui.training.TrainingViewModel;

/**
 * Keeps the training session in step with the open document, which is the one source of truth. An edit the trainer
 * can take live (the optimiser and its settings, batch size, epochs, dropout, a moved box) is sent to it as a
 * reconfiguration and training goes on; an edit that changes the computation (layers, loss, data, seed) parks the
 * running session and prepares a fresh one at step 0 (off the JavaFX thread, on the {@link IoExecutor}), and the
 * status line says why; undoing such an edit brings the parked run back. A document that cannot train closes the
 * session and keeps the reason, which {@link #ensureTrainer} gives to whoever presses Play.
 *
 * <p>Thread: the JavaFX application thread.
 */
final class SessionFollower {

    private final EditHistory history;
    private final TrainingViewModel training;
    private final IoExecutor io;
    private final ObjectProperty<Path> file;
    private final Path samplesFolder;
    private final ObjectProperty<TrainingData> dataOverride;
    private final StringProperty status;
    private final BiConsumer<Consumer<String>, String> fail;
    /** The document the session runs (null while there is none). */
    private NetworkDocument sessionDocument;
    /** Counts session preparations; a prepared loop of an older one is dropped. */
    private long generation;
    private boolean preparing;
    private String whyNoSession = "There is no network yet: open one, or start from a template "
            + "(File ▸ New from Template).";
    private final java.util.List<Runnable> whenReady = new java.util.ArrayList<>();
    /** The run an edit replaced, kept paused so that undoing the edit brings it back (null when none). */
    private Trainer parked;
    /** Why the session started again, shown until training moves on. */
    private String restartNote;
    private final java.util.Map<Object, TrainingData> dataCache = new java.util.HashMap<>();
    /** Data sections the user allowed to read files outside the network file's folder. */
    private final java.util.Set<ComponentSpec> consented = new java.util.HashSet<>();
    /** Asks the user whether data outside the file's folder may be read (the window sets a dialog). */
    private java.util.function.Predicate<java.util.List<Path>> dataConsent = paths -> false;

    /** @param fail shows a failure in the status line and hands it to the caller's error handler */
    SessionFollower(EditHistory history, TrainingViewModel training, IoExecutor io, ObjectProperty<Path> file,
                    Path samplesFolder, ObjectProperty<TrainingData> dataOverride, StringProperty status,
                    BiConsumer<Consumer<String>, String> fail) {
        this.history = history;
        this.training = training;
        this.io = io;
        this.file = file;
        this.samplesFolder = samplesFolder;
        this.dataOverride = dataOverride;
        this.status = status;
        this.fail = fail;
        history.documentProperty().addListener((obs, old, doc) -> follow(doc));
        training.snapshotProperty().addListener((obs, old, s) -> showSessionState(s));
    }

    /** Ends the session and any parked run (a file is opened, the app closes). */
    void close() {
        training.stop();
        if (parked != null) {
            parked.close();
            parked = null;
        }
        sessionDocument = null;
        restartNote = null;
    }

    /** Makes a loop read from a session file the session, in place of any preparation under way. */
    void startOpened(TrainingLoop loop) {
        generation++;
        preparing = false;
        training.start(loop);
        sessionDocument = loop.compilation().document();
        whyNoSession = null;
    }

    /**
     * Makes the session follow an edited (or opened) document: a live change is sent to the trainer, a change of
     * the computation prepares a new session, a document that cannot train closes the session and keeps the reason.
     */
    void follow(NetworkDocument doc) {
        if (doc == null) {
            return;
        }
        if (training.active() && sessionDocument != null && !preparing) {
            Reconfiguration change = Reconfiguration.between(sessionDocument, doc);
            if (change.kind() != Reconfiguration.Kind.RESTART) {
                training.send(new TrainerCommand.Reconfigure(doc));
                sessionDocument = doc;
                return;
            }
            if (parked == null || Reconfiguration.between(parked.latest().document(), doc).kind()
                    == Reconfiguration.Kind.RESTART) {
                restartNote = change.why() + " Undo brings the earlier run back.";
                status.set(restartNote);
            }
        }
        if (parked != null && Reconfiguration.between(parked.latest().document(), doc).kind()
                != Reconfiguration.Kind.RESTART) {
            unpark(doc);
            return;
        }
        park();
        prepareSession(doc);
    }

    /** Compiles the document and, off the JavaFX thread, loads its data and builds a session paused at step 0. */
    private void prepareSession(NetworkDocument doc) {
        long mine = ++generation;
        Compilation c = DocumentCompiler.compile(doc);
        if (!c.trainable()) {
            closeSession("This network cannot be trained yet:\n" + c.whyNotTrainable());
            return;
        }
        TrainingData override = dataOverride.get();
        Path base = file.get() == null ? samplesFolder : file.get().toAbsolutePath().getParent();
        boolean classification = c.outputKind().classification();
        int[] outputShape = c.network().outputShape();
        // the resolved data is already split and shaped for the network's input and output (MNIST is 784 flat
        // values for an MLP, 28×28×1 for a CNN), so the split's settings and both shapes belong to the key
        Object key = java.util.List.of(doc.data(), base, classification, java.util.Arrays.toString(outputShape),
                java.util.Arrays.toString(doc.inputShape()),
                java.util.Arrays.asList(doc.training().get("validation"), doc.training().get("test"),
                        doc.training().get("split"), doc.training().get("seed")));
        TrainingData cached = override != null ? override : dataCache.get(key);
        java.util.List<Path> outsidePaths = override != null ? java.util.List.<Path>of()
                : studio.backprop.train.DataFolder.outside(doc, base);
        boolean outside = !outsidePaths.isEmpty();
        if (outside && !consented.contains(doc.data()) && !dataConsent.test(outsidePaths)) {
            closeSession("This network's data lies outside its file's folder; it was not read. Open it from the "
                    + "folder that holds its data, or allow it when asked.");
            status.set(whyNoSession);
            return;
        }
        if (outside) {
            consented.add(doc.data());
        }
        preparing = true;
        io.submit(() -> {
            TrainingData data = cached != null ? cached
                    : DataResolver.resolve(doc, base, classification, outputShape, outside);
            String memory = DocumentCompiler.memoryProblem(c, data.trainSize());
            if (memory != null) {
                throw new IllegalArgumentException(memory);
            }
            return new Object[] {new TrainingLoop(c, data), data};
        }, prepared -> {
            if (mine != generation) {
                return;
            }
            preparing = false;
            TrainingLoop loop = (TrainingLoop) prepared[0];
            if (override == null) {
                dataCache.clear();
                dataCache.put(key, (TrainingData) prepared[1]);
            }
            sessionDocument = doc;
            whyNoSession = null;
            training.start(loop);
            if (!doc.equals(history.document())) {
                follow(history.document());
            }
            java.util.List<Runnable> ready = java.util.List.copyOf(whenReady);
            whenReady.clear();
            ready.forEach(Runnable::run);
        }, message -> {
            if (mine == generation) {
                closeSession("This network cannot be trained: " + message);
                status.set(whyNoSession);
            }
        });
    }

    /** Keeps the current run (if it trained at all) paused aside; an earlier parked run is closed. */
    private void park() {
        Trainer current = training.detach();
        sessionDocument = null;
        if (current == null) {
            return;
        }
        if (current.latest().step() > 0) {
            if (parked != null) {
                parked.close();
            }
            parked = current;
        } else {
            current.close();
        }
    }

    /** Brings the parked run back for {@code doc}; the run it replaces is parked in its turn (if it trained). */
    private void unpark(NetworkDocument doc) {
        generation++;
        preparing = false;
        Trainer back = parked;
        parked = null;
        park();
        training.attach(back);
        restartNote = null;
        back.send(new TrainerCommand.Reconfigure(doc));
        sessionDocument = doc;
        whyNoSession = null;
        status.set("The earlier run is back, at step " + back.latest().step() + ".");
    }

    private void closeSession(String why) {
        preparing = false;
        training.stop();
        sessionDocument = null;
        whyNoSession = why;
        whenReady.clear();
    }

    /**
     * Runs {@code then} once the session for the current document is ready (at once when it is); when the document
     * cannot be trained, says why instead.
     */
    void ensureTrainer(Runnable then, Consumer<String> onError) {
        if (history.document() == null) {
            fail.accept(onError, whyNoSession);
        } else if (training.active() && !preparing) {
            then.run();
        } else if (preparing) {
            status.set("Preparing training…");
            whenReady.add(then);
        } else {
            fail.accept(onError, whyNoSession);
        }
    }

    /**
     * How to ask the user before reading data from outside the network file's folder (a file from someone else may
     * name any file the user can read); without an answer such data is not read.
     */
    void setDataConsent(java.util.function.Predicate<java.util.List<Path>> ask) {
        dataConsent = ask;
    }

    /** Why there is no training session now, or null when there is one. */
    String whyNoSession() {
        return training.active() ? null : whyNoSession;
    }

    /** Uses this data (drawn or generated in the dataset panel) instead of the document's [data] section. */
    void setDataOverride(TrainingData data) {
        dataOverride.set(data);
        prepareSession(history.document());
    }

    /** Keeps the status line in step with the session: what it trains, and when it finished or stopped. */
    void showSessionState(studio.backprop.train.TrainingSnapshot s) {
        if (s == null) {
            return;
        }
        String text = switch (s.state()) {
            case RUNNING -> "Training '" + s.document().name() + "' on " + s.epochSize() + " samples…";
            case FINISHED -> "Training finished at step " + s.step() + ".";
            case DIVERGED -> "Training stopped: the numbers diverged.";
            case STOPPED -> "The training session has ended.";
            case PAUSED -> s.step() == 0 ? (restartNote == null ? "" : restartNote + " ") + "Ready to train '"
                    + s.document().name() + "' on " + s.epochSize() + (s.epochSize() == 1 ? " sample" : " samples")
                    + ": press Play or a Step button."
                    : "Paused: press Play to go on, or a Step button.";
        };
        if (s.step() > 0) {
            restartNote = null;
        }
        boolean leftStart = lastStep == 0 && s.step() > 0;
        lastStep = s.step();
        if (!text.equals(status.get()) && (lastState != s.state() || s.step() == 0 || leftStart)) {
            status.set(text);
        }
        lastState = s.state();
    }

    private TrainerState lastState;
    private long lastStep;
}
