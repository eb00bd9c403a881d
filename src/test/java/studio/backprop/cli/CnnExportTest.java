package studio.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import studio.backprop.io.SessionFile;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.TrainingLoop;

/** {@code export} of the CNN page's panels from a LeNet-5 session: feature maps of one layer, kernels, confusion. */
class CnnExportTest {

    private static final Path LENET = Path.of("samples", "lenet5-digits.bps");

    @TempDir
    static Path dir;

    private static Path session;
    private String err;

    @BeforeAll
    static void trainAndSave() throws Exception {
        FxToolkit.registerPrimaryStage();
        NetworkDocument doc = Workspace.read(LENET);
        Compilation c = Workspace.trainable(doc);
        TrainingLoop loop = new TrainingLoop(c, Workspace.data(doc, c, LENET));
        loop.stepBatch();
        loop.stepBatch();
        session = dir.resolve("lenet.bpsession");
        SessionFile.save(session, loop);
    }

    @Test
    void exportsTheFeatureMapsOfOneLayerTheKernelsAndTheConfusionMatrix() throws Exception {
        String[][] views = {{"feature-maps", "--layer", "c1", "--sample", "7"}, {"kernels"}, {"confusion"}};
        for (String[] v : views) {
            Path png = dir.resolve(v[0] + ".png");
            String[] args = new String[5 + v.length - 1];
            System.arraycopy(new String[] {"export", session.toString(), "--view", v[0], "--out"}, 0, args, 0, 5);
            String[] all = new String[args.length + 1];
            System.arraycopy(args, 0, all, 0, 5);
            all[5] = png.toString();
            System.arraycopy(v, 1, all, 6, v.length - 1);
            assertEquals(0, run(all), err);
            BufferedImage image = ImageIO.read(png.toFile());
            assertNotNull(image, png + " decodes");
            assertTrue(colours(image) > 10, v[0] + " is not blank");
        }
    }

    @Test
    void refusesASampleOrLayerThatIsNotThereInWords() {
        Path png = dir.resolve("bad.png");
        assertEquals(2, run("export", session.toString(), "--view", "feature-maps", "--sample", "0", "--out",
                png.toString()));
        assertTrue(err.contains("--sample must be between 1 and"), err);
        assertEquals(2, run("export", session.toString(), "--view", "feature-maps", "--layer", "c9", "--out",
                png.toString()));
        assertTrue(err.contains("there is no layer 'c9'"), err);
        assertEquals(2, run("export", session.toString(), "--view", "loss", "--layer", "c1", "--out",
                png.toString()));
        assertTrue(err.contains("--layer goes with --view feature-maps"), err);
    }

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
