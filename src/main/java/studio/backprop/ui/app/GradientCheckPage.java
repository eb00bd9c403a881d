package studio.backprop.ui.app;

import java.util.List;
import javafx.scene.Node;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.gradcheck.GradientCheckView;
import studio.backprop.ui.gradcheck.GradientCheckViewModel;

/** The Gradient Check page: backpropagation of the open network against finite differences, worst first. */
final class GradientCheckPage implements Page {

    private final GradientCheckViewModel model;
    private final GradientCheckView view;

    GradientCheckPage(Pages.Context context) {
        model = new GradientCheckViewModel(context.model().training());
        view = new GradientCheckView(model);
    }

    @Override
    public String title() {
        return "Gradient Check";
    }

    @Override
    public Node content() {
        return view;
    }

    @Override
    public List<Exportable> exportables() {
        return List.of(view);
    }

    /** The check runs (and reruns after each step) only while the page is shown. */
    @Override
    public void setShowing(boolean showing) {
        model.setActive(showing);
    }
}
