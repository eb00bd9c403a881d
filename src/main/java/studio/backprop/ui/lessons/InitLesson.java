package studio.backprop.ui.lessons;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import studio.backprop.nn.Activation;
import studio.backprop.ui.export.Exportable;

/** A deep network's activations and weight gradients per layer at step 0, under each of the engine's initialisers. */
final class InitLesson implements Lesson {

    private final InitPlot plot = new InitPlot();
    private final Worker worker = new Worker();
    private final ComboBox<String> initialiser = new ComboBox<>();
    private final ComboBox<Activation> activation = new ComboBox<>();
    private final Label readout = Controls.text("");
    private final Label message = Controls.messageLine();
    private final BorderPane content = new BorderPane();
    private double sigma = 1.0;
    private int layers = 8;
    private long seed = 1;

    InitLesson() {
        initialiser.getItems().setAll(InitModel.INITIALISERS);
        initialiser.setValue("glorot_uniform");
        initialiser.getStyleClass().add("init-choice");
        initialiser.valueProperty().addListener((o, a, b) -> recompute());
        activation.getItems().setAll(Activation.TANH, Activation.SIGMOID, Activation.RELU, Activation.LEAKY_RELU,
                Activation.ELU, Activation.SOFTPLUS, Activation.LINEAR);
        activation.setValue(Activation.TANH);
        activation.valueProperty().addListener((o, a, b) -> recompute());
        NumberField sigmaField = new NumberField("σ of normal", sigma, v -> {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("σ must be a finite number ≥ 0, e.g. 1; got " + v);
            }
            sigma = v;
            recompute();
        }, message);
        NumberField layersField = new NumberField("the number of layers", layers, v -> {
            if (v != Math.rint(v) || v < 1 || v > 16) {
                throw new IllegalArgumentException("the number of layers must be a whole number from 1 to 16; got "
                        + v);
            }
            layers = v.intValue();
            recompute();
        }, message);
        NumberField seedField = new NumberField("the seed", seed, v -> {
            if (v != Math.rint(v)) {
                throw new IllegalArgumentException("the seed must be a whole number; got " + v);
            }
            seed = v.longValue();
            recompute();
        }, message);
        readout.getStyleClass().add("init-readout");
        content.setLeft(Controls.column(250, Controls.labelled("Initialiser", initialiser),
                Controls.labelled("σ (for normal)", sigmaField), Controls.labelled("Activation", activation),
                Controls.labelled("Layers (100 units each)", layersField), Controls.labelled("Seed", seedField),
                Controls.text("500 standard normal inputs go forward through the layers (biases 0) and an MSE "
                        + "against random targets goes back; nothing has been trained. Zeros: every unit the same, "
                        + "hidden gradients 0. Normal with σ = 1: tanh and sigmoid saturate. Glorot (tanh, "
                        + "sigmoid) and He (ReLU) keep the spread from layer to layer."),
                readout, message));
        content.setCenter(plot);
        recompute();
    }

    private void recompute() {
        String name = initialiser.getValue();
        Activation f = activation.getValue();
        double s = sigma;
        int depth = layers;
        long seedNow = seed;
        worker.submit(() -> InitModel.run(InitModel.initialiser(name, s), f, depth, 100, 500, seedNow), stats -> {
            String label = name.equals("normal") ? "normal(σ = " + Format.number(s) + ")" : name;
            plot.show(label + " with " + f.id() + ": each layer at step 0", f, stats);
            InitModel.LayerStats last = stats.get(stats.size() - 1);
            readout.setText("Last layer: activations σ = " + Format.number(last.activationStd())
                    + (f == Activation.TANH || f == Activation.SIGMOID ? ", " + Math.round(100 * last.saturated(f))
                    + "% saturated" : "") + "; gradients σ = " + Format.number(last.gradientStd()));
        }, message::setText);
    }

    @Override
    public String title() {
        return "Initialisation";
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
