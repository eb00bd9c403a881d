package studio.backprop.train;

import java.util.List;
import java.util.Map;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.tensor.Tensor;

/** Small documents and data sets for trainer tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** A 2-4-1 tanh/sigmoid network with binary cross-entropy and plain SGD. */
    static NetworkDocument xorNetwork(String learningRate, String batchSize, String order) {
        return NetworkDocument.empty("xor", 2)
                .withLayer(new LayerSpec("h", "Dense", Map.of("units", "4", "activation", "tanh"), List.of("input"),
                        0, 0))
                .withLayer(new LayerSpec("out", "Dense", Map.of("units", "1", "activation", "sigmoid"), List.of("h"),
                        0, 0))
                .withLoss(ComponentSpec.of("binary_cross_entropy"))
                .withOptimizer(new ComponentSpec("sgd", Map.of("learning_rate", learningRate)))
                .withTraining(new ComponentSpec("minibatch", Map.of("batch_size", batchSize, "epochs", "2000",
                        "seed", "3", "order", order)));
    }

    /** A single linear unit with MSE: a huge learning rate makes it overflow within a few steps. */
    static NetworkDocument linearNetwork(String learningRate) {
        return NetworkDocument.empty("linear", 2)
                .withLayer(new LayerSpec("out", "Dense", Map.of("units", "1"), List.of("input"), 0, 0))
                .withOptimizer(new ComponentSpec("sgd", Map.of("learning_rate", learningRate)))
                .withTraining(new ComponentSpec("minibatch", Map.of("batch_size", "full", "epochs", "100",
                        "order", "listed")));
    }

    static Compilation compile(NetworkDocument doc) {
        Compilation c = DocumentCompiler.compile(doc);
        if (!c.trainable()) {
            throw new AssertionError(c.whyNotTrainable());
        }
        return c;
    }

    static TrainingData xorData() {
        return TrainingData.of(Tensor.of(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2),
                Tensor.of(new float[] {0, 1, 1, 0}, 4, 1), List.of("0", "1"));
    }
}
