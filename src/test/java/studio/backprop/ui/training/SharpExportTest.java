package studio.backprop.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import studio.backprop.ui.export.ExportBackground;
import studio.backprop.ui.export.Exportable;
import studio.backprop.ui.export.PngExporter;
import studio.backprop.ui.headless.HeadlessFx;

/**
 * The Playground's canvases export sharp: at 4× the canvas is drawn with four pixels per unit (a one-unit frame
 * line is four pixels of its exact colour, not a blurred enlargement), the colours follow the background, and the
 * view is back to one pixel per unit afterwards.
 */
class SharpExportTest {

    @TempDir
    Path dir;

    private static <T> T fx(Callable<T> task) throws Exception {
        FxToolkit.registerPrimaryStage();
        return HeadlessFx.call(task);
    }

    private static MirrorNetwork mirror() {
        return MirrorNetwork.of(PlaygroundDocuments.dense("p", 2, 4, "tanh", 1));
    }

    private static <V extends Region> V laidOut(V view, double w, double h) {
        new Scene(view, w, h);
        view.applyCss();
        view.layout();
        return view;
    }

    private static int exactly(BufferedImage image, Color c) {
        int rgb = 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += image.getRGB(x, y) == rgb ? 1 : 0;
            }
        }
        return n;
    }

    private BufferedImage export(Exportable view, double scale, ExportBackground background) throws Exception {
        Path file = dir.resolve(view.exportName() + "-" + scale + "-" + background + ".png");
        fx(() -> {
            PngExporter.write(view, file, scale, background);
            return null;
        });
        return ImageIO.read(file.toFile());
    }

    @Test
    void theOutputPlotIsDrawnAgainAtTheExportScale() throws Exception {
        DecisionBoundaryView view = fx(() -> {
            DecisionBoundaryView v = laidOut(new DecisionBoundaryView("Output"), 380, 410);
            MirrorNetwork m = mirror();
            v.setPoints(List.of(new DataPoint(1, 2, 0, false), new DataPoint(-2, -1, 1, true)), List.of("a", "b"));
            v.setGrid(MirrorNetworkTest.initialGrid(PlaygroundDocuments.dense("p", 2, 4, "tanh", 1), m));
            v.layout();
            return v;
        });
        BufferedImage one = export(view, 1, ExportBackground.WHITE);
        BufferedImage four = export(view, 4, ExportBackground.WHITE);
        assertEquals(4 * one.getWidth(), four.getWidth());
        assertEquals(4 * one.getHeight(), four.getHeight());
        int frame1 = exactly(one, PlotInk.LIGHT.axis());
        int frame4 = exactly(four, PlotInk.LIGHT.axis());
        assertTrue(frame1 > 1000, frame1 + " frame pixels at 1×");
        assertTrue(frame4 > 12 * frame1, "a sharp frame is 4× longer and 4× thicker: " + frame4 + " vs " + frame1);
        for (Canvas layer : fx(() -> view.getChildrenUnmodifiable().stream().map(n -> (Canvas) n).toList())) {
            assertEquals(380, layer.getWidth(), "back to one pixel per unit");
        }

        BufferedImage dark = export(view, 2, ExportBackground.DARK);
        assertEquals(PlotInk.DARK.background(), colourAt(dark, 1, 1), "the dark background");
        assertTrue(exactly(dark, PlotInk.DARK.axis()) > 4 * frame1, "the frame in its dark colour");
        assertEquals(0, export(view, 1, ExportBackground.TRANSPARENT).getRGB(1, 1) >>> 24, "nothing behind");
        assertEquals(Color.WHITE, colourAt(export(view, 1, ExportBackground.WHITE), 1, 1), "shown as before");
    }

    @Test
    void theNetworkIsDrawnAgainAtTheExportScale() throws Exception {
        PlaygroundNetworkView view = fx(() -> {
            PlaygroundNetworkView v = laidOut(new PlaygroundNetworkView(), 560, 420);
            MirrorNetwork m = mirror();
            v.setNetwork(m);
            v.setGrid(MirrorNetworkTest.initialGrid(PlaygroundDocuments.dense("p", 2, 4, "tanh", 1), m));
            v.layout();
            return v;
        });
        int frame1 = exactly(export(view, 1, ExportBackground.WHITE), PlotInk.LIGHT.frame());
        BufferedImage four = export(view, 4, ExportBackground.WHITE);
        assertEquals(4 * 560, four.getWidth());
        int frame4 = exactly(four, PlotInk.LIGHT.frame());
        assertTrue(frame1 > 300, frame1 + " neuron-frame pixels at 1×");
        assertTrue(frame4 > 12 * frame1, "sharp neuron frames: " + frame4 + " vs " + frame1);
        assertEquals(560, fx(() -> ((Canvas) view.exportNode()).getWidth()), "back to one pixel per unit");
    }

    @Test
    void presenterTypeWidensTheMarginsAndThePointerStillFindsTheData() throws Exception {
        double[][] corners = fx(() -> {
            DecisionBoundaryView v = laidOut(new DecisionBoundaryView("Output"), 380, 410);
            double[] small = v.toView(-6, 6);
            v.setTypeScale(PlaygroundView.PRESENTER_SCALE);
            v.layout();
            double[] large = v.toView(-6, 6);
            return new double[][] {small, large, v.toData(large[0] + 1e-9, large[1] + 1e-9)};
        });
        assertEquals(PlotFrame.TOP, corners[0][1], 1e-9);
        assertEquals(PlotFrame.TOP * PlaygroundView.PRESENTER_SCALE, corners[1][1], 1e-9, "room for larger type");
        assertEquals(-6, corners[2][0], 1e-6, "clicks map to the data through the same frame");
        assertEquals(6, corners[2][1], 1e-6);
    }

    private static Color colourAt(BufferedImage image, int x, int y) {
        int p = image.getRGB(x, y);
        return Color.rgb(p >> 16 & 255, p >> 8 & 255, p & 255, (p >>> 24) / 255.0);
    }
}
