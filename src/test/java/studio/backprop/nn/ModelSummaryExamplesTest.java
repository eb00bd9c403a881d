package studio.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.autograd.ops.Pool2dOp;
import studio.backprop.nn.layers.Conv2D;
import studio.backprop.nn.layers.Dense;
import studio.backprop.nn.layers.Dropout;
import studio.backprop.nn.layers.Flatten;
import studio.backprop.nn.layers.Padding;
import studio.backprop.nn.layers.Pooling2D;

/** Worked examples 20–26: output shapes and parameter counts of the model summary. */
class ModelSummaryExamplesTest {

    @Test
    void example20KerasStyleCnnHas34826Parameters() {
        Network net = Network.builder(28, 28, 1)
                .add(conv("c1", 32, 3)).add(pool("p1"))
                .add(conv("c2", 64, 3)).add(pool("p2"))
                .add(new Flatten("flat")).add(new Dropout("drop", 0.5f))
                .add(new Dense("out", 10, Activation.SOFTMAX)).build();
        ModelSummary s = ModelSummary.of(net);
        assertRow(s, "c1", new int[] {26, 26, 32}, 320);
        assertRow(s, "p1", new int[] {13, 13, 32}, 0);
        assertRow(s, "c2", new int[] {11, 11, 64}, 18_496);
        assertRow(s, "p2", new int[] {5, 5, 64}, 0);
        assertRow(s, "flat", new int[] {1600}, 0);
        assertRow(s, "out", new int[] {10}, 16_010);
        assertEquals(34_826, s.total());
        assertEquals(List.of("MaxPool2D 'p2': pool 2×2 with stride 2 does not fit the 11×11 input: the last 1 row "
                + "and 1 column are never visited"), s.warnings());
        assertTrue(s.format().contains("Total params: 34,826"), s.format());
    }

    @Test
    void example21Dense784To20To10To5Has15965Parameters() {
        ModelSummary s = ModelSummary.of(mlp(784, 20, 10, 5));
        assertEquals(15_965, s.total());
        assertEquals(15_930 + 35, s.trainable());
    }

    @Test
    void example22TwoConvolutionsSpanAllInputChannels() {
        Network net = Network.builder(28, 28, 1)
                .add(conv("c1", 20, 5)).add(pool("p1")).add(conv("c2", 10, 5)).build();
        ModelSummary s = ModelSummary.of(net);
        assertRow(s, "c1", new int[] {24, 24, 20}, 520);
        assertRow(s, "p1", new int[] {12, 12, 20}, 0);
        assertRow(s, "c2", new int[] {8, 8, 10}, (5 * 5 * 20 + 1) * 10);
    }

    @Test
    void example23AlexNetFirstLayer() {
        Network net = Network.builder(227, 227, 3)
                .add(new Conv2D("c1", 96, 11, 4, Padding.VALID, Activation.RELU)).build();
        assertRow(ModelSummary.of(net), "c1", new int[] {55, 55, 96}, 34_944);
    }

    @Test
    void example24MnistMultiLayerPerceptrons() {
        assertEquals(814_090, ModelSummary.of(mlp(784, 1024, 10)).total());
        assertEquals(932_362, ModelSummary.of(mlp(784, 512, 512, 512, 10)).total());
        assertEquals(109_386, ModelSummary.of(mlp(784, 128, 64, 10)).total());
        assertEquals(1_501, ModelSummary.of(mlp(1, 500, 1)).total());
        assertEquals(711, ModelSummary.of(mlp(1, 100, 5, 1)).total());
    }

    @Test
    void example25FourConvolutionMnistNetHas693194Parameters() {
        Network net = Network.builder(28, 28, 1)
                .add(conv("cl1", 64, 7)).add(conv("cl2", 64, 7)).add(pool("p1"))
                .add(conv("cl3", 128, 3)).add(conv("cl4", 128, 3)).add(pool("p2"))
                .add(new Flatten("flat")).add(new Dense("d1", 512, Activation.RELU))
                .add(new Dense("out", 10, Activation.SOFTMAX)).build();
        ModelSummary s = ModelSummary.of(net);
        assertRow(s, "cl1", new int[] {22, 22, 64}, 3_200);
        assertRow(s, "cl2", new int[] {16, 16, 64}, 200_768);
        assertRow(s, "p1", new int[] {8, 8, 64}, 0);
        assertRow(s, "cl3", new int[] {6, 6, 128}, 73_856);
        assertRow(s, "cl4", new int[] {4, 4, 128}, 147_584);
        assertRow(s, "flat", new int[] {512}, 0);
        assertRow(s, "d1", new int[] {512}, 262_656);
        assertRow(s, "out", new int[] {10}, 5_130);
        assertEquals(693_194, s.total());
    }

    @Test
    void example26VggSixteenAndNineteenAreCountedWithoutAllocating() {
        assertEquals(138_357_544L, ModelSummary.of(vgg(2, 2, 3, 3, 3)).total());
        assertEquals(143_667_240L, ModelSummary.of(vgg(2, 2, 4, 4, 4)).total());
    }

    @Test
    void batchNormParametersAreSplitIntoTrainableAndNot() {
        Network net = Network.builder(4).add(new studio.backprop.nn.layers.BatchNormalization("bn")).build();
        ModelSummary s = ModelSummary.of(net);
        assertEquals(8, s.trainable());
        assertEquals(8, s.nonTrainable());
    }

    @Test
    void anImpossibleLayerIsReportedOnItselfAndItsFollowersHaveNoShape() {
        Network net = Network.builder(3, 3, 1).add(conv("c2", 4, 5)).add(new Flatten("f")).build();
        ModelSummary s = ModelSummary.of(net);
        assertEquals(List.of("Conv2D 'c2': kernel 5×5 does not fit a 3×3 input; use padding or a smaller kernel"),
                s.errors());
        assertEquals(null, s.row("f").outputShape());
        assertTrue(s.format().contains("Problem: Conv2D 'c2'"));
    }

    private static Network vgg(int... convsPerBlock) {
        Network.Builder b = Network.builder(224, 224, 3);
        int[] widths = {64, 128, 256, 512, 512};
        for (int block = 0; block < 5; block++) {
            for (int i = 0; i < convsPerBlock[block]; i++) {
                b.add(new Conv2D("conv" + block + "_" + i, widths[block], 3, 1, Padding.SAME, Activation.RELU));
            }
            b.add(pool("pool" + block));
        }
        return b.add(new Flatten("flat")).add(new Dense("fc1", 4096, Activation.RELU))
                .add(new Dense("fc2", 4096, Activation.RELU)).add(new Dense("out", 1000, Activation.SOFTMAX))
                .build();
    }

    private static Network mlp(int... sizes) {
        Network.Builder b = Network.builder(sizes[0]);
        for (int i = 1; i < sizes.length; i++) {
            b.add(new Dense("d" + i, sizes[i], i == sizes.length - 1 ? Activation.SOFTMAX : Activation.RELU));
        }
        return b.build();
    }

    private static Conv2D conv(String name, int filters, int kernel) {
        return new Conv2D(name, filters, kernel, 1, Padding.VALID, Activation.RELU);
    }

    private static Pooling2D pool(String name) {
        return new Pooling2D(name, Pool2dOp.Kind.MAX, 2);
    }

    private static void assertRow(ModelSummary s, String layer, int[] shape, long params) {
        ModelSummary.Row r = s.row(layer);
        assertArrayEquals(shape, r.outputShape(), layer);
        assertEquals(params, r.total(), layer);
    }
}
