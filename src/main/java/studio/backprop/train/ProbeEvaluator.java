package studio.backprop.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.Parameter;
import studio.backprop.nn.layers.ForwardContext;
import studio.backprop.tensor.Tensor;
import studio.backprop.train.TrainingSnapshot.TensorCopy;

/** Evaluates a {@link Probe} on the loop it asks about; runs on the trainer's thread. */
final class ProbeEvaluator {

    private ProbeEvaluator() {
    }

    static Object evaluate(Probe<?> probe, TrainingLoop loop) {
        if (probe instanceof Probe.Parameters p) {
            return parameters(loop, p.names(), false);
        } else if (probe instanceof Probe.Gradients g) {
            return parameters(loop, g.names(), true);
        } else if (probe instanceof Probe.Activations a) {
            return activations(loop, Tensor.of(a.inputs().values(), a.inputs().shape()), a.layers());
        } else if (probe instanceof Probe.SampleActivations s) {
            return activations(loop, rows(loop.data().trainX(), s.samples()), s.layers());
        } else if (probe instanceof Probe.Norms) {
            return loop.norms();
        } else {
            return loop.lastRecord();
        }
    }

    private static Map<String, TensorCopy> parameters(TrainingLoop loop, Set<String> names, boolean gradients) {
        Map<String, TensorCopy> out = new LinkedHashMap<>();
        for (Parameter p : loop.network().parameters()) {
            if (!names.isEmpty() && !names.contains(p.name())) {
                continue;
            }
            Tensor t = gradients ? p.grad() : p.value();
            if (t != null) {
                out.put(p.name(), TapeRecords.copy(t));
            }
        }
        return out;
    }

    private static Map<String, TensorCopy> activations(TrainingLoop loop, Tensor x, Set<String> layers) {
        Map<String, Variable> values = loop.network().forwardAll(Variable.constant(x, "input"),
                ForwardContext.inference());
        Map<String, TensorCopy> out = new LinkedHashMap<>();
        values.forEach((name, v) -> {
            if (layers.isEmpty() || layers.contains(name)) {
                out.put(name, TapeRecords.copy(v.value()));
            }
        });
        return out;
    }

    private static Tensor rows(Tensor source, java.util.List<Integer> samples) {
        int[] shape = source.shape();
        int row = source.size() / shape[0];
        shape[0] = samples.size();
        Tensor out = Tensor.zeros(shape);
        float[] src = source.contiguous().buffer();
        for (int i = 0; i < samples.size(); i++) {
            int s = samples.get(i);
            if (s < 0 || s >= source.dim(0)) {
                throw new IllegalArgumentException("there is no training sample " + (s + 1) + "; the set has "
                        + source.dim(0));
            }
            System.arraycopy(src, s * row, out.buffer(), i * row, row);
        }
        return out;
    }
}
