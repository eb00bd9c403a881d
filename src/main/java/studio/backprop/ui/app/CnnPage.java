package studio.backprop.ui.app;

import java.util.List;
import javafx.scene.Node;
import studio.backprop.ui.cnn.CnnView;
import studio.backprop.ui.cnn.CnnViewModel;
import studio.backprop.ui.cnn.EvaluationViewModel;
import studio.backprop.ui.cnn.WeightsViewModel;
import studio.backprop.ui.cnn.WhyViewModel;
import studio.backprop.ui.export.Exportable;

/**
 * The CNN page: what each layer of a convolutional network sees for a chosen or drawn input, and the other CNN
 * panels, live from the trainer. It asks the trainer for anything only while it is shown.
 */
final class CnnPage implements Page {

    private final CnnViewModel model;
    private final WeightsViewModel weights;
    private final WhyViewModel why;
    private final EvaluationViewModel evaluation;
    private boolean showing;
    private final CnnView view;

    CnnPage(Pages.Context context) {
        model = new CnnViewModel(context.model().training());
        weights = new WeightsViewModel(context.model().training());
        why = new WhyViewModel(context.model().training(), model);
        evaluation = new EvaluationViewModel(context.model().training());
        view = new CnnView(model, weights, why, evaluation);
        view.evaluationSelectedProperty().addListener((o, a, b) -> evaluation.showingProperty().set(showing && b));
        view.whySelectedProperty().addListener((o, a, b) -> why.showingProperty().set(showing && b));
    }

    @Override
    public String title() {
        return "CNN";
    }

    @Override
    public Node content() {
        return view;
    }

    @Override
    public List<Exportable> exportables() {
        return view.exportables();
    }

    @Override
    public void setShowing(boolean showing) {
        model.showingProperty().set(showing);
        weights.showingProperty().set(showing);
        this.showing = showing;
        why.showingProperty().set(showing && view.whySelectedProperty().get());
        evaluation.showingProperty().set(showing && view.evaluationSelectedProperty().get());
    }

    @Override
    public void setDarkColours(boolean dark) {
        view.setDarkColours(dark);
    }
}
