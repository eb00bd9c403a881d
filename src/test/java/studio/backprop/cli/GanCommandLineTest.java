package studio.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.backprop.nn.Parameter;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.GanCompiler;
import studio.backprop.spec.GanFormat;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.spec.WeightsSpec;
import studio.backprop.train.GanRun;
import studio.backprop.train.GanSessions;

/** summary, train and trace read GAN files: both networks, both losses, and the step records in the rule's order. */
class GanCommandLineTest {

    @TempDir
    Path dir;

    @Test
    void summaryListsTheGeneratorAndTheDiscriminatorAndTheRule() {
        CliRun run = CliRun.of("summary", "samples/cgan-two-moons.bpgan");
        assertEquals(0, run.code(), run.err());
        String out = run.out();
        assertTrue(out.indexOf("Generator") < out.indexOf("g1 (Dense)") && out.indexOf("g1 (Dense)")
                < out.indexOf("Discriminator") && out.indexOf("Discriminator") < out.indexOf("logit (Dense)"), out);
        assertTrue(out.contains("(None, 4)") && out.contains("(None, 1)"), "z and the samples carry the label: " + out);
        assertTrue(out.contains("Rule: 2 discriminator steps then 1 generator step, minimax generator loss, "
                + "conditional on 2 classes"), out);
    }

    @Test
    void trainPrintsBothLossesEachEpochAndSavesBothTrainedNetworksExactly() throws Exception {
        Path stem = dir.resolve("ring.bps");
        CliRun run = CliRun.of("train", "samples/gan-ring.bpgan", "--epochs", "2", "--save", stem.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("epoch 1  L_D ") && run.out().contains("epoch 2  L_D "), run.out());
        assertTrue(run.out().contains("64 steps (32 discriminator, 32 generator)"), run.out());
        Path generator = dir.resolve("ring-generator.bps");
        Path discriminator = dir.resolve("ring-discriminator.bps");
        assertTrue(Files.exists(generator) && Files.exists(discriminator), run.out());
        assertEquals(0, CliRun.of("summary", generator.toString()).code(), "the generator is a network file");

        // the same run in this JVM: the saved weights are its weights, to the last bit
        GanRun same = GanSessions.prepare(GanCompiler.compile(GanFormat.read(Files.readString(
                Path.of("samples", "gan-ring.bpgan")), "gan-ring.bpgan")));
        for (int i = 0; i < 64; i++) {
            same.step();
        }
        assertSameWeights(same.rule().generator().parameters(), generator);
        assertSameWeights(same.rule().discriminator().parameters(), discriminator);
    }

    private static void assertSameWeights(List<Parameter> trained, Path file) throws Exception {
        NetworkDocument doc = DocumentFormat.read(Files.readString(file), file.getFileName().toString());
        assertEquals(trained.size(), doc.weights().size());
        for (Parameter p : trained) {
            WeightsSpec w = doc.weights().stream().filter(s -> s.layer().equals(p.layer()) && s.role().equals(p.role()))
                    .findFirst().orElseThrow();
            float[] read = new float[w.values().length];
            for (int i = 0; i < read.length; i++) {
                read[i] = (float) w.values()[i];
            }
            assertArrayEquals(p.value().toArray(), read, 0f, p.name());
        }
    }

    @Test
    void trainRefusesASessionNameAndKeepBestInWords() {
        CliRun session = CliRun.of("train", "samples/gan-ring.bpgan", "--save", dir.resolve("r.bpsession").toString());
        assertEquals(2, session.code());
        assertTrue(session.err().contains("STEM-generator.bps and STEM-discriminator.bps"), session.err());
        CliRun best = CliRun.of("train", "samples/gan-ring.bpgan", "--keep-best");
        assertEquals(2, best.code());
        assertTrue(best.err().contains("no validation loss"), best.err());
    }

    @Test
    void traceLabelsEveryStepByNetworkInTheOrderDDG() {
        CliRun run = CliRun.of("trace", "samples/cgan-two-moons.bpgan", "--steps", "7");
        assertEquals(0, run.code(), run.err());
        Matcher m = Pattern.compile("(?m)^\\[(D|G)\\] the (discriminator|generator), (?:D step (\\d) of 2: L_D = "
                + "(\\S+) = (\\S+) on real \\(D on real\\) \\+ (\\S+) on fake \\(D on fake\\)|after 2 D steps: "
                + "L_G = (\\S+))$").matcher(run.out());
        String[] expected = {"D", "D", "G", "D", "D", "G", "D"};
        for (int i = 0; i < expected.length; i++) {
            assertTrue(m.find(), "step " + (i + 1) + " is labelled: " + run.out().lines().filter(l -> l.startsWith("["))
                    .toList());
            assertEquals(expected[i], m.group(1), "step " + (i + 1));
            if (expected[i].equals("D")) {
                assertEquals(i % 3 + 1, Integer.parseInt(m.group(3)), "its place in the round");
                float total = Float.parseFloat(m.group(4));
                float sum = Float.parseFloat(m.group(5)) + Float.parseFloat(m.group(6));
                assertEquals(total, sum, 1e-4f, "L_D is the loss on real plus the loss on fake");
            } else {
                assertTrue(Float.isFinite(Float.parseFloat(m.group(7))));
            }
        }
        assertTrue(!m.find(), "seven steps, no more");
        assertTrue(run.out().contains("D(real):d1/relu") && run.out().contains("D(fake):d1/relu")
                && run.out().contains("G:g1/relu") && run.out().contains("loss/real"), "the passes are named");
    }

    @Test
    void traceJsonLabelsEachStepWithItsNetwork() {
        CliRun run = CliRun.of("trace", "samples/gan-ring.bpgan", "--steps", "4", "--json");
        assertEquals(0, run.code(), run.err());
        Matcher m = Pattern.compile("\"network\":\"([DG])\",\"round_step\":(\\d)").matcher(run.out());
        StringBuilder order = new StringBuilder();
        while (m.find()) {
            order.append(m.group(1)).append(m.group(2));
        }
        assertEquals("D1G2D1G2", order.toString());
        assertTrue(run.out().startsWith("{\"gan\":\"A GAN learns the ring\""), run.out().substring(0, 80));
        assertTrue(run.out().contains("\"loss_on_real\":"), "the D steps' parts");
    }

    @Test
    void aBrokenGanFileIsRefusedAtItsLine() throws Exception {
        Path broken = dir.resolve("twins.bpgan");
        Files.writeString(broken, Files.readString(Path.of("samples", "gan-ring.bpgan"))
                .replace("[discriminator d1]", "[discriminator g1]").replace("[discriminator d2]\n",
                        "[discriminator d2]\ninputs = g1\n"));
        CliRun run = CliRun.of("train", broken.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("twins.bpgan, line 22: the layer name 'g1' is used by both the generator and "
                + "the discriminator"), run.err());
        Path garbled = dir.resolve("garbled.bpgan");
        Files.writeString(garbled, "backprop-studio gan 1\nname = x\nlatent = many\nsample = 2\n");
        CliRun again = CliRun.of("trace", garbled.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("garbled.bpgan, line 3: latent must be a whole number"), again.err());
    }
}
