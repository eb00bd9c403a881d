package studio.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.backprop.tensor.Tensor;

/** The generated sequence tasks follow their definitions, and a CSV sequence column reads as a sequence. */
class SequenceTasksTest {

    @Test
    void delayedCopyTargetsAreTheInputsShiftedByTheDelay() {
        Dataset d = SequenceTasks.generate("delayed_copy", 20, 6, 2, 0, 0, 3);
        assertArrayEquals(new int[] {20, 6, 1}, d.features().shape());
        float[] x = d.features().buffer();
        float[] y = d.targets().buffer();
        for (int n = 0; n < 20; n++) {
            for (int t = 0; t < 6; t++) {
                assertEquals(t < 2 ? 0f : x[n * 6 + t - 2], y[n * 6 + t]);
            }
        }
    }

    @Test
    void sumParityAndSineHaveOneTargetFromTheirFormula() {
        Dataset sum = SequenceTasks.generate("sum", 5, 4, 0, 0, 0, 1);
        Dataset parity = SequenceTasks.generate("parity", 5, 7, 0, 0, 0, 1);
        for (int n = 0; n < 5; n++) {
            float total = 0;
            int ones = 0;
            for (int t = 0; t < 4; t++) {
                total += sum.features().buffer()[n * 4 + t];
            }
            for (int t = 0; t < 7; t++) {
                ones += (int) parity.features().buffer()[n * 7 + t];
            }
            assertEquals(total, sum.targets().buffer()[n], 1e-5f);
            assertEquals(ones % 2, parity.targets().buffer()[n]);
        }
        Dataset sine = SequenceTasks.generate("sine", 3, 16, 0, 0, 0, 4);
        float[] x = sine.features().buffer();
        // Without noise one period is 16 steps: the next value repeats the first one.
        for (int n = 0; n < 3; n++) {
            assertEquals(x[n * 16], sine.targets().buffer()[n], 1e-5f);
        }
    }

    @Test
    void sortTargetsAreTheSortedTokensOneHot() {
        Dataset d = SequenceTasks.generate("sort", 10, 4, 0, 6, 0, 9);
        assertArrayEquals(new int[] {10, 4}, d.features().shape());
        for (int n = 0; n < 10; n++) {
            float[] tokens = Arrays.copyOfRange(d.features().buffer(), n * 4, n * 4 + 4);
            Arrays.sort(tokens);
            Tensor target = Tensor.of(Arrays.copyOfRange(d.targets().buffer(), n * 24, n * 24 + 24), 4, 6);
            for (int t = 0; t < 4; t++) {
                assertEquals(1f, target.get(t, (int) tokens[t]));
                assertEquals(1f, target.slice(0, t, t + 1).sum().item());
            }
        }
    }

    @Test
    void sameSeedSameDataAndBadSettingsAreNamed() {
        assertArrayEquals(SequenceTasks.generate("copy", 8, 3, 0, 5, 0, 2).features().toArray(),
                SequenceTasks.generate("copy", 8, 3, 0, 5, 0, 2).features().toArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SequenceTasks.generate("echo", 8, 3, 3, 0, 0, 2));
        assertTrue(e.getMessage().contains("delay 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SequenceTasks.generate("shuffle", 8, 3, 0, 0, 0, 2));
        assertTrue(e.getMessage().contains("not one of"), e.getMessage());
    }

    @Test
    void csvSequenceColumnReadsStepsAndNamesABadCell(@TempDir Path dir) throws Exception {
        Path ok = dir.resolve("seq.csv");
        Files.writeString(ok, "id,sequence,target\n1,0.1 0.2 0.3 0.4,1\n2,0.5;0.6;0.7;0.8,0\n");
        Dataset d = SequenceCsvLoader.load(ok, ',', "sequence", "target", 2);
        assertArrayEquals(new int[] {2, 2, 2}, d.features().shape());
        assertEquals(0.7f, d.features().get(1, 1, 0));
        assertArrayEquals(new float[] {1, 0}, d.targets().toArray());

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "sequence,target\n1 2 3,1\n1 x 3,0\n");
        DatasetException e = assertThrows(DatasetException.class,
                () -> SequenceCsvLoader.load(bad, ',', "sequence", "target", 1));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("'x'"), e.getMessage());
        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "sequence,target\n1 2 3,1\n1 2,0\n");
        e = assertThrows(DatasetException.class, () -> SequenceCsvLoader.load(ragged, ',', "sequence", "target", 1));
        assertTrue(e.getMessage().contains("same length"), e.getMessage());
    }
}
