package studio.backprop.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import studio.backprop.train.StepRecord;
import studio.backprop.train.StepRecord.Kind;
import studio.backprop.train.StepRecord.NodeRecord;
import studio.backprop.train.TrainingSnapshot.TensorCopy;
import studio.backprop.ui.stepper.StepStage.Phase;

/**
 * Turns one {@link StepRecord} into the stages the stepper walks: every op forward in the order the tape computed it,
 * the loss, every gradient backward from the loss (the chain rule written with the record's numbers), then each
 * parameter's update. Nothing is computed again: every number is the record's.
 */
public final class StepStages {

    private static final int SHOWN = 8;

    private StepStages() {
    }

    /** The stages of a record, at {@code digits} significant digits. */
    public static List<StepStage> of(StepRecord r, int digits) {
        if (!r.perceptronRows().isEmpty()) {
            return perceptron(r, digits);
        }
        List<StepStage> stages = new ArrayList<>();
        for (NodeRecord n : r.nodes()) {
            if (n.kind() == Kind.OP && !n.internal()) {
                boolean loss = n.layer().equals("loss");
                stages.add(stage(loss ? Phase.LOSS : Phase.FORWARD, n, n.formula(), n.name() + " = "
                        + n.op() + "(" + inputs(r, n, digits) + ") = " + list(n.value(), digits), n.value()));
            } else if (n.kind() == Kind.DATA) {
                stages.add(stage(n.op().equals("target") ? Phase.LOSS : Phase.FORWARD, n, n.op().equals("target")
                        ? "y: the targets of the batch" : "x: the inputs of the batch", n.name() + " = "
                        + list(n.value(), digits), n.value()));
            }
        }
        List<NodeRecord> nodes = r.nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            NodeRecord n = nodes.get(i);
            if (n.grad() == null || n.internal() || n.kind() == Kind.DATA) {
                continue;
            }
            stages.add(backward(r, n, digits));
        }
        for (Map.Entry<String, TensorCopy> p : r.before().entrySet()) {
            TensorCopy after = r.after().get(p.getKey());
            TensorCopy grad = r.gradients().get(p.getKey());
            String name = p.getKey();
            stages.add(new StepStage(Phase.UPDATE, name, layerOf(name), name + " ← " + name + " + Δ (η = "
                    + StepNumbers.of(r.learningRate(), digits) + ")", list(p.getValue(), digits) + " → "
                    + list(after, digits) + (grad == null ? "" : "   (∂L/∂" + name + " = " + list(grad, digits) + ")"),
                    after.values(), StepNumbers.exact(after.values(), SHOWN)));
        }
        return List.copyOf(stages);
    }

    /** ∂L/∂ of a node, and how the chain rule got it from the node it feeds. */
    private static StepStage backward(StepRecord r, NodeRecord n, int digits) {
        String text = "∂L/∂" + n.name() + " = " + list(n.grad(), digits);
        String formula;
        if (n.name().equals("loss")) {
            formula = "∂L/∂L = 1: the walk back starts at the loss";
        } else {
            List<NodeRecord> users = r.nodes().stream().filter(u -> u.inputs().contains(n.name())).toList();
            StringBuilder f = new StringBuilder("∂L/∂" + n.name() + " = ");
            for (int i = 0; i < users.size(); i++) {
                NodeRecord u = users.get(i);
                f.append(i == 0 ? "" : " + ").append("∂L/∂").append(u.name()).append(" · ∂").append(u.name())
                        .append("/∂").append(n.name());
            }
            if (users.size() > 1) {
                f.append("  (it fans out: the contributions add up)");
            }
            formula = f.toString();
            if (users.size() == 1 && users.get(0).grad() != null && users.get(0).inputs().size() == 1
                    && users.get(0).grad().values().length == n.grad().values().length) {
                text = "∂L/∂" + n.name() + " = " + list(users.get(0).grad(), digits) + " ⊙ "
                        + local(users.get(0).grad().values(), n.grad().values(), digits) + " = "
                        + list(n.grad(), digits);
            }
        }
        return new StepStage(Phase.BACKWARD, n.name(), n.layer(), formula, text, n.grad().values(),
                StepNumbers.exact(n.grad().values(), SHOWN));
    }

    /** The local derivative of an element-wise op, read from the record as ∂L/∂input ÷ ∂L/∂output. */
    private static String local(float[] out, float[] in, int digits) {
        StringBuilder sb = new StringBuilder(in.length == 1 ? "" : "[");
        for (int i = 0; i < Math.min(in.length, SHOWN); i++) {
            sb.append(i == 0 ? "" : ", ").append(out[i] == 0 ? "?" : StepNumbers.of((double) in[i] / out[i], digits));
        }
        return sb.append(in.length > SHOWN ? ", …]" : in.length == 1 ? "" : "]").toString();
    }

    private static List<StepStage> perceptron(StepRecord r, int digits) {
        List<StepStage> stages = new ArrayList<>();
        for (StepRecord.PerceptronRow row : r.perceptronRows()) {
            String unit = r.nodes().isEmpty() ? "unit" : r.nodes().get(1).layer();
            String x = StepNumbers.list(row.x(), digits, SHOWN);
            String w = StepNumbers.list(row.weightsBefore(), digits, SHOWN);
            stages.add(new StepStage(Phase.FORWARD, unit + "/z", unit, "z = w·x + b", "sample " + row.sample()
                    + ": z = " + w + "·" + x + " + " + StepNumbers.of(row.biasBefore(), digits) + " = "
                    + StepNumbers.of(row.z(), digits), new float[] {(float) row.z()}, Double.toString(row.z())));
            stages.add(new StepStage(Phase.LOSS, "error", unit, "ŷ = threshold(z), e = y − ŷ", "ŷ = "
                    + row.predicted() + ", y = " + row.label() + ", e = " + row.error(),
                    new float[] {row.error()}, Integer.toString(row.error())));
            stages.add(new StepStage(Phase.UPDATE, unit + "/kernel", unit, row.updated()
                    ? "w ← w + η·c·x, b ← b + η·c" : "no mistake: w and b stay", "w = "
                    + StepNumbers.list(row.weightsAfter(), digits, SHOWN) + ", b = "
                    + StepNumbers.of(row.biasAfter(), digits), row.weightsAfter(),
                    StepNumbers.exact(row.weightsAfter(), SHOWN)));
        }
        return List.copyOf(stages);
    }

    private static StepStage stage(Phase phase, NodeRecord n, String formula, String numbers, TensorCopy value) {
        return new StepStage(phase, n.name(), n.layer(), formula, numbers, value.values(),
                StepNumbers.exact(value.values(), SHOWN));
    }

    private static String inputs(StepRecord r, NodeRecord n, int digits) {
        StringBuilder sb = new StringBuilder();
        for (String name : n.inputs()) {
            NodeRecord input = r.node(name);
            // plumbing (a reshape) is shown as the value it passes on
            while (input != null && input.internal() && !input.inputs().isEmpty()) {
                input = r.node(input.inputs().get(0));
            }
            String in = input == null ? name : input.name();
            sb.append(sb.length() == 0 ? "" : ", ").append(in);
            if (input != null && input.value().values().length <= 4) {
                sb.append(" = ").append(list(input.value(), digits));
            }
        }
        return sb.toString();
    }

    private static String list(TensorCopy t, int digits) {
        return StepNumbers.list(t.values(), digits, SHOWN);
    }

    private static String layerOf(String parameter) {
        int slash = parameter.indexOf('/');
        return slash < 0 ? parameter : parameter.substring(0, slash);
    }
}
