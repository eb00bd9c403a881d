package studio.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataTest {

    @Test
    void theShippedDigitsAreAllThere() throws Exception {
        Dataset d = SampleData.mnist10k();
        assertEquals(10_000, d.size());
        assertArrayEquals(new int[] {10_000, 28, 28, 1}, d.features().shape());
        assertArrayEquals(new int[] {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}, d.classCounts());
        float min = 1;
        float max = 0;
        for (float v : d.features().buffer()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
        assertEquals("mnist-10k, 10000 images of 28×28×1, 10 classes", d.describe());
    }

    @Test
    void aMissingFolderIsExplained(@TempDir Path empty) {
        DatasetException e = assertThrows(DatasetException.class, () -> SampleData.mnist10kFrom(empty));
        assertTrue(e.getMessage().startsWith("the MNIST sample was not found: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("should hold images-idx3-ubyte.gz and labels-idx1-ubyte.gz"));
    }
}
