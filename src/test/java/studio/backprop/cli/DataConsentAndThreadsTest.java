package studio.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.backprop.io.SessionFile;
import studio.backprop.kernels.KernelPool;

/**
 * A network file reads data only from its own folder unless the user consents, links do not lead out of it, and
 * --threads changes the kernel threads without changing a single bit of the results.
 */
class DataConsentAndThreadsTest {

    private static final String NETWORK = "backprop-studio network 1\nname = n\ninput = 2\n[layer out]\n"
            + "type = Dense\nunits = 2\n[loss categorical_cross_entropy_from_logits]\n[optimizer sgd]\n[training]\n"
            + "batch_size = 2\nepochs = 1\n";

    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... args) {
        CliRun r = CliRun.of(args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    private Path setUp(String dataPath) throws IOException {
        Files.writeString(dir.resolve("grades.csv"), "x,y,label\n1,2,pass\n3,4,fail\n5,6,pass\n");
        Path exercise = Files.createDirectories(dir.resolve("exercise"));
        return Files.writeString(exercise.resolve("net.bps"), NETWORK + "[data csv]\nfile = " + dataPath + "\n");
    }

    @Test
    void dataOutsideTheNetworkFilesFolderNeedsConsent() throws IOException {
        Path net = setUp("../grades.csv");
        assertEquals(2, run("train", net.toString()));
        assertTrue(err.contains("[data csv], file: '../grades.csv' lies outside the network file's folder")
                && err.contains("--allow-outside-data"), err);
        assertEquals(0, run("train", net.toString(), "--allow-outside-data"), err);

        Path absolute = setUp(dir.resolve("grades.csv").toString());
        assertEquals(2, run("train", absolute.toString()));
        assertTrue(err.contains("lies outside the network file's folder"), err);
    }

    @Test
    void linksAreNotFollowedOutOfTheFolder() throws IOException {
        Path net = setUp("inside.csv");
        try {
            Files.createSymbolicLink(net.resolveSibling("inside.csv"), dir.resolve("grades.csv"));
        } catch (UnsupportedOperationException | IOException e) {
            return;
        }
        assertEquals(2, run("train", net.toString()));
        assertTrue(err.contains("'inside.csv' lies outside the network file's folder (through a link)"), err);

        Path images = Files.createDirectories(net.resolveSibling("digits"));
        Files.createDirectories(images.resolve("zero"));
        Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(images.resolve("one"), dir.resolve("elsewhere"));
        Files.writeString(net, NETWORK.replace("input = 2\n", "input = 4x4x1\n[layer f]\ntype = Flatten\n")
                + "[data images]\nfolder = digits\n");
        assertEquals(2, run("train", net.toString()));
        assertTrue(err.contains("digits/one is a link to a place outside digits"), err);
    }

    @Test
    void theDocumentsOutsidePathsAreListedForTheAppToAskAbout() throws Exception {
        Path net = setUp("../grades.csv");
        var doc = studio.backprop.spec.DocumentFormat.read(Files.readString(net), "net.bps");
        assertEquals(java.util.List.of(dir.resolve("grades.csv").toAbsolutePath().normalize()),
                studio.backprop.train.DataFolder.outside(doc, net.getParent()));
    }

    @Test
    void resultsAreBitIdenticalWithOneAndTwoKernelThreads() throws IOException {
        String lenet = Files.readString(Path.of("samples", "lenet5-digits.bps"));
        String small = lenet.substring(0, lenet.indexOf("[training]")) + "[training]\nbatch_size = 32\nepochs = 1\n"
                + "seed = 3\n[data mnist]\ncount = 128\n";
        Path net = Files.writeString(dir.resolve("lenet.bps"), small);
        int before = KernelPool.threads();
        Path one = dir.resolve("one.bpsession");
        Path two = dir.resolve("two.bpsession");
        assertEquals(0, run("train", net.toString(), "--threads", "1", "--save", one.toString()), err);
        assertEquals(0, run("train", net.toString(), "--threads", "2", "--save", two.toString()), err);
        assertEquals(before, KernelPool.threads(), "the setting lasts for one command");
        Map<String, float[]> a = SessionFile.read(one).checkpoint().weights();
        Map<String, float[]> b = SessionFile.read(two).checkpoint().weights();
        assertEquals(a.keySet(), b.keySet());
        a.forEach((k, v) -> assertArrayEquals(v, b.get(k), k));
        assertEquals(2, run("train", net.toString(), "--threads", "0"));
        assertTrue(err.contains("--threads must be at least 1"), err);
        assertFalse(err.contains("Exception"), err);
    }
}
