package studio.backprop.ui.charts;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.testfx.api.FxToolkit;

/** Test helpers: the toolkit started the TestFX way (so other TestFX tests can share it) and PNGs decoded. */
final class Pictures {

    private Pictures() {
    }

    /** Runs on the JavaFX thread, starting the toolkit through TestFX first. */
    static <T> T fx(Callable<T> task) throws Exception {
        FxToolkit.registerPrimaryStage();
        return studio.backprop.ui.headless.HeadlessFx.call(task);
    }

    static BufferedImage read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException(file + " is not a picture ImageIO can read");
        }
        return image;
    }

    static Set<Integer> colours(BufferedImage image) {
        Set<Integer> out = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                out.add(image.getRGB(x, y));
            }
        }
        return out;
    }

    /** Pixels within {@code tolerance} per channel of the opaque colour {@code rgb}. */
    static int count(BufferedImage image, int rgb, int tolerance) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if ((p >>> 24) == 255 && near(p, rgb, 16, tolerance) && near(p, rgb, 8, tolerance)
                        && near(p, rgb, 0, tolerance)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean near(int a, int b, int shift, int tolerance) {
        return Math.abs((a >> shift & 255) - (b >> shift & 255)) <= tolerance;
    }

    static int rgb(javafx.scene.paint.Color c) {
        return 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}
