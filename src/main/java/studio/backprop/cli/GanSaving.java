package studio.backprop.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import studio.backprop.io.AtomicFile;
import studio.backprop.nn.Network;
import studio.backprop.nn.Parameter;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.GanCompilation;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.spec.WeightsSpec;
import studio.backprop.tensor.Excerpt;
import studio.backprop.train.GanRun;

/**
 * Saves a trained GAN as two network files, {@code STEM-generator.bps} and {@code STEM-discriminator.bps}: each
 * network's layers with every trained parameter in {@code [weights …]} sections, so {@code summary} reads them and
 * the app opens them. Each is written atomically (a temporary file renamed over the target); when that fails, the
 * networks go to the temporary folder and the message says where.
 */
final class GanSaving {

    private GanSaving() {
    }

    /**
     * The stem of the two files from {@code --save}: {@code ring} or {@code ring.bps} give {@code ring-generator.bps}
     * and {@code ring-discriminator.bps}; null without {@code --save}.
     *
     * @throws UsageException for a session or GAN file name, or a folder
     */
    static Path stem(String option) throws UsageException {
        if (option == null) {
            return null;
        }
        Path given = Path.of(option);
        String name = String.valueOf(given.getFileName());
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".bpsession") || lower.endsWith(".bpgan") || Files.isDirectory(given)) {
            throw new UsageException("train: --save " + Excerpt.of(option) + ": a trained GAN is saved as two network "
                    + "files, STEM-generator.bps and STEM-discriminator.bps; give the stem, e.g. --save "
                    + Excerpt.of(name.replaceFirst("\\.[^.]*$", "")) + "-trained");
        }
        String stem = lower.endsWith(".bps") ? name.substring(0, name.length() - 4) : name;
        return given.resolveSibling(stem);
    }

    /** Writes both networks; false (with the message on {@code err}) when they could not be written there. */
    static boolean save(Path stem, GanCompilation c, GanRun run, PrintStream out, PrintStream err) {
        NetworkDocument generator = trained(c.generator().document(), run.rule().generator());
        NetworkDocument discriminator = trained(c.discriminator().document(), run.rule().discriminator());
        try {
            write(stem, generator, discriminator, out);
            return true;
        } catch (IOException e) {
            err.println(e.getMessage());
        }
        Path rescue = Path.of(System.getProperty("java.io.tmpdir"), "backprop-studio-rescued-"
                + System.currentTimeMillis());
        try {
            write(rescue, generator, discriminator, err);
            err.println("The trained GAN was kept in the temporary folder, as above");
        } catch (IOException again) {
            err.println("The trained GAN could not be kept either: " + again.getMessage());
        }
        return false;
    }

    private static void write(Path stem, NetworkDocument generator, NetworkDocument discriminator, PrintStream out)
            throws IOException {
        Path g = stem.resolveSibling(stem.getFileName() + "-generator.bps");
        Path d = stem.resolveSibling(stem.getFileName() + "-discriminator.bps");
        AtomicFile.writeString(g, DocumentFormat.write(generator));
        AtomicFile.writeString(d, DocumentFormat.write(discriminator));
        out.println("Saved the trained generator to " + g + " and the discriminator to " + d);
    }

    /** The network's document with every parameter's trained values as explicit weights. */
    static NetworkDocument trained(NetworkDocument doc, Network network) {
        List<WeightsSpec> weights = new ArrayList<>();
        for (Parameter p : network.parameters()) {
            float[] values = p.value().toArray();
            double[] exact = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                // the float's shortest decimal, so the file is short and reads back to the same float
                exact[i] = Double.parseDouble(Float.toString(values[i]));
            }
            weights.add(new WeightsSpec(p.layer(), p.role(), p.value().shape(), exact));
        }
        return doc.withWeights(weights).withDescription("trained by 'backprop train' from the GAN '" + doc.name()
                + "'");
    }
}
