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

    private final Map<String, Integer> focus;
    private final int samples;

    private StepStages(StepRecord r, Map<String, Integer> focus) {
        this.focus = focus;
        this.samples = Math.max(1, r.samples().length);
    }

    /** The stages of a record, at {@code digits} significant digits. */
    public static List<StepStage> of(StepRecord r, int digits) {
        return of(r, digits, Map.of());
    }

    /**
     * The stages of a record, at {@code digits} significant digits; a layer wider than {@link UnitFold#WHOLE} units
     * writes the block of units {@code focus} chooses for it (the first unit of the block by layer, 0 if absent).
     */
    public static List<StepStage> of(StepRecord r, int digits, Map<String, Integer> focus) {
        return new StepStages(r, focus).all(r, digits);
    }

    /** Units per sample of a layer: its output's size (0 when the record has no such layer). */
    public static int unitsOf(StepRecord r, String layer) {
        int units = 0;
        for (NodeRecord n : r.nodes()) {
            boolean input = n.kind() == Kind.DATA && n.op().equals("input") && layer.equals(n.layer());
            if (input || n.kind() == Kind.OP && !n.internal() && n.layer().equals(layer)) {
                units = n.value().values().length / Math.max(1, r.samples().length);
            }
        }
        return units;
    }

    private List<StepStage> all(StepRecord r, int digits) {
        if (!r.perceptronRows().isEmpty()) {
            return perceptron(r, digits);
        }
        List<StepStage> stages = new ArrayList<>();
        for (NodeRecord n : r.nodes()) {
            if (n.kind() == Kind.OP && !n.internal()) {
                boolean loss = n.layer().equals("loss");
                stages.add(stage(loss ? Phase.LOSS : Phase.FORWARD, n, n.formula(), n.name() + " = "
                        + n.op() + "(" + inputs(r, n, digits) + ") = " + list(n, n.value(), digits), n.value()));
            } else if (n.kind() == Kind.DATA) {
                stages.add(stage(n.op().equals("target") ? Phase.LOSS : Phase.FORWARD, n, n.op().equals("target")
                        ? "y: the targets of the batch" : "x: the inputs of the batch", n.name() + " = "
                        + list(n, n.value(), digits), n.value()));
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
    private StepStage backward(StepRecord r, NodeRecord n, int digits) {
        String text = "∂L/∂" + n.name() + " = " + list(n, n.grad(), digits);
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
                text = "∂L/∂" + n.name() + " = " + list(users.get(0), users.get(0).grad(), digits) + " ⊙ "
                        + local(block(users.get(0), users.get(0).grad()), block(n, n.grad()), digits) + " = "
                        + list(n, n.grad(), digits);
            }
        }
        return new StepStage(Phase.BACKWARD, n.name(), n.layer(), formula, text, n.grad().values(),
                StepNumbers.exact(block(n, n.grad()), SHOWN));
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

    private StepStage stage(Phase phase, NodeRecord n, String formula, String numbers, TensorCopy value) {
        return new StepStage(phase, n.name(), n.layer(), formula, numbers, value.values(),
                StepNumbers.exact(block(n, value), SHOWN));
    }

    private String inputs(StepRecord r, NodeRecord n, int digits) {
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

    /** The fold of a node's layer when it is too wide to write whole, or null. */
    private UnitFold fold(NodeRecord n, TensorCopy t) {
        int units = t.values().length / samples;
        if (n.kind() == Kind.PARAMETER || units <= UnitFold.WHOLE || units * samples != t.values().length) {
            return null;
        }
        return new UnitFold(units, focus.getOrDefault(n.layer(), 0));
    }

    /** The values written of a node: the focused block of a wide layer (of the first sample), or all. */
    private float[] block(NodeRecord n, TensorCopy t) {
        UnitFold fold = fold(n, t);
        if (fold == null) {
            return t.values();
        }
        int[] shown = fold.shown();
        float[] block = new float[shown.length];
        for (int i = 0; i < shown.length; i++) {
            block[i] = t.values()[shown[i]];
        }
        return block;
    }

    /** A value of a layer's units: the focused block when the layer is too wide to write whole. */
    private String list(NodeRecord n, TensorCopy t, int digits) {
        UnitFold fold = fold(n, t);
        if (fold == null) {
            return list(t, digits);
        }
        return fold.range() + (samples > 1 ? " (sample 1)" : "") + ": "
                + StepNumbers.list(block(n, t), digits, SHOWN);
    }

    private static String layerOf(String parameter) {
        int slash = parameter.indexOf('/');
        return slash < 0 ? parameter : parameter.substring(0, slash);
    }
}
