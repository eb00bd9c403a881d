package studio.backprop.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import studio.backprop.train.GanRun;
import studio.backprop.train.GanSessions;

/** GAN files: every template opens, writes back equal, compiles and trains; bad ones are refused in words. */
class GanFormatTest {

    static Stream<Path> templates() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            return files.filter(p -> p.toString().endsWith(".bpgan")).sorted().toList().stream();
        }
    }

    static GanDocument read(Path file) throws Exception {
        return GanFormat.read(Files.readString(file), file.getFileName().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyTemplateOpensWritesBackEqualCompilesAndTrains(Path file) throws Exception {
        String text = Files.readString(file);
        assertTrue(GanFormat.isGan(text));
        GanDocument doc = read(file);
        assertEquals(doc, GanFormat.read(GanFormat.write(doc), "again"));
        GanCompilation c = GanCompiler.compile(doc);
        assertTrue(c.trainable(), file + ": " + c.whyNotTrainable());
        assertArrayEquals(doc.sampleShape(), c.generator().network().outputShape());
        GanRun run = GanSessions.prepare(c);
        for (int i = 0; i < 3; i++) {
            assertFalse(Float.isNaN(run.step()), file + " step " + (i + 1));
        }
    }

    @Test
    void theGanExampleInTheFormatGuideIsAValidFile() throws Exception {
        String guide = Files.readString(Path.of("samples", "FORMAT.md"));
        int start = guide.indexOf("```\nbackprop-studio gan 1");
        String example = guide.substring(start + 4, guide.indexOf("```", start + 4));
        GanCompilation c = GanCompiler.compile(GanFormat.read(example, "FORMAT.md"));
        assertTrue(c.trainable(), c.whyNotTrainable());
    }

    @Test
    void theRuleSettingsAreRead() throws Exception {
        GanCompilation c = GanCompiler.compile(read(Path.of("samples", "cgan-two-moons.bpgan")));
        assertEquals(new GanSettings(2, 2, GanSettings.GeneratorLoss.MINIMAX, 2), c.settings());
        assertArrayEquals(new int[] {4}, c.generator().network().inputShape(), "z and the one-hot label");
        assertArrayEquals(new int[] {4}, c.discriminator().network().inputShape(), "a point and its label");
    }

    @Test
    void aNetworkFileReaderRefusesAGanFileInWordsAndOlderFilesStayNetworkFiles() throws Exception {
        String gan = Files.readString(Path.of("samples", "gan-ring.bpgan"));
        DocumentFormatException e = assertThrows(DocumentFormatException.class, () -> DocumentFormat.read(gan, "g"));
        assertTrue(e.getMessage().contains("'gan' file, not a network file"), e.getMessage());
        assertFalse(GanFormat.isGan(Files.readString(Path.of("samples", "autoencoder-digits.bps"))));
    }

    @Test
    void mistakesAreProblemsInWords() throws Exception {
        String ring = Files.readString(Path.of("samples", "gan-ring.bpgan"));
        GanCompilation sigmoid = GanCompiler.compile(GanFormat.read(ring.replace("[discriminator logit]\ntype = Dense"
                + "\nunits = 1", "[discriminator logit]\ntype = Dense\nunits = 1\nactivation = sigmoid"), "s"));
        assertTrue(sigmoid.whyNotTrainable().contains("it must be linear"), sigmoid.whyNotTrainable());
        GanCompilation wide = GanCompiler.compile(GanFormat.read(ring.replace("[generator points]\ntype = Dense\n"
                + "units = 2", "[generator points]\ntype = Dense\nunits = 3"), "w"));
        assertTrue(wide.whyNotTrainable().contains("the generator's last layer gives [3], but a sample is [2]"),
                wide.whyNotTrainable());
        GanCompilation loss = GanCompiler.compile(GanFormat.read(ring.replace("non_saturating", "wasserstein"), "l"));
        assertTrue(loss.whyNotTrainable().contains("'wasserstein' is not minimax or non_saturating"),
                loss.whyNotTrainable());
        String dcgan = Files.readString(Path.of("samples", "dcgan-digits.bpgan"));
        GanCompilation images = GanCompiler.compile(GanFormat.read(dcgan.replace("generator_loss = non_saturating",
                "generator_loss = non_saturating\nconditional = true"), "c"));
        assertTrue(images.whyNotTrainable().contains("needs vector samples"), images.whyNotTrainable());
        DocumentFormatException section = assertThrows(DocumentFormatException.class,
                () -> GanFormat.read(ring + "\n[layer extra]\ntype = Dense\n", "x"));
        assertTrue(section.getMessage().contains("unknown section '[layer]'"), section.getMessage());
        DocumentFormatException latent = assertThrows(DocumentFormatException.class,
                () -> GanFormat.read(ring.replace("latent = 2", "latent = two"), "z"));
        assertTrue(latent.getMessage().contains("latent must be a whole number"), latent.getMessage());
    }
}
