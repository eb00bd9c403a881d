package studio.backprop.ui.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.train.TrainerCommand;
import studio.backprop.train.TrainingLoop;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.PngExporter;

/**
 * Trains the largest Playground network (six hidden layers of eight) with the views on screen for a few seconds,
 * records the frame rate and grid updates per second in target/playground/frame-rate.txt (not asserted: timings
 * vary by machine), then exports the views as PNG pictures to look at.
 */
@ExtendWith(ApplicationExtension.class)
class PlaygroundPicturesTest {

    private static final Path OUT = Path.of("target", "playground");

    private final DatasetViewModel data = new DatasetViewModel();
    private TrainingViewModel training;
    private PlaygroundView playground;
    private DatasetPanel panel;

    @Start
    void start(Stage stage) {
        training = new TrainingViewModel();
        panel = new DatasetPanel(data);
        playground = new PlaygroundView(training, data);
        training.start(new TrainingLoop(DocumentCompiler.compile(PlaygroundDocuments.dense("p", 6, 8, "tanh", 1)),
                data.dataProperty().get()));
        stage.setScene(new Scene(new HBox(panel, playground), 1290, 560));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(training::stop).get(5, TimeUnit.SECONDS);
    }

    @Test
    void trainsAtFrameRateAndExportsPictures() throws Exception {
        AtomicLong frames = new AtomicLong();
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frames.incrementAndGet();
            }
        };
        long[] grids = new long[1];
        // Per hand-off: whose turn it was, and whether the Playground recomputed its grid for it.
        java.util.List<String> turns = new java.util.ArrayList<>();
        long[] lastGrids = new long[1];
        WaitForAsyncUtils.asyncFx(() -> {
            lastGrids[0] = playground.gridUpdates();
            training.snapshotProperty().addListener((o, a, snap) -> {
                if (snap == null) {
                    return;
                }
                long now = playground.gridUpdates();
                turns.add(snap.state() + (now > lastGrids[0] ? "+grid" : ""));
                lastGrids[0] = now;
            });
            counter.start();
            grids[0] = playground.gridUpdates();
            training.send(new TrainerCommand.Play());
        }).get();
        long t0 = System.nanoTime();
        Thread.sleep(4000);
        WaitForAsyncUtils.asyncFx(() -> {
            counter.stop();
            grids[0] = playground.gridUpdates() - grids[0];
            training.send(new TrainerCommand.Pause());
        }).get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("frame-rate.txt"), String.format(Locale.ROOT,
                "frames/s %.1f, grid updates/s %.1f, steps %d, over %.1f s%n", frames.get() / seconds,
                grids[0] / seconds, training.snapshotProperty().get().step(), seconds));
        Thread.sleep(300);
        java.util.List<String> seen = WaitForAsyncUtils.asyncFx(() -> java.util.List.copyOf(turns)).get();
        Files.writeString(OUT.resolve("frame-rate.txt"), "hand-offs " + seen.size() + ": " + seen + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertTrue(seen.contains("RUNNING+grid"), "the grid follows training: " + seen);
        WaitForAsyncUtils.asyncFx(this::export).get(10, TimeUnit.SECONDS);
        assertTrue(Files.size(OUT.resolve("neurons.png")) > 0);
    }

    private Void export() throws Exception {
        write(playground.outputView());
        write(playground.networkView());
        write(panel);
        write(playground.networkView().thumbnail(3, 2));
        write(playground);
        PngExporter.write(playground, OUT.resolve("playground-2x-dark.png"), 2, ExportBackground.DARK);
        return null;
    }

    private static void write(Exportable view) throws Exception {
        PngExporter.write(view, OUT.resolve(view.exportName() + ".png"), 1, ExportBackground.WHITE);
    }
}
