package studio.backprop.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;
import studio.backprop.tensor.MemoryBudget;
import studio.backprop.tensor.Tensor;

/**
 * MNIST's IDX files, plain or gzip-compressed (recognised by the gzip magic bytes 1f 8b, whatever the name).
 *
 * <p>Images: big-endian int magic 0x00000803 (unsigned bytes, three dimensions), then N, rows, cols, then
 * N·rows·cols pixel bytes row by row; read as features (N, rows, cols, 1), channels-last, each pixel divided by
 * 255 into [0, 1]. Labels: magic 0x00000801, then N, then N bytes. A wrong magic number, a file shorter than its
 * header promises, bytes after the data, a label outside 0..k−1 or different image and label counts are
 * reported with the file name and the record (counted from 1). The full 60,000-image sets load the same way.
 */
public final class IdxLoader {

    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private IdxLoader() {
    }

    /** Images and labels as a classification set with classes "0" … "9". */
    public static Dataset load(String name, Path images, Path labels) throws DatasetException {
        return load(name, images, labels, 10);
    }

    /** Images and labels as a classification set with classes "0" … "k−1". */
    public static Dataset load(String name, Path images, Path labels, int classCount) throws DatasetException {
        Tensor x = readImages(images);
        int[] y = readLabels(labels, classCount);
        return dataset(name, x, y, classCount, images.getFileName() + "", labels.getFileName() + "");
    }

    static Dataset dataset(String name, Tensor x, int[] y, int classCount, String imagesName, String labelsName)
            throws DatasetException {
        if (x.dim(0) != y.length) {
            throw new DatasetException(imagesName + " holds " + x.dim(0) + " images but " + labelsName + " holds "
                    + y.length + " labels; they must come in pairs");
        }
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            classes.add(Integer.toString(c));
        }
        return Dataset.classification(name, x, y, classes, List.of());
    }

    /** An IDX image file as (N, rows, cols, 1) in [0, 1]. */
    public static Tensor readImages(Path file) throws DatasetException {
        long size = InputFiles.regularFile(file, file.getFileName() + "");
        try (InputStream in = Files.newInputStream(file)) {
            return readImages(in, file.getFileName().toString(), size);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + ": no such file");
        } catch (IOException e) {
            throw new DatasetException(file.getFileName() + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** An IDX label file with labels 0..classCount−1. */
    public static int[] readLabels(Path file, int classCount) throws DatasetException {
        long size = InputFiles.regularFile(file, file.getFileName() + "");
        try (InputStream in = Files.newInputStream(file)) {
            return readLabels(in, file.getFileName().toString(), classCount, size);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + ": no such file");
        } catch (IOException e) {
            throw new DatasetException(file.getFileName() + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Reads images from a stream; {@code name} is the file name messages use. */
    public static Tensor readImages(InputStream raw, String name) throws DatasetException, IOException {
        return readImages(raw, name, -1);
    }

    /**
     * Reads images from a stream of {@code fileSize} bytes (−1 when unknown); the sizes in the header are checked
     * against what the file can hold and the {@link MemoryBudget} before the pixels are allocated.
     */
    static Tensor readImages(InputStream raw, String name, long fileSize) throws DatasetException, IOException {
        try {
            InputStream in = ByteSources.maybeGunzip(raw);
            int[] dims = header(in, name, IMAGES_MAGIC, 3);
            long pixels = MemoryBudget.product(dims[0], dims[1], dims[2]);
            String claim = "the header claims " + MemoryBudget.count(dims[0]) + " images of " + dims[1] + "×"
                    + dims[2] + " pixels";
            checkClaim(in, name, claim, 16, pixels, fileSize, (long) dims[1] * dims[2], "images");
            if (pixels > Integer.MAX_VALUE - 8) {
                throw new DatasetException(name + ": " + claim + ", more pixels than one tensor can hold");
            }
            String memory = MemoryBudget.problem(MemoryBudget.product(pixels, 1 + MemoryBudget.FLOAT_BYTES));
            if (memory != null) {
                throw new DatasetException(name + ": " + claim + "; " + memory + "; use a file with fewer images");
            }
            byte[] bytes = body(in, name, (int) pixels, dims[1] * dims[2], "image");
            float[] scale = new float[256];
            for (int v = 0; v < 256; v++) {
                scale[v] = v / 255f;
            }
            float[] values = new float[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                values[i] = scale[bytes[i] & 0xff];
            }
            return Tensor.wrap(values, dims[0], dims[1], dims[2], 1);
        } catch (ZipException e) {
            throw new DatasetException(name + ": damaged gzip data (" + e.getMessage() + ")", e);
        } catch (java.io.EOFException e) {
            throw new DatasetException(name + ": the gzip data is cut short (the file is truncated)", e);
        }
    }

    /** Reads labels from a stream; {@code name} is the file name messages use. */
    public static int[] readLabels(InputStream raw, String name, int classCount) throws DatasetException,
            IOException {
        return readLabels(raw, name, classCount, -1);
    }

    static int[] readLabels(InputStream raw, String name, int classCount, long fileSize) throws DatasetException,
            IOException {
        try {
            InputStream in = ByteSources.maybeGunzip(raw);
            int[] dims = header(in, name, LABELS_MAGIC, 1);
            String claim = "the header claims " + MemoryBudget.count(dims[0]) + " labels";
            checkClaim(in, name, claim, 8, dims[0], fileSize, 1, "labels");
            String memory = MemoryBudget.problem(MemoryBudget.product(dims[0], 1 + 4));
            if (memory != null) {
                throw new DatasetException(name + ": " + claim + "; " + memory + "; use a file with fewer labels");
            }
            byte[] bytes = body(in, name, dims[0], 1, "label");
            int[] labels = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                labels[i] = bytes[i] & 0xff;
                if (labels[i] >= classCount) {
                    throw new DatasetException(name + ": record " + (i + 1) + " has label " + labels[i]
                            + "; labels must be 0.." + (classCount - 1));
                }
            }
            return labels;
        } catch (ZipException e) {
            throw new DatasetException(name + ": damaged gzip data (" + e.getMessage() + ")", e);
        } catch (java.io.EOFException e) {
            throw new DatasetException(name + ": the gzip data is cut short (the file is truncated)", e);
        }
    }

    private static int[] header(InputStream in, String name, int magic, int rank) throws IOException,
            DatasetException {
        byte[] head = new byte[4 + 4 * rank];
        int got = ByteSources.readUpTo(in, head);
        String kind = magic == IMAGES_MAGIC ? "an IDX image file" : "an IDX label file";
        if (got < 4) {
            throw new DatasetException(name + ": only " + got + " bytes; " + kind + " starts with a 4-byte magic"
                    + " number");
        }
        int found = bigEndian(head, 0);
        if (found != magic) {
            throw new DatasetException(name + ": magic number " + hex(found) + " where " + kind + " has "
                    + hex(magic) + wrongMagicHint(found));
        }
        if (got < head.length) {
            throw new DatasetException(name + ": truncated header (" + got + " of " + head.length + " bytes)");
        }
        int[] dims = new int[rank];
        for (int d = 0; d < rank; d++) {
            dims[d] = bigEndian(head, 4 + 4 * d);
            if (dims[d] < 0) {
                throw new DatasetException(name + ": dimension " + (d + 1) + " in the header is negative");
            }
        }
        return dims;
    }

    /**
     * Refuses a header that claims more data bytes than the file can hold, before they are allocated: exactly its
     * size less the header for a plain file, at most {@link InputFiles#DEFLATE_RATIO} times its size for gzip.
     */
    private static void checkClaim(InputStream in, String name, String claim, int headerBytes, long dataBytes,
            long fileSize, long recordSize, String records) throws DatasetException {
        if (fileSize < 0) {
            return;
        }
        boolean gzip = in instanceof java.util.zip.GZIPInputStream;
        long room = gzip ? MemoryBudget.product(fileSize, InputFiles.DEFLATE_RATIO) : fileSize - headerBytes;
        if (dataBytes <= room) {
            return;
        }
        if (gzip) {
            throw new DatasetException(name + ": " + claim + " (" + MemoryBudget.text(dataBytes) + " of data), but a "
                    + "gzip file of " + MemoryBudget.text(fileSize) + " unpacks to at most " + MemoryBudget.text(room)
                    + "; the file is damaged or truncated: fetch it again");
        }
        long got = Math.max(0, room);
        long promised = dataBytes / Math.max(1, recordSize);
        throw new DatasetException(name + ": truncated; the header promises " + MemoryBudget.count(promised) + " "
                + records + " but the file ends after " + got / Math.max(1, recordSize) + " complete ones (" + got
                + " of " + dataBytes + " data bytes)");
    }

    private static String wrongMagicHint(int found) {
        if (found == IMAGES_MAGIC) {
            return " (this is an image file, not a label file)";
        }
        if (found == LABELS_MAGIC) {
            return " (this is a label file, not an image file)";
        }
        return "; is it an MNIST file?";
    }

    private static byte[] body(InputStream in, String name, int length, int recordSize, String record)
            throws IOException, DatasetException {
        byte[] bytes = new byte[length];
        int got = ByteSources.readUpTo(in, bytes);
        if (got < length) {
            int records = length / Math.max(1, recordSize);
            throw new DatasetException(name + ": truncated; the header promises " + records + " " + record
                    + "s but the file ends after " + got / recordSize + " complete ones (" + got + " of " + length
                    + " data bytes)");
        }
        if (!ByteSources.atEnd(in)) {
            throw new DatasetException(name + ": extra bytes after the " + length / Math.max(1, recordSize) + " "
                    + record + "s the header announces");
        }
        return bytes;
    }

    private static int bigEndian(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    private static String hex(int v) {
        return String.format("0x%08X", v);
    }
}
