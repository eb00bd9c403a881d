package studio.backprop.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The part of the plane a plot shows. */
class ExtentTest {

    private static DataPoint at(double x, double y) {
        return new DataPoint(x, y, 0, false);
    }

    @Test
    void thePlaygroundPlaneGrowsToWholeUnitsForPointsOutsideIt() {
        assertEquals(Extent.DEFAULT, Extent.around(List.of(at(5.5, -2))));
        assertEquals(new Extent(-8, 8, -8, 8), Extent.around(List.of(at(1, -7.2))));
        assertEquals(Extent.DEFAULT, Extent.around(List.of()));
    }

    @Test
    void aPictureOfALogicGateFitsItsFourPoints() {
        List<DataPoint> gate = List.of(at(0, 0), at(0, 1), at(1, 0), at(1, 1));
        assertEquals(new Extent(-0.5, 1.5, -0.5, 1.5), Extent.fitting(gate));
        List<DataPoint> signs = List.of(at(-1, -1), at(-1, 1), at(1, -1), at(1, 1));
        assertEquals(new Extent(-2, 2, -2, 2), Extent.fitting(signs), "±1 inputs: a margin of half the span");
        assertEquals(Extent.DEFAULT, Extent.fitting(List.of(at(4, 0), at(0, 0))), "spread points: the Playground's");
        assertEquals(new Extent(1.5, 2.5, -0.5, 0.5), Extent.fitting(List.of(at(2, 0))), "one point: half a unit");
    }
}
