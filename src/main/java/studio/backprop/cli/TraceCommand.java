package studio.backprop.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.backprop.autograd.Tape;
import studio.backprop.autograd.Variable;
import studio.backprop.nn.Parameter;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.tensor.Tensor;
import studio.backprop.train.TrainingLoop;

/**
 * {@code trace FILE [--steps N] [--json] [--full]}: the exercise mode. Runs the steps the file asks for and prints,
 * for every step, the weights before, the value of every node of the recorded tape in the order it was computed,
 * ∂L/∂ of every node in reverse order, the parameter gradients and the weights after, read from the same tape
 * that trained the network.
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
        Workspace.Loaded loaded = Workspace.load(args);
        if (loaded.tracePerceptron(args.flag("json"), out)) {
            return 0;
        }
        NetworkDocument doc = loaded.doc();
        Compilation c = loaded.compilation();
        TrainingLoop loop = new TrainingLoop(c, loaded.data());
        int perEpoch = loop.batchSize() == 0 ? 1
                : (loop.data().trainSize() + loop.batchSize() - 1) / loop.batchSize();
        int steps = args.intOption("steps", c.plan().steps() > 0 ? c.plan().steps() : perEpoch, 1);
        int limit = args.flag("full") ? Integer.MAX_VALUE : SHORT;
        List<Object> json = new ArrayList<>();
        if (!args.flag("json")) {
            out.println("Trace of '" + doc.name() + "': " + steps + " step" + (steps == 1 ? "" : "s") + ", "
                    + c.loss().describe() + ", " + c.optimizer().describe());
        }
        for (int s = 0; s < steps; s++) {
            Map<String, Tensor> before = weights(loop);
            double eta = loop.optimizer().learningRate();
            TrainingLoop.StepOutcome outcome = loop.stepBatch();
            Map<String, Tensor> after = weights(loop);
            if (args.flag("json")) {
                json.add(stepJson(loop, outcome, eta, before, after));
            } else {
                printStep(out, loop, outcome, eta, before, after, limit);
            }
        }
        if (args.flag("json")) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("network", doc.name());
            root.put("loss", c.loss().describe());
            root.put("optimizer", c.optimizer().describe());
            root.put("steps", json);
            out.println(Json.write(root));
        }
        return 0;
    }

    private static Map<String, Tensor> weights(TrainingLoop loop) {
        Map<String, Tensor> w = new LinkedHashMap<>();
        for (Parameter p : loop.network().parameters()) {
            w.put(p.name(), p.value().copy());
        }
        return w;
    }

    private static void printStep(PrintStream out, TrainingLoop loop, TrainingLoop.StepOutcome o, double eta,
                                  Map<String, Tensor> before, Map<String, Tensor> after, int limit) {
        Tape tape = loop.lastStep().tape();
        out.println();
        out.println("Step " + o.step() + " · epoch " + (o.epoch() + (o.epochEnded() ? 0 : 1)) + " · "
                + samples(loop.lastSamples()) + " · learning rate " + Numbers.of((float) eta));
        out.println("  weights before");
        before.forEach((k, v) -> out.println("    " + k + " = " + show(v, limit)));
        out.println("  forward: every value, in the order it was computed");
        for (Variable v : tape.nodes()) {
            if (v.isLeaf() && v.requiresGrad()) {
                continue;
            }
            String formula = v.op() == null ? "" : "  " + v.op().formula();
            out.println("    " + pad(v.name(), 18) + pad(Numbers.shape(v.shape()), 8) + show(v.value(), limit)
                    + formula);
        }
        out.println("  backward: ∂L/∂ each value, from the loss back");
        List<Variable> nodes = tape.nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Variable v = nodes.get(i);
            if (v.grad() != null && !v.isLeaf()) {
                out.println("    ∂L/∂" + pad(v.name(), 16) + show(v.grad(), limit));
            }
        }
        out.println("  gradients: ∂L/∂ each parameter");
        for (Parameter p : loop.network().trainableParameters()) {
            out.println("    ∂L/∂" + pad(p.name(), 16) + (p.grad() == null ? "none" : show(p.grad(), limit)));
        }
        out.println("  weights after the update");
        after.forEach((k, v) -> out.println("    " + k + " = " + show(v, limit)));
        out.println("  loss " + Numbers.of(o.loss()));
    }

    private static Map<String, Object> stepJson(TrainingLoop loop, TrainingLoop.StepOutcome o, double eta,
                                                Map<String, Tensor> before, Map<String, Tensor> after) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("step", o.step());
        step.put("samples", oneBased(loop.lastSamples()));
        step.put("learning_rate", eta);
        step.put("weights_before", tensors(before));
        List<Object> nodes = new ArrayList<>();
        for (Variable v : loop.lastStep().tape().nodes()) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("name", v.name());
            n.put("op", v.op() == null ? (v.requiresGrad() ? "parameter" : "input") : v.op().name());
            n.put("formula", v.op() == null ? null : v.op().formula());
            n.put("shape", v.shape());
            n.put("value", v.value().toArray());
            n.put("grad", v.grad() == null ? null : v.grad().toArray());
            nodes.add(n);
        }
        step.put("nodes", nodes);
        step.put("loss", o.loss());
        Map<String, Object> grads = new LinkedHashMap<>();
        for (Parameter p : loop.network().trainableParameters()) {
            grads.put(p.name(), p.grad() == null ? null : p.grad().toArray());
        }
        step.put("gradients", grads);
        step.put("weights_after", tensors(after));
        return step;
    }

    private static Map<String, Object> tensors(Map<String, Tensor> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("shape", v.shape());
            t.put("values", v.toArray());
            out.put(k, t);
        });
        return out;
    }

    private static int[] oneBased(int[] samples) {
        int[] out = new int[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = samples[i] + 1;
        }
        return out;
    }

    private static String samples(int[] samples) {
        int[] one = oneBased(samples);
        if (one.length == 1) {
            return "sample " + one[0];
        }
        StringBuilder sb = new StringBuilder("batch of " + one.length + ": samples ");
        for (int i = 0; i < Math.min(one.length, 12); i++) {
            sb.append(i == 0 ? "" : ", ").append(one[i]);
        }
        return sb.append(one.length > 12 ? ", …" : "").toString();
    }

    private static String show(Tensor t, int limit) {
        return Numbers.tensor(t.shape(), t.toArray(), limit);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
