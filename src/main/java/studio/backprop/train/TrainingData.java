package studio.backprop.train;

import java.util.Arrays;
import java.util.List;
import studio.backprop.nn.Network;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Shapes;
import studio.backprop.tensor.Tensor;

/**
 * What a trainer learns from: training inputs and targets (batch axis first), optional validation inputs and
 * targets, an optional test split (held out from training and early stopping, scored once at the end), and the
 * class names when the task is classification (one-hot targets).
 */
public record TrainingData(Tensor trainX, Tensor trainY, Tensor validX, Tensor validY, Tensor testX, Tensor testY,
                           List<String> classNames) {

    public TrainingData {
        requireRows("training", trainX, trainY);
        if (validX != null) {
            requireRows("validation", validX, validY);
        }
        if (testX != null) {
            requireRows("test", testX, testY);
        }
        classNames = List.copyOf(classNames);
    }

    /** Training and validation data without a test split. */
    public TrainingData(Tensor trainX, Tensor trainY, Tensor validX, Tensor validY, List<String> classNames) {
        this(trainX, trainY, validX, validY, null, null, classNames);
    }

    private static void requireRows(String which, Tensor x, Tensor y) {
        if (x.rank() == 0 || y == null || y.rank() == 0 || x.dim(0) != y.dim(0)) {
            throw new ShapeException("the " + which + " data has " + (x.rank() == 0 ? 0 : x.dim(0))
                    + " inputs but " + (y == null || y.rank() == 0 ? 0 : y.dim(0)) + " targets ("
                    + Shapes.str(x.shape()) + " vs " + (y == null ? "none" : Shapes.str(y.shape())) + ")");
        }
        if (x.dim(0) == 0) {
            throw new ShapeException("the " + which + " data is empty");
        }
    }

    /** Training data only, no validation set. */
    public static TrainingData of(Tensor x, Tensor y, List<String> classNames) {
        return new TrainingData(x, y, null, null, classNames);
    }

    public int trainSize() {
        return trainX.dim(0);
    }

    public boolean hasValidation() {
        return validX != null;
    }

    /** True when a test split was held out. */
    public boolean hasTest() {
        return testX != null;
    }

    /** True when targets are class labels (one-hot rows, or 0/1 for a single output). */
    public boolean classification() {
        return !classNames.isEmpty();
    }

    /**
     * Checks that every training sample has the network's input shape and every target its output shape.
     *
     * @throws ShapeException in words naming both shapes (and, for class labels against several outputs, the fix)
     */
    void requireFits(Network network) {
        int[] in = network.inputShape();
        int[] x = perSample(trainX);
        if (!Arrays.equals(x, in)) {
            throw new ShapeException("the data's samples have shape " + Shapes.str(x) + " but the network's input is "
                    + Shapes.str(in));
        }
        int[] out = network.outputShape();
        int[] y = perSample(trainY);
        if (!Arrays.equals(y, out)) {
            throw new ShapeException("the targets have shape " + Shapes.str(y) + " per sample but the network outputs "
                    + Shapes.str(out) + (out.length == 1 && out[0] > 1 && y.length == 1 && y[0] == 1
                    ? "; use one output per class (one-hot targets)" : ""));
        }
    }

    /** The shape of one sample: the tensor's shape without the batch axis. */
    private static int[] perSample(Tensor t) {
        int[] shape = t.shape();
        return Arrays.copyOfRange(shape, 1, shape.length);
    }
}
