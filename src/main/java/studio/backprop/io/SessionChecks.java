package studio.backprop.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import studio.backprop.tensor.MemoryBudget;
import studio.backprop.tensor.Tensor;
import studio.backprop.train.TrainingData;
import studio.backprop.train.TrainingLoop;

/**
 * What a session file must satisfy before its contents are trusted: a regular file, parts that unpack to no more
 * than the file can hold and the memory budget allow, and counters that fit the saved data.
 */
final class SessionChecks {

    /** How many times larger than the file deflate can make its parts (1032:1). */
    static final long INFLATE_RATIO = 1032;

    private SessionChecks() {
    }

    /** The size of a regular file, or a message naming it (no folders, devices or pipes). */
    static long regularFile(Path file, String name) throws SessionFormatException {
        java.nio.file.attribute.BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
        } catch (IOException e) {
            throw new SessionFormatException(name + ": the file does not exist");
        }
        if (a.isDirectory()) {
            throw new SessionFormatException(name + " is a folder, not a session file");
        }
        if (!a.isRegularFile()) {
            throw new SessionFormatException(name + " is not a regular file (a device, a pipe or a socket); name a "
                    + "session file saved on disk");
        }
        return a.size();
    }

    /** An entry's bytes, refusing more than {@code room}: what the file can hold and the memory budget allow. */
    static byte[] readLimited(InputStream zip, long room, String name, String entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
            if (out.size() + (long) n > room) {
                throw new SessionFormatException(name + ": its part '" + studio.backprop.tensor.Excerpt.of(entry)
                        + "' unpacks to more than " + MemoryBudget.text(room) + " (what a file of its size can hold "
                        + "and the memory allow); the session is damaged or not from Backprop Studio");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * The saved counters must fit the saved data: the sample order a permutation of the training rows, the
     * position within them, a positive batch, no negative counts, and every data value finite.
     */
    static void checkCounters(String name, TrainingLoop.Checkpoint c, TrainingData data)
            throws SessionFormatException {
        int n = data.trainSize();
        int[] order = c.order();
        boolean[] seen = new boolean[n];
        boolean permutation = order.length == n;
        for (int i = 0; permutation && i < order.length; i++) {
            permutation = order[i] >= 0 && order[i] < n && !seen[order[i]];
            if (permutation) {
                seen[order[i]] = true;
            }
        }
        if (!permutation) {
            throw new SessionFormatException(name + " is damaged: its saved sample order is not an order of its "
                    + n + " training samples");
        }
        if (c.position() < 0 || c.position() > n || c.batchSize() < 0 || c.steps() < 0 || c.epoch() < 0
                || c.epochBatches() < 0 || c.epochSeen() < 0) {
            throw new SessionFormatException(name + " is damaged: its saved counters (step " + c.steps() + ", epoch "
                    + c.epoch() + ", position " + c.position() + ", batch " + c.batchSize() + ") do not fit its " + n
                    + " training samples");
        }
        for (Tensor t : new Tensor[] {data.trainX(), data.trainY(), data.validX(), data.validY(),
            data.testX(), data.testY()}) {
            if (t != null) {
                for (float v : t.toArray()) {
                    if (!Float.isFinite(v)) {
                        throw new SessionFormatException(name + " is damaged: its saved data holds NaN or infinity");
                    }
                }
            }
        }
    }
}
