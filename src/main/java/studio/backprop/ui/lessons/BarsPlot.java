package studio.backprop.ui.lessons;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** Two distributions P and Q over the same outcomes as pairs of bars, with the measures written above. */
final class BarsPlot extends LessonCanvas {

    private InformationModel model;

    BarsPlot() {
        super("entropy", 760, 420);
    }

    void show(InformationModel newModel) {
        model = newModel;
        invalidate();
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height, Ink ink, double k) {
        if (model == null) {
            return;
        }
        int n = model.p().length;
        Frame frame = new Frame(48 * k, 62 * k, Math.max(10, width - 60 * k), Math.max(10, height - 100 * k),
                0.5, n + 0.5, 0, 1);
        double slot = frame.width() / n;
        double bar = Math.min(40 * k, slot * 0.38);
        for (int i = 0; i < n; i++) {
            double centre = frame.px(i + 1);
            g.setFill(ink.path(0));
            g.fillRect(centre - bar, frame.py(model.p()[i]), bar, frame.py(0) - frame.py(model.p()[i]));
            g.setFill(ink.path(1));
            g.fillRect(centre, frame.py(model.q()[i]), bar, frame.py(0) - frame.py(model.q()[i]));
        }
        frame.drawAxes(g, ink, k, "outcome", "probability");
        String unit = model.base().name().toLowerCase();
        g.setFill(ink.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(Font.font("System", FontWeight.BOLD, 12 * k));
        g.fillText("P (blue) and Q (red)", 8 * k, 5 * k);
        g.setFont(Font.font("System", 12 * k));
        g.fillText("H(P) = " + Format.number(model.entropy()) + " " + unit + "    H(P, Q) = "
                + Format.number(model.crossEntropy()) + " " + unit + "    KL(P‖Q) = "
                + Format.number(model.divergence()) + " " + unit, 8 * k, 24 * k);
    }
}
