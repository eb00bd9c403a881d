package studio.backprop.nn.layers;

import java.util.List;
import studio.backprop.autograd.Variable;
import studio.backprop.tensor.Tensor;

/**
 * Adds a fixed code of each step's position to a sequence (T, D), so attention, which ignores order, can tell
 * steps apart. Sinusoidal: PE(pos, 2i) = sin(pos/10000^(2i/D)), PE(pos, 2i+1) = cos(pos/10000^(2i/D)).
 * Binary: PE(pos, j) = bit j of pos (column 0 the lowest bit, flipping every step). Positions count from 0.
 */
public final class PositionalEncoding extends AbstractLayer {

    /** The two codes. */
    public enum Kind {
        SINUSOIDAL, BINARY;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Kind kind;

    public PositionalEncoding(String name, Kind kind) {
        super(name);
        this.kind = kind;
    }

    /** The code table (steps, dimensions) itself. */
    public static Tensor table(Kind kind, int steps, int dimensions) {
        Tensor pe = Tensor.zeros(steps, dimensions);
        float[] d = pe.buffer();
        for (int pos = 0; pos < steps; pos++) {
            for (int j = 0; j < dimensions; j++) {
                double value;
                if (kind == Kind.BINARY) {
                    value = j < 31 ? (pos >> j) & 1 : 0;
                } else {
                    double angle = pos / Math.pow(10000, (double) (j - j % 2) / dimensions);
                    value = j % 2 == 0 ? Math.sin(angle) : Math.cos(angle);
                }
                d[pos * dimensions + j] = (float) value;
            }
        }
        return pe;
    }

    @Override
    public String type() {
        return "PositionalEncoding";
    }

    @Override
    public int[] outputShape(List<int[]> inputShapes) {
        return SequenceShapes.sequence(this, inputShapes).clone();
    }

    @Override
    public List<ParamSpec> parameterSpecs(List<int[]> inputShapes) {
        return List.of();
    }

    @Override
    public Variable forward(List<Variable> inputs, ForwardContext context) {
        Variable x = inputs.get(0);
        Tensor code = table(kind, x.shape()[1], x.shape()[2]);
        return x.add(Variable.constant(code, name() + "/code")).named(name() + "/out");
    }

    @Override
    public String describe() {
        return kind.id();
    }
}
