package studio.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderLoaderTest {

    @TempDir
    Path tmp;

    private Path put(String relative, byte[] bytes) throws IOException {
        Path p = tmp.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.write(p, bytes);
    }

    static byte[] pgm(int width, int height, int maxval, int... values) {
        String header = "P5\n# test\n" + width + " " + height + "\n" + maxval + "\n";
        byte[] head = header.getBytes(StandardCharsets.US_ASCII);
        int bytes = maxval < 256 ? 1 : 2;
        byte[] out = Arrays.copyOf(head, head.length + values.length * bytes);
        for (int i = 0; i < values.length; i++) {
            if (bytes == 1) {
                out[head.length + i] = (byte) values[i];
            } else {
                out[head.length + 2 * i] = (byte) (values[i] >> 8);
                out[head.length + 2 * i + 1] = (byte) values[i];
            }
        }
        return out;
    }

    static byte[] ppm(int width, int height, int... values) {
        byte[] p = pgm(width, height, 255, values);
        p[1] = '6';
        return p;
    }

    @Test
    void classesFromSortedSubFoldersGreyAndColourMixed() throws Exception {
        put("shapes/b-square/1.png", PngWriter.encode(2, 2, 2, 8, new int[] {255, 0, 0, 0, 255, 0, 0, 0, 255,
            255, 255, 255}));
        put("shapes/a-dot/2.pgm", pgm(2, 2, 255, 0, 51, 102, 255));
        put("shapes/a-dot/1.png", PngWriter.encode(2, 2, 0, 8, new int[] {0, 255, 255, 0}, 2));
        put("shapes/.DS_Store", new byte[] {1, 2, 3});
        put("shapes/notes.txt", "ignored".getBytes(StandardCharsets.UTF_8));
        Dataset grey = ImageFolderLoader.load(tmp.resolve("shapes"), ImageFolderOptions.grayscale());
        assertEquals("shapes, 3 images of 2×2×1, 2 classes", grey.describe());
        assertEquals(List.of("a-dot", "b-square"), grey.classNames());
        assertArrayEquals(new int[] {0, 0, 1}, grey.labels());
        assertArrayEquals(new float[] {0, 1, 1, 0, 0, 0.2f, 0.4f, 1, 0.299f, 0.587f, 0.114f, 1},
                grey.features().buffer(), 1e-6f);
        Dataset rgb = ImageFolderLoader.load(tmp.resolve("shapes"), ImageFolderOptions.rgb());
        assertArrayEquals(new int[] {3, 2, 2, 3}, rgb.features().shape());
        assertEquals(1f, rgb.features().get(0, 0, 1, 2));
        assertEquals(1f, rgb.features().get(2, 1, 0, 2));
    }

    @Test
    void resizeNearestAndBilinear() throws Exception {
        put("r/x/a.pgm", pgm(2, 1, 255, 0, 255));
        put("r/y/b.pgm", pgm(4, 2, 255, 0, 0, 0, 0, 255, 255, 255, 255));
        Dataset nearest = ImageFolderLoader.load(tmp.resolve("r"),
                ImageFolderOptions.grayscale().resizedTo(1, 4, Interpolation.NEAREST));
        // Two rows into one: the target centre falls half-way (source y 0.5), and nearest rounds it to row 1.
        assertArrayEquals(new float[] {0, 0, 1, 1, 1, 1, 1, 1}, nearest.features().buffer());
        Dataset bilinear = ImageFolderLoader.load(tmp.resolve("r"),
                ImageFolderOptions.grayscale().resizedTo(1, 4, Interpolation.BILINEAR));
        // Target centres at source x = −0.25, 0.25, 0.75, 1.25: clamped, a quarter, three quarters, clamped.
        assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1, 0.5f, 0.5f, 0.5f, 0.5f}, bilinear.features().buffer(),
                1e-6f);
    }

    @Test
    void pnmVariantsDecode() throws Exception {
        Raster wide = ImageDecoders.decode(pgm(2, 1, 1000, 0, 1000), "w.pgm");
        assertArrayEquals(new float[] {0, 1}, wide.values);
        Raster colour = ImageDecoders.decode(ppm(1, 1, 255, 0, 51), "c.ppm");
        assertArrayEquals(new float[] {1, 0, 0.2f}, colour.values, 1e-6f);
    }

    @Test
    void unsupportedFormatsAndBadFoldersAreNamed() throws Exception {
        put("digits/3/a.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0});
        put("digits/1/a.pgm", pgm(1, 1, 255, 9));
        assertEquals("digits/3/a.jpg: JPEG is not supported; convert to PNG", message("digits"));
        put("plain/0/a.pgm", "P2\n1 1\n255\n7\n".getBytes(StandardCharsets.US_ASCII));
        put("plain/1/a.pgm", pgm(1, 1, 255, 9));
        assertEquals("plain/0/a.pgm: plain-text or bitmap Netpbm (P2) is not supported; convert to PNG",
                message("plain"));
        put("sizes/0/a.pgm", pgm(2, 2, 255, 1, 2, 3, 4));
        put("sizes/1/b.pgm", pgm(3, 2, 255, 1, 2, 3, 4, 5, 6));
        assertEquals("sizes/1/b.pgm is 3×2 pixels, the first image (sizes/0/a.pgm) is 2×2; give a size to resize"
                + " to, or make them the same size", message("sizes"));
        put("cut/0/a.pgm", Arrays.copyOf(pgm(2, 2, 255, 1, 2, 3, 4), 20));
        put("cut/1/b.pgm", pgm(1, 1, 255, 1));
        assertEquals("cut/0/a.pgm: PNM data cut short: 2 of 4 bytes (the file is truncated)", message("cut"));
        put("one/only/a.pgm", pgm(1, 1, 255, 1));
        assertEquals("one: needs one sub-folder per class and at least two classes, found 1", message("one"));
        Files.createDirectories(tmp.resolve("hollow/0"));
        put("hollow/1/a.pgm", pgm(1, 1, 255, 1));
        assertEquals("hollow/0: class folder without images", message("hollow"));
        put("text/0/a.txt", "hello".getBytes(StandardCharsets.UTF_8));
        put("text/1/a.pgm", pgm(1, 1, 255, 1));
        assertEquals("text/0/a.txt: not a PNG, PGM (P5) or PPM (P6) image", message("text"));
    }

    private String message(String folder) {
        return assertThrows(DatasetException.class,
                () -> ImageFolderLoader.load(tmp.resolve(folder), ImageFolderOptions.grayscale())).getMessage();
    }
}
