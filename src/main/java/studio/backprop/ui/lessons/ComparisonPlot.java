package studio.backprop.ui.lessons;

import java.util.List;
import javafx.scene.canvas.GraphicsContext;

/** Four panels side by side: the same start under η too small, good, too large and divergent. */
final class ComparisonPlot extends LessonCanvas {

    private final FunctionPainter painter = new FunctionPainter();
    private Objective objective = Objective.X_SQUARED;
    private List<DescentPath> paths = List.of();

    ComparisonPlot() {
        super("learning-rates-side-by-side", 900, 250);
    }

    void show(Objective f, List<DescentPath> newPaths) {
        objective = f;
        paths = List.copyOf(newPaths);
        invalidate();
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height, Ink ink, double k) {
        double[] etas = objective.etaPresets();
        double panel = width / 4;
        for (int i = 0; i < 4 && i < paths.size(); i++) {
            DescentPath path = paths.get(i);
            String title = DescentModel.PRESET_NAMES.get(i) + ": η = " + Format.number(etas[i]);
            String sub = path.iterations() + " it. · " + path.stop().words();
            painter.paint(g, i * panel, 0, panel, height, objective,
                    List.of(new FunctionPainter.Trace(path, ink.path(i), null)), title, sub, ink, k);
        }
    }
}
