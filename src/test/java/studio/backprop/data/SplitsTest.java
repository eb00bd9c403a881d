package studio.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import studio.backprop.tensor.Rng;
import studio.backprop.tensor.Tensor;

class SplitsTest {

    /** Sample i has the single feature value i, so a part's features tell which samples it holds. */
    static Dataset numbered(int n, int classes) {
        float[] x = new float[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            labels[i] = i % classes;
        }
        List<String> names = IntStream.range(0, classes).mapToObj(c -> "c" + c).toList();
        return Dataset.classification("numbered", Tensor.wrap(x, n, 1), labels, names, List.of("i"));
    }

    private static int[] ids(Dataset d) {
        float[] x = d.features().buffer();
        return IntStream.range(0, x.length).map(i -> (int) x[i]).toArray();
    }

    @Test
    void fractionsGiveRoundedSizesThatAddUp() {
        Split s = Splits.shuffled(numbered(101, 2), 0.7, 0.15, 0.15, new Rng(1));
        assertEquals("train 71, validation 15, test 15", s.describe());
        int[] all = IntStream.of(ids(s.train())).toArray();
        all = IntStream.concat(IntStream.of(all), IntStream.of(ids(s.validation()))).toArray();
        all = IntStream.concat(IntStream.of(all), IntStream.of(ids(s.test()))).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 101).toArray(), all, "every sample in exactly one part");
        assertEquals("numbered (validation)", s.validation().name());
    }

    @Test
    void sameSeedSameSplitOtherSeedOther() {
        Dataset d = numbered(50, 2);
        Split a = Splits.shuffled(d, 0.6, 0.2, 0.2, new Rng(5));
        Split b = Splits.shuffled(d, 0.6, 0.2, 0.2, new Rng(5));
        Split c = Splits.shuffled(d, 0.6, 0.2, 0.2, new Rng(6));
        assertArrayEquals(ids(a.train()), ids(b.train()));
        assertArrayEquals(ids(a.test()), ids(b.test()));
        assertFalse(Arrays.equals(ids(a.train()), ids(c.train())));
    }

    @Test
    void inOrderAndValidationSplitTakeTheLastSamplesWithoutShuffling() {
        Dataset d = numbered(10, 2);
        Split keras = Splits.validationSplit(d, 0.2);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, ids(keras.train()));
        assertArrayEquals(new int[] {8, 9}, ids(keras.validation()));
        assertEquals(0, keras.test().size());
        Split three = Splits.inOrder(d, 0.5, 0.3, 0.2);
        assertArrayEquals(new int[] {5, 6, 7}, ids(three.validation()));
        assertArrayEquals(new int[] {8, 9}, ids(three.test()));
    }

    @Test
    void stratifiedKeepsClassProportionsInEveryPart() {
        Dataset d = numbered(100, 4);
        Split s = Splits.stratified(d, 0.6, 0.2, 0.2, new Rng(3));
        assertArrayEquals(new int[] {15, 15, 15, 15}, s.train().classCounts());
        assertArrayEquals(new int[] {5, 5, 5, 5}, s.validation().classCounts());
        assertArrayEquals(new int[] {5, 5, 5, 5}, s.test().classCounts());
        int[] train = ids(s.train());
        assertFalse(Arrays.equals(train, Arrays.stream(train).sorted().toArray()), "parts are shuffled");
        assertArrayEquals(train, ids(Splits.stratified(d, 0.6, 0.2, 0.2, new Rng(3)).train()));
    }

    @Test
    void badFractionsAreRefusedInWords() {
        Dataset d = numbered(10, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Splits.shuffled(d, 0.7, 0.2, 0.2, new Rng(1)));
        assertTrue(e.getMessage().contains("add up to 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Splits.inOrder(d, 1.2, -0.2, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Splits.stratified(Curves.sine(10, 0, 1), 0.5, 0.5, 0, new Rng(1)));
    }
}
