package studio.backprop.ui.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import studio.backprop.ui.export.ExportMenu;
import studio.backprop.ui.export.Exportable;

/** The app's dialogs: unsaved changes, errors in words, the sample gallery, PNG export, about. */
final class Dialogs {

    private Dialogs() {
    }

    /** True when it is fine to discard the document (nothing unsaved, saved now, or the user said so). */
    /**
     * Asks whether the open network may read data files outside its own folder, naming them: a file sent by someone
     * else can name any file the user can read.
     */
    static boolean allowOutsideData(Stage owner, java.util.List<Path> paths) {
        if (!owner.isShowing()) {
            return false;
        }
        ButtonType allow = new ButtonType("Read them", ButtonBar.ButtonData.YES);
        ButtonType refuse = new ButtonType("Don't read them", ButtonBar.ButtonData.NO);
        StringBuilder list = new StringBuilder();
        paths.stream().limit(5).forEach(p -> list.append("\n  ").append(p));
        Alert alert = new Alert(Alert.AlertType.WARNING, "This network's [data] section names files outside the "
                + "folder of the network file:" + list + (paths.size() > 5 ? "\n  …" : "") + "\n\nRead them only if "
                + "you trust where the file came from.", allow, refuse);
        alert.initOwner(owner);
        alert.setHeaderText("Data from outside the network's folder");
        return alert.showAndWait().filter(allow::equals).isPresent();
    }

    static boolean confirmDiscard(Stage owner, AppModel model) {
        if (!model.dirtyProperty().get()) {
            return true;
        }
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "The network '" + model.documentProperty().get().name()
                + "' has changes that are not saved. Save them first?", save, discard, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setHeaderText("Unsaved changes");
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return false;
        }
        if (answer.get() == save) {
            Path file = model.fileProperty().get();
            if (file == null) {
                FileChooser chooser = chooser("Save the network", model);
                file = toPath(chooser.showSaveDialog(owner));
                if (file == null) {
                    return false;
                }
            }
            try {
                studio.backprop.io.AtomicFile.writeString(file, studio.backprop.spec.DocumentFormat.write(
                        model.documentProperty().get()));
                model.history().markSaved();
                model.dirtyProperty().set(false);
            } catch (IOException e) {
                error(owner, "Could not save: " + e.getMessage());
                return false;
            }
        }
        return true;
    }

    /** A problem in words; never a stack trace. Does not block. */
    static void error(Stage owner, String message) {
        Alert alert = new Alert(Alert.AlertType.WARNING, message, ButtonType.OK);
        alert.initOwner(owner);
        alert.setHeaderText(null);
        alert.setTitle("Backprop Studio");
        alert.show();
    }

    static FileChooser chooser(String title, AppModel model) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Networks, sessions and GANs", "*.bps", "*.bpsession", "*.bpgan"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        Path current = model.fileProperty().get();
        File dir = (current != null ? current.toAbsolutePath().getParent() : model.samplesFolder()).toFile();
        if (dir.isDirectory()) {
            chooser.setInitialDirectory(dir);
        }
        return chooser;
    }

    static Path toPath(File f) {
        return f == null ? null : f.toPath();
    }

    /** The samples with their titles and descriptions; returns the chosen one (a double click also opens). */
    static Optional<Path> gallery(Stage owner, List<Path> samples) {
        return SampleGallery.dialog(owner, samples).showAndWait();
    }

    /** Chooses a view, a scale and a background, then a file, and writes the PNG through the one export path. */
    static void export(Stage owner, List<Exportable> views, AppModel model) {
        ExportMenu.exportInteractively(owner, views, name -> model.statusProperty().set("Exported " + name));
    }

    static void about(Stage owner) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "Backprop Studio: learn how neural networks work by "
                + "building them, running them and watching every number move.\n\nThe digit samples are from MNIST, "
                + "by Yann LeCun, Corinna Cortes and Christopher J.C. Burges, available under CC BY-SA 3.0.",
                ButtonType.OK);
        alert.initOwner(owner);
        alert.setHeaderText("Backprop Studio");
        alert.show();
    }

    /** Asks whether to recover the autosaved document of a session that ended abruptly. */
    static boolean offerRecovery(Stage owner, String name) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "The last session ended without saving '" + name
                + "'. Recover that work?", ButtonType.YES, ButtonType.NO);
        alert.initOwner(owner);
        alert.setHeaderText("Recover unsaved work");
        return alert.showAndWait().orElse(ButtonType.NO) == ButtonType.YES;
    }

    static Optional<String> choose(Stage owner, String title, List<String> options) {
        ChoiceDialog<String> d = new ChoiceDialog<>(options.get(0), options);
        d.initOwner(owner);
        d.setTitle(title);
        return d.showAndWait();
    }
}
