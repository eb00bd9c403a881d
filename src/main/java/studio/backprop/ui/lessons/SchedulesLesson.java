package studio.backprop.ui.lessons;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import studio.backprop.ui.export.Exportable;

/** The engine's learning-rate schedules over time, from one η₀, decay rate and period, overlaid. */
final class SchedulesLesson implements Lesson {

    private final SeriesPlot plot = new SeriesPlot("learning-rate-schedules", 760, 480);
    private final Label message = Controls.messageLine();
    private final BorderPane content = new BorderPane();
    private double initial = 0.1;
    private double rate = 0.5;
    private long period = 100;
    private int steps = 1000;

    SchedulesLesson() {
        NumberField initialField = new NumberField("η₀", initial, v -> {
            initial = v;
            redraw();
        }, message);
        NumberField rateField = new NumberField("the decay rate", rate, v -> {
            rate = v;
            redraw();
        }, message);
        rateField.getStyleClass().add("schedule-rate");
        NumberField periodField = new NumberField("the period T", period, v -> {
            if (v != Math.rint(v) || v < 1) {
                throw new IllegalArgumentException("the period T must be a whole number of steps ≥ 1; got " + v);
            }
            period = v.longValue();
            redraw();
        }, message);
        NumberField stepsField = new NumberField("the steps shown", steps, v -> {
            if (v != Math.rint(v)) {
                throw new IllegalArgumentException("the steps shown must be a whole number; got " + v);
            }
            steps = (int) Math.max(Integer.MIN_VALUE, Math.min(v, Integer.MAX_VALUE));
            redraw();
        }, message);
        content.setLeft(Controls.column(250, Controls.labelled("Initial rate η₀", initialField),
                Controls.labelled("Decay rate (γ, r, or k for inverse time)", rateField),
                Controls.labelled("Period T (steps)", periodField), Controls.labelled("Steps shown", stepsField),
                Controls.text("Each curve is the engine's own schedule: step decay η₀·γ^⌊t/T⌋, exponential "
                        + "η₀·r^(t/T) (and its staircase η₀·r^⌊t/T⌋), inverse time η₀/(1 + k·t/T). t counts the "
                        + "steps already taken, so the first step uses η(0). In a file: [optimizer] schedule = "
                        + "step | exponential | inverse_time with decay_rate and decay_steps."),
                message));
        content.setCenter(plot);
        redraw();
    }

    private void redraw() {
        List<ScheduleCurves.Curve> curves = ScheduleCurves.compute(initial, rate, period, steps);
        List<SeriesPlot.Series> series = new ArrayList<>();
        for (int i = 0; i < curves.size(); i++) {
            ScheduleCurves.Curve c = curves.get(i);
            double[] ts = new double[c.rates().length];
            for (int t = 0; t < ts.length; t++) {
                ts[t] = t;
            }
            series.add(new SeriesPlot.Series(c.name() + ": " + c.formula(), i, ts, c.rates(), i == 3));
        }
        plot.show("Learning-rate schedules", "step t", "η(t)", series, new double[] {0, initial * 1.06});
        message.setText("");
    }

    @Override
    public String title() {
        return "Learning-rate schedules";
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
