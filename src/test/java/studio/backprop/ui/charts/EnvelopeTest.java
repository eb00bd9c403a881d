package studio.backprop.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import studio.backprop.train.Series;

class EnvelopeTest {

    private static Series.View noisy(int n, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n + 17];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (Math.exp(-i / (double) n) + r.nextGaussian() * 0.3);
        }
        return new Series.View(v, n);
    }

    private static int column(int i, double x0, double dx, double xMax, int columns) {
        double x = x0 + i * dx;
        return Math.min(columns - 1, (int) Math.floor(x / xMax * columns));
    }

    @Test
    void everyPointLiesInsideItsColumnsEnvelopeAndTheExtremesAreAttained() {
        int n = 100_000;
        int columns = 317;
        Series.View s = noisy(n, 1);
        double dx = 1.0 / 250;
        double xMax = n * dx;
        Envelope e = new Envelope();
        assertEquals(n, e.update(s, dx, dx, 0, xMax, columns));
        float[] lo = new float[columns];
        float[] hi = new float[columns];
        java.util.Arrays.fill(lo, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Float.NEGATIVE_INFINITY);
        int[] count = new int[columns];
        for (int i = 0; i < n; i++) {
            int c = column(i, dx, dx, xMax, columns);
            float v = s.get(i);
            assertTrue(e.min(c) <= v && v <= e.max(c), "point " + i + " outside column " + c);
            lo[c] = Math.min(lo[c], v);
            hi[c] = Math.max(hi[c], v);
            count[c]++;
        }
        for (int c = 0; c < columns; c++) {
            assertEquals(count[c], e.count(c));
            assertEquals(lo[c], e.min(c));
            assertEquals(hi[c], e.max(c));
        }
        assertEquals(s.get(0), e.first(0));
        assertEquals(s.get(n - 1), e.last(columns - 1));
    }

    @Test
    void growingSeriesIsReadIncrementallyAndGivesTheSameEnvelope() {
        Series.View full = noisy(50_000, 2);
        Envelope incremental = new Envelope();
        int read = 0;
        for (int size = 0; size <= 50_000; size += 777) {
            read += incremental.update(new Series.View(full.values(), size), 0, 1, 0, 60_000, 400);
        }
        read += incremental.update(full, 0, 1, 0, 60_000, 400);
        assertEquals(50_000, read, "each point is read once");
        Envelope once = new Envelope();
        once.update(full, 0, 1, 0, 60_000, 400);
        for (int c = 0; c < 400; c++) {
            assertEquals(once.count(c), incremental.count(c));
            assertEquals(once.min(c), incremental.min(c));
            assertEquals(once.max(c), incremental.max(c));
            assertEquals(once.last(c), incremental.last(c));
        }
    }

    @Test
    void aResetOrReplacedSeriesOrANewMappingIsReadAgain() {
        Envelope e = new Envelope();
        e.update(noisy(1000, 3), 0, 1, 0, 1000, 100);
        assertEquals(10, e.update(new Series.View(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 10), 0, 1, 0, 1000,
                100), "a shorter series (reset) is read from the start");
        assertEquals(10, e.count(0));
        assertEquals(0, e.count(1));
        assertEquals(2000, e.update(noisy(2000, 4), 0, 1, 0, 1000, 100), "different values (restored session)");
        assertEquals(2000, e.update(noisy(2000, 4), 0, 1, 0, 1000, 200), "other columns");
        assertEquals(1001, sum(e, 0, 200), "points beyond xMax are left out, x = xMax goes to the last column");
    }

    private static int sum(Envelope e, int from, int to) {
        int s = 0;
        for (int c = from; c < to; c++) {
            s += e.count(c);
        }
        return s;
    }

    @Test
    void nanIsSkippedAndTheSmallestPositiveValueIsKeptForLogScales() {
        float[] v = {-1, 0, 0.5f, Float.NaN, 0.25f, 3, Float.NaN, Float.NaN, -2, 0};
        Envelope e = new Envelope();
        e.update(new Series.View(v, v.length), 0, 1, 0, 10, 2);
        assertEquals(4, e.count(0), "NaN is not counted");
        assertEquals(-1, e.min(0));
        assertEquals(0.5f, e.max(0));
        assertEquals(0.25f, e.minPositive(0));
        assertEquals(0.25f, e.last(0));
        assertEquals(3, e.count(1));
        assertEquals(3, e.minPositive(1));
        assertEquals(-2, e.min(1));
        assertEquals(0, e.last(1));
        float[] nonPositive = {-1, 0, -3};
        e.update(new Series.View(nonPositive, 3), 0, 1, 0, 3, 1);
        assertTrue(Float.isNaN(e.minPositive(0)));
    }
}
