package studio.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.autograd.Variable;
import studio.backprop.autograd.ops.Pool2dOp;
import studio.backprop.nn.layers.Add;
import studio.backprop.nn.layers.Conv2D;
import studio.backprop.nn.layers.Conv2DTranspose;
import studio.backprop.nn.layers.Dense;
import studio.backprop.nn.layers.Flatten;
import studio.backprop.nn.layers.ForwardContext;
import studio.backprop.nn.layers.Padding;
import studio.backprop.nn.layers.Pooling2D;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.ShapeException;
import studio.backprop.tensor.Tensor;

/** Shape problems are reported in words on the node they concern, never as a stack trace. */
class ShapeErrorsTest {

    private static final String KERNEL_TOO_BIG =
            "Conv2D 'c2': kernel 5×5 does not fit a 3×3 input; use padding or a smaller kernel";

    @Test
    void aKernelLargerThanItsInputIsReportedOnItsNodeWithoutThrowing() {
        Network net = Network.builder(5, 5, 1)
                .add(new Conv2D("c1", 2, 3, 1, Padding.VALID, Activation.RELU))
                .add(new Conv2D("c2", 4, 5, 1, Padding.VALID, Activation.RELU))
                .add(new Flatten("flat"))
                .add(new Dense("out", 2, Activation.LINEAR))
                .build();
        ShapeReport report = net.inferShapes();
        assertFalse(report.ok());
        assertEquals(List.of(KERNEL_TOO_BIG), report.node("c2").errors());
        assertNull(report.node("c2").outputShape());
        assertArrayEquals(new int[] {3, 3, 2}, report.node("c1").outputShape());
        // later nodes have no shape but no error of their own: the one cause is reported once
        assertNull(report.node("out").outputShape());
        assertEquals(List.of(KERNEL_TOO_BIG), report.errors());
        assertEquals(List.of(KERNEL_TOO_BIG), ModelSummary.of(net).errors());

        ShapeException e = assertThrows(ShapeException.class, () -> net.build(new Rng(0)));
        assertTrue(e.getMessage().contains(KERNEL_TOO_BIG), e.getMessage());
    }

    @Test
    void samePaddingMakesTheLargeKernelFit() {
        Network net = Network.builder(3, 3, 1)
                .add(new Conv2D("c2", 4, 5, 1, Padding.SAME, Activation.RELU))
                .build();
        assertTrue(net.inferShapes().ok());
        assertArrayEquals(new int[] {3, 3, 4}, net.outputShape());
    }

    @Test
    void aStrideThatDoesNotFitWarnsNamingTheDroppedRowsAndColumns() {
        Network net = Network.builder(7, 7, 1)
                .add(new Conv2D("c", 2, 3, 3, Padding.VALID, Activation.RELU))
                .build();
        ShapeReport report = net.inferShapes();
        assertTrue(report.ok(), "a warning is not an error");
        assertArrayEquals(new int[] {2, 2, 2}, report.node("c").outputShape());
        List<String> warnings = report.node("c").warnings();
        assertEquals(1, warnings.size());
        String w = warnings.get(0);
        assertTrue(w.startsWith("Conv2D 'c': "), w);
        assertTrue(w.contains("stride 3") && w.contains("7×7"), w);
        assertTrue(w.contains("1 row and 1 column"), w);
        assertEquals(warnings, ModelSummary.of(net).warnings());
        net.build(new Rng(0));
    }

    @Test
    void strideWarningsCountRowsAndColumnsSeparatelyAndVanishWhenTheStrideFits() {
        Network uneven = Network.builder(8, 6, 1)
                .add(new Pooling2D("p", Pool2dOp.Kind.MAX, 3))
                .build();
        String w = uneven.inferShapes().node("p").warnings().get(0);
        assertTrue(w.startsWith("MaxPool2D 'p': pool 3×3"), w);
        assertTrue(w.contains("2 rows and 0 columns"), w);

        Network fits = Network.builder(6, 6, 1)
                .add(new Conv2D("c", 2, 3, 3, Padding.VALID, Activation.RELU))
                .build();
        assertEquals(List.of(), fits.inferShapes().warnings());
    }

    @Test
    void denseAfterAnImageSuggestsFlatten() {
        Network net = Network.builder(4, 4, 2)
                .add(new Conv2D("c", 3, 3, 1, Padding.SAME, Activation.RELU))
                .add(new Dense("d", 10, Activation.RELU))
                .build();
        List<String> errors = net.inferShapes().node("d").errors();
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("Dense 'd' needs a flat input"), errors.get(0));
        assertTrue(errors.get(0).contains("[4, 4, 3]"), errors.get(0));
        assertTrue(errors.get(0).contains("Flatten"), errors.get(0));
    }

    @Test
    void aConvolutionOnFlatFeaturesSaysItWorksOnImages() {
        Network net = Network.builder(10)
                .add(new Conv2D("c", 3, 3, 1, Padding.VALID, Activation.RELU))
                .build();
        String e = net.inferShapes().node("c").errors().get(0);
        assertTrue(e.startsWith("Conv2D 'c' needs an image input"), e);
        assertTrue(e.contains("[10]") && e.contains("images"), e);
    }

    @Test
    void addWithMismatchedShapesNamesTheShapes() {
        Network net = Network.builder(4, 4, 2)
                .add(new Conv2D("c", 3, 3, 1, Padding.SAME, Activation.RELU))
                .add(new Add("res"), Network.INPUT, "c")
                .build();
        String e = net.inferShapes().node("res").errors().get(0);
        assertEquals("Add 'res' needs inputs of one shape, got [[4, 4, 2], [4, 4, 3]]", e);
    }

    @Test
    void addNeedsAtLeastTwoInputs() {
        Network.Builder builder = Network.builder(3).add(new Dense("d", 3, Activation.RELU));
        LayerShapeException e = assertThrows(LayerShapeException.class, () -> builder.add(new Add("a"), "d"));
        assertEquals("Add 'a' takes at least 2 input(s), got 1", e.getMessage());
        assertEquals("a", e.layer());
    }

    @Test
    void aLayerReadingAnUnknownNodeIsRefused() {
        Network.Builder builder = Network.builder(3).add(new Dense("d", 3, Activation.RELU));
        ShapeException e = assertThrows(ShapeException.class,
                () -> builder.add(new Add("sum"), "d", "missing"));
        assertEquals("'sum' reads 'missing', which is not an earlier layer", e.getMessage());
    }

    @Test
    void duplicateNamesAndTheReservedInputNameAreRefused() {
        Network.Builder builder = Network.builder(3).add(new Dense("d", 3, Activation.RELU));
        ShapeException dup = assertThrows(ShapeException.class,
                () -> builder.add(new Dense("d", 2, Activation.RELU)));
        assertEquals("a layer named 'd' already exists; layer names must be unique", dup.getMessage());
        assertThrows(ShapeException.class, () -> builder.add(new Dense(Network.INPUT, 2, Activation.RELU)));
    }

    @Test
    void impossibleWindowSettingsAreReportedNotThrown() {
        Network zeroStride = Network.builder(5, 5, 1)
                .add(new Conv2D("c", 2, 3, 0, Padding.VALID, Activation.RELU))
                .build();
        String e = zeroStride.inferShapes().node("c").errors().get(0);
        assertTrue(e.contains("'c'") && e.contains("at least 1"), e);

        Network badOutputPadding = Network.builder(3, 3, 1)
                .add(new Conv2DTranspose("t", 2, 3, 2, Padding.VALID, 2, true, Activation.LINEAR))
                .build();
        String t = badOutputPadding.inferShapes().node("t").errors().get(0);
        assertTrue(t.startsWith("Conv2DTranspose 't': output padding 2"), t);

        Network hugePool = Network.builder(2, 2, 1)
                .add(new Pooling2D("p", Pool2dOp.Kind.AVG, 3))
                .build();
        assertEquals(List.of("AvgPool2D 'p': pool 3×3 does not fit a 2×2 input; use padding or a smaller pool"),
                hugePool.inferShapes().errors());
    }

    @Test
    void aBatchOfTheWrongShapeIsRefusedInWords() {
        Network net = Network.builder(4).add(new Dense("d", 2, Activation.LINEAR)).build();
        net.build(new Rng(0));
        ShapeException e = assertThrows(ShapeException.class,
                () -> net.forward(Variable.constant(Tensor.zeros(3, 5), "x"), ForwardContext.inference()));
        assertTrue(e.getMessage().contains("[4]") && e.getMessage().contains("[3, 5]"), e.getMessage());
        ShapeException scalar = assertThrows(ShapeException.class,
                () -> net.forward(Variable.constant(Tensor.scalar(1f), "x"), ForwardContext.inference()));
        assertTrue(scalar.getMessage().contains("got []"), scalar.getMessage());
    }
}
