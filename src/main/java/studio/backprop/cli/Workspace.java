package studio.backprop.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.DocumentFormatException;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.DataResolver;
import studio.backprop.train.TrainingData;

/** Loading what commands work on: a network file, compiled, with its data. */
final class Workspace {

    private Workspace() {
    }

    /** The largest network file read: text this long already holds tens of millions of weights. */
    static final long MAX_NETWORK_FILE = 256L << 20;

    static NetworkDocument read(Path file) throws UsageException, IOException {
        return parse(text(file), file);
    }

    /** A network file's text: a regular file, not too large, valid UTF-8. */
    static String text(Path file) throws UsageException, IOException {
        try {
            java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(file,
                    java.nio.file.attribute.BasicFileAttributes.class);
            if (a.isDirectory()) {
                throw new UsageException(file + " is a folder; name a network file (.bps)");
            }
            if (!a.isRegularFile()) {
                throw new UsageException(file + " is not a regular file (a device, a pipe or a socket); name a "
                        + "network file saved on disk");
            }
            long limit = Math.min(MAX_NETWORK_FILE, studio.backprop.tensor.MemoryBudget.bytes() / 4);
            if (a.size() > limit) {
                throw new UsageException(file + " holds " + studio.backprop.tensor.MemoryBudget.text(a.size())
                        + "; a network file may hold at most " + studio.backprop.tensor.MemoryBudget.text(limit)
                        + " here; is it a network file?");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such file");
        } catch (MalformedInputException e) {
            throw new UsageException(file + ": this is not a text file (it is not valid UTF-8)");
        }
    }

    private static NetworkDocument parse(String text, Path file) throws UsageException {
        try {
            return DocumentFormat.read(text, String.valueOf(file.getFileName()));
        } catch (DocumentFormatException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The compiled document, or a usage error listing why it cannot be trained. */
    static Compilation trainable(NetworkDocument doc) throws UsageException {
        return trainable(doc, Path.of("network"), "");
    }

    /** The compiled document, or a usage error listing why it cannot be trained, each problem at its line. */
    static Compilation trainable(NetworkDocument doc, Path file, String text) throws UsageException {
        Compilation c = DocumentCompiler.compile(doc);
        if (!c.trainable()) {
            StringBuilder sb = new StringBuilder("the network '" + studio.backprop.tensor.Excerpt.of(doc.name())
                    + "' cannot be trained:");
            for (studio.backprop.spec.Problem p : c.errors()) {
                sb.append("\n  ").append(where(file, text, p.subject())).append(p.message().replace("\n", "\n  "));
            }
            throw new UsageException(sb.toString());
        }
        return c;
    }

    /** "net.bps, line 30: " for the file's [data] section, or "" when the file cannot be read again. */
    private static String dataLine(Path file) {
        try {
            return where(file, Files.readString(file, StandardCharsets.UTF_8), "data");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * "net.bps, line 12: " for a problem about layer 'h2' (its section header), the [training], [data], [loss]
     * or [optimizer] section; "net.bps: " when no line is known.
     */
    static String where(Path file, String text, String subject) {
        return sectionLine(file, text, (kind, name) -> kind.equalsIgnoreCase("layer") && subject.equals(name)
                || kind.equalsIgnoreCase(subject));
    }

    /**
     * "net.bps, line 12: " for the first section header {@code [KIND NAME]} (NAME null when absent) that
     * {@code wanted} accepts, or "net.bps: " when none does.
     */
    static String sectionLine(Path file, String text, java.util.function.BiPredicate<String, String> wanted) {
        String name = studio.backprop.tensor.Excerpt.of(String.valueOf(file.getFileName()));
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].trim();
            if (!t.startsWith("[") || !t.endsWith("]")) {
                continue;
            }
            String[] head = t.substring(1, t.length() - 1).trim().split("\\s+", 2);
            if (wanted.test(head[0], head.length > 1 ? head[1].trim() : null)) {
                return name + ", line " + (i + 1) + ": ";
            }
        }
        return name + ": ";
    }

    /** A network file read, compiled and ready to train, with the file it came from. */
    record Loaded(Path file, NetworkDocument doc, Compilation compilation, boolean allowOutsideData) {

        TrainingData data() {
            return Workspace.data(doc, compilation, file, allowOutsideData);
        }
    }

    /** Reads and compiles the network file named by the command's first argument. */
    static Loaded load(Args args) throws UsageException, IOException {
        args.maxPositional(1);
        Path file = Path.of(args.positional(0, "the network file"));
        String text = text(file);
        NetworkDocument doc = parse(text, file);
        return new Loaded(file, doc, trainable(doc, file, text), args.flag("allow-outside-data"));
    }

    static TrainingData data(NetworkDocument doc, Compilation c, Path file) {
        return data(doc, c, file, false);
    }

    /** The document's data, read from the network file's folder (outside it only with the user's consent). */
    static TrainingData data(NetworkDocument doc, Compilation c, Path file, boolean allowOutside) {
        boolean classification = c.outputKind().classification();
        Path base = file.toAbsolutePath().getParent();
        TrainingData data;
        try {
            data = DataResolver.resolve(doc, base, classification, c.network().outputShape(), allowOutside);
        } catch (studio.backprop.train.DataOutsideFolderException e) {
            throw new studio.backprop.train.DataOutsideFolderException(dataLine(file) + e.getMessage(), e.path());
        } catch (studio.backprop.train.DataResolutionException e) {
            throw new studio.backprop.train.DataResolutionException(dataLine(file) + e.getMessage(), e);
        }
        String memory = c.plan() == null ? null : DocumentCompiler.memoryProblem(c, data.trainSize());
        if (memory != null) {
            throw new studio.backprop.train.DataResolutionException(memory);
        }
        return data;
    }
}
