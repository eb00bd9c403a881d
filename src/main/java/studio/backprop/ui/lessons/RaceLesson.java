package studio.backprop.ui.lessons;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import studio.backprop.ui.export.Exportable;

/**
 * The optimiser race: SGD, momentum, Nesterov, AdaGrad, RMSProp, AdaDelta and Adam from the same start on the same
 * surface, each a coloured path, every setting editable; below, f(θₖ) of each over the steps.
 */
final class RaceLesson implements Lesson {

    private final RaceModel model = new RaceModel();
    private final Worker worker = new Worker();
    private final RacePlot plot = new RacePlot(this::startAt);
    private final SeriesPlot values = new SeriesPlot("optimiser-race-values", 640, 230);
    private final Label readout = Controls.text("");
    private final Label message = Controls.messageLine();
    private final List<Runnable> refreshers = new ArrayList<>();
    private final BorderPane content = new BorderPane();

    RaceLesson() {
        ComboBox<Objective> surfaces = new ComboBox<>();
        for (Objective f : Objective.values()) {
            if (f.dimensions() == 2) {
                surfaces.getItems().add(f);
            }
        }
        surfaces.setValue(model.surface());
        surfaces.getStyleClass().add("race-surface");
        surfaces.valueProperty().addListener((o, a, f) -> {
            model.setSurface(f);
            refreshers.forEach(Runnable::run);
            recompute();
        });
        NumberField steps = new NumberField("the number of steps", model.steps(), v -> {
            if (v != Math.rint(v)) {
                throw new IllegalArgumentException("the number of steps must be a whole number, e.g. 400; got " + v);
            }
            model.setSteps((int) Math.min(v, Integer.MAX_VALUE));
            recompute();
        }, message);
        Button reset = new Button("Default settings");
        reset.setOnAction(e -> {
            model.resetSettings();
            refreshers.forEach(Runnable::run);
            recompute();
        });
        readout.getStyleClass().add("race-readout");
        Node controls = Controls.column(330, Controls.labelled("Surface", surfaces),
                Controls.labelled("Steps for each optimiser", steps), settingsGrid(), reset,
                Controls.text("Click the surface to move the common start. Each optimiser is the engine's own; "
                        + "the gradients come from autograd. AdaDelta takes no learning rate (η = 1 is the "
                        + "paper's form); its ε sets how fast it gets going."),
                Controls.text("The same race on a real network: open it, then Training ▸ Runs ▸ Race optimisers "
                        + "on this network; each optimiser's run is kept and their loss curves are drawn together."),
                readout, message);
        VBox plots = new VBox(plot, values);
        VBox.setVgrow(plot, Priority.ALWAYS);
        values.setMinHeight(170);
        content.setLeft(controls);
        content.setCenter(plots);
        recompute();
    }

    private GridPane settingsGrid() {
        GridPane grid = new GridPane();
        grid.setHgap(4);
        grid.setVgap(4);
        grid.addRow(0, new Label("optimiser"), new Label("η"), new Label("settings"));
        int row = 1;
        for (Racer racer : Racer.values()) {
            CheckBox on = new CheckBox(racer.label());
            on.setSelected(model.entry(racer).enabled());
            on.getStyleClass().add("race-" + racer.name().toLowerCase());
            on.selectedProperty().addListener((o, a, b) -> update(racer, b, Double.NaN, -1, 0));
            NumberField eta = new NumberField(racer.label() + ": η", model.entry(racer).eta(),
                    v -> update(racer, model.entry(racer).enabled(), v, -1, 0), message);
            eta.setPrefColumnCount(5);
            grid.add(on, 0, row);
            grid.add(eta, 1, row);
            List<NumberField> fields = new ArrayList<>();
            for (int s = 0; s < racer.settingNames().size(); s++) {
                int index = s;
                NumberField field = new NumberField(racer.label() + ": " + racer.settingNames().get(s),
                        model.entry(racer).settings()[s],
                        v -> update(racer, model.entry(racer).enabled(), Double.NaN, index, v), message);
                field.setPrefColumnCount(4);
                fields.add(field);
                grid.add(new VBox(new Label(racer.settingNames().get(s)), field), 2 + s, row);
            }
            refreshers.add(() -> {
                RaceModel.Entry e = model.entry(racer);
                eta.show(e.eta());
                on.setSelected(e.enabled());
                for (int s = 0; s < fields.size(); s++) {
                    fields.get(s).show(e.settings()[s]);
                }
            });
            row++;
        }
        return grid;
    }

    /** Changes one optimiser: on/off, η (unless NaN), and setting {@code index} (unless −1). */
    private void update(Racer racer, boolean enabled, double eta, int index, double value) {
        RaceModel.Entry old = model.entry(racer);
        double[] settings = old.settings();
        if (index >= 0) {
            settings[index] = value;
        }
        model.setEntry(racer, new RaceModel.Entry(enabled, Double.isNaN(eta) ? old.eta() : eta, settings));
        recompute();
    }

    private void startAt(double x, double y) {
        model.setStart(x, y);
        recompute();
    }

    private void recompute() {
        RaceModel snapshot = model.copy();
        worker.submit(snapshot::run, lanes -> show(snapshot, lanes), message::setText);
    }

    private void show(RaceModel snapshot, List<RaceModel.Lane> lanes) {
        StringBuilder text = new StringBuilder();
        List<SeriesPlot.Series> series = new ArrayList<>();
        double top = snapshot.surface().value(snapshot.start()[0], snapshot.start()[1]);
        for (RaceModel.Lane lane : lanes) {
            DescentPath path = lane.path();
            text.append(lane.racer().label()).append(": ").append(path.stop() == DescentPath.Stop.DIVERGED
                    ? "diverged after " + path.iterations() + " steps"
                    : "f = " + Format.number(path.lastValue())).append('\n');
            double[] xs = new double[path.values().size()];
            double[] ys = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = i;
                ys[i] = path.values().get(i);
            }
            series.add(new SeriesPlot.Series(lane.racer().label(), lane.racer().ordinal(), xs, ys, false));
        }
        readout.setText(text.toString().strip());
        plot.show(snapshot.surface(), lanes, snapshot.steps() + " steps from (" + Format.number(snapshot.start()[0])
                + ", " + Format.number(snapshot.start()[1]) + ")");
        double bottom = Math.min(top, lanes.stream().mapToDouble(l -> l.path().values().stream()
                .filter(Double::isFinite).mapToDouble(Double::doubleValue).min().orElse(top)).min().orElse(top));
        values.show("f(θₖ) over the steps", "step k", "f", series, new double[] {bottom, top});
    }

    /** The race's read-out, one line per optimiser (for tests). */
    String readout() {
        return readout.getText();
    }

    @Override
    public String title() {
        return "Optimiser race";
    }

    @Override
    public Node content() {
        return content;
    }

    @Override
    public List<Exportable> exportables() {
        return List.of(plot, values);
    }

    @Override
    public void setPresenterMode(boolean on) {
        plot.setPresenter(on);
        values.setPresenter(on);
    }

    @Override
    public void setDarkColours(boolean dark) {
        plot.setDark(dark);
        values.setDark(dark);
    }
}
