package studio.backprop.train.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import studio.backprop.train.StepRecord;
import studio.backprop.train.StepRecord.Kind;
import studio.backprop.train.StepRecord.NodeRecord;
import studio.backprop.train.StepRecord.PerceptronRow;
import studio.backprop.train.TrainingSnapshot.TensorCopy;

/**
 * Every number of a step record as rows of a trace table, in the order a student computes them: the givens (inputs,
 * weights, targets), the forward pass op by op, the loss, ∂L/∂ of each value from the loss back, the parameter
 * gradients and the new weights. A perceptron step gives x, w, b, z, ŷ, y, the error and the new w and b.
 * Nothing is computed here: every number is the record's.
 */
final class TraceRows {

    private TraceRows() {
    }

    static List<SheetRow> of(StepRecord r) {
        List<SheetRow> rows = new ArrayList<>();
        String samples = samples(r.samples());
        if (!r.perceptronRows().isEmpty()) {
            for (PerceptronRow p : r.perceptronRows()) {
                perceptron(rows, (int) r.step(), String.valueOf(p.sample()), p);
            }
            return rows;
        }
        int step = (int) r.step();
        for (NodeRecord n : r.nodes()) {
            if (n.kind() == Kind.DATA) {
                tensor(rows, step, samples, "given", n.name(), "", n.value());
            }
        }
        r.before().forEach((name, value) -> tensor(rows, step, samples, "given", name, "", value));
        for (NodeRecord n : r.nodes()) {
            if (n.kind() == Kind.OP && !n.internal()) {
                tensor(rows, step, samples, n.layer().equals("loss") ? "loss" : "forward", n.name(), n.formula(),
                        n.value());
            }
        }
        List<NodeRecord> nodes = r.nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            NodeRecord n = nodes.get(i);
            if (n.kind() == Kind.OP && !n.internal() && n.grad() != null && !n.name().equals("loss")) {
                tensor(rows, step, samples, "backward", "dL/d" + n.name(), "", n.grad());
            }
        }
        for (Map.Entry<String, TensorCopy> g : r.gradients().entrySet()) {
            tensor(rows, step, samples, "gradient", "dL/d" + g.getKey(), "", g.getValue());
        }
        r.after().forEach((name, value) -> tensor(rows, step, samples, "update", name + "'",
                plainStep(r, name) ? name + "' = " + name + " − η·∂L/∂" + name : "the optimizer's new " + name,
                value));
        return rows;
    }

    /** Whether the update of a parameter was w − η·∂L/∂w (plain gradient descent, no momentum, decay or moments). */
    private static boolean plainStep(StepRecord r, String name) {
        TensorCopy before = r.before().get(name);
        TensorCopy grad = r.gradients().get(name);
        TensorCopy after = r.after().get(name);
        if (before == null || grad == null || after == null) {
            return false;
        }
        for (int i = 0; i < after.values().length; i++) {
            double expected = before.values()[i] - r.learningRate() * grad.values()[i];
            if (Math.abs(expected - after.values()[i]) > 1e-6 * Math.max(1, Math.abs(expected))) {
                return false;
            }
        }
        return true;
    }

    private static void perceptron(List<SheetRow> rows, int step, String sample, PerceptronRow p) {
        vector(rows, step, sample, "given", "x", "", p.x());
        vector(rows, step, sample, "given", "w", "", p.weightsBefore());
        rows.add(new SheetRow(step, sample, "given", "b", "", p.biasBefore(), false));
        rows.add(new SheetRow(step, sample, "forward", "z", "z = w·x + b", (float) p.z(), false));
        rows.add(new SheetRow(step, sample, "forward", "yhat", "ŷ = threshold(z)", p.predicted(), false));
        rows.add(new SheetRow(step, sample, "given", "y", "", p.label(), false));
        rows.add(new SheetRow(step, sample, "forward", "error", "y − ŷ", p.error(), false));
        vector(rows, step, sample, "update", "w'", "the rule's new w", p.weightsAfter());
        rows.add(new SheetRow(step, sample, "update", "b'", "the rule's new b", p.biasAfter(), false));
    }

    private static void vector(List<SheetRow> rows, int step, String sample, String part, String name,
                               String formula, float[] v) {
        for (int i = 0; i < v.length; i++) {
            rows.add(new SheetRow(step, sample, part, name + "[" + i + "]", formula, v[i], false));
        }
    }

    /** One row per entry, indexed with the shape's leading 1s dropped (one sample's [1, 2] is indexed [i]). */
    private static void tensor(List<SheetRow> rows, int step, String samples, String part, String name,
                               String formula, TensorCopy t) {
        int[] shape = t.shape();
        int lead = 0;
        while (lead < shape.length && shape[lead] == 1) {
            lead++;
        }
        float[] values = t.values();
        for (int flat = 0; flat < values.length; flat++) {
            rows.add(new SheetRow(step, samples, part, name + index(shape, lead, flat), formula, values[flat],
                    false));
        }
    }

    private static String index(int[] shape, int lead, int flat) {
        if (lead == shape.length) {
            return "";
        }
        int[] at = new int[shape.length - lead];
        int rest = flat;
        for (int d = shape.length - 1; d >= lead; d--) {
            at[d - lead] = rest % shape[d];
            rest /= shape[d];
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < at.length; i++) {
            sb.append(i == 0 ? "" : ",").append(at[i]);
        }
        return sb.append(']').toString();
    }

    private static String samples(int[] oneBased) {
        if (oneBased.length == 1) {
            return String.valueOf(oneBased[0]);
        }
        boolean run = true;
        for (int i = 1; i < oneBased.length; i++) {
            run &= oneBased[i] == oneBased[i - 1] + 1;
        }
        if (run) {
            return oneBased[0] + "–" + oneBased[oneBased.length - 1];
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < oneBased.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(oneBased[i]);
        }
        return sb.toString();
    }
}
