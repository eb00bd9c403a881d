package studio.backprop.ui.lessons;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import studio.backprop.nn.loss.Base;
import studio.backprop.ui.export.Exportable;

/** Entropy, cross-entropy and KL divergence of two editable distributions, in bits or nats. */
final class InformationLesson implements Lesson {

    private final BarsPlot plot = new BarsPlot();
    private final TextField p = new TextField("0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125");
    private final TextField q = new TextField("0.3, 0.2, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05");
    private final ChoiceBox<String> unit = new ChoiceBox<>();
    private final Label readout = Controls.text("");
    private final Label message = Controls.messageLine();
    private final BorderPane content = new BorderPane();

    InformationLesson() {
        unit.getItems().setAll("bits", "nats");
        unit.setValue("bits");
        p.getStyleClass().add("information-p");
        q.getStyleClass().add("information-q");
        readout.getStyleClass().add("information-readout");
        p.textProperty().addListener((o, a, b) -> redraw());
        q.textProperty().addListener((o, a, b) -> redraw());
        unit.valueProperty().addListener((o, a, b) -> redraw());
        content.setLeft(Controls.column(250, Controls.labelled("P (probabilities or weights)", p),
                Controls.labelled("Q", q), Controls.labelled("Unit", unit),
                Controls.text("H(P) = −Σ p·log p: the average surprise of P. H(P, Q) = −Σ p·log q: the cost of "
                        + "coding P with a code made for Q, which is the cross-entropy loss. KL(P‖Q) = H(P, Q) − H(P)"
                        + " ≥ 0: what the wrong code costs. Weights that do not sum to 1 are scaled. Computed by "
                        + "the engine's information measures."),
                readout, message));
        content.setCenter(plot);
        redraw();
    }

    private void redraw() {
        try {
            double[] pv = InformationModel.parse("P", p.getText());
            double[] qv = InformationModel.parse("Q", q.getText());
            InformationModel model = InformationModel.of(pv, qv, unit.getValue().equals("bits") ? Base.BITS
                    : Base.NATS);
            plot.show(model);
            String u = " " + unit.getValue();
            readout.setText("H(P) = " + Format.number(model.entropy()) + u + "\nH(P, Q) = "
                    + Format.number(model.crossEntropy()) + u + "\nKL(P‖Q) = " + Format.number(model.divergence())
                    + u);
            message.setText("");
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
        }
    }

    @Override
    public String title() {
        return "Entropy and KL";
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
