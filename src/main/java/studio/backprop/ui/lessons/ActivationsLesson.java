package studio.backprop.ui.lessons;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import studio.backprop.nn.Activation;
import studio.backprop.ui.export.Exportable;

/**
 * Every element-wise activation of the engine with its derivative (by autograd), the dead regions (f' = 0) and the
 * saturated ones (f' below a tenth of its largest) shaded, and α editable for leaky ReLU and ELU.
 */
final class ActivationsLesson implements Lesson {

    private final SeriesPlot plot = new SeriesPlot("activation", 760, 480);
    private final ComboBox<Activation> choice = new ComboBox<>();
    private final Label message = Controls.messageLine();
    private final Label readout = Controls.text("");
    private final BorderPane content = new BorderPane();
    private final NumberField alphaField;
    private float alpha = Activation.SIGMOID.defaultAlpha();

    ActivationsLesson() {
        choice.getItems().setAll(ActivationCurves.elementWise());
        choice.setValue(Activation.SIGMOID);
        choice.getStyleClass().add("activation-choice");
        alphaField = new NumberField("α", alpha, v -> {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("α must be a finite number, e.g. 0.01 for leaky ReLU or 1 for ELU");
            }
            alpha = v.floatValue();
            redraw();
        }, message);
        alphaField.getStyleClass().add("activation-alpha");
        choice.valueProperty().addListener((o, a, b) -> {
            alpha = b.defaultAlpha();
            alphaField.show(alpha);
            redraw();
        });
        readout.getStyleClass().add("activation-readout");
        content.setLeft(Controls.column(250, Controls.labelled("Activation", choice),
                Controls.labelled("α (leaky ReLU's slope, ELU's scale)", alphaField),
                Controls.text("The solid line is f(x), the dashed one f'(x), computed by autograd through the "
                        + "engine's own activation. Red: dead, f' = 0, no gradient passes. Amber: saturated, f' is"
                        + " below a tenth of its largest, so the gradient nearly vanishes."),
                readout, message));
        content.setCenter(plot);
        redraw();
    }

    private void redraw() {
        Activation a = choice.getValue();
        float used = alpha;
        ActivationCurves c = ActivationCurves.compute(a, used, -5, 5, 401);
        List<SeriesPlot.Series> series = List.of(
                new SeriesPlot.Series("f(x) = " + a.id() + "(x)", 0, c.xs(), c.values(), false),
                new SeriesPlot.Series("f'(x) by autograd", 1, c.xs(), c.slopes(), true));
        plot.show(a.id() + (a == Activation.LEAKY_RELU || a == Activation.ELU ? ", α = " + used : "")
                + " and its derivative", "x", "", series, fittedRange(c));
        List<SeriesPlot.Band> bands = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (ActivationCurves.Region r : c.regions()) {
            boolean dead = r.kind() == ActivationCurves.Kind.DEAD;
            bands.add(new SeriesPlot.Band(r.from(), r.to(), dead ? "dead" : "saturated", dead));
            text.append(dead ? "dead" : "saturated").append(" on [").append(Format.number(r.from())).append(", ")
                    .append(Format.number(r.to())).append("]\n");
        }
        plot.setBands(bands);
        readout.setText(text.length() == 0 ? "Neither dead nor saturated on [−5, 5]." : text.toString().strip());
    }

    /** The value axis: the curves' own range with some air, but never beyond −2 … 3 (ELU, linear, softplus grow). */
    private static double[] fittedRange(ActivationCurves c) {
        double low = 0;
        double high = 1;
        for (int i = 0; i < c.xs().length; i++) {
            low = Math.min(low, Math.min(c.values()[i], c.slopes()[i]));
            high = Math.max(high, Math.max(c.values()[i], c.slopes()[i]));
        }
        double air = 0.08 * (high - low);
        return new double[] {Math.max(-2, low - air), Math.min(3, high + air)};
    }

    @Override
    public String title() {
        return "Activations";
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
