package studio.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @Test
    void unknownCommandIsAUsageErrorWithoutAStackTrace() {
        assertEquals(2, Main.run(new String[] {"frobnicate"}, out, err));
        String message = errBytes.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("unknown command 'frobnicate'"), message);
        assertTrue(message.contains("bench"), message);
        assertTrue(!message.contains("Exception") && !message.contains("\tat "), message);
        assertEquals("", outBytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void benchRejectsUnknownOptionsAndSections() {
        assertEquals(2, Main.run(new String[] {"bench", "--fast"}, out, err));
        assertTrue(errBytes.toString(StandardCharsets.UTF_8)
                .contains("bench: unknown option --fast; the options are --only, --threads"), errBytes.toString());
        assertEquals(2, Main.run(new String[] {"bench", "--only", "gemm,lstm"}, out, err));
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("'lstm' is not one of them"));
        assertEquals(2, Main.run(new String[] {"bench", "--threads", "0"}, out, err));
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("--threads must be at least 1"));
    }

    @Test
    void noCommandPrintsUsage() {
        assertEquals(2, Main.run(new String[0], out, err));
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("usage"));
    }

    @Test
    void benchWithTinySizesPrintsTheMachineAndGemmTable() {
        new Bench(out, new int[] {24}, 1_000_000L).run();
        String report = outBytes.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("Machine") && report.contains("GEMM"), report);
        assertTrue(report.lines().anyMatch(l -> l.trim().startsWith("24 ")), report);
    }

    @Test
    void benchTrainingRowsComeOnAllThreadsFirstThenOnOne() {
        new Bench(out, new int[] {24}, 1_000_000L).threads(2).only(java.util.Set.of("training")).run();
        java.util.List<String> mlpRows = outBytes.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("MLP 784-128-10")).toList();
        assertEquals(2, mlpRows.size(), mlpRows.toString());
        assertTrue(mlpRows.get(0).trim().startsWith("2 ") && mlpRows.get(1).trim().startsWith("1 "),
                mlpRows.toString());
        String report = outBytes.toString(StandardCharsets.UTF_8);
        assertEquals(2, report.lines().filter(l -> l.contains("conv autoencoder")).count(), report);
        assertEquals(2, report.lines().filter(l -> l.contains("GAN on the ring")).count(), report);
    }
}
