package studio.backprop.ui.cnn;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import studio.backprop.tensor.Tensor;
import studio.backprop.train.Predictions;
import studio.backprop.train.Probe;
import studio.backprop.train.TrainingData;
import studio.backprop.train.TrainingSnapshot;
import studio.backprop.train.metrics.ConfusionMatrix;
import studio.backprop.train.metrics.OneVsRestRoc;
import studio.backprop.train.metrics.PrecisionRecallCurve;
import studio.backprop.train.metrics.TopK;
import studio.backprop.ui.training.TrainingViewModel;

/**
 * What the evaluation panel shows, without any Node: the network's predictions on the validation split (asked of the
 * trainer every two seconds, only while the panel is shown) and what follows from them: the confusion matrix
 * (rows = true class, columns = predicted), per-class precision, recall and F1, one-vs-rest ROC and
 * precision-recall curves, top-k accuracy, and the examples of the cell the user opened.
 *
 * <p>Thread: the JavaFX application thread.
 */
public final class EvaluationViewModel {

    static final String PROBES = "cnn-evaluation";

    /** Everything computed from one payload. */
    public record Evaluation(Predictions predictions, ConfusionMatrix confusion, OneVsRestRoc roc,
                             List<PrecisionRecallCurve> precisionRecall, double[] topK) {
    }

    /** A cell of the confusion matrix: true class, predicted class. */
    public record Cell(int actual, int predicted) {
    }

    /** The k of the top-k accuracies shown. */
    static final int[] KS = {1, 2, 3, 5};

    private final TrainingViewModel training;
    private final Probe.ValidationPredictions probe = new Probe.ValidationPredictions(0.5);
    private final BooleanProperty showing = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<Evaluation> evaluation = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Cell> cell = new SimpleObjectProperty<>();
    private Predictions seen;
    private TrainingData stillData;

    /** A still (for the command line): these predictions about {@code data}. */
    public EvaluationViewModel(Predictions predictions, TrainingData data) {
        this.training = null;
        this.stillData = data;
        evaluation.set(evaluate(predictions));
    }

    public EvaluationViewModel(TrainingViewModel training) {
        this.training = training;
        showing.addListener((o, a, on) -> training.setProbes(PROBES, on ? List.of(probe) : List.of()));
        training.snapshotProperty().addListener((o, a, s) -> take(s));
    }

    private void take(TrainingSnapshot s) {
        Predictions p = s == null ? null : s.payload(probe);
        if (p == null || p == seen) {
            return;
        }
        seen = p;
        evaluation.set(evaluate(p));
    }

    /** The metrics of a set of predictions. */
    static Evaluation evaluate(Predictions p) {
        ConfusionMatrix m = ConfusionMatrix.of(p.predicted(), p.actual(), p.classes()).withClassNames(p.classNames());
        Tensor scores = Tensor.of(p.probabilities(), p.size(), p.classes());
        OneVsRestRoc roc = OneVsRestRoc.of(scores, p.actual());
        List<PrecisionRecallCurve> pr = new ArrayList<>();
        for (int c = 0; c < p.classes(); c++) {
            double[] column = new double[p.size()];
            int[] positive = new int[p.size()];
            for (int i = 0; i < p.size(); i++) {
                column[i] = p.probabilities()[i * p.classes() + c];
                positive[i] = p.actual()[i] == c ? 1 : 0;
            }
            pr.add(PrecisionRecallCurve.of(column, positive));
        }
        double[] topK = new double[KS.length];
        for (int i = 0; i < KS.length; i++) {
            topK[i] = KS[i] <= p.classes() ? TopK.accuracy(p.probabilities(), p.classes(), p.actual(), KS[i])
                    : Double.NaN;
        }
        return new Evaluation(p, m, roc, pr, topK);
    }

    /** The examples (indices into the split) of a cell: true class {@code actual}, predicted {@code predicted}. */
    public List<Integer> examples(Cell c) {
        Evaluation e = evaluation.get();
        List<Integer> out = new ArrayList<>();
        if (e == null || c == null) {
            return out;
        }
        Predictions p = e.predictions();
        for (int i = 0; i < p.size(); i++) {
            if (p.actual()[i] == c.actual() && p.predicted(i) == c.predicted()) {
                out.add(i);
            }
        }
        return out;
    }

    /** The inputs of the split the predictions are about (validation, or training without one), or null. */
    public Tensor inputs() {
        TrainingData d = training == null ? stillData : training.sessionData();
        Evaluation e = evaluation.get();
        if (d == null || e == null) {
            return null;
        }
        return "validation".equals(e.predictions().split()) ? d.validX() : d.trainX();
    }

    public BooleanProperty showingProperty() {
        return showing;
    }

    public ReadOnlyObjectProperty<Evaluation> evaluationProperty() {
        return evaluation.getReadOnlyProperty();
    }

    /** The opened cell of the confusion matrix (null: none). */
    public ObjectProperty<Cell> cellProperty() {
        return cell;
    }
}
