package studio.backprop.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.backprop.nn.Parameter;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.tensor.Tensor;
import studio.backprop.train.TrainingLoop;
import studio.backprop.train.TrainingSnapshot.TensorCopy;

/** The UI's mirror network computes what the trained network computes, once it has the same weights. */
class MirrorNetworkTest {

    @Test
    void gridValuesEqualTheTrainersPredictionsForTheSameWeights() {
        NetworkDocument doc = PlaygroundDocuments.dense("mirror", 3, 4, "tanh", 1);
        DatasetViewModel data = new DatasetViewModel();
        TrainingLoop loop = new TrainingLoop(DocumentCompiler.compile(doc), data.dataProperty().get());
        for (int i = 0; i < 5; i++) {
            loop.stepBatch();
        }
        MirrorNetwork mirror = MirrorNetwork.of(doc);
        Extent extent = Extent.DEFAULT;
        TrainingLoop fresh = new TrainingLoop(DocumentCompiler.compile(doc), data.dataProperty().get());
        GridActivations before = mirror.grid(fresh.evaluate(gridProbe(extent, 12)), extent, 12);
        mirror.assign(copies(loop.network().parameters()));
        GridActivations grid = mirror.grid(loop.evaluate(gridProbe(extent, 12)), extent, 12);

        Tensor expected = loop.predict(Tensor.wrap(GridActivations.gridInputs(extent, 12), 144, 2));
        assertArrayEquals(expected.toArray(), grid.rawOutput()[0], 1e-6f);
        assertNotEquals(expected.toArray()[0], before.rawOutput()[0][0]);
        assertArrayEquals(expected.toArray(), grid.probabilities()[0], 1e-6f);
        assertEquals(2 * expected.toArray()[5] - 1, grid.columns().get(4)[0][5], 1e-6f);
        Parameter kernel = loop.network().parameters().get(0);
        assertEquals(kernel.value().get(1, 2), mirror.weight(1, 1, 2));
    }

    @Test
    void columnsFollowTheDenseLayers() {
        MirrorNetwork mirror = MirrorNetwork.of(PlaygroundDocuments.dense("cols", 2, 8, "relu", 1));
        List<NeuronColumn> columns = mirror.columns();
        assertEquals(List.of("input", "h1", "h2", "out"), columns.stream().map(NeuronColumn::title).toList());
        assertEquals(8, columns.get(1).units());
        assertEquals("h1/kernel", columns.get(1).kernel());
        assertEquals("relu", columns.get(2).activation());
        TrainingLoop loop = new TrainingLoop(DocumentCompiler.compile(PlaygroundDocuments.dense("cols", 2, 8, "relu",
                1)), new DatasetViewModel().dataProperty().get());
        GridActivations grid = mirror.grid(loop.evaluate(gridProbe(Extent.DEFAULT, 4)), Extent.DEFAULT, 4);
        assertEquals(-4.5 / 6, grid.columns().get(0)[0][0], 1e-6);
        assertEquals(4.5 / 6, grid.columns().get(0)[1][1], 1e-6);
    }

    @Test
    void networksThePlaygroundCannotDrawAreRefusedInWords() {
        NetworkDocument wide = PlaygroundDocuments.dense("wide", 1, 40, "tanh", 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MirrorNetwork.of(wide));
        assertEquals("The Playground view draws at most 16 neurons per layer; 'h1' has 40.", e.getMessage());
        NetworkDocument threeInputs = wide.withInputShape(3);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MirrorNetwork.of(threeInputs)).getMessage()
                .contains("two inputs"));
    }

    /** The Playground's grid of a document's network with the weights training starts from. */
    static GridActivations initialGrid(NetworkDocument doc, MirrorNetwork mirror) {
        TrainingLoop loop = new TrainingLoop(DocumentCompiler.compile(doc), new DatasetViewModel().dataProperty().get());
        return mirror.grid(loop.evaluate(gridProbe(Extent.DEFAULT, PlaygroundView.RESOLUTION)), Extent.DEFAULT,
                PlaygroundView.RESOLUTION);
    }

    static studio.backprop.train.Probe.Activations gridProbe(Extent extent, int resolution) {
        return new studio.backprop.train.Probe.Activations(new TensorCopy(new int[] {resolution * resolution, 2},
                GridActivations.gridInputs(extent, resolution)), java.util.Set.of(), 1);
    }

    static Map<String, TensorCopy> copies(List<Parameter> parameters) {
        Map<String, TensorCopy> out = new HashMap<>();
        for (Parameter p : parameters) {
            out.put(p.name(), new TensorCopy(p.value().shape(), p.value().toArray()));
        }
        return out;
    }
}
