package studio.backprop.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import studio.backprop.spec.DocumentFormatException;
import studio.backprop.spec.GanCompilation;
import studio.backprop.spec.GanCompiler;
import studio.backprop.spec.GanDocument;
import studio.backprop.spec.GanFormat;
import studio.backprop.spec.Problem;
import studio.backprop.train.GanRun;
import studio.backprop.train.GanSessions;

/**
 * Loading a GAN file (.bpgan) for {@code summary}, {@code train} and {@code trace}: parsed, compiled, and with its
 * real samples, every problem at its line.
 */
final class GanWorkspace {

    private GanWorkspace() {
    }

    /** A GAN file read and compiled, with its text (for line numbers). */
    record Loaded(Path file, String text, GanDocument doc, GanCompilation compilation) {

        /** Both networks built from the seed and the real samples read, at step 0. */
        GanRun prepare() {
            try {
                return GanSessions.prepare(compilation);
            } catch (studio.backprop.train.DataResolutionException e) {
                throw new studio.backprop.train.DataResolutionException(where(file, text, "data") + e.getMessage(),
                        e);
            }
        }
    }

    /** Whether the command's file is a GAN file: named .bpgan, or its first line says {@code gan}. */
    static boolean isGan(Args args) throws UsageException, IOException {
        if (args.positionalCount() == 0) {
            return false;
        }
        Path file = Path.of(args.positional(0, "the file"));
        if (String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".bpgan")) {
            return true;
        }
        try {
            return java.nio.file.Files.isRegularFile(file) && GanFormat.isGan(Workspace.text(file));
        } catch (UsageException | IOException e) {
            return false; // the network path reads it again and says what is wrong
        }
    }

    /** Reads and compiles the GAN file; a file that cannot be read or trained is a usage error in words. */
    static Loaded load(Args args, boolean mustTrain) throws UsageException, IOException {
        args.maxPositional(1);
        Path file = Path.of(args.positional(0, "the GAN file"));
        String text = Workspace.text(file);
        GanDocument doc;
        try {
            doc = GanFormat.read(text, String.valueOf(file.getFileName()));
        } catch (DocumentFormatException e) {
            throw new UsageException(e.getMessage());
        }
        GanCompilation c = GanCompiler.compile(doc);
        if (mustTrain && !c.trainable()) {
            StringBuilder sb = new StringBuilder("the GAN '" + studio.backprop.tensor.Excerpt.of(doc.name())
                    + "' cannot be trained:");
            for (Problem p : c.problems()) {
                if (p.error()) {
                    sb.append("\n  ").append(where(file, text, p.subject())).append(p.message().replace("\n", "\n  "));
                }
            }
            throw new UsageException(sb.toString());
        }
        return new Loaded(file, text, doc, c);
    }

    /**
     * "ring.bpgan, line 12: " for a problem about {@code generator/g1} (the [generator g1] header),
     * {@code discriminator/optimizer} ([discriminator_optimizer …]), {@code rule}, {@code training} or {@code data}.
     */
    static String where(Path file, String text, String subject) {
        String[] parts = subject.split("/", 2);
        String kind = parts[0];
        String name = parts.length > 1 ? parts[1] : null;
        if (name != null && (name.equals("optimizer") || name.equals("network") || name.equals("loss"))) {
            kind = name.equals("optimizer") ? kind + "_optimizer" : kind;
            name = null;
        }
        String wantedKind = kind;
        String wantedName = name;
        return Workspace.sectionLine(file, text, (k, n) -> k.equalsIgnoreCase(wantedKind)
                && (wantedName == null || wantedName.equals(n)));
    }
}
