package studio.backprop.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.backprop.data.CsvLoader;
import studio.backprop.data.CsvOptions;
import studio.backprop.data.DatasetException;
import studio.backprop.data.IdxLoader;
import studio.backprop.data.ImageFolderLoader;
import studio.backprop.data.ImageFolderOptions;
import studio.backprop.io.SessionFile;
import studio.backprop.io.SessionFormatException;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.DocumentFormatException;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.tensor.MemoryBudget;
import studio.backprop.tensor.NonFiniteException;
import studio.backprop.tensor.ShapeException;
import studio.backprop.train.DataResolutionException;
import studio.backprop.train.DataResolver;
import studio.backprop.train.TrainingData;
import studio.backprop.train.TrainingDivergedException;
import studio.backprop.train.TrainingLoop;

/**
 * Seeded mutations of network files, sessions, CSV, IDX and PNG files, each of which must end in success or in a
 * known exception with a message in words: never another exception, a hang, or an allocation beyond the memory
 * budget. The seed is fixed, so a failure names an input that can be made again.
 */
class SeededFuzzTest {

    /** Seeds and counts are fixed in CI; -Dfuzz.seed and -Dfuzz.scale explore further by hand. */
    static final long SEED = Long.getLong("fuzz.seed", 16);
    static final int SCALE = Integer.getInteger("fuzz.scale", 1);
    static final int NETWORKS = 700 * SCALE;
    static final int SESSIONS = 250 * SCALE;
    static final int CSVS = 250 * SCALE;
    static final int IDXS = 300 * SCALE;
    static final int PNGS = 250 * SCALE;

    private static final Set<Class<? extends Throwable>> IN_WORDS = Set.of(DocumentFormatException.class,
            DatasetException.class, SessionFormatException.class, DataResolutionException.class,
            ShapeException.class, TrainingDivergedException.class, NonFiniteException.class);

    private static ExecutorService worker;

    @TempDir
    Path dir;

    private final List<String> failures = new ArrayList<>();

    @BeforeAll
    static void startWorker() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stopWorker() {
        worker.shutdownNow();
    }

    @Test
    void networkFiles() throws IOException {
        List<String> seeds = new ArrayList<>();
        try (var files = Files.list(Path.of("samples"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".bps")).sorted().toList()) {
                seeds.add(Files.readString(p));
            }
        }
        Mutator m = new Mutator(SEED);
        for (int i = 0; i < NETWORKS; i++) {
            String text = m.text(seeds.get(i % seeds.size()));
            check("network", i, () -> network(text));
        }
        report();
    }

    /** Reads, compiles and, for small networks on small built-in data, resolves the data and takes a step. */
    private Object network(String text) throws Exception {
        NetworkDocument doc = DocumentFormat.read(text, "fuzz.bps");
        Compilation c = DocumentCompiler.compile(doc);
        DocumentFormat.write(doc);
        if (!c.trainable() || c.perceptron() || !Set.of("inline", "generated", "logic", "curve")
                .contains(doc.data().type().trim())) {
            return c;
        }
        TrainingData data = DataResolver.resolve(doc, dir, c.loss().name().contains("entropy"),
                c.network().outputShape());
        if (data.trainSize() > 5000 || c.shapes().nodes().stream().mapToLong(n -> n.trainableCount()).sum() > 100_000) {
            return data;
        }
        TrainingLoop loop = new TrainingLoop(c, data);
        loop.stepBatch();
        return loop;
    }

    @Test
    void sessions() throws Exception {
        NetworkDocument doc = DocumentFormat.read(Files.readString(Path.of("samples", "spiral-playground.bps"))
                .replace("samples = 400", "samples = 40"), "spiral.bps");
        Compilation c = DocumentCompiler.compile(doc);
        TrainingLoop loop = new TrainingLoop(c, DataResolver.resolve(doc, dir, true, c.network().outputShape()));
        loop.stepBatch();
        Path good = dir.resolve("good.bpsession");
        SessionFile.save(good, loop);
        byte[] seed = Files.readAllBytes(good);
        Mutator m = new Mutator(SEED + 1);
        Path file = dir.resolve("fuzz.bpsession");
        java.util.Map<String, byte[]> parts = unzip(seed);
        List<String> names = new ArrayList<>(parts.keySet());
        for (int i = 0; i < SESSIONS; i++) {
            if (i % 2 == 0) {
                Files.write(file, m.bytes(seed));
            } else {
                String part = names.get(m.nextInt(names.size()));
                java.util.Map<String, byte[]> changed = new java.util.LinkedHashMap<>(parts);
                byte[] content = parts.get(part);
                changed.put(part, part.endsWith(".bin") ? m.bytes(content) : m.text(new String(content,
                        StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1));
                Files.write(file, zip(changed));
            }
            check("session", i, () -> {
                TrainingLoop opened = SessionFile.open(file);
                try {
                    opened.stepBatch();
                } catch (IllegalArgumentException e) {
                    // the loss refusing saved targets in words (exit 2 on the command line) is an answer
                    if (e.getMessage() == null || e.getMessage().isBlank()) {
                        throw e;
                    }
                }
                return opened;
            });
        }
        report();
    }

    @Test
    void csvFiles() throws IOException {
        String seed = "sepal,petal,colour,kind\n5.1,1.4,red,setosa\n4.9,1.3,blue,setosa\n6.3,4.9,red,virginica\n"
                + "\"5.8\",\"4.1\",green,versicolor\n6.1,4.7,blue,versicolor\n";
        Mutator m = new Mutator(SEED + 2);
        Path file = dir.resolve("fuzz.csv");
        for (int i = 0; i < CSVS; i++) {
            Files.writeString(file, m.text(seed));
            check("csv", i, () -> CsvLoader.load(file, CsvOptions.defaults()));
        }
        report();
    }

    @Test
    void idxFiles() throws IOException {
        byte[] images = idx(0x803, 10, 4, 4);
        byte[] labels = idx(0x801, 10);
        byte[] gzImages = gzip(images);
        Mutator m = new Mutator(SEED + 3);
        Path file = dir.resolve("fuzz-idx");
        for (int i = 0; i < IDXS; i++) {
            int kind = i % 3;
            byte[] bytes = m.bytes(kind == 0 ? images : kind == 1 ? labels : gzImages);
            Files.write(file, bytes);
            check("idx", i, () -> kind == 1 ? IdxLoader.readLabels(file, 10) : IdxLoader.readImages(file));
            check("idx-stream", i, () -> IdxLoader.readImages(new ByteArrayInputStream(bytes), "stream"));
        }
        report();
    }

    @Test
    void pngFiles() throws IOException {
        Path root = dir.resolve("digits");
        Files.createDirectories(root.resolve("a"));
        Files.createDirectories(root.resolve("b"));
        byte[] seed = png(5, 4);
        Files.write(root.resolve("b").resolve("y.png"), seed);
        Mutator m = new Mutator(SEED + 4);
        for (int i = 0; i < PNGS; i++) {
            Files.write(root.resolve("a").resolve("x.png"), m.bytes(seed));
            check("png", i, () -> ImageFolderLoader.load(root, ImageFolderOptions.grayscale().resizedTo(4, 5,
                    studio.backprop.data.Interpolation.BILINEAR)));
        }
        report();
    }

    /**
     * Runs one input on the worker thread with a time limit, measuring what it allocates; anything but success
     * or a known exception with a message is recorded.
     */
    private void check(String kind, int index, Callable<?> action) {
        Future<String> result = worker.submit(() -> {
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();
            String outcome;
            try {
                action.call();
                outcome = null;
            } catch (Throwable t) {
                outcome = IN_WORDS.stream().anyMatch(k -> k.isInstance(t)) && t.getMessage() != null
                        && !t.getMessage().isBlank() ? null : describe(t);
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            if (outcome == null && allocated > MemoryBudget.bytes()) {
                outcome = "allocated " + MemoryBudget.text(allocated) + ", beyond the budget";
            }
            return outcome;
        });
        try {
            String outcome = result.get(20, TimeUnit.SECONDS);
            if (outcome != null) {
                failures.add(kind + " #" + index + ": " + outcome);
            }
        } catch (TimeoutException e) {
            result.cancel(true);
            failures.add(kind + " #" + index + ": no answer within 20 s (a hang)");
        } catch (Exception e) {
            failures.add(kind + " #" + index + ": " + describe(e));
        }
    }

    private static String describe(Throwable t) {
        StackTraceElement[] at = t.getStackTrace();
        return t + (at.length > 0 ? " at " + at[0] : "");
    }

    private void report() {
        assertTrue(failures.isEmpty(), failures.size() + " inputs failed:\n" + String.join("\n",
                failures.subList(0, Math.min(20, failures.size()))));
    }

    private static java.util.Map<String, byte[]> unzip(byte[] zip) throws IOException {
        java.util.Map<String, byte[]> parts = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                parts.put(e.getName(), in.readAllBytes());
            }
        }
        return parts;
    }

    /** The parts zipped again with correct checksums, so the mutation reaches the decoder behind them. */
    private static byte[] zip(java.util.Map<String, byte[]> parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
            for (var e : parts.entrySet()) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] idx(int magic, int n, int... dims) {
        int body = n;
        for (int d : dims) {
            body *= d;
        }
        ByteBuffer b = ByteBuffer.allocate(8 + 4 * dims.length + body).putInt(magic).putInt(n);
        for (int d : dims) {
            b.putInt(d);
        }
        for (int i = 0; i < body; i++) {
            b.put((byte) (magic == 0x801 ? i % 10 : i * 31));
        }
        return b.array();
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    /** A grey 8-bit PNG of width × height with a gradient, each row with filter type (row mod 5). */
    private static byte[] png(int width, int height) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int y = 0; y < height; y++) {
            raw.write(y % 5);
            for (int x = 0; x < width; x++) {
                raw.write((x * 40 + y * 7) & 0xff);
            }
        }
        Deflater d = new Deflater();
        d.setInput(raw.toByteArray());
        d.finish();
        byte[] buffer = new byte[4096];
        int n = d.deflate(buffer);
        d.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", java.util.Arrays.copyOf(buffer, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
