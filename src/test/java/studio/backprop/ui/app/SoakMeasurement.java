package studio.backprop.ui.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.LayerSpec;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.TrainerCommand;

/**
 * Not a test: a measurement to run by hand (headless, under Monocle) that trains the largest Playground network —
 * six hidden layers of eight — with every view open, and prints the display rate before training, the heap in use
 * after a full collection at 100,000 steps, the frame rate while training, and then the heap every 8 seconds until
 * the target number of steps (the first argument, default 100,000; at least four samples after the first).
 */
public final class SoakMeasurement {

    private SoakMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        long targetSteps = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        AppModel[] model = new AppModel[1];
        long[] frames = new long[1];
        Platform.runLater(() -> {
            Stage stage = new Stage();
            try {
                model[0] = new AppModel(Files.createTempDirectory("soak"), Path.of("samples").toAbsolutePath(),
                        Preferences.userRoot().node("backprop-soak-" + System.nanoTime()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            MainWindow window = new MainWindow(model[0], stage);
            Pages.install(window, model[0], stage);
            stage.show();
            window.showTrainingTab();
            model[0].edit(new DocumentEdit("open", d -> largestPlayground()));
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    frames[0]++;
                }
            }.start();
        });
        Thread.sleep(3000);
        System.out.printf("frames per second before training (the display rate here): %.1f%n",
                frameRate(frames, 5_000));
        Platform.runLater(() -> model[0].ensureTrainer(() -> model[0].training().send(new TrainerCommand.Play()),
                m -> System.out.println("could not train: " + m)));
        // the first sample at 100,000 steps, as the brief asks; then the frame rate; then a sample every 8 s
        for (int wait = 0; wait < 300 && step(model[0]) < 100_000; wait++) {
            Thread.sleep(100);
        }
        sampleHeap(model[0]);
        Thread.sleep(1000);
        long f0 = frames[0];
        long t0 = System.nanoTime();
        Thread.sleep(10_000);
        double fps = (frames[0] - f0) / ((System.nanoTime() - t0) / 1e9);
        System.out.printf("frames per second while training 2-8-8-8-8-8-8-1: %.1f%n", fps);
        for (int sample = 0; sample < 200; sample++) {
            if (sampleHeap(model[0]) >= targetSteps && sample >= 3) {
                break;
            }
            Thread.sleep(8_000);
        }
        Platform.runLater(() -> model[0].shutdown());
        Thread.sleep(500);
        System.exit(0);
    }

    private static long step(AppModel model) {
        var s = model.training().snapshotProperty().get();
        return s == null ? 0 : s.step();
    }

    /** Collects twice and prints the heap the collection left; returns the step it was taken at. */
    private static long sampleHeap(AppModel model) throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        System.gc();
        var s = model.training().snapshotProperty().get();
        long used = liveAfterCollection();
        System.out.printf("after %,d steps: heap in use after a full collection %.1f MiB (epoch %d)%n", s.step(),
                used / 1048576.0, s.epoch());
        return s.step();
    }

    /**
     * Heap in use just after the last collection, summed over the heap's pools: what the full collection left,
     * without the allocations made since (a plain "heap used" read a moment later also counts fresh garbage).
     */
    private static long liveAfterCollection() {
        long sum = 0;
        for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
                sum += pool.getCollectionUsage().getUsed();
            }
        }
        return sum;
    }

    private static double frameRate(long[] frames, long millis) throws InterruptedException {
        long f0 = frames[0];
        long t0 = System.nanoTime();
        Thread.sleep(millis);
        return (frames[0] - f0) / ((System.nanoTime() - t0) / 1e9);
    }

    /** The spiral with six hidden tanh layers of eight units, batch 10: the largest Playground-size network. */
    static NetworkDocument largestPlayground() {
        NetworkDocument doc = NetworkDocument.empty("Largest playground", 2);
        String previous = "input";
        for (int i = 1; i <= 6; i++) {
            doc = doc.withLayer(new LayerSpec("h" + i, "Dense", Map.of("units", "8", "activation", "tanh"),
                    List.of(previous), 100 * i, 80));
            previous = "h" + i;
        }
        return doc.withLayer(new LayerSpec("out", "Dense", Map.of("units", "1", "activation", "sigmoid"),
                        List.of(previous), 700, 80))
                .withLoss(ComponentSpec.of("binary_cross_entropy"))
                .withOptimizer(new ComponentSpec("adam", Map.of("learning_rate", "0.01")))
                .withTraining(new ComponentSpec("minibatch", Map.of("batch_size", "10", "epochs", "1000000",
                        "seed", "1", "validation", "0.3")))
                .withData(new ComponentSpec("generated", Map.of("generator", "spiral", "samples", "400",
                        "noise", "0.1", "seed", "2")));
    }
}
