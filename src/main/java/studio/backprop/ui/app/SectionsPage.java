package studio.backprop.ui.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.sections.SectionsView;
import studio.backprop.ui.sections.SectionsViewModel;

/**
 * The Setup page: the loss (with its reduction and ½), the optimiser with every setting and its schedule, the
 * training plan and the data source of the open document, edited through the document's one undo history.
 */
final class SectionsPage implements Page {

    private final SectionsView view;

    SectionsPage(Pages.Context context) {
        AppModel model = context.model();
        view = new SectionsView(new SectionsViewModel(model.documentProperty(), model::edit),
                context.window()::showError);
        Label notes = new Label();
        notes.setId("setup-notes");
        notes.getStyleClass().add("teaching-notes");
        notes.setWrapText(true);
        notes.setPadding(new javafx.geometry.Insets(6, 8, 6, 8));
        TitledPane pane = new TitledPane("About this network", notes);
        pane.setCollapsible(true);
        view.setNotes(pane);
        Runnable show = () -> notes.setText(notesFor(model.fileProperty().get(), model.documentProperty().get(),
                model.samplesFolder()));
        model.fileProperty().addListener((o, was, now) -> show.run());
        model.loadsProperty().addListener((o, was, now) -> show.run());
        show.run();
    }

    /**
     * The open sample's teaching text (by its file, or for a network new from a template by its name); for another
     * network, what this page is for.
     */
    static String notesFor(Path file, NetworkDocument doc, Path samples) {
        return (file == null ? Optional.<TeachingText>empty() : TeachingText.ofSample(file))
                .or(() -> file == null && doc != null ? TeachingText.ofSampleNamed(doc.name(), samples)
                        : Optional.empty())
                .or(() -> TeachingText.ofPage("Setup")).map(TeachingText::asText).orElse("");
    }

    @Override
    public String title() {
        return "Setup";
    }

    @Override
    public Node content() {
        return view;
    }

    @Override
    public List<Exportable> exportables() {
        return List.of();
    }
}
