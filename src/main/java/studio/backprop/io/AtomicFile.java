package studio.backprop.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way files are saved: the content goes to a temporary file in the target's folder, is forced to disk,
 * then renamed over the target in one step, so a crash or a full disk at any moment leaves either the previous
 * file or the new one, never half of one.
 *
 * <p>The temporary name is short ({@code .bps-<hash>-<random>.saving}, about 30 characters) whatever the
 * target's length, so names up to the file system's limit can be saved. While it is written the temporary is
 * locked; temporaries of the same target that nobody holds are what a crash left behind, and the next save of
 * that target removes them. The new file is created with the ordinary mode the umask gives (not 0600). Every
 * failure is an {@link IOException} whose message names the target and says why in words.
 */
public final class AtomicFile {

    private static final String SUFFIX = ".saving";

    /** Writes a file's content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /** Saves text as UTF-8. */
    public static void writeString(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(file, out -> out.write(bytes));
    }

    /**
     * Saves what {@code content} writes to {@code file}, atomically.
     *
     * @throws IOException naming {@code file} and the reason (no folder, no permission, disk full, …); the
     *                     previous file, if any, is unchanged
     */
    public static void write(Path file, Content content) throws IOException {
        write(file, "save", content);
    }

    /**
     * As {@link #write(Path, Content)}, the message starting "cannot {@code action} FILE" ("cannot write the
     * picture loss.png: …").
     */
    public static void write(Path file, String action, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            removeStale(dir, target);
            temp = dir.resolve(prefix(target) + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16)
                    + SUFFIX);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            forceFolder(dir);
        } catch (IOException e) {
            throw new IOException("cannot " + action + " " + file + ": " + why(e, target)
                    + "; the previous file, if any, is unchanged", e);
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** ".bps-1a2b3c4d-": the same for every save of one target, short whatever its name. */
    static String prefix(Path target) {
        return ".bps-" + String.format(Locale.ROOT, "%08x", target.getFileName().toString().hashCode()) + "-";
    }

    /**
     * Deletes temporaries of this target left by a crash: ours when no save holds their lock, and those of the
     * earlier scheme ({@code .NAME.<digits>.saving}).
     */
    static void removeStale(Path dir, Path target) {
        String ours = prefix(target);
        String older = "." + target.getFileName() + ".";
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.endsWith(SUFFIX) && (n.startsWith(ours) || n.startsWith(older));
        })) {
            for (Path p : entries) {
                if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && nobodyHolds(p)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning up is a courtesy; the save itself goes on
        }
    }

    private static boolean nobodyHolds(Path temp) {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** Makes the rename itself durable; not every system can open a folder, which is fine. */
    private static void forceFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // best effort
        }
    }

    /** The reason in words, naming what is at fault when it is not the target itself. */
    static String why(IOException e, Path target) {
        if (e instanceof AccessDeniedException) {
            return "permission denied (" + where(e, target) + ")";
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return "a file stands where the folder should be (" + where(e, target) + ")";
        }
        if (e instanceof NoSuchFileException) {
            return "the folder does not exist (" + where(e, target) + ")";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            String reason = f.getReason();
            if (reason.contains("No space left")) {
                return "the disk is full (no space left on device)";
            }
            if (reason.contains("File name too long")) {
                return "the file name is too long for this file system";
            }
            if (reason.contains("Read-only")) {
                return "the disk is read-only";
            }
            return reason.toLowerCase(Locale.ROOT);
        }
        String m = e.getMessage();
        if (m != null && m.contains("No space left")) {
            return "the disk is full (no space left on device)";
        }
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static String where(IOException e, Path target) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String file = f.getFile();
            return file.contains(SUFFIX) ? "the folder " + target.getParent() : file;
        }
        return String.valueOf(target.getParent());
    }
}
