package studio.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.backprop.tensor.Tensor;

class DatasetTest {

    private static Dataset threeClasses() {
        Tensor x = Tensor.of(new float[] {0, 1, 2, 3, 4, 5, 6, 7}, 4, 2);
        return Dataset.classification("toy", x, new int[] {2, 0, 1, 2}, List.of("a", "b", "c"), List.of("p", "q"));
    }

    @Test
    void oneHotTargetsLabelsAndCounts() {
        Dataset d = threeClasses();
        assertEquals(TaskKind.MULTI_CLASS_CLASSIFICATION, d.task());
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1}, d.targets().buffer());
        assertArrayEquals(new int[] {4, 3}, d.targets().shape());
        assertArrayEquals(new int[] {1, 1, 2}, d.classCounts());
        assertArrayEquals(new int[] {2}, d.sampleShape());
        assertEquals("toy, 4 points, 2 features, 3 classes", d.describe());
    }

    @Test
    void accessorsHandOutCopies() {
        Dataset d = threeClasses();
        d.features().buffer()[0] = 99;
        d.labels()[0] = 0;
        d.targets().buffer()[0] = 5;
        assertEquals(0f, d.features().buffer()[0]);
        assertEquals(2, d.label(0));
        assertEquals(0f, d.targets().buffer()[0]);
    }

    @Test
    void subsetKeepsOrderNamesAndTask() {
        Dataset s = threeClasses().subset(new int[] {3, 1});
        assertArrayEquals(new float[] {6, 7, 2, 3}, s.features().buffer());
        assertArrayEquals(new int[] {2, 0}, s.labels());
        assertEquals(List.of("a", "b", "c"), s.classNames());
        assertEquals(0, threeClasses().subset(new int[0]).size());
    }

    @Test
    void imagesDescribeTheirShape() {
        Dataset d = Dataset.classification("digits", Tensor.zeros(3, 4, 5, 1), new int[] {0, 1, 1},
                List.of("0", "1"), List.of());
        assertEquals("digits, 3 images of 4×5×1, 2 classes", d.describe());
        assertArrayEquals(new float[] {0, 1, 1}, d.binaryTargets().buffer());
        assertArrayEquals(new float[] {-1, 1, 1}, d.withBinaryLevels(-1, 1).binaryTargets().buffer());
    }

    @Test
    void inconsistentArgumentsAreRefused() {
        Tensor x = Tensor.zeros(2, 2);
        assertThrows(IllegalArgumentException.class,
                () -> Dataset.classification("t", x, new int[] {0}, List.of("a", "b"), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> Dataset.classification("t", x, new int[] {0, 2}, List.of("a", "b"), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> Dataset.classification("t", x, new int[] {0, 0}, List.of("a"), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> Dataset.regression("t", x, Tensor.zeros(3, 1), List.of(), List.of()));
        assertThrows(IllegalStateException.class, () -> Curves.sine(3, 0, 1).labels());
    }
}
