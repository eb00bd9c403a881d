package studio.backprop.ui.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.image.WritablePixelFormat;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;

/**
 * The one path from a view to a PNG file: a snapshot of the node at a scale (1×, 2×, 4× for projectors and
 * print) over a chosen background, converted pixel for pixel and written atomically.
 *
 * <p>Thread: the JavaFX application thread (snapshots are taken there); the file write is quick and small.
 */
public final class PngExporter {

    /** The scales the export menus offer. */
    public static final double[] SCALES = {1, 2, 4};

    private PngExporter() {
    }

    /** Renders the node at {@code scale} over {@code background} (transparent when null). */
    public static WritableImage render(Node node, double scale, Color background) {
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(scale, scale));
        params.setFill(background == null ? Color.TRANSPARENT : background);
        return node.snapshot(params, null);
    }

    /** Converts a JavaFX image to an ARGB buffered image with the same pixels. */
    public static BufferedImage toBuffered(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        PixelReader reader = image.getPixelReader();
        reader.getPixels(0, 0, w, h, WritablePixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }

    /**
     * Writes the view as a PNG; a failed write leaves any previous file untouched.
     *
     * @throws IOException when the folder cannot be written
     */
    public static void write(Exportable view, Path file, double scale, Color background) throws IOException {
        write(view.exportNode(), file, scale, background);
    }

    public static void write(Node node, Path file, double scale, Color background) throws IOException {
        if (!(scale > 0 && scale <= 8)) {
            throw new IllegalArgumentException("the export scale must be between 0 and 8, got " + scale);
        }
        BufferedImage image = toBuffered(render(node, scale, background));
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".png");
        try {
            if (!ImageIO.write(image, "png", temp.toFile())) {
                throw new IOException("no PNG writer is available in this Java runtime");
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
