package studio.backprop.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import studio.backprop.train.StepRecord;
import studio.backprop.train.StepRecord.NodeRecord;
import studio.backprop.train.TrainingSnapshot.TensorCopy;
import studio.backprop.ui.stepper.StepStage.Phase;

/**
 * What the drawing writes on the edges at a weight matrix's update: for the entry w_ij of a kernel of shape
 * [units of the layer before, units of this layer], the edge from unit i of the layer before to unit j of this layer
 * carries "w_ij − η·∂L/∂w_ij = w_ij′" with the record's numbers substituted, e.g. "0.4 − 0.0410835 = 0.358916". When
 * the step is not plain gradient descent (momentum, Adam) the record's own difference is written: "old + Δ = new".
 * A layer wider than {@link UnitFold#BLOCK} units contributes only the block of units written out for it, so the
 * labels are the same entries the formula panel writes.
 */
final class EdgeLabels {

    /**
     * One label: the edge from unit {@code fromUnit} (from 0) of layer {@code from} to unit {@code toUnit} of layer
     * {@code to}, and the text written on it.
     */
    record Label(String from, int fromUnit, String to, int toUnit, String text) {
    }

    private EdgeLabels() {
    }

    /** The labels of {@code stage} (none unless it is the update of a weight matrix between two drawn layers). */
    static List<Label> of(StepRecord r, StepStage stage, int digits, Map<String, Integer> focus) {
        if (r == null || stage == null || stage.phase() != Phase.UPDATE || !r.perceptronRows().isEmpty()) {
            return List.of();
        }
        TensorCopy before = r.before().get(stage.node());
        TensorCopy after = r.after().get(stage.node());
        if (before == null || after == null || before.shape().length != 2) {
            return List.of();
        }
        String from = inputLayerOf(r, stage.node());
        if (from.isEmpty()) {
            return List.of();
        }
        TensorCopy grad = r.gradients().get(stage.node());
        int cols = before.shape()[1];
        List<Label> out = new ArrayList<>();
        for (int i : units(before.shape()[0], focus.getOrDefault(from, 0))) {
            for (int j : units(cols, focus.getOrDefault(stage.layer(), 0))) {
                int k = i * cols + j;
                out.add(new Label(from, i, stage.layer(), j, text(before.values()[k], after.values()[k],
                        grad == null ? Double.NaN : grad.values()[k], r.learningRate(), digits)));
            }
        }
        return out;
    }

    /** "old − η·g = new" for plain gradient descent; otherwise "old ± |Δ| = new" with Δ = new − old. */
    static String text(double old, double now, double gradient, double rate, int digits) {
        double step = rate * gradient;
        boolean sgd = !Double.isNaN(gradient) && Math.abs(old - step - now) <= 1e-6 * Math.max(1, Math.abs(now));
        double minus = sgd ? step : old - now;
        return StepNumbers.of(old, digits) + (minus < 0 ? " + " : " − ") + StepNumbers.of(Math.abs(minus), digits)
                + " = " + StepNumbers.of(now, digits);
    }

    /** Every unit of a layer of at most a block; the block chosen for a wider one. */
    private static int[] units(int units, int start) {
        return new UnitFold(Math.max(1, units), start).shown();
    }

    /** The layer whose values the weight matrix multiplies (the input of its matMul), or "" when there is none. */
    private static String inputLayerOf(StepRecord r, String parameter) {
        for (NodeRecord n : r.nodes()) {
            if (n.op().equals("matMul") && n.inputs().contains(parameter) && !n.inputs().isEmpty()) {
                NodeRecord x = r.node(n.inputs().get(0));
                // plumbing (a reshape) stands for the value it passes on
                while (x != null && x.internal() && !x.inputs().isEmpty()) {
                    x = r.node(x.inputs().get(0));
                }
                return x == null || x.name().equals(parameter) ? "" : x.layer();
            }
        }
        return "";
    }
}
