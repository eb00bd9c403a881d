package studio.backprop.ui.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import studio.backprop.io.SessionFile;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.DataResolver;
import studio.backprop.train.TrainingData;
import studio.backprop.train.Reconfiguration;
import studio.backprop.train.Trainer;
import studio.backprop.train.TrainerCommand;
import studio.backprop.train.TrainerState;
import studio.backprop.train.TrainingLoop;
import studio.backprop.ui.editor.EditCommand;
import studio.backprop.ui.editor.EditHistory;
import studio.backprop.ui.editor.EditRefusedException;
import studio.backprop.ui.training.TrainingViewModel;

/**
 * The application's state without any Node: the open document with its one undo history and its file, whether it
 * has unsaved changes, the status line, the look (theme, presenter mode), and the training session.
 *
 * <p>The document is the one source of truth. The session follows it: an edit the trainer can take live (the
 * optimiser and its settings, batch size, epochs, dropout, a moved box) is sent as a reconfiguration and training
 * goes on; an edit that changes the computation (layers, loss, data, seed) starts a fresh session at step 0, and the
 * status line says why. Opening a file prepares its session at once, so every view shows the new network before
 * Play. File work and training preparation run on the {@link IoExecutor}; results arrive on the JavaFX thread.
 */
public final class AppModel {

    /** Light or dark colours, or high contrast for projectors. */
    public enum Theme { LIGHT, DARK, HIGH_CONTRAST }

    private final EditHistory history = new EditHistory(NetworkDocument.empty("untitled", 2));
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty presenterMode = new SimpleBooleanProperty();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final ObjectProperty<TrainingData> dataOverride = new SimpleObjectProperty<>();
    /** Counts documents replaced by opening, new or recovery (not edits), so views can reset their history. */
    private final javafx.beans.property.IntegerProperty loads = new javafx.beans.property.SimpleIntegerProperty();
    private final TrainingViewModel training = new TrainingViewModel();
    private final IoExecutor io = new IoExecutor();
    private final Autosave autosave;
    private final RecentFiles recent;
    private final Path samplesFolder;
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

    /**
     * @param appFolder     where autosave lives (the user's home folder in the app, a temp folder in tests)
     * @param samplesFolder where the shipped samples are
     */
    public AppModel(Path appFolder, Path samplesFolder, Preferences prefs) {
        this.autosave = new Autosave(appFolder);
        this.recent = new RecentFiles(prefs);
        this.samplesFolder = samplesFolder;
        history.dirtyProperty().addListener((obs, was, now) -> dirty.set(now));
        history.documentProperty().addListener((obs, old, doc) -> follow(doc));
        training.snapshotProperty().addListener((obs, old, s) -> showSessionState(s));
    }

    // ---------------------------------------------------------------- files

    /** Opens a network file (.bps) or a session (.bpsession); the current work is replaced. */
    public void open(Path path, Consumer<String> onError) {
        status.set("Opening " + path.getFileName() + "…");
        if (path.toString().endsWith(".bpsession")) {
            io.submit(() -> SessionFile.open(path), loop -> {
                replace(loop.compilation().document(), path);
                generation++;
                preparing = false;
                training.start(loop);
                sessionDocument = loop.compilation().document();
                status.set("Opened the session " + path.getFileName() + " at step " + loop.steps()
                        + "; press Play to go on");
            }, message -> fail(onError, message));
            return;
        }
        io.submit(() -> DocumentFormat.read(Files.readString(path, StandardCharsets.UTF_8),
                path.getFileName().toString()), doc -> {
                    replace(doc, path);
                    status.set("Opened " + path.getFileName());
                }, message -> fail(onError, message));
    }

    /** A new untitled document from a template (a sample file): it is not tied to the template's file. */
    public void newFromTemplate(Path template, Consumer<String> onError) {
        io.submit(() -> DocumentFormat.read(Files.readString(template, StandardCharsets.UTF_8),
                template.getFileName().toString()), doc -> {
                    replace(doc, null);
                    status.set("New network from the template '" + doc.name() + "'");
                }, message -> fail(onError, message));
    }

    private void replace(NetworkDocument doc, Path path) {
        training.stop();
        if (parked != null) {
            parked.close();
            parked = null;
        }
        sessionDocument = null;
        dataOverride.set(null);
        file.set(path);
        history.reset(doc);
        follow(doc);
        dirty.set(false);
        loads.set(loads.get() + 1);
        if (path != null) {
            recent.add(path);
        }
    }

    /** Saves the document to {@code path} (atomically), or the session when the path ends in .bpsession. */
    public void saveAs(Path path, Runnable done, Consumer<String> onError) {
        NetworkDocument doc = history.document();
        status.set("Saving " + path.getFileName() + "…");
        if (path.toString().endsWith(".bpsession")) {
            saveSession(path, done, onError);
            return;
        }
        io.submit(() -> {
            studio.backprop.io.AtomicFile.writeString(path, DocumentFormat.write(doc));
            return path;
        }, p -> {
            file.set(p);
            if (doc.equals(history.document())) {
                history.markSaved();
            }
            dirty.set(!doc.equals(history.document()));
            recent.add(p);
            autosave.clear();
            status.set("Saved " + p.getFileName());
            done.run();
        }, message -> fail(onError, message));
    }

    private void saveSession(Path path, Runnable done, Consumer<String> onError) {
        if (!training.active()) {
            fail(onError, "there is no training session to save yet: press Play or Step first");
            return;
        }
        // the trainer copies its state between two steps (training goes on); the I/O executor writes the copy
        training.send(new TrainerCommand.TakeCheckpoint(copy -> io.submit(() -> {
            SessionFile.save(path, new SessionFile.Session(copy.document(), copy.data(), copy.checkpoint()));
            return copy.checkpoint().steps();
        }, steps -> {
            recent.add(path);
            status.set("Saved the session " + path.getFileName() + " at step " + steps);
            done.run();
        }, message -> fail(onError, "could not save the session: " + message))));
    }


    private void fail(Consumer<String> onError, String message) {
        status.set(message);
        onError.accept(message);
    }

    // ---------------------------------------------------------------- training

    /**
     * Makes the session follow an edited (or opened) document: a live change is sent to the trainer, a change of
     * the computation prepares a new session, a document that cannot train closes the session and keeps the reason.
     */
    private void follow(NetworkDocument doc) {
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
        Object key = java.util.List.of(doc.data(), base, classification, java.util.Arrays.toString(outputShape));
        TrainingData cached = override != null ? override : dataCache.get(key);
        boolean outside = override == null && !studio.backprop.train.DataFolder.outside(doc, base).isEmpty();
        if (outside && !consented.contains(doc.data()) && !dataConsent.test(
                studio.backprop.train.DataFolder.outside(doc, base))) {
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
    public void ensureTrainer(Runnable then, Consumer<String> onError) {
        if (history.document() == null) {
            fail(onError, whyNoSession);
        } else if (training.active() && !preparing) {
            then.run();
        } else if (preparing) {
            status.set("Preparing training…");
            whenReady.add(then);
        } else {
            fail(onError, whyNoSession);
        }
    }

    /**
     * How to ask the user before reading data from outside the network file's folder (a file from someone else may
     * name any file the user can read); without an answer such data is not read.
     */
    public void setDataConsent(java.util.function.Predicate<java.util.List<Path>> ask) {
        dataConsent = ask;
    }

    /** Why there is no training session now, or null when there is one. */
    public String whyNoSession() {
        return training.active() ? null : whyNoSession;
    }

    /** Uses this data (drawn or generated in the dataset panel) instead of the document's [data] section. */
    public void setDataOverride(TrainingData data) {
        dataOverride.set(data);
        prepareSession(history.document());
    }

    /** Keeps the status line in step with the session: what it trains, and when it finished or stopped. */
    private void showSessionState(studio.backprop.train.TrainingSnapshot s) {
        if (s == null) {
            return;
        }
        String text = switch (s.state()) {
            case RUNNING -> "Training '" + s.document().name() + "' on " + s.epochSize() + " samples…";
            case FINISHED -> "Training finished at step " + s.step() + ".";
            case DIVERGED -> "Training stopped: the numbers diverged.";
            case STOPPED -> "The training session has ended.";
            case PAUSED -> s.step() == 0 ? (restartNote == null ? "" : restartNote + " ") + "Ready to train '"
                    + s.document().name() + "' on " + s.epochSize() + " samples: press Play or a Step button."
                    : "Paused at step " + s.step() + ".";
        };
        if (s.step() > 0) {
            restartNote = null;
        }
        if (!text.equals(status.get()) && (lastState != s.state() || s.step() == 0)) {
            status.set(text);
        }
        lastState = s.state();
    }

    private TrainerState lastState;

    // ---------------------------------------------------------------- lifecycle

    /** Writes unsaved work to the autosave file (called periodically). */
    public void autosaveIfDirty() {
        if (dirty.get() && history.document() != null) {
            autosave.save(history.document()).ifPresent(status::set);
        }
    }

    /** A normal shutdown: stops training, forgets the autosave. */
    public void shutdown() {
        training.stop();
        if (parked != null) {
            parked.close();
            parked = null;
        }
        autosave.clear();
        io.shutdown();
    }

    public Autosave autosave() {
        return autosave;
    }

    public RecentFiles recent() {
        return recent;
    }

    public Path samplesFolder() {
        return samplesFolder;
    }

    public IoExecutor io() {
        return io;
    }

    /** The open document (read-only: change it through {@link #edit}, {@link #open} or the history). */
    public javafx.beans.property.ReadOnlyObjectProperty<NetworkDocument> documentProperty() {
        return history.documentProperty();
    }

    /** The document's one undo history (the editor and the training toolbar both edit through it). */
    public EditHistory history() {
        return history;
    }

    /**
     * Applies an edit as one undoable step.
     *
     * @return the refusal in words, or null when the edit was made
     */
    public String edit(EditCommand command) {
        try {
            history.execute(command);
            return null;
        } catch (EditRefusedException e) {
            return e.getMessage();
        }
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty presenterModeProperty() {
        return presenterMode;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Increments whenever a document is opened, created from a template or recovered. */
    public javafx.beans.property.IntegerProperty loadsProperty() {
        return loads;
    }

    public TrainingViewModel training() {
        return training;
    }

    /** Marks the document as recovered work that is not saved anywhere yet. */
    public void recover(NetworkDocument doc) {
        replace(doc, null);
        dirty.set(true);
        status.set("Recovered unsaved work from the last session; save it to keep it");
    }
}
