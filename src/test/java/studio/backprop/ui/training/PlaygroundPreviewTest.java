package studio.backprop.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import studio.backprop.nn.Parameter;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.TrainingLoop;
import studio.backprop.ui.headless.HeadlessFx;

/** Before any training the Playground draws the open document with the weights training will start from. */
class PlaygroundPreviewTest {

    private static <T> T fx(Callable<T> task) throws Exception {
        FxToolkit.registerPrimaryStage();
        return HeadlessFx.call(task);
    }

    @Test
    void theInitialWeightsAreTheTrainersFirstWeights() throws Exception {
        NetworkDocument doc = PlaygroundDocuments.dense("p", 2, 4, "tanh", 1);
        DatasetViewModel data = new DatasetViewModel();
        PlaygroundView view = fx(() -> new PlaygroundView(new TrainingViewModel(), data));
        assertNull(fx(view::mirror), "nothing to draw yet");
        assertTrue(fx(view::statusText).startsWith("Start training"));

        fx(() -> {
            view.previewDocumentProperty().set(doc);
            return null;
        });
        MirrorNetwork mirror = fx(view::mirror);
        assertNotNull(mirror);
        assertEquals("Initial weights: press Play or Step.", fx(view::statusText));

        TrainingLoop loop = new TrainingLoop(DocumentCompiler.compile(doc), data.dataProperty().get());
        Parameter kernel = loop.network().parameters().stream().filter(p -> p.name().equals("h1/kernel"))
                .findFirst().orElseThrow();
        float[] first = kernel.value().contiguous().buffer();
        int units = 4;
        for (int from = 0; from < 2; from++) {
            for (int to = 0; to < units; to++) {
                assertEquals(first[from * units + to], mirror.weight(1, from, to), 0f, "weight " + from + "→" + to);
            }
        }
    }
}
