package studio.backprop.ui.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.image.WritablePixelFormat;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import studio.backprop.io.AtomicFile;
import studio.backprop.tensor.MemoryBudget;

/**
 * The one path from a view to a PNG file: the view {@linkplain Exportable#prepareExport prepares itself} for the
 * scale (1×, 2×, 4× for projectors and print) and the background, is photographed at that scale over the
 * background, is put back as it was shown, and the pixels are written atomically. The menus, the views' context
 * menus and the command line all come through here.
 *
 * <p>Thread: the JavaFX application thread (snapshots are taken there); the file write is quick and small.
 */
public final class PngExporter {

    /** The scales the export menus offer. */
    public static final double[] SCALES = {1, 2, 4};

    private PngExporter() {
    }

    /**
     * Writes the view as a PNG; a failed write leaves any previous file untouched.
     *
     * @throws IOException when the folder cannot be written
     */
    public static void write(Exportable view, Path file, double scale, ExportBackground background)
            throws IOException {
        checkScale(scale);
        Exportable.Picture picture = view.prepareExport(scale, background);
        BufferedImage image;
        try {
            if (picture.node() instanceof Parent parent) {
                parent.applyCss();
                parent.layout();
            }
            image = toBuffered(render(picture.node(), scale, background.color()));
        } finally {
            picture.restore().run();
        }
        writeAtomically(image, file);
    }

    /** A plain snapshot of any node (a whole window for screenshots), without a view's preparation. */
    public static void write(Node node, Path file, double scale, Color background) throws IOException {
        checkScale(scale);
        writeAtomically(toBuffered(render(node, scale, background)), file);
    }

    /** The longest side, in pixels, a snapshot can have (the software renderer's texture limit). */
    public static final int MAX_PIXELS_SIDE = 16384;
    /**
     * Heap bytes per pixel of the memory budget while a picture is drawn and written: about four 4-byte copies
     * (render target, image, ARGB array, buffered image) and the renderer's tiles; measured with the software
     * renderer, where 60 million pixels draw in a 2 GB heap and 64 million do not.
     */
    private static final long BYTES_PER_PIXEL = 17;

    /**
     * Null when a picture of {@code width}×{@code height} pixels can be drawn, otherwise why not and what to do:
     * each side at most {@link #MAX_PIXELS_SIDE}, and its copies within the memory budget.
     */
    public static String tooLarge(double width, double height) {
        long w = (long) Math.ceil(width);
        long h = (long) Math.ceil(height);
        if (w > MAX_PIXELS_SIDE || h > MAX_PIXELS_SIDE) {
            return "the picture would be " + w + "×" + h + " pixels; each side can be at most " + MAX_PIXELS_SIDE
                    + ": choose a smaller scale or size";
        }
        String memory = MemoryBudget.problem(MemoryBudget.product(Math.max(w, 1), Math.max(h, 1), BYTES_PER_PIXEL));
        return memory == null ? null : "the picture would be " + w + "×" + h + " pixels: drawing it, " + memory
                + "; choose a smaller scale or size";
    }

    /**
     * Renders the node at {@code scale} over {@code background} (transparent when null).
     *
     * @throws IllegalArgumentException when the picture is too large to draw, in words
     */
    public static WritableImage render(Node node, double scale, Color background) {
        javafx.geometry.Bounds b = node.getLayoutBounds();
        String problem = tooLarge(b.getWidth() * scale, b.getHeight() * scale);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(scale, scale));
        params.setFill(background == null ? Color.TRANSPARENT : background);
        try {
            WritableImage image = node.snapshot(params, null);
            if (image == null) {
                throw new IllegalStateException("no image");
            }
            return image;
        } catch (RuntimeException | OutOfMemoryError e) {
            throw new IllegalArgumentException("the picture of " + Math.round(b.getWidth() * scale) + "×"
                    + Math.round(b.getHeight() * scale) + " pixels could not be drawn (" + e.getClass().getSimpleName()
                    + " in the renderer); choose a smaller scale or size", e);
        }
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

    private static void checkScale(double scale) {
        if (!(scale > 0 && scale <= 8)) {
            throw new IllegalArgumentException("the export scale must be between 0 and 8, got " + scale);
        }
    }

    /**
     * Writes through {@link AtomicFile}: a failure says in words what went wrong and leaves any previous picture as
     * it was.
     */
    private static void writeAtomically(BufferedImage image, Path file) throws IOException {
        AtomicFile.write(file, "write the picture", out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer is available in this Java runtime");
            }
        });
    }

}
