package studio.backprop.ui.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import studio.backprop.io.SessionFile;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.TrainingData;
import studio.backprop.train.TrainerCommand;
import studio.backprop.ui.editor.EditCommand;
import studio.backprop.ui.editor.EditHistory;
import studio.backprop.ui.editor.EditRefusedException;
import studio.backprop.ui.training.TrainingViewModel;

/**
 * The application's state without any Node: the open document with its one undo history and its file, whether it
 * has unsaved changes, the status line, the look (theme, presenter mode), and the training session.
 *
 * <p>The document is the one source of truth; a {@link SessionFollower} keeps the training session in step with
 * it. File work runs on the {@link IoExecutor}; results arrive on the JavaFX thread.
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
    private final ObjectProperty<GanFile> ganFile = new SimpleObjectProperty<>();
    /** Counts documents replaced by opening, new or recovery (not edits), so views can reset their history. */
    private final javafx.beans.property.IntegerProperty loads = new javafx.beans.property.SimpleIntegerProperty();
    private final TrainingViewModel training = new TrainingViewModel();
    private final IoExecutor io = new IoExecutor();
    private final Autosave autosave;
    private final RecentFiles recent;
    private final Path samplesFolder;
    private final SessionFollower session;
    private final java.util.List<Runnable> shutdownActions = new java.util.ArrayList<>();

    /**
     * @param appFolder     where autosave lives (the user's home folder in the app, a temp folder in tests)
     * @param samplesFolder where the shipped samples are
     */
    public AppModel(Path appFolder, Path samplesFolder, Preferences prefs) {
        this.autosave = new Autosave(appFolder);
        this.recent = new RecentFiles(prefs);
        this.samplesFolder = samplesFolder;
        history.dirtyProperty().addListener((obs, was, now) -> dirty.set(now));
        this.session = new SessionFollower(history, training, io, file, samplesFolder, dataOverride, status,
                this::fail);
    }

    // ---------------------------------------------------------------- files

    /**
     * Opens a network file (.bps) or a session (.bpsession), replacing the current work; or a GAN file (.bpgan, or
     * any file whose first line says {@code backprop-studio gan 1}), which goes to {@link #ganFileProperty()} and
     * leaves the network document as it is. A file that cannot be read replaces nothing.
     */
    public void open(Path path, Consumer<String> onError) {
        status.set("Opening " + path.getFileName() + "…");
        if (GanFiles.named(path)) {
            openGan(path, onError);
            return;
        }
        if (path.toString().endsWith(".bpsession")) {
            io.submit(() -> SessionFile.open(path), loop -> {
                replace(loop.compilation().document(), path);
                session.startOpened(loop);
                status.set("Opened the session " + path.getFileName() + " at step " + loop.steps()
                        + "; press Play to go on");
            }, message -> fail(onError, message));
            return;
        }
        io.submit(() -> {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            return studio.backprop.spec.GanFormat.isGan(text) ? GanFiles.read(path, text)
                    : DocumentFormat.read(text, path.getFileName().toString());
        }, opened -> {
            if (opened instanceof GanFile gan) {
                showGan(gan);
            } else {
                replace((NetworkDocument) opened, path);
                status.set("Opened " + path.getFileName());
            }
        }, message -> fail(onError, message));
    }

    private void openGan(Path path, Consumer<String> onError) {
        io.submit(() -> GanFiles.read(path), this::showGan, message -> fail(onError, message));
    }

    private void showGan(GanFile gan) {
        recent.add(gan.path());
        // said first, so that the GAN page, told next, can replace it with why it cannot draw this GAN
        status.set("Opened the GAN " + gan.path().getFileName() + " on the Generative tab's GAN page");
        ganFile.set(gan);
    }

    /** The GAN file opened last (null before one): the GAN page follows it; the network document is not touched. */
    public javafx.beans.property.ReadOnlyObjectProperty<GanFile> ganFileProperty() {
        return ganFile;
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
        session.close();
        dataOverride.set(null);
        file.set(path);
        NetworkDocument before = history.document();
        history.reset(doc);
        if (doc.equals(before)) {
            session.follow(doc);
        }
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
     * Runs {@code then} once the session for the current document is ready (at once when it is); when the document
     * cannot be trained, says why instead.
     */
    public void ensureTrainer(Runnable then, Consumer<String> onError) {
        session.ensureTrainer(then, onError);
    }

    /**
     * How to ask the user before reading data from outside the network file's folder (a file from someone else may
     * name any file the user can read); without an answer such data is not read.
     */
    public void setDataConsent(java.util.function.Predicate<java.util.List<Path>> ask) {
        session.setDataConsent(ask);
    }

    /** Why there is no training session now, or null when there is one. */
    public String whyNoSession() {
        return session.whyNoSession();
    }

    /** Uses this data (drawn or generated in the dataset panel) instead of the document's [data] section. */
    public void setDataOverride(TrainingData data) {
        session.setDataOverride(data);
    }

    // ---------------------------------------------------------------- lifecycle

    /** Writes unsaved work to the autosave file (called periodically). */
    public void autosaveIfDirty() {
        if (dirty.get() && history.document() != null) {
            autosave.save(history.document()).ifPresent(status::set);
        }
    }

    /** Runs {@code action} at shutdown, before training stops (a page's background work ends there). */
    public void onShutdown(Runnable action) {
        shutdownActions.add(action);
    }

    /** A normal shutdown: stops training, forgets the autosave. */
    public void shutdown() {
        shutdownActions.forEach(Runnable::run);
        session.close();
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
