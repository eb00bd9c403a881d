package studio.backprop.ui.training;

import java.util.List;
import java.util.Map;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.NetworkDocument;

/** Playground-sized documents for the tests. */
final class PlaygroundDocuments {

    private PlaygroundDocuments() {
    }

    /** Two inputs, {@code layers} hidden Dense layers of {@code units}, then {@code outputs} outputs. */
    static NetworkDocument dense(String name, int layers, int units, String activation, int outputs) {
        NetworkDocument doc = NetworkDocument.empty(name, 2);
        String previous = "input";
        for (int i = 1; i <= layers; i++) {
            doc = doc.withLayer(new LayerSpec("h" + i, "Dense", Map.of("units", String.valueOf(units),
                    "activation", activation), List.of(previous), 0, 0));
            previous = "h" + i;
        }
        boolean binary = outputs == 1;
        doc = doc.withLayer(new LayerSpec("out", "Dense", Map.of("units", String.valueOf(outputs),
                "activation", binary ? "sigmoid" : "softmax"), List.of(previous), 0, 0));
        return doc.withLoss(ComponentSpec.of(binary ? "binary_cross_entropy" : "categorical_cross_entropy"))
                .withOptimizer(new ComponentSpec("adam", Map.of("learning_rate", "0.03")))
                .withTraining(new ComponentSpec("minibatch", Map.of("batch_size", "10", "epochs", "1000",
                        "seed", "1")));
    }
}
