package studio.backprop.ui.training;

/**
 * One column of the Playground drawing: the two input features, a hidden Dense layer, or the output layer.
 *
 * @param title      what the column header says: "input", "h1", "out"
 * @param node       the network node whose output the neurons show (the layer itself, or an activation layer
 *                   right after it)
 * @param units      neurons in the column
 * @param kernel     the parameter name of the weights arriving from the previous column ("h1/kernel"), or null
 * @param bias       the parameter name of the biases ("h1/bias"), or null
 * @param activation the activation's name ("tanh"), or empty
 */
public record NeuronColumn(String title, String node, int units, String kernel, String bias, String activation) {

    /** The same column showing the output of a later node (an activation layer following the Dense one). */
    NeuronColumn showing(String laterNode, String laterActivation) {
        return new NeuronColumn(title, laterNode, units, kernel, bias,
                laterActivation.isEmpty() ? activation : laterActivation);
    }
}
