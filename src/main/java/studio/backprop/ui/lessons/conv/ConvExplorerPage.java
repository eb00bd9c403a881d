package studio.backprop.ui.lessons.conv;

import java.util.List;
import javafx.scene.Node;
import studio.backprop.ui.app.Page;
import studio.backprop.ui.app.Pages;
import studio.backprop.ui.export.Exportable;

/** The Convolution page: a lesson that needs no open network, so it plugs into nothing of the session. */
public final class ConvExplorerPage implements Page {

    private final ConvExplorerView view = new ConvExplorerView(new ConvExplorerViewModel());

    public ConvExplorerPage(Pages.Context context) {
    }

    @Override
    public String title() {
        return "Convolution";
    }

    @Override
    public Node content() {
        return view;
    }

    @Override
    public List<Exportable> exportables() {
        return List.of(view);
    }

    @Override
    public void setShowing(boolean showing) {
        if (!showing) {
            view.stopAnimation();
        }
    }

    ConvExplorerView view() {
        return view;
    }
}
