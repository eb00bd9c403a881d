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
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.DataResolver;
import studio.backprop.train.TrainingData;
import studio.backprop.train.TrainingLoop;
import studio.backprop.ui.training.TrainingViewModel;

/**
 * The application's state without any Node: the open document and its file, whether it has unsaved changes, the
 * status line, the look (theme, presenter mode), and the training view model. File work and training preparation
 * run on the {@link IoExecutor}; results arrive on the JavaFX thread.
 */
public final class AppModel {

    /** Light or dark colours, or high contrast for projectors. */
    public enum Theme { LIGHT, DARK, HIGH_CONTRAST }

    private final ObjectProperty<NetworkDocument> document = new SimpleObjectProperty<>();
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
    private NetworkDocument trainedDocument;

    /**
     * @param appFolder     where autosave lives (the user's home folder in the app, a temp folder in tests)
     * @param samplesFolder where the shipped samples are
     */
    public AppModel(Path appFolder, Path samplesFolder, Preferences prefs) {
        this.autosave = new Autosave(appFolder);
        this.recent = new RecentFiles(prefs);
        this.samplesFolder = samplesFolder;
        document.addListener((obs, old, doc) -> {
            if (old != null && doc != null && !doc.equals(old)) {
                dirty.set(true);
            }
        });
    }

    // ---------------------------------------------------------------- files

    /** Opens a network file (.bps) or a session (.bpsession); the current work is replaced. */
    public void open(Path path, Consumer<String> onError) {
        status.set("Opening " + path.getFileName() + "…");
        if (path.toString().endsWith(".bpsession")) {
            io.submit(() -> SessionFile.open(path), loop -> {
                replace(loop.compilation().document(), path);
                training.start(loop);
                trainedDocument = loop.compilation().document();
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
        trainedDocument = null;
        dataOverride.set(null);
        document.set(doc);
        file.set(path);
        dirty.set(false);
        loads.set(loads.get() + 1);
        if (path != null) {
            recent.add(path);
        }
    }

    /** Saves the document to {@code path} (atomically), or the session when the path ends in .bpsession. */
    public void saveAs(Path path, Runnable done, Consumer<String> onError) {
        NetworkDocument doc = document.get();
        status.set("Saving " + path.getFileName() + "…");
        if (path.toString().endsWith(".bpsession")) {
            saveSession(path, done, onError);
            return;
        }
        io.submit(() -> {
            writeAtomically(path, DocumentFormat.write(doc));
            return path;
        }, p -> {
            file.set(p);
            dirty.set(!doc.equals(document.get()));
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
        training.send(new studio.backprop.train.TrainerCommand.Pause());
        training.send(new studio.backprop.train.TrainerCommand.Apply(loop -> {
            try {
                SessionFile.save(path, loop);
                javafx.application.Platform.runLater(() -> {
                    recent.add(path);
                    status.set("Saved the session " + path.getFileName() + " at step " + loop.steps());
                    done.run();
                });
            } catch (java.io.IOException e) {
                javafx.application.Platform.runLater(() -> fail(onError, "could not save the session: "
                        + e.getMessage()));
            }
        }));
    }

    static void writeAtomically(Path path, String text) throws java.io.IOException {
        Path target = path.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".saving");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void fail(Consumer<String> onError, String message) {
        status.set(message);
        onError.accept(message);
    }

    // ---------------------------------------------------------------- training

    /**
     * Makes sure a trainer for the current document exists, then runs {@code then}. When the document changed since
     * the trainer was built (or there is none), it is compiled; an untrainable document is refused with the reason,
     * and data and weights are prepared off the JavaFX thread.
     */
    public void ensureTrainer(Runnable then, Consumer<String> onError) {
        NetworkDocument doc = document.get();
        if (doc == null) {
            fail(onError, "There is no network yet: open one, or start from a template (File ▸ New from Template).");
            return;
        }
        if (training.active() && doc.equals(trainedDocument)) {
            then.run();
            return;
        }
        Compilation c = DocumentCompiler.compile(doc);
        if (!c.trainable()) {
            fail(onError, "This network cannot be trained yet:\n" + c.whyNotTrainable());
            return;
        }
        if (c.perceptron()) {
            fail(onError, "This network uses the perceptron rule: step through it with the command line's trace, "
                    + "or choose gradient descent (e.g. sgd) to train it here.");
            return;
        }
        TrainingData override = dataOverride.get();
        Path base = file.get() == null ? samplesFolder : file.get().toAbsolutePath().getParent();
        status.set("Preparing training…");
        io.submit(() -> {
            TrainingData data = override != null ? override : DataResolver.resolve(doc, base,
                    c.loss().name().contains("entropy") || c.loss().name().contains("hinge"),
                    c.network().outputShape());
            return new TrainingLoop(c, data);
        }, loop -> {
            training.start(loop);
            trainedDocument = doc;
            status.set("Training '" + doc.name() + "' on " + loop.data().trainSize() + " samples");
            then.run();
        }, message -> fail(onError, message));
    }

    /**
     * Records an edit that was also applied to the running trainer (learning rate, optimiser): the document changes,
     * the trainer goes on without being rebuilt.
     */
    public void applyLive(NetworkDocument edited) {
        boolean current = training.active() && document.get().equals(trainedDocument);
        document.set(edited);
        if (current) {
            trainedDocument = edited;
        }
    }

    /** Uses this data (drawn or generated in the dataset panel) instead of the document's [data] section. */
    public void setDataOverride(TrainingData data) {
        dataOverride.set(data);
        trainedDocument = null;
        training.stop();
    }

    // ---------------------------------------------------------------- lifecycle

    /** Writes unsaved work to the autosave file (called periodically). */
    public void autosaveIfDirty() {
        if (dirty.get() && document.get() != null) {
            autosave.save(document.get()).ifPresent(status::set);
        }
    }

    /** A normal shutdown: stops training, forgets the autosave. */
    public void shutdown() {
        training.stop();
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

    public ObjectProperty<NetworkDocument> documentProperty() {
        return document;
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
