package studio.backprop.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import studio.backprop.train.Series;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.PngExporter;

/** The chart drawn headless: cost bounded by its width, log scales with gaps, and pictures checked pixel by pixel. */
class LineChartViewTest {

    @TempDir
    Path dir;

    private static Series.View loss(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (0.05 + Math.exp(-4.0 * i / n) * (1 + 0.3 * Math.sin(i * 0.7)));
        }
        return new Series.View(v, n);
    }

    private static ChartModel model(int steps) {
        double dx = 20.0 / steps;
        return new ChartModel("Loss", "epoch", List.of(
                new ChartSeries(ChartsViewModel.STEP_LOSS, SeriesRole.STEP, loss(steps), dx, dx),
                new ChartSeries(ChartsViewModel.TRAIN_LOSS, SeriesRole.TRAIN, loss(20), 1, 1),
                new ChartSeries(ChartsViewModel.VALID_LOSS, SeriesRole.VALIDATION,
                        new Series.View(new float[] {0.9f, 0.7f, 0.6f, 0.5f, 0.45f, 0.4f, 0.38f, 0.37f, 0.36f,
                            0.36f, 0.35f, 0.35f, 0.36f, 0.36f, 0.37f, 0.38f, 0.38f, 0.39f, 0.40f, 0.41f}, 20), 1, 1)),
                20, false, false, "nothing yet");
    }

    private static LineChartView laidOut(ChartModel m, double w, double h) {
        LineChartView chart = new LineChartView("loss");
        chart.setModel(m);
        Scene scene = new Scene(chart, w, h);
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        return chart;
    }

    @Test
    void drawingCostDependsOnTheWidthNotOnThePoints() throws Exception {
        int[] few = Pictures.fx(() -> {
            LineChartView c = laidOut(model(10_000), 600, 300);
            return new int[] {c.lastVertexCount(), (int) c.getWidth()};
        });
        int many = Pictures.fx(() -> laidOut(model(2_000_000), 600, 300).lastVertexCount());
        int bound = 4 * few[1] + 2 * 20;
        assertTrue(few[0] <= bound, few[0] + " vertices for 10,000 points");
        assertTrue(many <= bound, many + " vertices for 2,000,000 points");
        assertTrue(many > few[1], "the step series is drawn as an envelope");
    }

    @Test
    void logScaleLeavesGapsForZeroAndNegativeValues() throws Exception {
        float[] v = {1, 0.5f, 0, -0.2f, 0.25f, 0.125f, Float.NaN, 0.1f};
        ChartModel m = new ChartModel("Signed", "epoch", List.of(new ChartSeries("values", SeriesRole.TRAIN,
                new Series.View(v, v.length), 1, 1)), 8, false, false, "none");
        int[] vertices = Pictures.fx(() -> {
            LineChartView c = laidOut(m, 500, 300);
            int linear = c.lastVertexCount();
            c.setLogScale(true);
            c.paint();
            return new int[] {linear, c.lastVertexCount()};
        });
        assertEquals(7, vertices[0], "linear: every value but NaN");
        assertEquals(5, vertices[1], "log: zero, negative and NaN left out");
        float[] none = {0, -1, 0};
        ChartModel nothing = new ChartModel("Zero", "epoch", List.of(new ChartSeries("zero", SeriesRole.TRAIN,
                new Series.View(none, 3), 1, 1)), 3, false, false, "none");
        assertEquals(0, (int) Pictures.fx(() -> {
            LineChartView c = laidOut(nothing, 500, 300);
            c.setLogScale(true);
            c.paint();
            return c.lastVertexCount();
        }));
    }

    @Test
    void exportAtTwiceTheSizeOnWhiteHasTheLinesColours() throws Exception {
        Path file = dir.resolve("loss.png");
        Pictures.fx(() -> {
            PngExporter.write(laidOut(model(50_000), 400, 250), file, 2, ExportBackground.WHITE);
            return null;
        });
        BufferedImage image = Pictures.read(file);
        assertEquals(800, image.getWidth());
        assertEquals(500, image.getHeight());
        assertEquals(0xFFFFFFFF, image.getRGB(2, 2), "white corner");
        assertTrue(Pictures.colours(image).size() > 20, "not blank");
        int train = Pictures.count(image, Pictures.rgb(ChartPalette.LIGHT.color(SeriesRole.TRAIN)), 10);
        int valid = Pictures.count(image, Pictures.rgb(ChartPalette.LIGHT.color(SeriesRole.VALIDATION)), 10);
        assertTrue(train > 300, train + " pixels of the train colour");
        assertTrue(valid > 300, valid + " pixels of the validation colour");
    }

    @Test
    void transparentAndDarkBackgrounds() throws Exception {
        Path clear = dir.resolve("clear.png");
        Path dark = dir.resolve("dark.png");
        Pictures.fx(() -> {
            LineChartView c = laidOut(model(5_000), 300, 200);
            PngExporter.write(c, clear, 1, ExportBackground.TRANSPARENT);
            PngExporter.write(c, dark, 4, ExportBackground.DARK);
            return null;
        });
        BufferedImage t = Pictures.read(clear);
        assertEquals(300, t.getWidth());
        assertEquals(0, t.getRGB(2, 2) >>> 24, "transparent corner");
        assertEquals(0, t.getRGB(299, 150) >>> 24, "transparent right edge");
        BufferedImage d = Pictures.read(dark);
        assertEquals(1200, d.getWidth());
        assertEquals(800, d.getHeight());
        assertEquals(Pictures.rgb(ChartPalette.DARK.background()), d.getRGB(3, 3));
        assertTrue(Pictures.count(d, Pictures.rgb(ChartPalette.DARK.color(SeriesRole.VALIDATION)), 10) > 1000);
    }

    @Test
    void redrawsOnlyWhenSomethingChangedAndAtMostOncePerPulse() throws Exception {
        LineChartView chart = Pictures.fx(() -> new LineChartView("loss"));
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(chart, 400, 300));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents(5);
        long settled = Pictures.fx(chart::paintCount);
        WaitForAsyncUtils.waitForFxEvents(5);
        assertEquals(settled, (long) Pictures.fx(chart::paintCount), "nothing changed, nothing drawn");
        Pictures.fx(() -> {
            chart.setModel(model(1000));
            chart.setLogScale(true);
            chart.presenterModeProperty().set(true);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents(5);
        assertEquals(settled + 1, (long) Pictures.fx(chart::paintCount), "three changes, one redraw");
        FxToolkit.setupStage(stage -> stage.hide());
    }

    @Test
    void theReadoutShowsTheValuesUnderTheMouse() throws Exception {
        List<String> lines = Pictures.fx(() -> {
            LineChartView c = laidOut(model(1000), 600, 300);
            return c.readoutAt(c.getWidth() - 12.5);
        });
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("epoch 19.9"), lines.toString());
        assertTrue(lines.get(3).startsWith("validation loss  0.41"), lines.toString());
    }
}
