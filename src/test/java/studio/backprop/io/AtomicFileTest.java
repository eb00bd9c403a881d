package studio.backprop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one way files are saved: atomic, short temporaries, stale ones cleaned, the umask's mode, errors in words. */
class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void aNameNearTheFileSystemLimitCanBeSaved() throws IOException {
        Path file = dir.resolve("n".repeat(245) + ".bpsession");
        AtomicFile.writeString(file, "kept");
        assertEquals("kept", Files.readString(file));
        assertEquals(List.of(file), listing(), "nothing else left behind");
    }

    @Test
    void temporariesLeftByACrashAreRemovedByTheNextSaveOfThatTarget() throws IOException {
        Path file = dir.resolve("run.bpsession");
        Path ours = Files.writeString(dir.resolve(AtomicFile.prefix(file.toAbsolutePath()) + "dead.saving"), "x");
        Path older = Files.writeString(dir.resolve(".run.bpsession.12345.saving"), "x");
        Path other = Files.writeString(dir.resolve(".other.bpsession.1.saving"), "x");
        AtomicFile.writeString(file, "new");
        assertFalse(Files.exists(ours));
        assertFalse(Files.exists(older));
        assertTrue(Files.exists(other), "another target's temporary is not ours to remove");
    }

    @Test
    void theNewFileHasTheModeTheUmaskGivesNotOwnerOnly() throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Path plain = Files.createFile(dir.resolve("plain"));
        Path saved = dir.resolve("saved.png");
        AtomicFile.writeString(saved, "picture");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(saved));
    }

    @Test
    void failuresNameTheTargetAndSayWhyLeavingThePreviousFile() throws IOException {
        Path file = Files.writeString(dir.resolve("keep.bps"), "previous");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(file, out -> {
            out.write(new byte[100]);
            throw new IOException("No space left on device");
        }));
        assertTrue(e.getMessage().startsWith("cannot save " + file + ": the disk is full"), e.getMessage());
        assertEquals("previous", Files.readString(file));
        assertEquals(List.of(file), listing());

        Path blocker = Files.writeString(dir.resolve("blocker"), "a file");
        e = assertThrows(IOException.class, () -> AtomicFile.writeString(blocker.resolve("x.bpsession"), "y"));
        assertTrue(e.getMessage().contains("cannot save " + blocker.resolve("x.bpsession")) && e.getMessage()
                .contains("a file stands where the folder should be"), e.getMessage());
        assertFalse(e.getMessage().contains(".saving"), e.getMessage());
    }

    private List<Path> listing() throws IOException {
        try (var files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
