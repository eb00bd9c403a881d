package studio.backprop.nn.layers;

import java.util.List;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.Parameter;
import studio.backprop.tensor.Rng;

/**
 * One layer of a network. Shapes here are per sample (no batch axis): an MNIST digit is [28, 28, 1], a dense
 * layer's input is [features]. Images are channels last.
 *
 * <p>Shape inference ({@link #outputShape}, {@link #warnings}, {@link #parameterSpecs}) works from shapes alone
 * and allocates nothing, so the editor and the model summary can run it on every edit, even for VGG-16.
 * {@link #build} then allocates and initialises the parameters, and {@link #forward} records the layer's ops.
 */
public interface Layer {

    /** Unique name in its network: "dense_1", "c2". */
    String name();

    /** Kind of layer as the summary shows it: "Dense", "Conv2D". */
    String type();

    /** How many inputs the layer takes (1 for all but merge layers such as Add). */
    default int minInputs() {
        return 1;
    }

    default int maxInputs() {
        return 1;
    }

    /**
     * The per-sample output shape for these per-sample input shapes.
     *
     * @throws studio.backprop.nn.LayerShapeException saying in words why the inputs do not fit
     */
    int[] outputShape(List<int[]> inputShapes);

    /** Things that work but deserve a word ("the 5×5 kernel does not fit the stride: 1 row dropped"). */
    default List<String> warnings(List<int[]> inputShapes) {
        return List.of();
    }

    /** The parameters this layer needs for these inputs, without allocating them. */
    List<ParamSpec> parameterSpecs(List<int[]> inputShapes);

    /**
     * Initialises the parameters afresh from {@code rng}; a parameter whose shape still fits keeps its tensor
     * object (so references to it stay valid) and gets new values.
     */
    void build(List<int[]> inputShapes, Rng rng);

    /** The parameters after {@link #build}, in {@link #parameterSpecs} order. */
    List<Parameter> parameters();

    /** Records this layer's computation on batched inputs (batch axis first). */
    Variable forward(List<Variable> inputs, ForwardContext context);

    /** A short description of the settings for the summary and the editor: "32 filters 3×3, stride 1, valid". */
    String describe();
}
