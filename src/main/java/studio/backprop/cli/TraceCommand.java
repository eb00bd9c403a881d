package studio.backprop.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.StepRecord;
import studio.backprop.train.TrainingLoop;

/**
 * {@code trace FILE [--steps N] [--json] [--full]}: the exercise mode. Runs the steps the file asks for with
 * recording on and prints each step's {@link StepRecord}, the same record the app's stepper reads: the weights
 * before, every value of the tape in the order it was computed, ∂L/∂ of every value from the loss back, the
 * parameter gradients and the weights after. For the perceptron rule, one row per sample.
 */
final class TraceCommand implements Command {

    private static final int SHORT = 24;

    @Override
    public String name() {
        return "trace";
    }

    @Override
    public String usage() {
        return "trace FILE [--steps N] [--json] [--full]   every intermediate value of every step";
    }

    @Override
    public java.util.Set<String> options() {
        return java.util.Set.of("steps");
    }

    @Override
    public java.util.Set<String> flags() {
        return java.util.Set.of("json", "full");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        if (GanWorkspace.isGan(args)) {
            return GanCommands.trace(args, out, err);
        }
        Workspace.Loaded loaded = Workspace.load(args);
        NetworkDocument doc = loaded.doc();
        Compilation c = loaded.compilation();
        TrainingLoop loop = new TrainingLoop(c, loaded.data());
        loop.setRecording(true);
        int steps = args.intOption("steps", defaultSteps(c, loop), 1);
        boolean json = args.flag("json");
        String rule = loop.rule().describe();
        String header = c.perceptron() ? rule : c.loss().describe() + ", " + rule;
        List<StepRecord> records = new ArrayList<>();
        for (int s = 0; s < steps && !loop.finished(); s++) {
            loop.stepBatch();
            records.add(loop.lastRecord());
        }
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("network", doc.name());
            root.put("rule", c.perceptron() ? "perceptron" : "gradient descent");
            if (!c.perceptron()) {
                root.put("loss", c.loss().describe());
            }
            root.put("optimizer", rule);
            root.put("steps", records.stream().map(StepRecordJson::of).toList());
            root.put("finished", loop.finished());
            root.put("converged", loop.converged());
            out.println(Json.write(root));
            return 0;
        }
        out.println("Trace of '" + doc.name() + "': " + records.size() + " step" + (records.size() == 1 ? "" : "s")
                + ", " + header);
        StepRecordText text = new StepRecordText(out, args.flag("full") ? Integer.MAX_VALUE : SHORT,
                args.flag("full"));
        if (c.perceptron()) {
            text.perceptronHeader();
        }
        for (StepRecord r : records) {
            if (c.perceptron()) {
                text.perceptronRows(r);
            } else {
                text.step(r);
            }
        }
        if (c.perceptron()) {
            text.perceptronOutcome(loop, records);
        }
        return 0;
    }

    /** The file's {@code steps}, else one epoch (the perceptron: until it converges or reaches the cap). */
    private static int defaultSteps(Compilation c, TrainingLoop loop) {
        if (c.plan().steps() > 0) {
            return c.plan().steps();
        }
        if (c.perceptron()) {
            return (int) Math.min(Integer.MAX_VALUE, (long) loop.data().trainSize() * c.plan().epochs());
        }
        return loop.batchSize() == 0 ? 1 : (loop.data().trainSize() + loop.batchSize() - 1) / loop.batchSize();
    }
}
