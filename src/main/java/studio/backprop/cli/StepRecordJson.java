package studio.backprop.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.backprop.train.StepRecord;
import studio.backprop.train.TrainingSnapshot.TensorCopy;

/** A {@link StepRecord} as the JSON that {@code trace --json} prints: every field, nothing recomputed. */
final class StepRecordJson {

    private StepRecordJson() {
    }

    static Map<String, Object> of(StepRecord r) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("step", r.step());
        step.put("epoch", r.epoch());
        step.put("samples", r.samples());
        step.put("learning_rate", r.learningRate());
        step.put("weights_before", tensors(r.before()));
        List<Object> nodes = r.nodes().stream().map(StepRecordJson::node).map(m -> (Object) m).toList();
        step.put("nodes", nodes);
        step.put("loss", r.loss());
        step.put("gradients", tensors(r.gradients()));
        step.put("weights_after", tensors(r.after()));
        if (!r.perceptronRows().isEmpty()) {
            step.put("perceptron", r.perceptronRows().stream().map(StepRecordJson::row).map(m -> (Object) m).toList());
        }
        return step;
    }

    private static Map<String, Object> node(StepRecord.NodeRecord n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", n.name());
        m.put("layer", n.layer());
        m.put("op", n.op());
        m.put("formula", n.formula().isEmpty() ? null : n.formula());
        m.put("inputs", n.inputs());
        m.put("internal", n.internal());
        m.put("shape", n.value().shape());
        m.put("value", n.value().values());
        m.put("grad", n.grad() == null ? null : n.grad().values());
        return m;
    }

    private static Map<String, Object> row(StepRecord.PerceptronRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sample", r.sample());
        m.put("x", r.x());
        m.put("z", r.z());
        m.put("prediction", r.predicted());
        m.put("label", r.label());
        m.put("error", r.error());
        m.put("updated", r.updated());
        m.put("w_before", r.weightsBefore());
        m.put("b_before", r.biasBefore());
        m.put("w_after", r.weightsAfter());
        m.put("b_after", r.biasAfter());
        return m;
    }

    private static Map<String, Object> tensors(Map<String, TensorCopy> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("shape", v.shape());
            t.put("values", v.values());
            out.put(k, t);
        });
        return out;
    }
}
