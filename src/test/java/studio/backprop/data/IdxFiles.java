package studio.backprop.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests. */
final class IdxFiles {

    private IdxFiles() {
    }

    static byte[] images(int n, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * rows * cols);
        b.putInt(IdxLoader.IMAGES_MAGIC).putInt(n).putInt(rows).putInt(cols);
        for (int i = 0; i < n * rows * cols; i++) {
            b.put((byte) (i * 37));
        }
        return b.array();
    }

    static byte[] labels(int... values) {
        ByteBuffer b = ByteBuffer.allocate(8 + values.length);
        b.putInt(IdxLoader.LABELS_MAGIC).putInt(values.length);
        for (int v : values) {
            b.put((byte) v);
        }
        return b.array();
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
