package studio.backprop.nn.layers;

import java.util.List;
import studio.backprop.nn.LayerShapeException;
import studio.backprop.tensor.Shapes;

/** The per-sample shape checks the sequence layers share: a sequence is (time steps, features). */
final class SequenceShapes {

    private SequenceShapes() {
    }

    /** The single input as (T, F), or a message saying what a sequence layer needs. */
    static int[] sequence(Layer layer, List<int[]> inputShapes) {
        int[] s = inputShapes.get(0);
        if (s.length != 2) {
            throw new LayerShapeException(layer.name(), layer.type() + " '" + layer.name() + "' needs a sequence "
                    + "(time steps, features), got " + Shapes.str(s) + (s.length == 1
                    ? "; for token ids put an Embedding layer before it, for numbers give the input shape as "
                    + "(steps, 1)" : ""));
        }
        if (s[0] < 1 || s[1] < 1) {
            throw new LayerShapeException(layer.name(), layer.type() + " '" + layer.name() + "' needs at least one "
                    + "step and one feature, got " + Shapes.str(s));
        }
        return s;
    }
}
