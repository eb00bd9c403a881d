package studio.backprop.train;

import studio.backprop.autograd.Variable;
import studio.backprop.nn.Network;
import studio.backprop.nn.layers.ForwardContext;
import studio.backprop.nn.loss.Loss;
import studio.backprop.nn.loss.OutputKind;
import studio.backprop.tensor.Tensor;

/**
 * Runs a network in inference mode (no dropout, nothing recorded) over a whole data set and scores it: the outputs
 * for every row, and the loss and accuracy against the targets.
 *
 * @param network        the network being trained
 * @param loss           its loss, or null for the perceptron rule (whose loss is the fraction misclassified)
 * @param outputKind     the thresholds that turn outputs and targets into classes
 * @param classification whether the targets are class labels (otherwise accuracy is NaN)
 */
record Inference(Network network, Loss loss, OutputKind outputKind, boolean classification) {

    /** Rows run through the network at once, so a large data set does not need one huge batch. */
    private static final int CHUNK = 256;

    /** The outputs for every row of {@code x} (batch axis first), in the same order, CHUNK rows at a time. */
    Tensor predict(Tensor x) {
        int rows = x.dim(0);
        Tensor result = null;
        for (int from = 0; from < rows; from += CHUNK) {
            int to = Math.min(rows, from + CHUNK);
            Tensor out = network.forward(Variable.constant(x.slice(0, from, to).contiguous()),
                    ForwardContext.inference()).value();
            if (result == null) {
                int[] shape = out.shape();
                shape[0] = rows;
                result = Tensor.zeros(shape);
            }
            System.arraycopy(out.buffer(), 0, result.buffer(), from * (out.size() / (to - from)), out.size());
        }
        return result;
    }

    /**
     * {@code {loss, accuracy}} of the outputs for {@code x} against {@code y}: the loss over all rows at once
     * (1 − accuracy without a loss), and the fraction of rows classified right (NaN for regression).
     */
    float[] evaluate(Tensor x, Tensor y) {
        Tensor out = predict(x);
        Tensor targets = y.contiguous();
        float accuracy = classification ? (float) Accuracy.correct(out, targets,
                outputKind.outputThreshold(), outputKind.targetThreshold()) / x.dim(0) : Float.NaN;
        float lossValue = loss == null ? 1 - accuracy
                : loss.compute(Variable.constant(out), Variable.constant(targets)).value().item();
        return new float[] {lossValue, accuracy};
    }
}
