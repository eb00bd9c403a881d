package studio.backprop.train;

import java.util.LinkedHashMap;
import java.util.List;
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
        } else if (probe instanceof Probe.Decode d) {
            return TapeRecords.copy(studio.backprop.nn.generative.PartialForward.decode(loop.network(), d.from(),
                    Tensor.of(d.codes().values(), d.codes().shape())));
        } else if (probe instanceof Probe.Norms) {
            return norms(loop);
        } else if (probe instanceof Probe.PerceptronTrace t) {
            return loop.perceptronTrace(t.limit());
        } else if (probe instanceof Probe.GradientCheck check) {
            return GradientCheckRun.run(loop, check);
        } else if (probe instanceof Probe.ValidationPredictions) {
            return predictions(loop);
        } else if (probe instanceof Probe.Attribution a) {
            return InputAttribution.of(loop.network(), loop.compilation().outputKind(),
                    Tensor.of(a.input().values(), a.input().shape()), a.epsilon());
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

    /**
     * Per trainable parameter θ: ‖θ‖, ‖∂L/∂θ‖ and ‖Δθ‖ = ‖θ − θ_before‖ of the last step, with θ_before the values
     * saved just before it (‖Δθ‖ is 0 before the first step, ‖∂L/∂θ‖ is 0 while there is no gradient); Euclidean
     * norms over every element, summed in double.
     */
    static Map<String, Probe.ParameterNorms> norms(TrainingLoop loop) {
        Map<String, Probe.ParameterNorms> out = new LinkedHashMap<>();
        float[][] before = loop.weightsBeforeLastStep();
        List<Parameter> params = loop.network().parameters();
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            if (!p.trainable()) {
                continue;
            }
            float[] now = p.value().buffer();
            double w = 0;
            double u = 0;
            for (int k = 0; k < now.length; k++) {
                w += (double) now[k] * now[k];
                if (loop.steps() > 0 && before != null) {
                    double d = now[k] - before[i][k];
                    u += d * d;
                }
            }
            double g = 0;
            if (p.grad() != null) {
                for (float v : p.grad().buffer()) {
                    g += (double) v * v;
                }
            }
            out.put(p.name(), new Probe.ParameterNorms(Math.sqrt(w), Math.sqrt(g), Math.sqrt(u)));
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

    /** Probabilities of the validation split (or the training set) with the true classes; null for regression. */
    static Predictions predictions(TrainingLoop loop) {
        TrainingData data = loop.data();
        if (!data.classification() || data.trainY().rank() != 2 || data.trainY().dim(1) < 2) {
            return null;
        }
        boolean validation = data.hasValidation();
        Tensor x = validation ? data.validX() : data.trainX();
        Tensor y = validation ? data.validY() : data.trainY();
        int classes = y.dim(1);
        float[] scores = loop.predict(x).contiguous().toArray();
        float[] p = new float[scores.length];
        for (int i = 0; i < y.dim(0); i++) {
            float[] row = InputAttribution.probabilities(loop.compilation().outputKind(),
                    java.util.Arrays.copyOfRange(scores, i * classes, (i + 1) * classes));
            System.arraycopy(row, 0, p, i * classes, classes);
        }
        return new Predictions(validation ? "validation" : "training", p, classes,
                studio.backprop.train.metrics.Labels.fromTargets(y, classes), data.classNames(), loop.steps());
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
