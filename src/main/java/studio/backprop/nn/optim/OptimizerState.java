package studio.backprop.nn.optim;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything an optimiser remembers between steps, as plain data for a session file: which rule it belongs to,
 * the step count t, and for each parameter (by name) its named buffers ("velocity", "accumulator", "m", "v")
 * as flat row-major float arrays.
 *
 * <p>Hyperparameters and the schedule are not part of it: they are configuration, saved with the rest of the
 * settings. The record owns copies of the arrays: construction and {@link #buffers()} both copy, so no caller
 * can change a saved state afterwards. Equality compares the numbers.
 *
 * @param kind    the optimiser's {@link Optimizer#kind()}, e.g. "adam"
 * @param step    the step count t; ≥ 0
 * @param buffers parameter name → buffer name → values
 */
public record OptimizerState(String kind, long step, Map<String, Map<String, float[]>> buffers) {

    public OptimizerState {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("an optimiser state needs the optimiser kind, e.g. \"adam\"");
        }
        if (step < 0) {
            throw new IllegalArgumentException("the step count t of an optimiser state must be ≥ 0, but was " + step);
        }
        if (buffers == null) {
            throw new IllegalArgumentException("an optimiser state needs its buffers (an empty map if there are none)");
        }
        buffers = deepCopy(buffers);
    }

    /** A copy of the buffers; changing it does not change this state. */
    @Override
    public Map<String, Map<String, float[]>> buffers() {
        return deepCopy(buffers);
    }

    /** A copy of one buffer, or null if this state has no such parameter or buffer. */
    public float[] buffer(String parameter, String buffer) {
        Map<String, float[]> named = buffers.get(parameter);
        float[] values = named == null ? null : named.get(buffer);
        return values == null ? null : values.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OptimizerState other)) {
            return false;
        }
        if (!kind.equals(other.kind) || step != other.step || !buffers.keySet().equals(other.buffers.keySet())) {
            return false;
        }
        for (Map.Entry<String, Map<String, float[]>> e : buffers.entrySet()) {
            Map<String, float[]> mine = e.getValue();
            Map<String, float[]> theirs = other.buffers.get(e.getKey());
            if (!mine.keySet().equals(theirs.keySet())) {
                return false;
            }
            for (Map.Entry<String, float[]> b : mine.entrySet()) {
                if (!Arrays.equals(b.getValue(), theirs.get(b.getKey()))) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 31 * kind.hashCode() + Long.hashCode(step);
        for (Map.Entry<String, Map<String, float[]>> e : buffers.entrySet()) {
            for (Map.Entry<String, float[]> b : e.getValue().entrySet()) {
                h += e.getKey().hashCode() ^ b.getKey().hashCode() ^ Arrays.hashCode(b.getValue());
            }
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("OptimizerState[" + kind + ", t = " + step);
        buffers.forEach((param, named) -> named.forEach((name, values) ->
                sb.append(", ").append(param).append('.').append(name).append(": ").append(values.length)
                        .append(values.length == 1 ? " value" : " values")));
        return sb.append(']').toString();
    }

    private static Map<String, Map<String, float[]>> deepCopy(Map<String, Map<String, float[]>> source) {
        Map<String, Map<String, float[]>> out = new LinkedHashMap<>();
        source.forEach((param, named) -> {
            if (param == null || named == null) {
                throw new IllegalArgumentException(
                        "an optimiser state cannot hold a null parameter name or buffer map");
            }
            Map<String, float[]> copy = new LinkedHashMap<>();
            named.forEach((name, values) -> {
                if (name == null || values == null) {
                    throw new IllegalArgumentException("the optimiser state of parameter '" + param
                            + "' holds a null buffer name or buffer");
                }
                copy.put(name, values.clone());
            });
            out.put(param, Collections.unmodifiableMap(copy));
        });
        return Collections.unmodifiableMap(out);
    }
}
