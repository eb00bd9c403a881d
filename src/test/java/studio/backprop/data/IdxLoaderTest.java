package studio.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.backprop.tensor.Tensor;

class IdxLoaderTest {

    @TempDir
    Path dir;

    @Test
    void plainAndGzipFilesGiveTheSameChannelsLastImages() throws Exception {
        byte[] images = IdxFiles.images(3, 2, 4);
        Path plain = IdxFiles.write(dir, "img.idx", images);
        Path gz = IdxFiles.write(dir, "img.idx.gz", IdxFiles.gzip(images));
        Path labels = IdxFiles.write(dir, "lab", IdxFiles.gzip(IdxFiles.labels(2, 0, 1)));
        Dataset d = IdxLoader.load("tiny", plain, labels, 3);
        Tensor x = d.features();
        assertArrayEquals(new int[] {3, 2, 4, 1}, x.shape());
        assertEquals((5 * 37 & 0xff) / 255f, x.get(0, 1, 1, 0));
        assertArrayEquals(x.buffer(), IdxLoader.readImages(gz).buffer());
        assertArrayEquals(new int[] {2, 0, 1}, d.labels());
        assertEquals(List.of("0", "1", "2"), d.classNames());
        assertEquals("tiny, 3 images of 2×4×1, 3 classes", d.describe());
    }

    private String failure(String imagesName, byte[] images, String labelsName, byte[] labels) throws IOException {
        Path i = IdxFiles.write(dir, imagesName, images);
        Path l = IdxFiles.write(dir, labelsName, labels);
        return assertThrows(DatasetException.class, () -> IdxLoader.load("t", i, l, 10)).getMessage();
    }

    @Test
    void wrongMagicNamesFileAndBothNumbers() throws Exception {
        String m = failure("swapped.idx", IdxFiles.labels(1, 2), "l.idx", IdxFiles.labels(1, 2));
        assertEquals("swapped.idx: magic number 0x00000801 where an IDX image file has 0x00000803 (this is a label"
                + " file, not an image file)", m);
        String png = failure("p.idx", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}, "l.idx", IdxFiles.labels(1));
        assertTrue(png.startsWith("p.idx: magic number 0x89504E47"), png);
    }

    @Test
    void truncatedFilesSayHowFarTheyGot() throws Exception {
        byte[] full = IdxFiles.images(4, 3, 3);
        byte[] cut = Arrays.copyOf(full, full.length - 10);
        String m = failure("cut.idx", cut, "l.idx", IdxFiles.labels(1, 2, 3, 4));
        assertEquals("cut.idx: truncated; the header promises 4 images but the file ends after 2 complete ones"
                + " (26 of 36 data bytes)", m);
        byte[] gz = IdxFiles.gzip(full);
        String g = failure("cut.gz", Arrays.copyOf(gz, gz.length - 12), "l.idx", IdxFiles.labels(1, 2, 3, 4));
        assertTrue(g.startsWith("cut.gz: "), g);
        String h = failure("head.idx", Arrays.copyOf(full, 9), "l.idx", IdxFiles.labels(1));
        assertEquals("head.idx: truncated header (9 of 16 bytes)", h);
    }

    @Test
    void countMismatchLabelRangeAndExtraBytes() throws Exception {
        String m = failure("i.idx", IdxFiles.images(3, 2, 2), "l.idx", IdxFiles.labels(1, 2));
        assertEquals("i.idx holds 3 images but l.idx holds 2 labels; they must come in pairs", m);
        String r = failure("i.idx", IdxFiles.images(3, 2, 2), "bad.idx", IdxFiles.labels(1, 12, 2));
        assertEquals("bad.idx: record 2 has label 12; labels must be 0..9", r);
        byte[] longer = Arrays.copyOf(IdxFiles.labels(1, 2, 3), 12);
        String x = failure("i.idx", IdxFiles.images(3, 2, 2), "long.idx", longer);
        assertEquals("long.idx: extra bytes after the 3 labels the header announces", x);
    }

    @Test
    void missingFileIsNamed() {
        DatasetException e = assertThrows(DatasetException.class, () -> IdxLoader.readImages(dir.resolve("no.idx")));
        assertTrue(e.getMessage().endsWith("no.idx: no such file"), e.getMessage());
    }
}
