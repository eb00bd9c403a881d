package studio.backprop.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import studio.backprop.nn.optim.OptimizerState;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.DocumentFormatException;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.tensor.MemoryBudget;
import studio.backprop.tensor.Tensor;
import studio.backprop.train.TrainingData;
import studio.backprop.train.TrainingLoop;

/**
 * One file that holds a whole training session: the network document, the data, the weights, the optimiser's
 * state, the random generator, the sample order and the history, so that opening it and training on gives the
 * same numbers as never having stopped.
 *
 * <p>The file is a zip of {@code session.properties} (format, version, counters), {@code network.bps} (the
 * document in its text format), and binary array blocks ({@code weights.bin}, {@code optimizer.bin},
 * {@code history.bin}, {@code data.bin}); zip's CRC-32 detects damage. Saving writes a temporary file beside the
 * target, forces it to disk and renames it over the old file in one step, so a crash mid-save leaves the
 * previous file intact.
 */
public final class SessionFile {

    /** The current version of the session format. */
    public static final int VERSION = 1;
    private static final String FORMAT = "backprop-studio-session";
    private static final List<String> REQUIRED = List.of("session.properties", "network.bps", "weights.bin",
            "optimizer.bin", "history.bin", "data.bin");

    /** What a session file holds. */
    public record Session(NetworkDocument document, TrainingData data, TrainingLoop.Checkpoint checkpoint) {
    }

    private SessionFile() {
    }

    /**
     * Saves the loop's document, data and state atomically to {@code file}.
     *
     * @throws SessionFormatException when {@code file} is a network file: a session would replace it
     * @throws IOException            naming the file when it cannot be written; the previous file is unchanged
     */
    public static void save(Path file, TrainingLoop loop) throws IOException {
        save(file, new Session(loop.compilation().document(), loop.data(), loop.checkpoint()));
    }

    /** Saves a session taken earlier (on the trainer's thread) atomically to {@code file}. */
    public static void save(Path file, Session session) throws IOException {
        refuseNetworkFile(file);
        saveAtomically(file, out -> writeZip(out, session));
    }

    /** Writes through {@link AtomicFile}: a crash mid-save leaves the previous file intact. */
    static void saveAtomically(Path file, AtomicFile.Content content) throws IOException {
        AtomicFile.write(file, content);
    }

    /**
     * A session must never replace a network file (a '.bps' name, or text starting with "backprop-studio"); call
     * before training to refuse early, {@link #save} checks again.
     *
     * @throws SessionFormatException saying why, when {@code file} is or would look like a network file
     */
    public static void refuseNetworkFile(Path file) throws SessionFormatException {
        String name = String.valueOf(file.getFileName());
        boolean networkName = name.toLowerCase(java.util.Locale.ROOT).endsWith(".bps");
        boolean networkText = false;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                networkText = new String(in.readNBytes(15), StandardCharsets.ISO_8859_1).equals("backprop-studio");
            } catch (IOException e) {
                networkText = false;
            }
        }
        if (networkName || networkText) {
            throw new SessionFormatException("will not save a session as " + file + ": "
                    + (networkText ? "that is a network file, and the session would replace it"
                    : "'.bps' is the extension of network files") + "; sessions end in '.bpsession'");
        }
    }

    private static void writeZip(OutputStream raw, Session session) throws IOException {
        TrainingLoop.Checkpoint c = session.checkpoint();
        TrainingData data = session.data();
        // finish() rather than close(): the caller still has to force the file to disk through its channel
        ZipOutputStream zip = new ZipOutputStream(raw);
        entry(zip, "session.properties", properties(c, data));
        entry(zip, "network.bps", DocumentFormat.write(session.document())
                .getBytes(StandardCharsets.UTF_8));
        entry(zip, "weights.bin", arrays(c.weights()));
        entry(zip, "optimizer.bin", arrays(optimizerArrays(c.optimizer())));
        Map<String, float[]> history = new LinkedHashMap<>(c.history());
        history.put("order", NamedArrays.fromInts(c.order()));
        entry(zip, "history.bin", arrays(history));
        Map<String, float[]> d = new LinkedHashMap<>();
        d.put("train_x", data.trainX().toArray());
        d.put("train_y", data.trainY().toArray());
        if (data.hasValidation()) {
            d.put("valid_x", data.validX().toArray());
            d.put("valid_y", data.validY().toArray());
        }
        if (data.hasTest()) {
            d.put("test_x", data.testX().toArray());
            d.put("test_y", data.testY().toArray());
        }
        entry(zip, "data.bin", arrays(d));
        zip.finish();
    }

    private static byte[] properties(TrainingLoop.Checkpoint c, TrainingData data) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("format", FORMAT);
        p.put("version", String.valueOf(VERSION));
        p.put("steps", String.valueOf(c.steps()));
        p.put("epoch", String.valueOf(c.epoch()));
        p.put("position", String.valueOf(c.position()));
        p.put("batch_size", String.valueOf(c.batchSize()));
        p.put("learning_rate_override", String.valueOf(c.learningRateOverride()));
        p.put("rng_state", String.valueOf(c.rngState()));
        p.put("epoch_loss", String.valueOf(c.epochLoss()));
        p.put("epoch_batches", String.valueOf(c.epochBatches()));
        p.put("epoch_correct", String.valueOf(c.epochCorrect()));
        p.put("epoch_seen", String.valueOf(c.epochSeen()));
        p.put("best_valid_loss", String.valueOf(c.bestValidLoss()));
        p.put("epochs_without_improvement", String.valueOf(c.epochsWithoutImprovement()));
        // the perceptron rule keeps no optimiser state
        p.put("optimizer_kind", c.optimizer() == null ? "none" : c.optimizer().kind());
        p.put("optimizer_step", String.valueOf(c.optimizer() == null ? 0 : c.optimizer().step()));
        p.put("classes", String.join("\u001f", data.classNames()));
        p.put("shape.train_x", shape(data.trainX()));
        p.put("shape.train_y", shape(data.trainY()));
        if (data.hasValidation()) {
            p.put("shape.valid_x", shape(data.validX()));
            p.put("shape.valid_y", shape(data.validY()));
        }
        if (data.hasTest()) {
            p.put("shape.test_x", shape(data.testX()));
            p.put("shape.test_y", shape(data.testY()));
        }
        StringBuilder sb = new StringBuilder("# Backprop Studio session\n");
        p.forEach((k, v) -> sb.append(k).append('=').append(escape(v)).append('\n'));
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String escape(String v) {
        StringBuilder sb = new StringBuilder();
        for (char ch : v.toCharArray()) {
            if (ch < 0x20 || ch > 0x7e || ch == '\\') {
                sb.append(String.format("\\u%04x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static Map<String, float[]> optimizerArrays(OptimizerState state) {
        Map<String, float[]> out = new LinkedHashMap<>();
        if (state == null) {
            return out;
        }
        state.buffers().forEach((param, buffers) -> buffers.forEach((name, values) ->
                out.put(param + "\u0000" + name, values)));
        return out;
    }

    private static String shape(Tensor t) {
        return DocumentFormat.shapeText(t.shape()).replace('x', ',');
    }

    private static byte[] arrays(Map<String, float[]> arrays) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        NamedArrays.write(bytes, arrays);
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /**
     * Reads a session.
     *
     * @throws SessionFormatException for a damaged, incomplete, foreign or newer file, in words
     */
    public static Session read(Path file) throws IOException {
        return read(file, MemoryBudget.bytes());
    }

    /** Reads a session whose parts may unpack to at most {@code limit} bytes in all. */
    static Session read(Path file, long limit) throws IOException {
        String name = studio.backprop.tensor.Excerpt.of(String.valueOf(file.getFileName()));
        long size = SessionChecks.regularFile(file, name);
        Map<String, byte[]> parts = new HashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            long room = Math.min(limit, MemoryBudget.product(Math.max(size, 1), SessionChecks.INFLATE_RATIO));
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] bytes = SessionChecks.readLimited(zip, room, name, e.getName());
                room -= bytes.length;
                parts.put(e.getName(), bytes);
            }
        } catch (NoSuchFileException e) {
            throw new SessionFormatException(name + ": the file does not exist");
        } catch (ZipException | java.io.EOFException | IllegalArgumentException e) {
            throw new SessionFormatException(name + " is damaged and cannot be opened (" + e.getMessage()
                    + "); the previous save, if any, is in a file of the same name", e);
        }
        if (parts.isEmpty()) {
            throw new SessionFormatException(name + " is not a Backprop Studio session (it holds no session data)");
        }
        for (String required : REQUIRED) {
            if (!parts.containsKey(required)) {
                throw new SessionFormatException(name + " is incomplete: its part '" + required + "' is missing");
            }
        }
        return decode(name, parts);
    }

    private static Session decode(String name, Map<String, byte[]> parts) throws IOException {
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(parts.get("session.properties"), StandardCharsets.ISO_8859_1)));
        } catch (IllegalArgumentException e) {
            throw new SessionFormatException(name + " is damaged: its settings part cannot be read", e);
        }
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new SessionFormatException(name + " is not a Backprop Studio session");
        }
        int version;
        try {
            version = Integer.parseInt(p.getProperty("version", "0"));
        } catch (NumberFormatException e) {
            throw new SessionFormatException(name + " is damaged: its format version is not a number", e);
        }
        if (version > VERSION) {
            throw new SessionFormatException(name + " was saved by a newer Backprop Studio (session format "
                    + version + "); this version opens session formats up to " + VERSION);
        }
        NetworkDocument doc;
        try {
            doc = DocumentFormat.read(new String(parts.get("network.bps"), StandardCharsets.UTF_8),
                    name + " (network)");
        } catch (DocumentFormatException e) {
            throw new SessionFormatException(e.getMessage(), e);
        }
        try {
            Map<String, float[]> data = NamedArrays.read(stream(parts, "data.bin"), "data.bin");
            List<String> classes = p.getProperty("classes", "").isEmpty() ? List.of()
                    : List.of(p.getProperty("classes").split("\u001f"));
            TrainingData td = new TrainingData(tensor(data, p, "train_x"), tensor(data, p, "train_y"),
                    data.containsKey("valid_x") ? tensor(data, p, "valid_x") : null,
                    data.containsKey("valid_y") ? tensor(data, p, "valid_y") : null,
                    data.containsKey("test_x") ? tensor(data, p, "test_x") : null,
                    data.containsKey("test_y") ? tensor(data, p, "test_y") : null, classes);
            Map<String, float[]> history = NamedArrays.read(stream(parts, "history.bin"), "history.bin");
            int[] order = NamedArrays.toInts(history.remove("order"));
            Map<String, Map<String, float[]>> buffers = new LinkedHashMap<>();
            NamedArrays.read(stream(parts, "optimizer.bin"), "optimizer.bin").forEach((key, values) -> {
                String[] pb = key.split("\u0000", 2);
                buffers.computeIfAbsent(pb[0], k -> new LinkedHashMap<>()).put(pb[1], values);
            });
            OptimizerState opt = new OptimizerState(p.getProperty("optimizer_kind"),
                    Long.parseLong(p.getProperty("optimizer_step")), buffers);
            TrainingLoop.Checkpoint c = new TrainingLoop.Checkpoint(Long.parseLong(p.getProperty("steps")),
                    Integer.parseInt(p.getProperty("epoch")), Integer.parseInt(p.getProperty("position")),
                    Integer.parseInt(p.getProperty("batch_size")),
                    Double.parseDouble(p.getProperty("learning_rate_override")),
                    Long.parseLong(p.getProperty("rng_state")), order,
                    Double.parseDouble(p.getProperty("epoch_loss")), Integer.parseInt(p.getProperty("epoch_batches")),
                    Long.parseLong(p.getProperty("epoch_correct")), Long.parseLong(p.getProperty("epoch_seen")),
                    Float.parseFloat(p.getProperty("best_valid_loss")),
                    Integer.parseInt(p.getProperty("epochs_without_improvement")),
                    NamedArrays.read(stream(parts, "weights.bin"), "weights.bin"), opt, history);
            SessionChecks.checkCounters(name, c, td);
            return new Session(doc, td, c);
        } catch (NumberFormatException | NullPointerException | ArrayIndexOutOfBoundsException e) {
            throw new SessionFormatException(name + " is damaged: a saved counter is missing or unreadable", e);
        } catch (IllegalArgumentException e) {
            throw new SessionFormatException(name + " is damaged: " + e.getMessage(), e);
        }
    }

    private static java.io.ByteArrayInputStream stream(Map<String, byte[]> parts, String entry) {
        return new java.io.ByteArrayInputStream(parts.get(entry));
    }

    private static Tensor tensor(Map<String, float[]> arrays, Properties p, String key) throws SessionFormatException {
        int[] shape = DocumentFormat.parseShape(p.getProperty("shape." + key, ""));
        float[] values = arrays.get(key);
        if (shape == null || values == null) {
            throw new SessionFormatException("the saved data '" + key + "' is missing or has no shape");
        }
        return Tensor.of(values, shape);
    }

    /**
     * Opens a session ready to continue: compiles its document, restores the state.
     *
     * @throws SessionFormatException if the file cannot be read or no longer compiles
     */
    public static TrainingLoop open(Path file) throws IOException {
        Session s = read(file);
        Compilation c = DocumentCompiler.compile(s.document());
        if (!c.trainable()) {
            throw new SessionFormatException(file.getFileName() + ": the saved network has problems: "
                    + c.whyNotTrainable());
        }
        try {
            TrainingLoop loop = new TrainingLoop(c, s.data());
            loop.restore(s.checkpoint());
            return loop;
        } catch (IllegalArgumentException e) {
            throw new SessionFormatException(file.getFileName() + " does not fit its own network: "
                    + e.getMessage(), e);
        }
    }
}
