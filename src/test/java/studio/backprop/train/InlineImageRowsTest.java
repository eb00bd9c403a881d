package studio.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.NetworkDocument;

/** [data inline] rows feed an image-shaped input: h·w·c values a row, read row by row, channels last. */
class InlineImageRowsTest {

    @Test
    void aRowOfFourValuesIsOneTwoByTwoImage() {
        NetworkDocument doc = NetworkDocument.empty("img", 2, 2, 1)
                .withLayer(new LayerSpec("flat", "Flatten", Map.of(), List.of("input"), 0, 0))
                .withLayer(new LayerSpec("out", "Dense", Map.of("units", "1", "activation", "sigmoid"),
                        List.of("flat"), 0, 0))
                .withData(new ComponentSpec("inline", Map.of("rows", "1, 2, 3, 4 -> 1\n5, 6, 7, 8 -> 0")));
        Compilation c = DocumentCompiler.compile(doc);
        assertTrue(c.trainable(), c.whyNotTrainable());
        TrainingData data = DataResolver.resolve(doc, Path.of("."), false, new int[] {1});
        assertArrayEquals(new int[] {2, 2, 2, 1}, data.trainX().shape());
        // the second sample's bottom-left pixel is its third value
        assertArrayEquals(new float[] {7f}, new float[] {data.trainX().get(1, 1, 0, 0)});
        data.requireFits(c.network());
    }
}
