package studio.backprop.ui.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.scene.canvas.GraphicsContext;

/** The whole-data loss over (w, b) as contours with the batch, mini-batch and stochastic paths on it. */
final class BatchPlot extends LessonCanvas {

    private final FunctionPainter painter = new FunctionPainter();
    private ContourGrid grid;
    private List<DescentPath> paths = List.of();
    private List<String> labels = List.of();
    private String subtitle;
    private Frame frame;

    BatchPlot(BiConsumer<Double, Double> onStart) {
        super("batch-minibatch-stochastic", 640, 480);
        setOnMouseClicked(e -> {
            if (frame != null && frame.contains(e.getX(), e.getY())) {
                onStart.accept(frame.dataX(e.getX()), frame.dataY(e.getY()));
            }
        });
    }

    void show(ContourGrid newGrid, List<DescentPath> newPaths, List<String> newLabels, String newSubtitle) {
        grid = newGrid;
        paths = List.copyOf(newPaths);
        labels = List.copyOf(newLabels);
        subtitle = newSubtitle;
        invalidate();
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height, Ink ink, double k) {
        if (grid == null) {
            return;
        }
        List<FunctionPainter.Trace> traces = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            traces.add(new FunctionPainter.Trace(paths.get(i), ink.path(i), labels.get(i)));
        }
        frame = painter.paintGrid(g, 0, 0, width, height, grid, traces,
                "Loss of σ(w·x + b) on the digits 0 and 1 over (w, b)", subtitle, "w", "b", ink, k);
    }
}
