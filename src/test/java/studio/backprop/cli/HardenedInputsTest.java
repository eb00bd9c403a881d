package studio.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input reaches the user as a message in words with exit code 2, never as Java. */
class HardenedInputsTest {

    private static final String NETWORK = "backprop-studio network 1\nname = n\ninput = 2\n[layer h]\ntype = Dense\n"
            + "units = 4\nactivation = tanh\n[layer out]\ntype = Dense\nunits = 1\nactivation = sigmoid\n"
            + "[loss binary_cross_entropy]\n[optimizer adam]\n[training]\nbatch_size = 10\nepochs = 1\n";

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

    private Path network(String name, String data) throws IOException {
        return Files.writeString(dir.resolve(name), NETWORK + data);
    }

    /** Runs train on the file and checks exit code 2 with the expected words and no Java in the message. */
    private void refused(Path file, String expected) {
        assertEquals(2, run("train", file.toString()), err + out);
        assertTrue(err.contains(expected), err);
        for (String java : new String[] {"Exception", "No enum constant", "For input string", "\tat "}) {
            assertFalse(err.contains(java), err);
        }
    }

    @Test
    void dataSettingsThatUsedToReachTheUserAsJavaAreMessagesInWords() throws IOException {
        Files.writeString(dir.resolve("d.csv"), "a,b,label\n1,2,x\n3,4,y\n");
        refused(network("enum.bps", "[data csv]\nfile = d.csv\nnumeric = log\n"),
                "enum.bps, line 17: [data csv], numeric: 'log' is not one of min_max, standardize");
        refused(network("delimiter.bps", "[data csv]\nfile = d.csv\ndelimiter =\n"),
                "[data csv], delimiter: '' is not one character");
        refused(network("gate.bps", "[data logic]\ngate = maybe\n"), "gate: 'maybe' is not one of and, or");
        refused(network("folder.bps", "[data csv]\nfile = .\n"), "is a folder, not a file");
        refused(network("samples.bps", "[data generated]\nsamples = 2147483647\n"),
                "samples: 2147483647 is out of range; it must be between 1 and 10,000,000");
        refused(network("samples-big.bps", "[data generated]\nsamples = 300000000\n"), "out of range");
        refused(network("classes.bps", "[data generated]\ngenerator = blobs\nclasses = 2147483647\n"),
                "classes: 2147483647 is out of range");
        refused(network("size.bps", "[data images]\nfolder = .\nsize = 46341x46341\n"),
                "size: '46341x46341' is not a size");
        refused(network("size2.bps", "[data images]\nfolder = .\nsize = 65536x65536\n"), "is not a size");
        refused(network("coefficients.bps", "[data curve]\nfunction = polynomial\ncoefficients = 1, big\n"),
                "coefficients: 'big' is not a finite number");
    }

    @Test
    void nonFiniteOrUnrepresentableInlineValuesAreRefusedNamingTheRow() throws IOException {
        for (String bad : new String[] {"NaN", "Infinity", "1e39", "-Infinity"}) {
            refused(network("inline.bps", "[data inline]\nrows =\n  0, 0 -> 0\n  1, " + bad + " -> 1\n"),
                    "inline data, row 2: '" + bad + "' among the inputs is not a finite number");
        }
    }

    @Test
    void problemsFoundWhenCheckingNameTheFileAndTheLine() throws IOException {
        Path file = network("units.bps", "[data generated]\n").resolveSibling("units.bps");
        Files.writeString(file, Files.readString(file).replace("units = 4", "units = big"));
        refused(file, "units.bps, line 4: Dense 'h', units: 'big' is not a whole number");
    }

    @Test
    void aFolderGivenAsTheNetworkFileIsSaidInWords() {
        assertEquals(2, run("summary", dir.toString()));
        assertTrue(err.contains("is a folder; name a network file"), err);
    }

    @Test
    void trainRefusesToReplaceANetworkFileWithASession() throws IOException {
        Path file = network("net.bps", "[data generated]\nsamples = 20\n");
        String before = Files.readString(file);
        assertEquals(2, run("train", file.toString(), "--save", file.toString()));
        assertTrue(err.contains("--save writes a session, whose name ends in '.bpsession', not 'net.bps' (a .bps "
                + "network file would be replaced)"), err);
        assertEquals(before, Files.readString(file));
        assertTrue(out.isEmpty(), "refused before training: " + out);
    }

    @Test
    void aRunWhoseSaveFailsIsKeptAndTheMessageSaysWhere() throws IOException {
        Path file = network("net.bps", "[data generated]\nsamples = 20\n");
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file where a folder should be");
        assertEquals(2, run("train", file.toString(), "--save", blocker.resolve("run.bpsession").toString()));
        assertTrue(err.contains("cannot save " + blocker.resolve("run.bpsession") + ": a file stands where the "
                + "folder should be"), err);
        String kept = err.substring(err.indexOf("it is saved as ") + "it is saved as ".length()).trim();
        Path rescued = Path.of(kept);
        try {
            assertTrue(Files.isRegularFile(rescued), err);
            assertTrue(studio.backprop.io.SessionFile.read(rescued).checkpoint().steps() > 0);
        } finally {
            Files.deleteIfExists(rescued);
        }
    }

    @Test
    void aSessionNeverReplacesANetworkFileWhateverItsName() throws IOException {
        Path disguised = Files.writeString(dir.resolve("net.bpsession"), NETWORK);
        Path file = network("net.bps", "[data generated]\nsamples = 20\n");
        assertEquals(2, run("train", file.toString(), "--save", disguised.toString()));
        assertTrue(err.contains("that is a network file, and the session would replace it"), err);
        assertEquals(NETWORK, Files.readString(disguised));
        assertTrue(out.isEmpty(), "refused before training: " + out);
    }

    @Test
    void aSessionSavedAfterDivergenceIsEvaluatedWithTheProblemReported() throws IOException {
        Path file = Files.writeString(dir.resolve("diverge.bps"), "backprop-studio network 1\nname = d\ninput = 1\n"
                + "[layer h]\ntype = Dense\nunits = 4\n[layer out]\ntype = Dense\nunits = 1\n[loss mse]\n"
                + "[optimizer sgd]\nlearning_rate = 1e6\n[training]\nbatch_size = 4\nepochs = 50\n"
                + "[data curve]\nsamples = 40\n");
        Path session = dir.resolve("diverged.bpsession");
        assertEquals(1, run("train", file.toString(), "--save", session.toString()), err);
        assertTrue(Files.exists(session), "the diverged run is saved");
        assertEquals(1, run("evaluate", session.toString()));
        assertTrue(out.contains("loss      not a number"), out);
        assertTrue(err.contains("come from a run that diverged"), err);
        assertFalse(err.contains("internal error"), err);
    }

    @Test
    void anExportTooLargeToDrawIsRefusedBeforeDrawing() {
        assertEquals(2, run("export", dir.resolve("none.bpsession").toString(), "--view", "loss", "--out",
                dir.resolve("x.png").toString(), "--size", "800x5000", "--scale", "4"));
        assertTrue(err.contains("the picture would be 3200×20000 pixels; each side can be at most 16384"), err);
        assertEquals(2, run("export", dir.resolve("none.bpsession").toString(), "--view", "loss", "--out",
                dir.resolve("x.png").toString(), "--size", "8000x8000", "--scale", "4"));
        assertTrue(err.contains("32000×32000"), err);
    }

    @Test
    void messagesQuoteAShortExcerptWithoutControlCharacters() throws IOException {
        Path file = Files.writeString(dir.resolve("noise.bps"), "backprop-studio network 1\ninput = 2\n"
                + "\u001b]0;owned\u0007" + "y".repeat(1_000_000) + "\n");
        assertEquals(2, run("summary", file.toString()));
        assertTrue(err.length() < 400, err.length() + " characters");
        assertFalse(err.contains("\u001b") || err.contains("\u0007"), err);
    }
}
