package studio.backprop.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.backprop.nn.Parameter;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;
import studio.backprop.train.TrainingData;
import studio.backprop.train.TrainingLoop;

class SessionFileTest {

    @TempDir
    Path dir;

    /** Dropout, batch norm, Adam with a schedule and a seeded shuffle: every kind of state there is. */
    private static NetworkDocument network() {
        return NetworkDocument.empty("stateful", 3)
                .withLayer(new LayerSpec("h", "Dense", Map.of("units", "6", "activation", "relu"), List.of("input"),
                        0, 0))
                .withLayer(new LayerSpec("bn", "BatchNormalization", Map.of(), List.of("h"), 0, 0))
                .withLayer(new LayerSpec("drop", "Dropout", Map.of("rate", "0.3"), List.of("bn"), 0, 0))
                .withLayer(new LayerSpec("out", "Dense", Map.of("units", "2"), List.of("drop"), 0, 0))
                .withLoss(ComponentSpec.of("categorical_cross_entropy_from_logits"))
                .withOptimizer(new ComponentSpec("adam", Map.of("learning_rate", "0.01", "schedule", "exponential",
                        "decay_rate", "0.9", "decay_steps", "5")))
                .withTraining(new ComponentSpec("minibatch", Map.of("batch_size", "5", "epochs", "50", "seed", "11",
                        "order", "shuffled")));
    }

    private static TrainingData data() {
        Rng rng = new Rng(5);
        Tensor x = Tensor.normal(rng, 0, 1, 23, 3);
        float[] y = new float[46];
        for (int i = 0; i < 23; i++) {
            y[i * 2 + (x.get(i, 0) + x.get(i, 1) > 0 ? 1 : 0)] = 1;
        }
        Tensor vx = Tensor.normal(rng, 0, 1, 4, 3);
        return new TrainingData(x, Tensor.of(y, 23, 2), vx, Tensor.of(new float[] {1, 0, 0, 1, 1, 0, 0, 1}, 4, 2),
                List.of("a", "b"));
    }

    private static TrainingLoop fresh() {
        return new TrainingLoop(DocumentCompiler.compile(network()), data());
    }

    @Test
    void reopeningAndTrainingOnGivesTheSameNumbersAsNeverStopping() throws IOException {
        TrainingLoop uninterrupted = fresh();
        for (int i = 0; i < 17; i++) {
            uninterrupted.stepBatch();
        }
        TrainingLoop first = fresh();
        for (int i = 0; i < 7; i++) {
            first.stepBatch();
        }
        first.setLearningRate(0.02);
        uninterrupted.reset();
        for (int i = 0; i < 7; i++) {
            uninterrupted.stepBatch();
        }
        uninterrupted.setLearningRate(0.02);
        for (int i = 0; i < 10; i++) {
            uninterrupted.stepBatch();
        }
        Path file = dir.resolve("run.bpsession");
        SessionFile.save(file, first);
        TrainingLoop resumed = SessionFile.open(file);
        assertEquals(7, resumed.steps());
        for (int i = 0; i < 10; i++) {
            resumed.stepBatch();
        }
        assertArrayEquals(uninterrupted.stepLoss().toArray(), resumed.stepLoss().toArray());
        assertArrayEquals(uninterrupted.validLoss().toArray(), resumed.validLoss().toArray());
        List<Parameter> a = uninterrupted.network().parameters();
        List<Parameter> b = resumed.network().parameters();
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).value().toArray(), b.get(i).value().toArray(), a.get(i).name());
        }
    }

    @Test
    void aFailedSaveLeavesThePreviousFileIntact() throws IOException {
        Path file = dir.resolve("keep.bpsession");
        TrainingLoop loop = fresh();
        loop.stepBatch();
        SessionFile.save(file, loop);
        byte[] before = Files.readAllBytes(file);
        assertThrows(IOException.class, () -> SessionFile.saveAtomically(file, out -> {
            out.write(new byte[1000]);
            throw new IOException("disk full");
        }));
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList(), "no temporary file left behind");
        }
    }

    @Test
    void damagedTruncatedForeignAndNewerFilesAreRefusedInWords() throws IOException {
        Path file = dir.resolve("s.bpsession");
        TrainingLoop loop = fresh();
        loop.stepBatch();
        SessionFile.save(file, loop);
        byte[] good = Files.readAllBytes(file);

        Path truncated = dir.resolve("truncated.bpsession");
        Files.write(truncated, java.util.Arrays.copyOf(good, good.length / 2));
        assertMessage(truncated, "truncated.bpsession");

        Path flipped = dir.resolve("flipped.bpsession");
        byte[] bad = good.clone();
        for (int i = 200; i < 260; i++) {
            bad[i] ^= 0x5a;
        }
        Files.write(flipped, bad);
        assertMessage(flipped, "flipped.bpsession");

        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello");
        assertTrue(assertThrows(SessionFormatException.class, () -> SessionFile.read(text)).getMessage()
                .contains("not a Backprop Studio session"));

        assertTrue(assertThrows(SessionFormatException.class, () -> SessionFile.read(dir.resolve("none")))
                .getMessage().contains("does not exist"));
    }

    @Test
    void aSessionFromANewerVersionIsRefused() throws IOException {
        Path file = dir.resolve("future.bpsession");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            for (String name : List.of("network.bps", "weights.bin", "optimizer.bin", "history.bin", "data.bin")) {
                zip.putNextEntry(new java.util.zip.ZipEntry(name));
                zip.closeEntry();
            }
            zip.putNextEntry(new java.util.zip.ZipEntry("session.properties"));
            zip.write("format=backprop-studio-session\nversion=9\n".getBytes());
            zip.closeEntry();
        }
        assertEquals("future.bpsession was saved by a newer Backprop Studio (session format 9); this version "
                + "opens session formats up to 1", assertThrows(SessionFormatException.class,
                () -> SessionFile.read(file)).getMessage());
    }

    private static void assertMessage(Path file, String name) {
        SessionFormatException e = assertThrows(SessionFormatException.class, () -> SessionFile.open(file));
        assertTrue(e.getMessage().startsWith(name), e.getMessage());
        assertTrue(e.getMessage().contains("damaged") || e.getMessage().contains("incomplete"), e.getMessage());
    }
}
