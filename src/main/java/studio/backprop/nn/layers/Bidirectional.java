package studio.backprop.nn.layers;

import java.util.ArrayList;
import java.util.List;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.LayerShapeException;

/**
 * Two recurrent cells of the same kind over one sequence, one reading it forward in time and one backward; their
 * outputs are joined: [h→ ; h←] (2·units per step). With the whole sequence returned, step t joins the forward
 * state after x_1..x_t and the backward state after x_T..x_t. Parameters are prefixed "forward_" and "backward_".
 */
public final class Bidirectional extends AbstractLayer {

    private final RecurrentCell forwardCell;
    private final RecurrentCell backwardCell;
    private final boolean returnSequences;

    /** Both cells must be of the same kind and size (two fresh instances, they hold no parameters). */
    public Bidirectional(String name, RecurrentCell forwardCell, RecurrentCell backwardCell,
                         boolean returnSequences) {
        super(name);
        if (forwardCell.units() < 1) {
            throw new LayerShapeException(name, "Bidirectional '" + name + "' needs at least 1 unit, got "
                    + forwardCell.units());
        }
        this.forwardCell = forwardCell;
        this.backwardCell = backwardCell;
        this.returnSequences = returnSequences;
    }

    @Override
    public String type() {
        return "Bidirectional";
    }

    @Override
    public int[] outputShape(List<int[]> inputShapes) {
        int[] s = SequenceShapes.sequence(this, inputShapes);
        int width = 2 * forwardCell.units();
        return returnSequences ? new int[] {s[0], width} : new int[] {width};
    }

    @Override
    public List<ParamSpec> parameterSpecs(List<int[]> inputShapes) {
        int features = SequenceShapes.sequence(this, inputShapes)[1];
        List<ParamSpec> specs = new ArrayList<>(forwardCell.parameterSpecs(features, "forward_"));
        specs.addAll(backwardCell.parameterSpecs(features, "backward_"));
        return specs;
    }

    @Override
    public Variable forward(List<Variable> inputs, ForwardContext context) {
        Variable x = inputs.get(0);
        Variable ahead = forwardCell.run(x, role -> param("forward_" + role), false, returnSequences,
                name() + "/forward");
        Variable behind = backwardCell.run(x, role -> param("backward_" + role), true, returnSequences,
                name() + "/backward");
        return Variable.concat(-1, ahead, behind).named(name() + "/out");
    }

    @Override
    public String describe() {
        return forwardCell.kind() + " both ways, " + forwardCell.describe() + (returnSequences ? ", every step"
                : ", last step");
    }
}
