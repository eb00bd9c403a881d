package studio.backprop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.NetworkDocument;

/** [training] test = f holds out a test split that no training batch and no early stopping ever sees. */
class TestSplitTest {

    /** 40 rows whose single input is the row's own number, so every value names its row. */
    private static NetworkDocument doc(String extra) throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            rows.append("    ").append(i).append(" -> ").append(i % 2).append('\n');
        }
        return DocumentFormat.read("""
                backprop-studio network 1
                input = 1

                [layer out]
                type = Dense
                units = 1
                activation = sigmoid

                [loss binary_cross_entropy]

                [optimizer sgd]
                learning_rate = 0.01

                [training]
                batch_size = 4
                epochs = 5
                seed = 11
                validation = 0.2
                %s

                [data inline]
                rows =
                """.formatted(extra) + rows, "rows.bps");
    }

    private static TrainingLoop loop(NetworkDocument d) {
        Compilation c = Fixtures.compile(d);
        return new TrainingLoop(c, DataResolver.resolve(d, Path.of("."), true, c.network().outputShape()));
    }

    private static Set<Float> values(studio.backprop.tensor.Tensor t) {
        Set<Float> out = new HashSet<>();
        for (float v : t.toArray()) {
            out.add(v);
        }
        return out;
    }

    @Test
    void noTestRowEverReachesATrainingBatchOrTheValidationSet() throws Exception {
        TrainingLoop loop = loop(doc("test = 0.25\npatience = 2"));
        Set<Float> test = values(loop.data().testX());
        assertEquals(10, test.size());
        assertEquals(8, loop.data().validX().dim(0));
        assertEquals(22, loop.data().trainSize());
        assertTrue(values(loop.data().validX()).stream().noneMatch(test::contains));
        loop.setRecording(true);
        int batches = 0;
        while (!loop.finished()) {
            loop.stepBatch();
            float[] seen = loop.lastRecord().nodes().stream().filter(n -> n.name().equals("input")).findFirst()
                    .orElseThrow().value().values();
            for (float v : seen) {
                assertFalse(test.contains(v), "test row " + v + " reached a training batch");
            }
            batches++;
        }
        assertTrue(batches >= 6, "trained over whole epochs: " + batches);
    }

    @Test
    void theTestScoreIsReportedSeparatelyAndTheFinishMessageSaysIt() throws Exception {
        TrainingLoop loop = loop(doc("test = 0.25"));
        while (!loop.finished()) {
            loop.stepBatch();
        }
        float[] score = loop.testScore();
        assertNotNull(score);
        assertEquals(loop.evaluate(loop.data().testX(), loop.data().testY())[0], score[0]);
        String text = Trainer.testText(loop);
        assertTrue(text.startsWith(" Test split (10 samples, never trained on): loss ") && text.contains("accuracy"),
                text);
        assertEquals(5, loop.validLoss().size(), "validation stays as it was: one score an epoch");
    }

    @Test
    void withoutATestFractionThereIsNoTestSplit() throws Exception {
        TrainingLoop loop = loop(doc(""));
        assertFalse(loop.data().hasTest());
        assertEquals(null, loop.testScore());
        assertEquals("", Trainer.testText(loop));
        assertEquals(32, loop.data().trainSize());
    }
}
