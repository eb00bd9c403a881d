package studio.backprop.ui.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.DocumentFormatException;
import studio.backprop.spec.NetworkDocument;

/**
 * Keeps a copy of unsaved work so a crashed or killed session can be recovered: the document is written (atomically)
 * to a file in the app's folder whenever it changed, and removed when the app closes normally. Its presence at start
 * means the last session ended abruptly.
 */
public final class Autosave {

    private final Path file;

    public Autosave(Path folder) {
        this.file = folder.resolve("autosave.bps");
    }

    /** Writes the document; failures are returned as a message, never thrown (autosave must not disturb work). */
    public Optional<String> save(NetworkDocument doc) {
        try {
            studio.backprop.io.AtomicFile.writeString(file, DocumentFormat.write(doc));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("autosave failed: " + e.getMessage());
        }
    }

    /** The document left by a session that did not close normally, if any and readable. */
    public Optional<NetworkDocument> leftover() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(DocumentFormat.read(Files.readString(file, StandardCharsets.UTF_8), "autosave"));
        } catch (IOException | DocumentFormatException e) {
            return Optional.empty();
        }
    }

    /** Forgets the autosaved copy (after a normal close, or once the user declined recovery). */
    public void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing to recover from a file that cannot even be deleted; the next save overwrites it
        }
    }

    public Path file() {
        return file;
    }
}
