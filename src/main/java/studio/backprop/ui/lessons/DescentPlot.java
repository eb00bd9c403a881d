package studio.backprop.ui.lessons;

import java.util.List;
import java.util.function.BiConsumer;
import javafx.scene.canvas.GraphicsContext;

/**
 * The explorer's main drawing: the chosen function with the descent path from the start; a click sets a new start
 * (x for a curve, (x, y) on a surface).
 */
final class DescentPlot extends LessonCanvas {

    private final FunctionPainter painter = new FunctionPainter();
    private Objective objective = Objective.X_SQUARED;
    private DescentPath path;
    private String subtitle;
    private Frame frame;

    DescentPlot(BiConsumer<Double, Double> onStart) {
        super("gradient-descent", 640, 420);
        setOnMouseClicked(e -> {
            if (frame != null && frame.contains(e.getX(), e.getY())) {
                onStart.accept(frame.dataX(e.getX()), frame.dataY(e.getY()));
            }
        });
    }

    void show(Objective f, DescentPath newPath, String newSubtitle) {
        objective = f;
        path = newPath;
        subtitle = newSubtitle;
        invalidate();
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height, Ink ink, double k) {
        List<FunctionPainter.Trace> traces = path == null ? List.of()
                : List.of(new FunctionPainter.Trace(path, ink.path(1), null));
        frame = painter.paint(g, 0, 0, width, height, objective, traces, objective.formula(), subtitle, ink, k);
    }
}
