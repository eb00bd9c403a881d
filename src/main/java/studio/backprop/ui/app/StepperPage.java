package studio.backprop.ui.app;

import java.util.List;
import javafx.scene.Node;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.stepper.StepperView;
import studio.backprop.ui.stepper.StepperViewModel;

/** The Stepper page: one step of the open network walked stage by stage (Train ▸ Walk Through a Step, Ctrl+T). */
final class StepperPage implements Page {

    private final StepperViewModel model;
    private final StepperView view;

    StepperPage(Pages.Context context) {
        model = new StepperViewModel(context.model().training());
        view = new StepperView(model);
    }

    @Override
    public String title() {
        return "Stepper";
    }

    @Override
    public Node content() {
        return view;
    }

    @Override
    public List<Exportable> exportables() {
        return List.of(view, view.sketch());
    }

    /** The stepper records every step (and keeps them for stepping back) only while it is shown. */
    @Override
    public void setShowing(boolean showing) {
        model.setActive(showing);
        if (showing) {
            view.requestFocus();
        }
    }
}
