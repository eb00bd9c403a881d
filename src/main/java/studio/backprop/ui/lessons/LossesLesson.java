package studio.backprop.ui.lessons;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.BorderPane;
import studio.backprop.nn.loss.Losses;
import studio.backprop.ui.export.Exportable;

/** Every loss of the engine against the prediction for class 0 and class 1, with the gradient it sends back. */
final class LossesLesson implements Lesson {

    private final SeriesPlot plot = new SeriesPlot("loss-curves", 760, 480);
    private final ComboBox<String> choice = new ComboBox<>();
    private final BorderPane content = new BorderPane();

    LossesLesson() {
        choice.getItems().setAll(Losses.names());
        choice.setValue("binary_cross_entropy");
        choice.getStyleClass().add("loss-choice");
        choice.valueProperty().addListener((o, a, b) -> redraw());
        content.setLeft(Controls.column(250, Controls.labelled("Loss", choice),
                Controls.text("Solid: the loss L for one sample whose target is class 0 or class 1. Dashed: "
                        + "∂L/∂prediction, the gradient the loss sends back into the network, by autograd. Hinge "
                        + "takes targets −1 and +1. Categorical losses see two outputs (1 − p, p), or logits "
                        + "(0, z). The value axis is cut at −4 and 6: the log losses rise without bound.")));
        content.setCenter(plot);
        redraw();
    }

    private void redraw() {
        LossCurves c = LossCurves.compute(choice.getValue(), 301);
        boolean hinge = choice.getValue().contains("hinge");
        String zero = hinge ? "y = −1" : "y = 0";
        String one = hinge ? "y = +1" : "y = 1";
        plot.show(c.name() + " and its gradient", c.axis(), "", List.of(
                new SeriesPlot.Series("L, " + zero, 0, c.predictions(), c.loss()[0], false),
                new SeriesPlot.Series("L, " + one, 1, c.predictions(), c.loss()[1], false),
                new SeriesPlot.Series("∂L/∂prediction, " + zero, 0, c.predictions(), c.gradient()[0], true),
                new SeriesPlot.Series("∂L/∂prediction, " + one, 1, c.predictions(), c.gradient()[1], true)),
                new double[] {-4, 6});
    }

    @Override
    public String title() {
        return "Losses";
    }

    @Override
    public Node content() {
        return content;
    }

    @Override
    public List<Exportable> exportables() {
        return List.of(plot);
    }

    @Override
    public void setPresenterMode(boolean on) {
        plot.setPresenter(on);
    }

    @Override
    public void setDarkColours(boolean dark) {
        plot.setDark(dark);
    }
}
