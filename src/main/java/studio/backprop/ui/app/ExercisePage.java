package studio.backprop.ui.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.stage.FileChooser;
import studio.backprop.spec.ExerciseFormat;
import studio.backprop.train.exercise.Exercises;
import studio.backprop.ui.exercise.ExerciseView;
import studio.backprop.ui.exercise.ExerciseViewModel;
import studio.backprop.ui.export.Exportable;

/**
 * The Exercise page: when the open file is an exercise (a network file with an {@code [exercise]} section), its
 * trace table with the hidden values to type in. The exercise is set on the I/O executor, never on the JavaFX
 * thread; opening an exercise here opens its network in the other pages too.
 */
final class ExercisePage implements Page {

    private final ExerciseViewModel model = new ExerciseViewModel();
    private final ExerciseView view;
    private final Pages.Context context;

    ExercisePage(Pages.Context context) {
        this.context = context;
        view = new ExerciseView(model, this::choose);
        context.model().fileProperty().addListener((o, a, file) -> load(file));
    }

    private void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open an Exercise");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Exercise files", "*.bps"));
        Path samples = context.model().samplesFolder();
        if (samples != null && Files.isDirectory(samples)) {
            chooser.setInitialDirectory(samples.toFile());
        }
        java.io.File file = chooser.showOpenDialog(context.stage());
        if (file != null) {
            open(file.toPath());
        }
    }

    /** Opens an exercise file as the app's document; the page sets its exercise when the file is open. */
    void open(Path file) {
        context.model().open(file, model::setProblem);
    }

    private void load(Path file) {
        if (file == null) {
            return;
        }
        context.model().io().submit(() -> {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return ExerciseFormat.hasExercise(text) ? Exercises.load(file, false) : null;
        }, sheet -> {
            if (sheet != null) {
                model.setSheet(sheet);
            }
        }, model::setProblem);
    }

    @Override
    public String title() {
        return "Exercise";
    }

    @Override
    public Node content() {
        return view;
    }

    @Override
    public void setShowing(boolean showing) {
        if (showing) {
            view.requestFocus();
        }
    }

    @Override
    public List<Exportable> exportables() {
        return List.of(view, view.sheetPicture(), view.solutionPicture());
    }
}
