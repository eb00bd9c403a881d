package studio.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import studio.backprop.io.SessionFile;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.TrainingLoop;
import studio.backprop.ui.charts.ChartPalette;
import studio.backprop.ui.charts.SeriesRole;

/** {@code export}: a tiny network trained here, saved as a session, drawn to PNG and decoded. */
class ExportCommandTest {

    private static final Path SPIRAL = Path.of("samples", "spiral-playground.bps");

    @TempDir
    static Path dir;

    private static Path session;
    private String err;

    @BeforeAll
    static void trainAndSave() throws Exception {
        FxToolkit.registerPrimaryStage(); // the toolkit started the TestFX way, shared with other UI tests
        NetworkDocument doc = Workspace.read(SPIRAL);
        Compilation c = Workspace.trainable(doc);
        TrainingLoop loop = new TrainingLoop(c, Workspace.data(doc, c, SPIRAL));
        for (int e = 0; e < 12; e++) {
            loop.stepEpoch();
        }
        session = dir.resolve("spiral.bpsession");
        SessionFile.save(session, loop);
    }

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private static int pixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int rgb(javafx.scene.paint.Color c) {
        return 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    @Test
    void exportsTheLossChartOfASavedSession() throws Exception {
        Path png = dir.resolve("loss.png");
        assertEquals(0, run("export", session.toString(), "--view", "loss", "--out", png.toString(), "--scale", "2",
                "--size", "600x400"), err);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1200, image.getWidth());
        assertEquals(800, image.getHeight());
        assertEquals(0xFFFFFFFF, image.getRGB(1, 1), "white by default");
        assertTrue(pixels(image, rgb(ChartPalette.LIGHT.color(SeriesRole.TRAIN))) > 200, "the train loss line");
        assertTrue(pixels(image, rgb(ChartPalette.LIGHT.color(SeriesRole.VALIDATION))) > 200, "validation line");
    }

    @Test
    void exportsEveryViewOnEveryBackground() throws Exception {
        String[][] cases = {{"accuracy", "transparent"}, {"learning-rate", "dark"}, {"summary", "white"}};
        for (String[] c : cases) {
            Path png = dir.resolve(c[0] + ".png");
            assertEquals(0, run("export", session.toString(), "--view", c[0], "--background", c[1], "--out",
                    png.toString()), err);
            BufferedImage image = ImageIO.read(png.toFile());
            int corner = image.getRGB(0, 0);
            switch (c[1]) {
                case "transparent" -> assertEquals(0, corner >>> 24, c[0]);
                case "dark" -> assertEquals(rgb(ChartPalette.DARK.background()), corner, c[0]);
                default -> assertEquals(0xFFFFFFFF, corner, c[0]);
            }
            if (!c[0].equals("summary")) {
                assertEquals(800, image.getWidth(), c[0] + " is 800×500 unless told");
            }
        }
    }

    @Test
    void badInputGetsAMessageAndExitCodeTwo() {
        Path png = dir.resolve("x.png");
        assertEquals(2, run("export", session.toString(), "--view", "weights", "--out", png.toString()));
        assertTrue(err.contains("the view must be one of [loss, accuracy, learning-rate, summary]"), err);
        assertEquals(2, run("export", session.toString(), "--view", "loss", "--out", png.toString(), "--scale", "3"));
        assertEquals("export: --scale must be 1, 2 or 4, got '3'\n", err);
        assertEquals(2, run("export", session.toString(), "--view", "loss", "--out", png.toString(), "--size", "wide"));
        assertTrue(err.contains("--size takes WIDTHxHEIGHT"), err);
        assertEquals(2, run("export", session.toString(), "--view", "loss", "--out", png.toString(), "--background",
                "red"));
        assertTrue(err.contains("white, transparent, dark"), err);
        assertEquals(2, run("export", session.toString(), "--view", "loss"));
        assertTrue(err.contains("--out FILE.png) is missing"), err);
        assertEquals(2, run("export", dir.resolve("none.bpsession").toString(), "--view", "loss", "--out",
                png.toString()));
        assertTrue(err.contains("no such file"), err);
        assertEquals(2, run("export", SPIRAL.toString(), "--view", "loss", "--out", png.toString()));
        assertTrue(err.contains("not a Backprop Studio session"), err);
        assertFalse(Files.exists(png));
        assertFalse(err.contains("\tat "), err);
    }
}
