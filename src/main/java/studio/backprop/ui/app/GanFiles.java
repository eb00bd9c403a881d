package studio.backprop.ui.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import studio.backprop.spec.DocumentFormatException;
import studio.backprop.spec.GanCompilation;
import studio.backprop.spec.GanCompiler;
import studio.backprop.spec.GanDocument;
import studio.backprop.spec.GanFormat;
import studio.backprop.spec.Problem;

/** Reading a GAN file for the app: parsed and compiled, or refused with every problem in words. */
final class GanFiles {

    /** A GAN file larger than this is not one (the DCGAN template is a few kilobytes). */
    private static final long MAX_BYTES = 16L << 20;

    private GanFiles() {
    }

    /** Whether the name says GAN file (.bpgan, any case). */
    static boolean named(Path path) {
        return String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT).endsWith(".bpgan");
    }

    /** Reads and checks the file. */
    static GanFile read(Path path) throws IOException, DocumentFormatException {
        String name = String.valueOf(path.getFileName());
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new IOException(name + " holds " + Files.size(path) / (1 << 20) + " MB; a GAN file holds "
                        + "layers and settings, a few kilobytes; is it a GAN file?");
            }
            return read(path, Files.readString(path, StandardCharsets.UTF_8));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException(name + ": no such file (was it moved or deleted?)", e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IOException(name + ": this is not a GAN file (it is not text in UTF-8)", e);
        }
    }

    /**
     * Parses and compiles the text.
     *
     * @throws DocumentFormatException when it is not a readable GAN file, or describes a GAN that cannot be trained
     */
    static GanFile read(Path path, String text) throws DocumentFormatException {
        String source = String.valueOf(path.getFileName());
        GanDocument doc = GanFormat.read(text, source);
        GanCompilation c = GanCompiler.compile(doc);
        if (!c.trainable()) {
            StringBuilder sb = new StringBuilder("the GAN cannot be trained:");
            for (Problem p : c.problems()) {
                if (p.error()) {
                    sb.append("\n  ").append(p.message());
                }
            }
            throw new DocumentFormatException(source, 0, sb.toString());
        }
        return new GanFile(path, doc);
    }
}
