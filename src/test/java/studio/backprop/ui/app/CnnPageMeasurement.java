package studio.backprop.ui.app;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import studio.backprop.train.TrainerCommand;
import studio.backprop.train.TrainerState;
import studio.backprop.ui.cnn.CnnView;

/**
 * Not a test: a measurement to run by hand (headless, under Monocle). Opens LeNet-5 on the bundled digits, shows the
 * CNN page on the sub-tab named by the first argument (default "What each layer sees"), redraws a digit on the pad
 * three times a second, plays, and prints the time until the validation accuracy first reaches 97%, the worst gap
 * between two JavaFX pulses (the worst frame time) while training, and the heap: the peak of the heap pools and what
 * a full collection leaves at the end.
 *
 * <p>Arguments, all optional: the CNN sub-tab, the page to show, the longest wait in seconds (120), and the network
 * file (another LeNet-5 plan, e.g. one of more epochs). With {@code -Dwarm-up=true} it first runs the app's
 * {@link studio.backprop.train.KernelWarmUp} to its end, as a lecturer's Play a few seconds after the app opened.
 */
public final class CnnPageMeasurement {

    private CnnPageMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        String tab = args.length > 0 ? args[0] : "What each layer sees";
        if (Boolean.getBoolean("warm-up")) {
            long w0 = System.nanoTime();
            studio.backprop.train.KernelWarmUp warmUp = studio.backprop.train.KernelWarmUp.start();
            if (warmUp != null) {
                warmUp.await(120_000);
            }
            System.out.printf("warm-up: %.1f s%n", (System.nanoTime() - w0) / 1e9);
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        AppModel[] model = new AppModel[1];
        CnnView[] view = new CnnView[1];
        long[] worst = new long[1];
        long[] cpu = new long[4];
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] last = new long[1];
        boolean[] measuring = new boolean[1];
        Platform.runLater(() -> {
            Stage stage = new Stage();
            try {
                model[0] = new AppModel(Files.createTempDirectory("cnn-measure"), Path.of("samples").toAbsolutePath(),
                        Preferences.userRoot().node("backprop-cnn-measure-" + System.nanoTime()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            MainWindow window = new MainWindow(model[0], stage);
            Pages.install(window, model[0], stage);
            stage.setWidth(1280);
            stage.setHeight(800);
            stage.show();
            model[0].open(args.length > 3 ? Path.of(args[3]) : Path.of("samples", "lenet5-digits.bps"),
                    m -> System.out.println("could not open: " + m));
            window.showPage(args.length > 1 ? args[1] : "CNN");
            view[0] = (CnnView) window.scene().lookup(".cnn-page");
            TabPane tabs = (TabPane) view[0].getChildren().get(0);
            tabs.getTabs().stream().filter(t -> t.getText().equals(tab)).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long c = threads.getCurrentThreadCpuTime();
                    if (measuring[0] && last[0] != 0) {
                        worst[0] = Math.max(worst[0], now - last[0]);
                        cpu[0] = Math.max(cpu[0], c - cpu[1]);
                        cpu[2]++;
                        if (c - cpu[1] > 50_000_000L) {
                            cpu[3]++;
                        }
                    }
                    last[0] = now;
                    cpu[1] = c;
                }
            }.start();
        });
        while (snapshotStep(model[0]) < 0) {
            Thread.sleep(100);
        }
        Thread.sleep(1000);
        double[] phase = {0};
        Platform.runLater(() -> {
            Timeline drawing = new Timeline(new KeyFrame(Duration.millis(330), e -> {
                var pad = view[0].pad();
                pad.clear();
                phase[0] += 0.3;
                var d = pad.model().drawing();
                d.begin(0.3 + 0.1 * Math.sin(phase[0]), 0.2, 0.045);
                d.extend(0.7, 0.2);
                d.extend(0.45, 0.85);
                d.end();
                pad.model().drawingChanged();
            }));
            drawing.setCycleCount(Timeline.INDEFINITE);
            drawing.play();
            measuring[0] = true;
            model[0].training().send(new TrainerCommand.Play());
        });
        long t0 = System.nanoTime();
        double reached = Double.NaN;
        while (true) {
            Thread.sleep(50);
            var s = model[0].training().snapshotProperty().get();
            if (s == null) {
                continue;
            }
            if (Double.isNaN(reached) && s.validAccuracy().size() > 0 && s.validAccuracy().last() >= 0.97f) {
                reached = (System.nanoTime() - t0) / 1e9;
                System.out.printf("validation accuracy %.4f at step %d (epoch %d) after %.1f s%n",
                        s.validAccuracy().last(), s.step(), s.epoch(), reached);
            }
            if (s.state() == TrainerState.FINISHED || (System.nanoTime() - t0) / 1e9 > (args.length > 2 ? Double.parseDouble(args[2]) : 120)) {
                System.out.printf("stopped at step %d, %.1f s, validation accuracy per epoch %s%n", s.step(),
                        (System.nanoTime() - t0) / 1e9, java.util.Arrays.toString(s.validAccuracy().toArray()));
                break;
            }
        }
        measuring[0] = false;
        long fxCpu = 0;
        for (java.lang.management.ThreadInfo t : threads.dumpAllThreads(false, false)) {
            if (t.getThreadName().startsWith("JavaFX Application")) {
                fxCpu = threads.getThreadCpuTime(t.getThreadId());
            }
        }
        System.out.printf("JavaFX thread: worst CPU time between two pulses %.1f ms over %d pulses (%d over 50 ms); CPU in all %.1f s;"
                + " process CPU %.1f s; load average %.1f%n", cpu[0] / 1e6, cpu[2], cpu[3], fxCpu / 1e9,
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime() / 1e9, ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        System.out.printf("tab '%s': worst gap between two JavaFX pulses while training: %.1f ms%n", tab,
                worst[0] / 1e6);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.gc();
        Thread.sleep(200);
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("heap: peak of the pools %.0f MiB, in use after a full collection %.0f MiB, max %.0f MiB%n",
                peak / 1048576.0, live / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
        Platform.runLater(() -> model[0].shutdown());
        Thread.sleep(500);
        System.exit(0);
    }

    private static long snapshotStep(AppModel model) {
        var s = model == null ? null : model.training().snapshotProperty().get();
        return s == null || !s.document().name().contains("LeNet") ? -1 : s.step();
    }
}
