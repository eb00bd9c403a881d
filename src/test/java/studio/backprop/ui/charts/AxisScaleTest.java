package studio.backprop.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AxisScaleTest {

    @Test
    void logScaleGivesNoPositionToZeroNegativeOrNaN() {
        AxisScale log = AxisScale.fit(0.003, 2.5, true);
        assertEquals(0.002, log.lo(), 1e-12);
        assertEquals(5, log.hi(), 1e-9);
        assertTrue(Double.isNaN(log.toPixel(0, 100, 0)));
        assertTrue(Double.isNaN(log.toPixel(-1, 100, 0)));
        assertTrue(Double.isNaN(log.toPixel(Double.NaN, 100, 0)));
        assertEquals(100, log.toPixel(0.002, 100, 0), 1e-9);
        assertEquals(0, log.toPixel(5, 100, 0), 1e-9);
        assertEquals(1, log.fromPixel(log.toPixel(1, 100, 0), 100, 0), 1e-9);
        assertEquals(log.toPixel(0.01, 100, 0) - log.toPixel(0.1, 100, 0),
                log.toPixel(0.1, 100, 0) - log.toPixel(1, 100, 0), 1e-9, "decades are equally far apart");
        assertEquals(List.of(0.01, 0.1, 1.0), log.ticks(5));
        assertEquals(List.of(0.2, 0.5, 1.0, 2.0, 5.0), AxisScale.fit(0.3, 4, true).ticks(5), "a narrow range");
        assertEquals(List.of(0.005, 0.01, 0.02, 0.05), AxisScale.fit(0.006, 0.05, true).ticks(5));
    }

    @Test
    void logScaleWithoutPositiveDataFallsBackAndRefusesANonPositiveRange() {
        AxisScale none = AxisScale.fit(Double.NaN, Double.NaN, true);
        assertEquals(0.1, none.lo());
        assertThrows(IllegalArgumentException.class, () -> new AxisScale(0, 1, true));
        assertThrows(IllegalArgumentException.class, () -> new AxisScale(-1, 1, true));
    }

    @Test
    void linearScaleRoundsToNiceTicks() {
        AxisScale y = AxisScale.fit(0.013, 0.687, false);
        assertEquals(0, y.lo(), 1e-12);
        assertEquals(0.8, y.hi(), 1e-12);
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8), y.ticks(4));
        AxisScale flat = AxisScale.fit(0.01, 0.01, false);
        assertTrue(flat.lo() < 0.01 && flat.hi() > 0.01, "a constant series gets some room");
        assertEquals(-6, AxisScale.fit(-4.2, 3, false).lo(), 1e-12, "negative values are kept on a linear axis");
        assertEquals(40, AxisScale.fromZero(31).hi(), 1e-12);
        assertEquals(300, AxisScale.fromZero(300).hi(), 1e-12);
    }

    @Test
    void labelsAreShort() {
        assertEquals("0.25", AxisScale.label(0.25, false));
        assertEquals("1e-4", AxisScale.label(1e-4, false));
        assertEquals("2000", AxisScale.label(2000, false));
        assertEquals("0", AxisScale.label(-0.0, false));
        assertEquals("80%", AxisScale.label(0.8, true));
    }
}
