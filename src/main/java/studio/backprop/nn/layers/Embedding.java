package studio.backprop.nn.layers;

import java.util.List;
import studio.backprop.autograd.SequenceOps;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.LayerShapeException;
import studio.backprop.nn.init.Initializer;
import studio.backprop.tensor.Shapes;

/**
 * Turns token ids into learned vectors: a sequence of T ids (each a whole number from 0 to vocabulary − 1)
 * becomes (T, dimensions), row t being row id_t of the table E (vocabulary, dimensions). Same as multiplying a
 * one-hot row by E, without building the one-hot rows.
 */
public final class Embedding extends AbstractLayer {

    /** Role of the table E (vocabulary, dimensions). */
    public static final String TABLE = "embeddings";

    private final int vocabulary;
    private final int dimensions;

    public Embedding(String name, int vocabulary, int dimensions) {
        super(name);
        if (vocabulary < 1 || dimensions < 1) {
            throw new LayerShapeException(name, "Embedding '" + name + "' needs a vocabulary and dimensions of at "
                    + "least 1, got " + vocabulary + " and " + dimensions);
        }
        this.vocabulary = vocabulary;
        this.dimensions = dimensions;
    }

    @Override
    public String type() {
        return "Embedding";
    }

    @Override
    public int[] outputShape(List<int[]> inputShapes) {
        int[] s = inputShapes.get(0);
        if (s.length != 1) {
            throw new LayerShapeException(name(), "Embedding '" + name() + "' needs a sequence of token ids "
                    + "(steps), got " + Shapes.str(s) + (s.length == 2 && s[1] == 1 ? "; give the input shape as ("
                    + s[0] + ")" : ""));
        }
        return new int[] {s[0], dimensions};
    }

    @Override
    public List<ParamSpec> parameterSpecs(List<int[]> inputShapes) {
        outputShape(inputShapes);
        return List.of(new ParamSpec(TABLE, new int[] {vocabulary, dimensions}, true,
                Initializer.uniform(-0.05, 0.05)));
    }

    @Override
    public Variable forward(List<Variable> inputs, ForwardContext context) {
        return SequenceOps.embed(param(TABLE), inputs.get(0)).named(name() + "/out");
    }

    @Override
    public String describe() {
        return vocabulary + " tokens → " + dimensions + " dimensions";
    }
}
