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

    static NetworkDocument read(Path file) throws UsageException, IOException {
        try {
            return DocumentFormat.read(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such file");
        } catch (MalformedInputException e) {
            throw new UsageException(file + ": this is not a text file (it is not valid UTF-8)");
        } catch (DocumentFormatException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The compiled document, or a usage error listing why it cannot be trained. */
    static Compilation trainable(NetworkDocument doc) throws UsageException {
        Compilation c = DocumentCompiler.compile(doc);
        if (!c.trainable()) {
            throw new UsageException("the network '" + doc.name() + "' cannot be trained:\n  "
                    + c.whyNotTrainable().replace("\n", "\n  "));
        }
        return c;
    }

    /** A network file read, compiled and ready to train, with the file it came from. */
    record Loaded(Path file, NetworkDocument doc, Compilation compilation) {

        TrainingData data() {
            return Workspace.data(doc, compilation, file);
        }
    }

    /** Reads and compiles the network file named by the command's first argument. */
    static Loaded load(Args args) throws UsageException, IOException {
        args.maxPositional(1);
        Path file = Path.of(args.positional(0, "the network file"));
        NetworkDocument doc = read(file);
        return new Loaded(file, doc, trainable(doc));
    }

    static TrainingData data(NetworkDocument doc, Compilation c, Path file) {
        boolean classification = c.outputKind().classification();
        Path base = file.toAbsolutePath().getParent();
        return DataResolver.resolve(doc, base, classification, c.network().outputShape());
    }
}
