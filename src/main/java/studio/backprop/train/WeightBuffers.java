package studio.backprop.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.backprop.nn.Network;
import studio.backprop.nn.Parameter;
import studio.backprop.tensor.Finite;
import studio.backprop.tensor.ShapeException;
import studio.backprop.train.TrainingSnapshot.TensorCopy;

/**
 * Copies a network's parameter values in and out of plain arrays, one {@code float[]} per parameter in the order of
 * {@link Network#parameters()}, and keeps the copy taken before the latest step.
 *
 * <p>The saved copy serves three readers: a step that produced a non-finite weight is undone from it, the step
 * record shows it as the parameters "before", and the norms probe measures ‖Δθ‖ = ‖θ_now − θ_saved‖ against it.
 */
final class WeightBuffers {

    private final Network network;
    /** The parameter values as they were before the latest step, or null before the first step. */
    private float[][] saved;

    WeightBuffers(Network network) {
        this.network = network;
    }

    /** Copies every parameter into the saved buffers, reusing them when the sizes still fit. */
    void save() {
        saved = copy(saved);
    }

    /** Puts the saved values back into the parameters. */
    void restoreSaved() {
        set(saved);
    }

    /** The values saved before the latest step (shared, not copied), or null before the first step. */
    float[][] saved() {
        return saved;
    }

    /** The values saved before the latest step, copied, by parameter name (the "before" of a step record). */
    Map<String, TensorCopy> savedByName() {
        Map<String, TensorCopy> out = new LinkedHashMap<>();
        List<Parameter> params = network.parameters();
        for (int i = 0; i < params.size(); i++) {
            out.put(params.get(i).name(), new TensorCopy(params.get(i).value().shape(), saved[i].clone()));
        }
        return out;
    }

    /** The current values, copied, by parameter name (the "after" of a step record). */
    Map<String, TensorCopy> currentByName() {
        Map<String, TensorCopy> out = new LinkedHashMap<>();
        for (Parameter p : network.parameters()) {
            out.put(p.name(), TapeRecords.copy(p.value()));
        }
        return out;
    }

    /** Overwrites parameter i with {@code values[i]}, for every i. */
    void set(float[][] values) {
        List<Parameter> params = network.parameters();
        for (int i = 0; i < values.length; i++) {
            System.arraycopy(values[i], 0, params.get(i).value().buffer(), 0, values[i].length);
        }
    }

    /**
     * The current values of every parameter, copied into {@code into} when its arrays have the right sizes (each
     * array that does not fit, or all of them when {@code into} is null, is allocated anew).
     */
    float[][] copy(float[][] into) {
        List<Parameter> params = network.parameters();
        float[][] out = into != null && into.length == params.size() ? into : new float[params.size()][];
        for (int i = 0; i < out.length; i++) {
            float[] v = params.get(i).value().buffer();
            out[i] = out[i] != null && out[i].length == v.length ? out[i] : new float[v.length];
            System.arraycopy(v, 0, out[i], 0, v.length);
        }
        return out;
    }

    /** Whether no parameter holds a NaN or an infinity. */
    boolean allFinite() {
        for (Parameter p : network.parameters()) {
            if (!Finite.allFinite(p.value().buffer())) {
                return false;
            }
        }
        return true;
    }

    /** A copy of every parameter's values (trainable and not) by parameter name, in the network's order. */
    Map<String, float[]> byName() {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Parameter p : network.parameters()) {
            out.put(p.name(), p.value().toArray());
        }
        return out;
    }

    /**
     * Overwrites every parameter with its entry in {@code saved} (a session's weights by name).
     *
     * @throws ShapeException in words when a parameter is missing or of another size; the parameters before it
     *                        have been overwritten then
     */
    void setByName(Map<String, float[]> saved) {
        for (Parameter p : network.parameters()) {
            float[] values = saved.get(p.name());
            if (values == null || values.length != p.value().size()) {
                throw new ShapeException("the saved weights do not fit this network: parameter '" + p.name()
                        + "' is " + (values == null ? "missing" : "of another size") + " in the saved session");
            }
            System.arraycopy(values, 0, p.value().buffer(), 0, values.length);
        }
    }
}
