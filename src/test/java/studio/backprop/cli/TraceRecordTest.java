package studio.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.DataResolver;
import studio.backprop.train.Probe;
import studio.backprop.train.StepRecord;
import studio.backprop.train.Trainer;
import studio.backprop.train.TrainerCommand;
import studio.backprop.train.TrainingLoop;
import studio.backprop.train.TrainingSnapshot;

/** The command line's trace and the app's step records are one record, printed. */
class TraceRecordTest {

    private static String trace(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.code(), r.err());
        return r.out();
    }

    @Test
    void aStepRecordFromTheTrainerEqualsWhatTraceJsonPrints() throws Exception {
        Path file = Path.of("samples", "backprop-2-2-2-exercise.bps");
        NetworkDocument doc = DocumentFormat.read(Files.readString(file), file.getFileName().toString());
        TrainingLoop loop = new TrainingLoop(DocumentCompiler.compile(doc), DataResolver.resolve(doc,
                file.toAbsolutePath().getParent(), false, new int[] {2}));
        Probe.Steps steps = new Probe.Steps();
        StepRecord record;
        try (Trainer trainer = new Trainer(loop)) {
            trainer.send(new TrainerCommand.SetProbes("stepper", java.util.List.of(steps)));
            trainer.send(new TrainerCommand.StepSample());
            long deadline = System.nanoTime() + 10_000_000_000L;
            TrainingSnapshot s = trainer.latest();
            while (s.payload(steps) == null && System.nanoTime() < deadline) {
                Thread.sleep(2);
                s = trainer.latest();
            }
            record = s.payload(steps);
        }
        String fromApp = Json.write(StepRecordJson.of(record));
        String printed = trace("trace", file.toString(), "--json");
        assertTrue(printed.contains("\"steps\":[" + fromApp + "]"), printed + "\n" + fromApp);
    }

    @Test
    void thePerceptronsJsonHoldsNumbersAndStepsIsHonoured() {
        String printed = trace("trace", "samples/perceptron-or.bps", "--steps", "2", "--json");
        assertTrue(printed.contains("\"w_after\":[1.0,0.0],\"b_after\":1.0"), printed);
        assertTrue(!printed.contains("[D@") && !printed.contains("[F@"), printed);
        assertEquals(2, printed.split("\"perceptron\":").length - 1, "two steps, as asked");
        String text = trace("trace", "samples/perceptron-xor.bps");
        assertTrue(text.contains("without converging"), text);
    }
}
