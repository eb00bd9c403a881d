package studio.backprop.ui.lessons.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.backprop.cli.Main;
import studio.backprop.ui.lessons.conv.ConvSettings.PaddingMode;

/** An explorer example saved as a network file computes, under the command line's trace, what the explorer showed. */
class ExplorerNetworkFileTest {

    @TempDir
    Path dir;

    private String trace(ConvSettings s) throws Exception {
        Path file = dir.resolve("example.bps");
        Files.writeString(file, ExplorerNetworkFile.write(ConvComputation.run(s)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"trace", file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8) + "\n" + Files.readString(file));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everySaveableOperationTracesToALossOfZero() throws Exception {
        ConvSettings ex = ConvSettings.courseExample().withPadding(PaddingMode.EXPLICIT, new int[] {1, 0, 1, 2})
                .withStride(2, 2);
        for (ConvOperation op : new ConvOperation[] {ConvOperation.CORRELATION, ConvOperation.CONVOLUTION,
                ConvOperation.MAX_POOL, ConvOperation.AVERAGE_POOL, ConvOperation.L2_POOL, ConvOperation.UPSAMPLE}) {
            String printed = trace(ex.withOperation(op));
            assertTrue(printed.contains("loss 0\n") || printed.trim().endsWith("loss 0"), op + "\n" + printed);
        }
        ConvSettings t = ConvSettings.courseExample().withInput(new float[][] {{1, 2}, {3, 4}})
                .withKernel(new float[][] {{1, 0, 2}, {2, -1, 1}, {0, 1, 1}}).withOperation(ConvOperation.TRANSPOSED)
                .withStride(2, 2).withPadding(PaddingMode.SAME, new int[4]);
        assertTrue(trace(t).trim().endsWith("loss 0"), trace(t));
    }

    @Test
    void whatAFileCannotHoldIsRefusedInWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExplorerNetworkFile.write(
                ConvComputation.run(ConvSettings.courseExample().withOperation(ConvOperation.MEDIAN_POOL))));
        assertTrue(e.getMessage().contains("not a layer a network file can hold"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ExplorerNetworkFile.write(
                ConvComputation.run(ConvSettings.courseExample().withStride(2, 1))));
        assertTrue(e.getMessage().contains("one stride for both directions"), e.getMessage());
    }
}
