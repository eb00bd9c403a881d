package studio.backprop.train;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import studio.backprop.autograd.Tape;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.Network;
import studio.backprop.tensor.Tensor;
import studio.backprop.train.StepRecord.Kind;
import studio.backprop.train.StepRecord.NodeRecord;
import studio.backprop.train.TrainingSnapshot.TensorCopy;

/**
 * Turns a recorded tape into the rows of a {@link StepRecord}: every node gets a unique, readable name tied to the
 * layer it belongs to, plumbing ops are marked internal, and parameters show the values the forward pass used.
 *
 * <p>An op's intermediate values ({@link studio.backprop.autograd.Op#intermediates()}, a batch normalisation's
 * μ_B and σ²_B) follow its row as internal rows named {@code OP.KEY} ({@code bn/batchNorm.mean}).
 *
 * <p>A node belongs to the layer whose output it leads to without passing another layer's output: walking back
 * from each layer's output claims the ops in between. What remains after the network's output is the loss's.
 */
final class TapeRecords {

    /** Ops that reshape or clip for the op they feed rather than teach anything of their own. */
    private static final Set<String> INTERNAL = Set.of("reshape", "permute", "clip", "clamp");

    private TapeRecords() {
    }

    /**
     * @param tape         the step's tape (leaves included), in forward order
     * @param layerOutputs each layer's output variable by layer name ({@code input} included)
     * @param before       parameter values before the update, by parameter name
     */
    static List<NodeRecord> of(Tape tape, Map<String, Variable> layerOutputs, Map<String, TensorCopy> before) {
        Map<Variable, String> owner = owners(layerOutputs);
        Map<Variable, String> names = new IdentityHashMap<>();
        Set<String> used = new HashSet<>();
        List<NodeRecord> rows = new ArrayList<>();
        Variable loss = tape.output();
        for (Variable v : tape.nodes()) {
            String layer = layerOf(v, owner);
            Kind kind = v.isLeaf() ? (v.requiresGrad() ? Kind.PARAMETER : Kind.DATA) : Kind.OP;
            String name = unique(v == loss ? "loss" : baseName(v, layer, kind), used);
            names.put(v, name);
            List<String> inputs = v.inputs().stream().map(in -> names.getOrDefault(in, in.name())).toList();
            TensorCopy value = kind == Kind.PARAMETER && before.containsKey(v.name()) ? before.get(v.name())
                    : copy(v.value());
            String op = kind == Kind.OP ? v.op().name() : kind == Kind.PARAMETER ? "parameter"
                    : v.name().equals("target") ? "target" : "input";
            rows.add(new NodeRecord(name, layer, op, kind, kind == Kind.OP ? v.op().formula() : "", inputs,
                    kind == Kind.OP && INTERNAL.contains(v.op().name()), value,
                    v.grad() == null ? null : copy(v.grad())));
            if (kind == Kind.OP) {
                // what the op computed on the way (batch statistics): internal rows that read nothing, so they
                // never count as users of a value on the walk back
                v.op().intermediates().forEach((key, t) -> rows.add(new NodeRecord(unique(name + "." + key, used),
                        layer, key, Kind.OP, "", List.of(), true, copy(t), null)));
            }
        }
        return rows;
    }

    private static Map<Variable, String> owners(Map<String, Variable> layerOutputs) {
        Map<Variable, String> owner = new IdentityHashMap<>();
        Set<Variable> outputs = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        outputs.addAll(layerOutputs.values());
        for (Map.Entry<String, Variable> e : layerOutputs.entrySet()) {
            owner.put(e.getValue(), e.getKey());
        }
        for (Map.Entry<String, Variable> e : layerOutputs.entrySet()) {
            if (e.getKey().equals(Network.INPUT)) {
                continue;
            }
            Deque<Variable> todo = new ArrayDeque<>(e.getValue().inputs());
            while (!todo.isEmpty()) {
                Variable v = todo.pop();
                if (v.isLeaf() || outputs.contains(v) || owner.containsKey(v)) {
                    continue;
                }
                owner.put(v, e.getKey());
                todo.addAll(v.inputs());
            }
        }
        return owner;
    }

    private static String layerOf(Variable v, Map<Variable, String> owner) {
        String layer = owner.get(v);
        if (layer != null) {
            return layer;
        }
        if (v.isLeaf()) {
            int slash = v.name().indexOf('/');
            return v.requiresGrad() && slash > 0 ? v.name().substring(0, slash) : v.name();
        }
        return "loss";
    }

    private static String baseName(Variable v, String layer, Kind kind) {
        if (kind != Kind.OP) {
            return v.name();
        }
        String given = v.name();
        if (given.startsWith(layer + "/")) {
            return given;
        }
        String op = v.op().name();
        return layer + "/" + (op.equals("add") && !layer.equals("loss") ? "z" : op);
    }

    private static String unique(String name, Set<String> used) {
        String candidate = name;
        for (int n = 2; !used.add(candidate); n++) {
            candidate = name + "#" + n;
        }
        return candidate;
    }

    static TensorCopy copy(Tensor t) {
        return new TensorCopy(t.shape(), t.toArray());
    }
}
