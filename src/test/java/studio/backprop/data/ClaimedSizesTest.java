package studio.backprop.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sizes a file claims are checked against what it can hold and the memory budget before anything is allocated. */
class ClaimedSizesTest {

    @TempDir
    Path dir;

    @Test
    void aSixteenByteIdxHeaderClaimingAMillionImagesIsRefusedBeforeAllocating() throws IOException {
        Path file = dir.resolve("big-idx3-ubyte");
        Files.write(file, ByteBuffer.allocate(16).putInt(IdxLoader.IMAGES_MAGIC).putInt(1_000_000).putInt(28)
                .putInt(28).array());
        DatasetException e = assertThrows(DatasetException.class, () -> IdxLoader.readImages(file));
        assertTrue(e.getMessage().contains("the header promises 1,000,000 images but the file ends after 0"),
                e.getMessage());
    }

    @Test
    void aSmallGzipWhoseHeaderClaimsMillionsOfImagesIsRefused() throws IOException {
        Path file = dir.resolve("big.gz");
        byte[] header = ByteBuffer.allocate(16).putInt(IdxLoader.IMAGES_MAGIC).putInt(2_700_000).putInt(28)
                .putInt(28).array();
        Files.write(file, IdxFiles.gzip(header));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxLoader.readImages(file));
        assertTrue(e.getMessage().contains("claims 2,700,000 images of 28×28") && e.getMessage()
                .contains("unpacks to at most"), e.getMessage());
    }

    @Test
    void labelsClaimingMoreThanTheFileHoldsAreRefused() throws IOException {
        Path file = dir.resolve("labels");
        Files.write(file, ByteBuffer.allocate(8).putInt(IdxLoader.LABELS_MAGIC).putInt(Integer.MAX_VALUE).array());
        DatasetException e = assertThrows(DatasetException.class, () -> IdxLoader.readLabels(file, 10));
        assertTrue(e.getMessage().contains("the header promises 2,147,483,647 labels"), e.getMessage());
    }

    @Test
    void aPngHeaderOfHugeDimensionsIsRefusedByItsSizeNotByRunningOutOfMemory() {
        for (int side : new int[] {20_000, 60_000}) {
            byte[] png = pngWithHeader(side, side, new byte[100]);
            DatasetException e = assertThrows(DatasetException.class, () -> PngDecoder.decode(png, "huge.png"));
            assertTrue(e.getMessage().startsWith("huge.png: the PNG header claims " + side + "×" + side),
                    e.getMessage());
        }
    }

    @Test
    void onlyRegularFilesAreRead() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        DatasetException e = assertThrows(DatasetException.class, () -> InputFiles.regularFile(folder, "folder"));
        assertTrue(e.getMessage().contains("is a folder, not a file"), e.getMessage());
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            e = assertThrows(DatasetException.class, () -> CsvLoader.load(zero, CsvOptions.defaults()));
            assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
            e = assertThrows(DatasetException.class, () -> IdxLoader.readImages(zero));
            assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        }
        Path fifo = dir.resolve("pipe.csv");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            e = assertThrows(DatasetException.class, () -> CsvLoader.load(fifo, CsvOptions.defaults()),
                    "a pipe nobody writes to would block for ever");
            assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        }
    }

    @Test
    void aColumnWithTooManyDistinctValuesIsRefusedBeforeOneHotEncoding() throws IOException {
        StringBuilder csv = new StringBuilder("id,x,label\n");
        for (int i = 0; i < 100_000; i++) {
            csv.append("u").append(i).append(',').append(i % 7).append(',').append(i % 2 == 0 ? "a" : "b")
                    .append('\n');
        }
        Path file = Files.writeString(dir.resolve("ids.csv"), csv);
        DatasetException e = assertThrows(DatasetException.class, () -> CsvLoader.load(file, CsvOptions.defaults()));
        assertTrue(e.getMessage().contains("100,000 rows encode to 100,001 feature columns (column 'id' alone "
                + "one-hot encodes to 100,000)") && e.getMessage().contains("'ignore' or 'ordinal'"), e.getMessage());
    }

    private static byte[] pngWithHeader(int width, int height, byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PngDecoder.SIGNATURE);
        PngWriter.chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8)
                .put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).array());
        Deflater d = new Deflater();
        d.setInput(raw);
        d.finish();
        byte[] buffer = new byte[1024];
        int n = d.deflate(buffer);
        d.end();
        PngWriter.chunk(out, "IDAT", java.util.Arrays.copyOf(buffer, n));
        PngWriter.chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }
}
