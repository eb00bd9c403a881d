package studio.backprop.ui.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.scene.canvas.GraphicsContext;

/** The race on the surface: one coloured path per optimiser from the common start; a click moves the start. */
final class RacePlot extends LessonCanvas {

    private final FunctionPainter painter = new FunctionPainter();
    private Objective surface = Objective.ROSENBROCK;
    private List<RaceModel.Lane> lanes = List.of();
    private String subtitle;
    private Frame frame;

    RacePlot(BiConsumer<Double, Double> onStart) {
        super("optimiser-race", 640, 460);
        setOnMouseClicked(e -> {
            if (frame != null && frame.contains(e.getX(), e.getY())) {
                onStart.accept(frame.dataX(e.getX()), frame.dataY(e.getY()));
            }
        });
    }

    void show(Objective f, List<RaceModel.Lane> newLanes, String newSubtitle) {
        surface = f;
        lanes = List.copyOf(newLanes);
        subtitle = newSubtitle;
        invalidate();
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height, Ink ink, double k) {
        List<FunctionPainter.Trace> traces = new ArrayList<>();
        for (RaceModel.Lane lane : lanes) {
            traces.add(new FunctionPainter.Trace(lane.path(), ink.path(lane.racer().ordinal()),
                    lane.racer().label()));
        }
        frame = painter.paint(g, 0, 0, width, height, surface, traces, "Optimiser race: " + surface.formula(),
                subtitle, ink, k);
    }
}
