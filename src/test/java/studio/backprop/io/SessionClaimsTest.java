package studio.backprop.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged or hostile session is refused in words before its claimed sizes are allocated. */
class SessionClaimsTest {

    private static final String PROPERTIES = "format=backprop-studio-session\nversion=1\nshape.train_x=2,1\n"
            + "shape.train_y=2,1\n";
    private static final String NETWORK = "backprop-studio network 1\ninput = 1\n[layer out]\ntype = Dense\n"
            + "units = 1\n[loss mse]\n[optimizer sgd]\n[data inline]\nrows =\n  0 -> 0\n  1 -> 1\n";

    @TempDir
    Path dir;

    @Test
    void anArrayLengthLargerThanTheFileIsRefusedWithoutAllocatingIt() throws IOException {
        byte[] data = block(out -> {
            out.writeInt(1);
            out.writeUTF("train_x");
            out.writeInt(0x7ffffff0);
            out.writeFloat(1);
        });
        Path file = session("huge-array.bpsession", Map.of("data.bin", data));
        SessionFormatException e = assertThrows(SessionFormatException.class, () -> SessionFile.read(file));
        assertTrue(e.getMessage().contains("array 'train_x' in 'data.bin' claims 2147483632 values, but only 1 "
                + "follow"), e.getMessage());
    }

    @Test
    void aBlockCutShortIsASessionFormatExceptionNotAnEofException() throws IOException {
        byte[] data = block(out -> {
            out.writeInt(2);
            out.writeUTF("train_x");
            out.writeInt(1);
            out.writeFloat(1);
            out.writeShort(40);
        });
        Path file = session("cut.bpsession", Map.of("data.bin", data));
        SessionFormatException e = assertThrows(SessionFormatException.class, () -> SessionFile.read(file));
        assertTrue(e.getMessage().contains("'data.bin' of the session is cut short or damaged"), e.getMessage());
    }

    @Test
    void anEntryThatInflatesBeyondTheLimitIsRefusedWhileReading() throws IOException {
        Path file = session("bomb.bpsession", Map.of("history.bin", new byte[10 << 20]));
        SessionFormatException e = assertThrows(SessionFormatException.class,
                () -> SessionFile.read(file, 1 << 20));
        assertTrue(e.getMessage().contains("bomb.bpsession: its part 'history.bin' unpacks to more than 1.0 MB"),
                e.getMessage());
    }

    @Test
    void foldersAndDevicesAreNotSessions() throws IOException {
        SessionFormatException e = assertThrows(SessionFormatException.class, () -> SessionFile.read(dir));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
        if (Files.exists(Path.of("/dev/zero"))) {
            e = assertThrows(SessionFormatException.class, () -> SessionFile.read(Path.of("/dev/zero")));
            assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        }
    }

    /** Writes a session with valid settings and network, the given parts replacing the default empty blocks. */
    private Path session(String name, Map<String, byte[]> parts) throws IOException {
        Path file = dir.resolve(name);
        byte[] empty = block(out -> out.writeInt(0));
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            entry(zip, "session.properties", PROPERTIES.getBytes(StandardCharsets.ISO_8859_1));
            entry(zip, "network.bps", NETWORK.getBytes(StandardCharsets.UTF_8));
            for (String part : new String[] {"weights.bin", "optimizer.bin", "history.bin", "data.bin"}) {
                entry(zip, part, parts.getOrDefault(part, empty));
            }
        }
        return file;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** An array block: the magic "BPSA", then what {@code body} writes. */
    private static byte[] block(Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x42505341);
        body.write(out);
        out.flush();
        return bytes.toByteArray();
    }

    @FunctionalInterface
    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }
}
