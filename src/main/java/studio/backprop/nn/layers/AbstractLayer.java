package studio.backprop.nn.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.LayerShapeException;
import studio.backprop.nn.Parameter;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Shapes;
import studio.backprop.tensor.Tensor;

/** What every layer shares: its name, parameter storage and building from {@link ParamSpec}s. */
public abstract class AbstractLayer implements Layer {

    private final String name;
    private final List<Parameter> parameters = new ArrayList<>();

    protected AbstractLayer(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a layer needs a name");
        }
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Parameter> parameters() {
        return List.copyOf(parameters);
    }

    @Override
    public void build(List<int[]> inputShapes, Rng rng) {
        List<ParamSpec> specs = parameterSpecs(inputShapes);
        List<Parameter> built = new ArrayList<>();
        for (ParamSpec spec : specs) {
            Parameter existing = find(spec.role());
            Tensor value = spec.initializer().create(rng, spec.shape());
            if (existing != null && Arrays.equals(existing.value().shape(), spec.shape())) {
                existing.value().assign(value);
                built.add(existing);
            } else {
                built.add(new Parameter(name, spec.role(), value, spec.trainable()));
            }
        }
        parameters.clear();
        parameters.addAll(built);
    }

    /** The built parameter with this role, or null. */
    public Parameter find(String role) {
        for (Parameter p : parameters) {
            if (p.role().equals(role)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Replaces a parameter's values with given ones (an exercise's exact weights), checking the shape.
     *
     * @throws LayerShapeException if the layer has no such parameter or the shape differs
     */
    public void setWeights(String role, Tensor values) {
        Parameter p = find(role);
        if (p == null) {
            throw new LayerShapeException(name, "'" + name + "' has no parameter '" + role + "' (it has "
                    + parameters.stream().map(Parameter::role).toList() + "; build the network first)");
        }
        if (!Arrays.equals(p.value().shape(), values.shape())) {
            throw new LayerShapeException(name, "'" + name + "' " + role + " must have shape "
                    + Shapes.str(p.value().shape()) + ", the given values have " + Shapes.str(values.shape()));
        }
        p.value().assign(values);
    }

    /** The trainable variable of a built parameter, for forward passes. */
    protected Variable param(String role) {
        return built(role).variable();
    }

    /** A built parameter, or an exception saying the layer has not been built yet. */
    protected Parameter built(String role) {
        Parameter p = find(role);
        if (p == null) {
            throw new IllegalStateException("'" + name + "' has not been built: parameter '" + role + "' is missing");
        }
        return p;
    }

    /** The single input shape of a one-input layer, with a message if the rank is wrong. */
    protected int[] single(List<int[]> inputShapes, int rank, String expected) {
        int[] s = inputShapes.get(0);
        if (rank > 0 && s.length != rank) {
            throw new LayerShapeException(name, type() + " '" + name + "' needs " + expected + ", got "
                    + Shapes.str(s) + hintForRank(s.length, rank));
        }
        return s;
    }

    private static String hintForRank(int got, int want) {
        if (want == 1 && got > 1) {
            return "; add a Flatten layer before it";
        }
        if (want == 3 && got == 1) {
            return "; it works on images (height, width, channels): reshape the input or use Dense layers";
        }
        return "";
    }

    @Override
    public String toString() {
        return type() + " '" + name + "' (" + describe() + ")";
    }
}
