package studio.backprop.ui.app;

import java.util.List;
import java.util.function.Function;
import javafx.stage.Stage;
import studio.backprop.ui.lessons.LessonsPage;

/** The registry of the main window's pages, in tab order. */
public final class Pages {

    /** What a page is built from. */
    public record Context(AppModel model, MainWindow window, Stage stage) {
    }

    /** Every page, in the order of the tabs. A new page is one class and one entry here. */
    static final List<Function<Context, Page>> ALL = List.of(
            NetworkPage::new,
            SectionsPage::new,
            TrainingPage::new,
            StepperPage::new,
            GradientCheckPage::new,
            CnnPage::new,
            studio.backprop.ui.lessons.conv.ConvExplorerPage::new,
            ExercisePage::new,
            context -> new LessonsPage(context.model().documentProperty(), () -> dataFolder(context.model())),
            studio.backprop.ui.lessons.sequence.SequencesPage::new,
            studio.backprop.ui.lessons.generative.GenerativePage::new);

    private Pages() {
    }

    /** The folder the open document's data paths are relative to: its file's, or the samples for a new one. */
    private static java.nio.file.Path dataFolder(AppModel model) {
        java.nio.file.Path file = model.fileProperty().get();
        return file == null ? model.samplesFolder() : file.toAbsolutePath().getParent();
    }

    /** Builds every registered page into the window. */
    public static void install(MainWindow window, AppModel model, Stage stage) {
        Context context = new Context(model, window, stage);
        for (Function<Context, Page> factory : ALL) {
            window.addPage(factory.apply(context));
        }
    }
}
