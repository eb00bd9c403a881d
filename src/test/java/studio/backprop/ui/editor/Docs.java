package studio.backprop.ui.editor;

import java.util.List;
import java.util.Map;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.spec.WeightsSpec;

/** Small documents the editor tests start from. */
final class Docs {

    private Docs() {
    }

    /** input(2) → hidden Dense 3 sigmoid → out Dense 1, with explicit weights for hidden. */
    static NetworkDocument twoLayers() {
        return NetworkDocument.empty("xor", 2)
                .withLayer(new LayerSpec("hidden", "Dense", Map.of("units", "3", "activation", "sigmoid"),
                        List.of("input"), 0, 0))
                .withLayer(new LayerSpec("out", "Dense", Map.of("units", "1"), List.of("hidden"), 0, 0))
                .withWeights(List.of(new WeightsSpec("hidden", "bias", new int[] {3}, new double[] {0, 0, 0})));
    }

    /** A small convolutional network on 28×28×1 images. */
    static NetworkDocument conv() {
        return NetworkDocument.empty("cnn", 28, 28, 1)
                .withLayer(new LayerSpec("c1", "Conv2D", Map.of("filters", "6", "kernel", "5", "padding", "same"),
                        List.of("input"), 0, 0))
                .withLayer(new LayerSpec("s2", "MaxPool2D", Map.of(), List.of("c1"), 0, 0))
                .withLayer(new LayerSpec("flat", "Flatten", Map.of(), List.of("s2"), 0, 0))
                .withLayer(new LayerSpec("logits", "Dense", Map.of("units", "10"), List.of("flat"), 0, 0));
    }
}
