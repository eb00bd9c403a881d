package studio.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** summary, train and trace on the sequence templates, and the bench's sequence workloads. */
class SequenceCommandLineTest {

    @Test
    void summaryShowsSequenceShapes() {
        CliRun run = CliRun.of("summary", "samples/transformer-sort.bps");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("(None, 4, 16)") && run.out().contains("TransformerEncoderBlock"), run.out());
        assertTrue(run.out().contains("gradients clipped to norm 1.0"), run.out());
    }

    @Test
    void trainRunsAnEpochAndTraceShowsEveryStepOfTheUnrolledLstm() {
        CliRun train = CliRun.of("train", "samples/lstm-delayed-copy.bps", "--epochs", "1");
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("validation loss"), train.out());
        CliRun trace = CliRun.of("trace", "samples/lstm-delayed-copy.bps", "--steps", "1");
        assertEquals(0, trace.code(), trace.err());
        for (String node : new String[] {"lstm/t1/forget_gate", "lstm/t10/h", "∂L/∂lstm/t3/c"}) {
            assertTrue(trace.out().contains(node), node + " missing from the trace");
        }
    }

    @Test
    void theBenchSequenceWorkloadsTakeSteps() {
        assertTrue(TrainingWorkloads.lstm(0.05).steps() > 0);
        assertTrue(TrainingWorkloads.transformerBlock(0.05).steps() > 0);
    }
}
