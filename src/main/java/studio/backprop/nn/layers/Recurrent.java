package studio.backprop.nn.layers;

import java.util.List;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.LayerShapeException;

/**
 * A recurrent layer (SimpleRNN, LSTM or GRU, by its cell) over a sequence (T, F): the cell unrolled over the T
 * steps. Output per sample: the last hidden state (units), or the whole sequence of them (T, units).
 */
public final class Recurrent extends AbstractLayer {

    private final RecurrentCell cell;
    private final boolean returnSequences;

    public Recurrent(String name, RecurrentCell cell, boolean returnSequences) {
        super(name);
        if (cell.units() < 1) {
            throw new LayerShapeException(name, cell.kind() + " '" + name + "' needs at least 1 unit, got "
                    + cell.units());
        }
        this.cell = cell;
        this.returnSequences = returnSequences;
    }

    public RecurrentCell cell() {
        return cell;
    }

    public boolean returnSequences() {
        return returnSequences;
    }

    @Override
    public String type() {
        return cell.kind();
    }

    @Override
    public int[] outputShape(List<int[]> inputShapes) {
        int[] s = SequenceShapes.sequence(this, inputShapes);
        return returnSequences ? new int[] {s[0], cell.units()} : new int[] {cell.units()};
    }

    @Override
    public List<ParamSpec> parameterSpecs(List<int[]> inputShapes) {
        return cell.parameterSpecs(SequenceShapes.sequence(this, inputShapes)[1], "");
    }

    @Override
    public Variable forward(List<Variable> inputs, ForwardContext context) {
        Variable out = cell.run(inputs.get(0), this::param, false, returnSequences, name());
        // The last state keeps its step's name (rnn/t5/h), so traces and lessons find every step.
        return returnSequences ? out.named(name() + "/out") : out;
    }

    @Override
    public String describe() {
        return cell.describe() + (returnSequences ? ", every step" : ", last step");
    }
}
