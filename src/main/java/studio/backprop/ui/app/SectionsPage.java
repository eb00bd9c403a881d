package studio.backprop.ui.app;

import java.util.List;
import javafx.scene.Node;
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
