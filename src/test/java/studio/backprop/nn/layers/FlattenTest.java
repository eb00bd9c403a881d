package studio.backprop.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.Activation;
import studio.backprop.nn.Network;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

/** Flatten is channels last: pixel (r, c, ch) of an H×W×C image lands at index (r·W + c)·C + ch. */
class FlattenTest {

    @Test
    void pixelRowColumnChannelLandsAtRowTimesWidthPlusColumnTimesChannelsPlusChannel() {
        int h = 2;
        int w = 2;
        int c = 3;
        Tensor image = Tensor.zeros(1, h, w, c);
        for (int r = 0; r < h; r++) {
            for (int col = 0; col < w; col++) {
                for (int ch = 0; ch < c; ch++) {
                    image.set(100 * r + 10 * col + ch, 0, r, col, ch);
                }
            }
        }
        Flatten flatten = new Flatten("flat");
        assertArrayEquals(new int[] {12}, flatten.outputShape(List.of(new int[] {h, w, c})));
        Tensor flat = flatten.forward(List.of(Variable.constant(image, "x")), ForwardContext.inference()).value();
        assertArrayEquals(new int[] {1, 12}, flat.shape());
        for (int r = 0; r < h; r++) {
            for (int col = 0; col < w; col++) {
                for (int ch = 0; ch < c; ch++) {
                    assertEquals(100 * r + 10 * col + ch, flat.get(0, (r * w + col) * c + ch),
                            "pixel (" + r + ", " + col + ", " + ch + ")");
                }
            }
        }
    }

    @Test
    void eachSampleOfABatchIsFlattenedOnItsOwn() {
        Tensor batch = Tensor.arange(24).reshape(2, 2, 2, 3);
        Tensor flat = new Flatten("f").forward(List.of(Variable.constant(batch, "x")), ForwardContext.inference())
                .value();
        assertArrayEquals(new int[] {2, 12}, flat.shape());
        assertEquals(12f, flat.get(1, 0));
        assertEquals(23f, flat.get(1, 11));
    }

    @Test
    void aDenseLayerAfterFlattenReadsTheWeightRowOfThatIndex() {
        Network net = Network.builder(2, 2, 3)
                .add(new Flatten("flat"))
                .add(new Dense("d", 1, Activation.LINEAR))
                .build();
        net.build(new Rng(0));
        // only the weight of pixel (1, 0, 2) is set, so the output is that pixel's value
        Tensor kernel = Tensor.zeros(12, 1);
        kernel.set(1f, (1 * 2 + 0) * 3 + 2, 0);
        ((Dense) net.layer("d")).setWeights("kernel", kernel);
        Tensor image = Tensor.zeros(1, 2, 2, 3);
        image.set(7.5f, 0, 1, 0, 2);
        image.set(-3f, 0, 0, 1, 2);
        assertEquals(7.5f, net.forward(Variable.constant(image, "x"), ForwardContext.inference()).value().item());
    }
}
