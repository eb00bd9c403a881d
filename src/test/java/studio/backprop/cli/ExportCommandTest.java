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
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.TrainingLoop;
import studio.backprop.ui.charts.ChartPalette;
import studio.backprop.ui.charts.SeriesRole;

/** {@code export}: a tiny network trained here, saved as a session, drawn to PNG and decoded. */
class ExportCommandTest {

    private static final Path SPIRAL = Path.of("samples", "spiral-playground.bps");
    private static final Path LOOK = Path.of("target", "cli-pictures");

    @TempDir
    static Path dir;

    private static Path session;
    private String err;

    private static Path wide;

    @BeforeAll
    static void trainAndSave() throws Exception {
        FxToolkit.registerPrimaryStage(); // the toolkit started the TestFX way, shared with other UI tests
        session = trained(Workspace.read(SPIRAL), 12, "spiral.bpsession");
        // The same spiral with 20 units in the first layer: more than the Playground draws.
        String text = Files.readString(SPIRAL).replaceFirst("units = 8", "units = 20");
        wide = trained(DocumentFormat.read(text, "wide"), 0, "wide.bpsession");
    }

    private static Path trained(NetworkDocument doc, int epochs, String name) throws Exception {
        Compilation c = Workspace.trainable(doc);
        TrainingLoop loop = new TrainingLoop(c, Workspace.data(doc, c, SPIRAL));
        for (int e = 0; e < epochs; e++) {
            loop.stepEpoch();
        }
        Path file = dir.resolve(name);
        SessionFile.save(file, loop);
        return file;
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
        assertTrue(err.contains("the view must be one of [loss, accuracy, learning-rate, summary, network, neurons,"
                + " neuron, decision-boundary, playground, ") && err.contains("], got 'weights'"), err);
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

    /** Pixels whose blue channel clearly leads (the Playground's positive colour) and whose red leads. */
    private static int[] bluishAndOrangish(BufferedImage image) {
        int[] n = new int[2];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int r = p >> 16 & 255;
                int b = p & 255;
                if ((p >>> 24) == 255 && b > r + 60) {
                    n[0]++;
                } else if ((p >>> 24) == 255 && r > b + 60) {
                    n[1]++;
                }
            }
        }
        return n;
    }

    private BufferedImage export(String view, String... options) throws Exception {
        Path png = dir.resolve(view + "-" + options.length + ".png");
        String[] args = new String[6 + options.length];
        System.arraycopy(new String[] {"export", session.toString(), "--view", view, "--out", png.toString()}, 0,
                args, 0, 6);
        System.arraycopy(options, 0, args, 6, options.length);
        assertEquals(0, run(args), err);
        // kept where they can be looked at after the build
        Files.createDirectories(LOOK);
        Files.copy(png, LOOK.resolve(png.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return ImageIO.read(png.toFile());
    }

    @Test
    void exportsTheEditorDrawingAndThePlaygroundViews() throws Exception {
        BufferedImage network = export("network");
        assertTrue(network.getWidth() > 600 && network.getHeight() > 100, "the boxes of five layers in a row: "
                + network.getWidth() + "×" + network.getHeight());
        assertTrue(Pictures.colours(network) > 20, "not blank");

        BufferedImage neurons = export("neurons", "--scale", "2", "--background", "dark");
        assertEquals(rgb(javafx.scene.paint.Color.rgb(30, 30, 34)), neurons.getRGB(1, 1), "dark corner");
        assertEquals(0, neurons.getWidth() % 2, "twice the view's size");
        int[] lines = bluishAndOrangish(neurons);
        assertTrue(lines[0] > 500 && lines[1] > 500, "weights of both signs and heatmaps: " + lines[0] + " blue, "
                + lines[1] + " orange");

        BufferedImage boundary = export("decision-boundary", "--background", "transparent");
        assertEquals(0, boundary.getRGB(1, 1) >>> 24, "nothing behind the plot");
        int[] heat = bluishAndOrangish(boundary);
        assertTrue(heat[0] > 2000 && heat[1] > 2000, "both classes coloured: " + heat[0] + ", " + heat[1]);

        BufferedImage neuron = export("neuron", "--neuron", "h2:3", "--scale", "4");
        assertEquals(640, neuron.getWidth(), "160 units at 4×");
        assertEquals(640, neuron.getHeight());

        BufferedImage whole = export("playground");
        assertTrue(whole.getWidth() >= boundary.getWidth() + 400, "network and output side by side");
    }

    @Test
    void playgroundViewsExplainWhatTheyCannotDraw() throws Exception {
        Path png = dir.resolve("n.png");
        assertEquals(2, run("export", session.toString(), "--view", "neuron", "--out", png.toString()));
        assertTrue(err.contains("needs --neuron LAYER:UNIT"), err);
        assertEquals(2, run("export", session.toString(), "--view", "neuron", "--neuron", "h9:1", "--out",
                png.toString()));
        assertTrue(err.contains("no layer 'h9'; it shows [input, h1, h2, h3, out]"), err);
        assertEquals(2, run("export", session.toString(), "--view", "neuron", "--neuron", "h1:9", "--out",
                png.toString()));
        assertTrue(err.contains("layer 'h1' has neurons 1 to 8, not 9"), err);
        assertEquals(2, run("export", session.toString(), "--view", "neuron", "--neuron", "h1", "--out",
                png.toString()));
        assertTrue(err.contains("--neuron takes LAYER:UNIT"), err);
        assertEquals(2, run("export", session.toString(), "--view", "loss", "--neuron", "h1:1", "--out",
                png.toString()));
        assertTrue(err.contains("--neuron goes with --view neuron"), err);
        assertEquals(2, run("export", session.toString(), "--view", "network", "--size", "900x600", "--out",
                png.toString()));
        assertTrue(err.contains("--size is for the charts"), err);
        assertEquals(2, run("export", wide.toString(), "--view", "playground", "--out", png.toString()));
        assertTrue(err.contains("the playground view cannot be drawn for") && err.contains("at most 16 neurons per"
                + " layer; 'h1' has 20"), err);
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        assertEquals(2, run("export", session.toString(), "--view", "loss", "--out", file.resolve("loss.png")
                .toString()));
        assertTrue(err.contains("cannot write the picture") && err.contains("a file stands where the folder should"
                + " be"), err);
        assertEquals("not a folder", Files.readString(file), "nothing lost");
        assertEquals(0, run("export", wide.toString(), "--view", "network", "--out", png.toString()), err);
        assertTrue(Files.exists(png), "the editor draws any network");
        assertFalse(err.contains("\tat "), err);
    }

    /** Counting colours, as the chart tests do. */
    private static final class Pictures {
        static int colours(BufferedImage image) {
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int y = 0; y < image.getHeight(); y += 2) {
                for (int x = 0; x < image.getWidth(); x += 2) {
                    seen.add(image.getRGB(x, y));
                }
            }
            return seen.size();
        }
    }
}
