package studio.backprop.ui.cnn;

import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import studio.backprop.tensor.Tensor;
import studio.backprop.train.metrics.ConfusionMatrix;
import studio.backprop.train.metrics.PrecisionRecallCurve;
import studio.backprop.train.metrics.RocCurve;
import studio.backprop.ui.cnn.EvaluationViewModel.Cell;
import studio.backprop.ui.cnn.EvaluationViewModel.Evaluation;

/**
 * How well the network does on the validation split: the confusion matrix (rows = true class, columns = predicted;
 * click a cell to see its examples), per-class precision, recall and F1, top-k accuracy, and one-vs-rest ROC and
 * precision-recall curves with their areas.
 */
public final class EvaluationView extends CanvasPanel {

    private static final double MARGIN = 12;
    private static final double CELL = 30;
    private static final double CHART = 250;
    private static final double THUMB = 40;
    private static final Font TITLE = Font.font("System", 13);
    private static final Font SMALL = Font.font("System", 10);
    private static final Color[] LINES = {
        Color.rgb(48, 64, 140), Color.rgb(220, 120, 30), Color.rgb(30, 140, 140), Color.rgb(180, 30, 40),
        Color.rgb(110, 160, 40), Color.rgb(130, 60, 160), Color.rgb(120, 120, 120), Color.rgb(200, 90, 160),
        Color.rgb(150, 110, 50), Color.rgb(40, 170, 220)
    };

    private final EvaluationViewModel model;

    public EvaluationView(EvaluationViewModel model) {
        this.model = model;
        getStyleClass().add("evaluation");
        model.evaluationProperty().addListener((o, a, b) -> draw());
        model.cellProperty().addListener((o, a, b) -> draw());
        canvas.setOnMouseClicked(this::clicked);
        draw();
    }

    @Override
    protected double computePrefWidth(double height) {
        return canvas.logicalWidth();
    }

    @Override
    protected double computePrefHeight(double width) {
        return canvas.logicalHeight();
    }

    @Override
    protected void layoutChildren() {
    }

    /** Where the matrix's first cell is. */
    private static double matrixLeft() {
        return MARGIN + 40;
    }

    private static double matrixTop() {
        return MARGIN + 46;
    }

    @Override
    protected void paintNow() {
        Evaluation e = model.evaluationProperty().get();
        int k = e == null ? 0 : e.confusion().classes();
        double width = Math.max(900, matrixLeft() + k * CELL + 460);
        double chartsTop = matrixTop() + k * CELL + 40;
        double examplesTop = chartsTop + CHART + 50;
        canvas.resizeTo(width, e == null ? 60 : examplesTop + 3 * (THUMB + 20) + 40);
        GraphicsContext gc = canvas.graphics();
        gc.clearRect(0, 0, canvas.logicalWidth(), canvas.logicalHeight());
        gc.setTextBaseline(VPos.TOP);
        gc.setTextAlign(TextAlignment.LEFT);
        if (e == null) {
            text(gc, TITLE, "The evaluation appears when the trainer has answered (a classification network must be "
                    + "open; it is computed every two seconds while this tab is shown).", MARGIN, MARGIN);
            requestLayout();
            return;
        }
        text(gc, TITLE, "Confusion matrix on the " + e.predictions().split() + " split (" + e.predictions().size()
                + " examples, after step " + e.predictions().step() + "): rows = true class, columns = predicted",
                MARGIN, MARGIN);
        matrix(gc, e.confusion());
        table(gc, e, matrixLeft() + k * CELL + 40, matrixTop() - 18);
        roc(gc, e, MARGIN + 30, chartsTop);
        precisionRecall(gc, e, MARGIN + 30 + CHART + 200, chartsTop);
        examples(gc, e, examplesTop);
        requestLayout();
    }

    private void matrix(GraphicsContext gc, ConfusionMatrix m) {
        int k = m.classes();
        long max = 1;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                max = Math.max(max, m.count(i, j));
            }
        }
        double x0 = matrixLeft();
        double y0 = matrixTop();
        gc.setTextAlign(TextAlignment.CENTER);
        text(gc, SMALL, "predicted →   (click a cell to see its examples)", x0 + k * CELL / 2, y0 - 24);
        Cell open = model.cellProperty().get();
        for (int i = 0; i < k; i++) {
            text(gc, SMALL, m.className(i), x0 + i * CELL + CELL / 2, y0 - 13);
            text(gc, SMALL, m.className(i), x0 - 14, y0 + i * CELL + CELL / 2 - 6);
            for (int j = 0; j < k; j++) {
                long n = m.count(i, j);
                double t = Math.sqrt((double) n / max);
                gc.setFill(i == j ? Color.rgb(30, 140, 140, 0.1 + 0.9 * t) : Color.rgb(180, 30, 40, n == 0 ? 0 : 0.15
                        + 0.85 * t));
                gc.fillRect(x0 + j * CELL, y0 + i * CELL, CELL, CELL);
                gc.setStroke(Color.gray(0.75));
                gc.setLineWidth(0.5);
                gc.strokeRect(x0 + j * CELL, y0 + i * CELL, CELL, CELL);
                gc.setFill(t > 0.6 ? Color.WHITE : ink);
                gc.setFont(SMALL);
                gc.fillText(String.valueOf(n), x0 + j * CELL + CELL / 2, y0 + i * CELL + CELL / 2 - 6);
            }
        }
        if (open != null && open.actual() < k && open.predicted() < k) {
            gc.setStroke(Color.rgb(220, 120, 30));
            gc.setLineWidth(2.5);
            gc.strokeRect(x0 + open.predicted() * CELL, y0 + open.actual() * CELL, CELL, CELL);
        }
        gc.save();
        gc.translate(MARGIN + 2, y0 + k * CELL / 2);
        gc.rotate(-90);
        text(gc, SMALL, "true class", 0, 0);
        gc.restore();
        gc.setTextAlign(TextAlignment.LEFT);
    }

    private void table(GraphicsContext gc, Evaluation e, double x, double y) {
        ConfusionMatrix m = e.confusion();
        String[] heads = {"class", "precision", "recall", "F1", "support"};
        double[] cols = {0, 60, 130, 190, 250};
        for (int i = 0; i < heads.length; i++) {
            text(gc, TITLE, heads[i], x + cols[i], y);
        }
        for (int c = 0; c < m.classes(); c++) {
            double ry = y + 20 + c * 16;
            text(gc, SMALL, m.className(c), x + cols[0], ry);
            text(gc, SMALL, num(m.precision(c)), x + cols[1], ry);
            text(gc, SMALL, num(m.recall(c)), x + cols[2], ry);
            text(gc, SMALL, num(m.f1(c)), x + cols[3], ry);
            text(gc, SMALL, String.valueOf(m.support(c)), x + cols[4], ry);
        }
        double ry = y + 24 + m.classes() * 16;
        text(gc, SMALL, "macro", x, ry);
        text(gc, SMALL, num(m.macroPrecision()), x + cols[1], ry);
        text(gc, SMALL, num(m.macroRecall()), x + cols[2], ry);
        text(gc, SMALL, num(m.macroF1()), x + cols[3], ry);
        StringBuilder top = new StringBuilder("accuracy");
        for (int i = 0; i < EvaluationViewModel.KS.length; i++) {
            if (!Double.isNaN(e.topK()[i])) {
                top.append(i == 0 ? " " : " · top-" + EvaluationViewModel.KS[i] + " ")
                        .append(String.format(Locale.ROOT, "%.2f%%", 100 * e.topK()[i]));
            }
        }
        text(gc, TITLE, top.toString(), x, ry + 24);
    }

    private void roc(GraphicsContext gc, Evaluation e, double x, double y) {
        text(gc, TITLE, "ROC, one class against the rest (macro AUC " + num(e.roc().macroAuc()) + ")", x - 20, y);
        double top = y + 22;
        axes(gc, x, top, "false positive rate", "true positive rate");
        gc.setStroke(Color.gray(0.7));
        gc.setLineDashes(4);
        gc.strokeLine(x, top + CHART, x + CHART, top);
        gc.setLineDashes(null);
        for (int c = 0; c < e.roc().classes(); c++) {
            RocCurve r = e.roc().curve(c);
            line(gc, r.falsePositiveRates(), r.truePositiveRates(), x, top, LINES[c % LINES.length]);
            legend(gc, x + CHART + 8, top + c * 14, c, e.confusion().className(c) + "  AUC " + num(r.auc()));
        }
    }

    private void precisionRecall(GraphicsContext gc, Evaluation e, double x, double y) {
        text(gc, TITLE, "Precision-recall, one class against the rest", x - 20, y);
        double top = y + 22;
        axes(gc, x, top, "recall", "precision");
        List<PrecisionRecallCurve> curves = e.precisionRecall();
        for (int c = 0; c < curves.size(); c++) {
            PrecisionRecallCurve p = curves.get(c);
            line(gc, p.recalls(), p.precisions(), x, top, LINES[c % LINES.length]);
            legend(gc, x + CHART + 8, top + c * 14, c, e.confusion().className(c) + "  AP "
                    + num(p.averagePrecision()));
        }
    }

    private void axes(GraphicsContext gc, double x, double top, String xLabel, String yLabel) {
        gc.setStroke(Color.gray(0.55));
        gc.setLineWidth(0.8);
        gc.strokeRect(x, top, CHART, CHART);
        text(gc, SMALL, "0", x - 10, top + CHART - 6);
        text(gc, SMALL, "1", x - 10, top - 2);
        text(gc, SMALL, "1", x + CHART - 3, top + CHART + 2);
        text(gc, SMALL, xLabel, x + CHART / 2 - 40, top + CHART + 2);
        gc.save();
        gc.translate(x - 16, top + CHART / 2 + 40);
        gc.rotate(-90);
        text(gc, SMALL, yLabel, 0, 0);
        gc.restore();
    }

    private void line(GraphicsContext gc, double[] xs, double[] ys, double x, double top, Color c) {
        gc.setStroke(c);
        gc.setLineWidth(1.2);
        gc.beginPath();
        for (int i = 0; i < xs.length; i++) {
            double px = x + CHART * xs[i];
            double py = top + CHART * (1 - (Double.isNaN(ys[i]) ? 1 : ys[i]));
            if (i == 0) {
                gc.moveTo(px, py);
            } else {
                gc.lineTo(px, py);
            }
        }
        gc.stroke();
    }

    private void legend(GraphicsContext gc, double x, double y, int c, String s) {
        gc.setFill(LINES[c % LINES.length]);
        gc.fillRect(x, y + 5, 10, 3);
        text(gc, SMALL, s, x + 14, y);
    }

    private void examples(GraphicsContext gc, Evaluation e, double y) {
        Cell open = model.cellProperty().get();
        Tensor x = model.inputs();
        if (open == null || x == null) {
            text(gc, TITLE, "Click a cell of the matrix to see its examples (off the diagonal: the mistakes).",
                    MARGIN, y);
            return;
        }
        List<Integer> ids = model.examples(open);
        ConfusionMatrix m = e.confusion();
        text(gc, TITLE, ids.size() + " example" + (ids.size() == 1 ? "" : "s") + " of true class "
                + m.className(open.actual()) + " predicted as " + m.className(open.predicted())
                + (ids.size() > 60 ? " (the first 60)" : "") + "; under each, the probability of the predicted class",
                MARGIN, y);
        if (x.rank() != 4) {
            text(gc, SMALL, "(the inputs are not images, so they are listed by number: " + ids.subList(0,
                    Math.min(20, ids.size())) + ")", MARGIN, y + 20);
            return;
        }
        int h = x.dim(1);
        int w = x.dim(2);
        int ch = x.dim(3);
        float[] values = x.contiguous().buffer();
        gc.setImageSmoothing(false);
        int perRow = (int) ((canvas.logicalWidth() - 2 * MARGIN) / (THUMB + 6));
        for (int n = 0; n < Math.min(60, ids.size()); n++) {
            int i = ids.get(n);
            double px = MARGIN + (n % perRow) * (THUMB + 6);
            double py = y + 22 + (n / perRow) * (THUMB + 20);
            float[] mean = new float[h * w];
            for (int p = 0; p < h * w; p++) {
                for (int c = 0; c < ch; c++) {
                    mean[p] += values[(i * h * w + p) * ch + c] / ch;
                }
            }
            gc.drawImage(MapColours.grey(mean, 0, h, w), px, py, THUMB, THUMB);
            float prob = e.predictions().probabilities()[i * m.classes() + open.predicted()];
            text(gc, SMALL, String.format(Locale.ROOT, "%.0f%%", 100 * prob), px + 4, py + THUMB + 2);
        }
    }

    private void clicked(MouseEvent ev) {
        Evaluation e = model.evaluationProperty().get();
        if (e == null) {
            return;
        }
        double x = ev.getX() / canvas.pixelScale() - matrixLeft();
        double y = ev.getY() / canvas.pixelScale() - matrixTop();
        int k = e.confusion().classes();
        if (x >= 0 && y >= 0 && x < k * CELL && y < k * CELL) {
            openCell((int) (y / CELL), (int) (x / CELL));
        }
    }

    /** Opens the cell of true class {@code actual} and predicted class {@code predicted}. */
    public void openCell(int actual, int predicted) {
        model.cellProperty().set(new Cell(actual, predicted));
    }

    /** The opened cell (null: none). */
    public Cell openedCell() {
        return model.cellProperty().get();
    }

    /** Where the cell's centre is, in this view's coordinates (for a robot's click). */
    public javafx.geometry.Point2D cellCentre(int actual, int predicted) {
        return new javafx.geometry.Point2D(matrixLeft() + (predicted + 0.5) * CELL, matrixTop() + (actual + 0.5)
                * CELL);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    private void text(GraphicsContext gc, Font font, String s, double x, double y) {
        gc.setFont(font);
        gc.setFill(ink);
        gc.fillText(s, x, y);
    }

    @Override
    public String exportName() {
        return "confusion";
    }
}
