package studio.backprop.ui.lessons;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import studio.backprop.ui.export.Exportable;

/**
 * The gradient descent explorer: a function (curve or surface), a start chosen by clicking, η on a log slider or
 * typed, the stopping tolerance ε and the iteration limit; the path with its iteration count and why it stopped,
 * and below it the same start under four learning rates side by side.
 */
final class DescentLesson implements Lesson {

    private final DescentModel model = new DescentModel();
    private final Worker worker = new Worker();
    private final DescentPlot plot = new DescentPlot(this::startAt);
    private final ComparisonPlot comparison = new ComparisonPlot();
    private final Label formula = Controls.text("");
    private final Label readout = Controls.text("");
    private final Label message = Controls.messageLine();
    private final Slider etaSlider = new Slider(-4, 1, Math.log10(model.eta()));
    private final NumberField etaField;
    private final BorderPane content = new BorderPane();
    private boolean syncing;

    DescentLesson() {
        ComboBox<Objective> functions = new ComboBox<>();
        functions.getItems().setAll(Objective.values());
        functions.setValue(model.objective());
        functions.getStyleClass().add("lesson-function");
        readout.getStyleClass().add("lesson-readout");
        functions.valueProperty().addListener((o, a, f) -> choose(f));
        etaField = new NumberField("the learning rate η", model.eta(), v -> {
            model.setEta(v);
            syncSlider();
            recompute();
        }, message);
        etaField.getStyleClass().add("lesson-eta");
        etaSlider.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
                etaField.show(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g",
                        Math.pow(10, b.doubleValue()))));
            }
        });
        NumberField epsilon = new NumberField("the tolerance ε", model.epsilon(), v -> {
            model.setEpsilon(v);
            recompute();
        }, message);
        NumberField limit = new NumberField("the iteration limit", model.maxIterations(), v -> {
            if (v != Math.rint(v)) {
                throw new IllegalArgumentException("the iteration limit must be a whole number, e.g. 1000; got " + v);
            }
            model.setMaxIterations((int) Math.min(v, Integer.MAX_VALUE));
            recompute();
        }, message);
        Button reset = new Button("Start at the default point");
        reset.setOnAction(e -> {
            double[] s = model.objective().start();
            startAt(s[0], s.length > 1 ? s[1] : 0);
        });
        Node controls = Controls.column(250,
                Controls.labelled("Function", functions), formula,
                Controls.labelled("Learning rate η (slider: 10⁻⁴ to 10)", new VBox(4, etaSlider, etaField)),
                Controls.labelled("Stop when the step is shorter than ε", epsilon),
                Controls.labelled("Iteration limit", limit), reset,
                Controls.text("Click the plot to start descent there. Each step is θ ← θ − η·∇f(θ), with ∇f from"
                        + " the engine's autograd and the step from its SGD optimiser."),
                readout, message);
        VBox plots = new VBox(plot, comparison);
        VBox.setVgrow(plot, Priority.ALWAYS);
        comparison.setPrefHeight(240);
        comparison.setMinHeight(180);
        content.setLeft(controls);
        content.setCenter(plots);
        content.getStyleClass().add("lesson-descent");
        choose(model.objective());
    }

    private void choose(Objective f) {
        model.setObjective(f);
        formula.setText(f.formula());
        etaField.show(model.eta());
        syncSlider();
        recompute();
    }

    private void startAt(double x, double y) {
        model.setStart(x, y);
        recompute();
    }

    private void syncSlider() {
        syncing = true;
        etaSlider.setValue(Math.log10(Math.max(model.eta(), 1e-4)));
        syncing = false;
    }

    private void recompute() {
        Objective f = model.objective();
        double eta = model.eta();
        double[] start = model.start();
        DescentModel snapshot = new DescentModel();
        snapshot.setObjective(f);
        snapshot.setStart(start[0], start.length > 1 ? start[1] : 0);
        snapshot.setEta(eta);
        snapshot.setEpsilon(model.epsilon());
        snapshot.setMaxIterations(model.maxIterations());
        worker.submit(() -> new Result(snapshot.path(), snapshot.comparison()), r -> {
            String summary = r.path.summary();
            readout.setText("η = " + Format.number(eta) + ": " + summary);
            plot.show(f, r.path, "η = " + Format.number(eta) + " · " + summary);
            comparison.show(f, r.comparison);
        }, message::setText);
    }

    private record Result(DescentPath path, List<DescentPath> comparison) {
    }

    /** The read-out of the last run: "η = 0.1: 43 iterations, change below ε, …" (for tests). */
    String readout() {
        return readout.getText();
    }

    @Override
    public String title() {
        return "Gradient descent";
    }

    @Override
    public Node content() {
        return content;
    }

    @Override
    public List<Exportable> exportables() {
        return List.of(plot, comparison);
    }

    @Override
    public void setPresenterMode(boolean on) {
        plot.setPresenter(on);
        comparison.setPresenter(on);
    }

    @Override
    public void setDarkColours(boolean dark) {
        plot.setDark(dark);
        comparison.setDark(dark);
    }
}
