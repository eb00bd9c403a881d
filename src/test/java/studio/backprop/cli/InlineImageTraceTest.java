package studio.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** trace runs a convolution whose 5×5 image is given as one [data inline] row (worked example 14). */
class InlineImageTraceTest {

    @Test
    void traceOfTheInlineConvolutionSamplePrintsTheSheetsFeatureMap() {
        CliRun r = CliRun.of("trace", "samples/conv-5x5-inline.bps");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1×5×5×1"), r.out());
        assertTrue(r.out().contains("[[[[-2], [-1], [3]], [[2], [5], [8]], [[-2], [0], [-1]]]]"), r.out());
        assertTrue(r.out().contains("loss 0"), r.out());
    }
}
