package studio.backprop.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import studio.backprop.train.StepRecord;
import studio.backprop.train.TrainingLoop;
import studio.backprop.train.TrainingSnapshot.TensorCopy;

/** A {@link StepRecord} as the text {@code trace} prints, for people. */
final class StepRecordText {

    private final PrintStream out;
    private final int limit;
    private final boolean full;

    /**
     * @param limit how many values of a tensor to show
     * @param full  whether internal plumbing (reshapes, clipping) is shown as rows of its own
     */
    StepRecordText(PrintStream out, int limit, boolean full) {
        this.out = out;
        this.limit = limit;
        this.full = full;
    }

    void step(StepRecord r) {
        out.println();
        out.println("Step " + r.step() + " · epoch " + r.epoch() + " · " + samples(r.samples()) + " · learning rate "
                + Numbers.of((float) r.learningRate()));
        out.println("  weights before");
        r.before().forEach((k, v) -> out.println("    " + k + " = " + show(v)));
        out.println("  forward: every value, in the order it was computed");
        for (StepRecord.NodeRecord n : r.nodes()) {
            if (n.kind() == StepRecord.Kind.PARAMETER || n.internal() && !full) {
                continue;
            }
            out.println("    " + pad(n.name(), 20) + pad(Numbers.shape(n.value().shape()), 8) + show(n.value())
                    + (n.formula().isEmpty() ? "" : "  " + n.formula()));
        }
        out.println("  backward: ∂L/∂ each value, from the loss back");
        List<StepRecord.NodeRecord> nodes = r.nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            StepRecord.NodeRecord n = nodes.get(i);
            if (n.grad() != null && n.kind() == StepRecord.Kind.OP && (full || !n.internal())) {
                out.println("    ∂L/∂" + pad(n.name(), 18) + show(n.grad()));
            }
        }
        out.println("  gradients: ∂L/∂ each parameter");
        r.before().keySet().forEach(k -> {
            TensorCopy g = r.gradients().get(k);
            out.println("    ∂L/∂" + pad(k, 18) + (g == null ? "none" : show(g)));
        });
        out.println("  weights after the update");
        r.after().forEach((k, v) -> out.println("    " + k + " = " + show(v)));
        out.println("  loss " + Numbers.of(r.loss()));
    }

    void perceptronHeader() {
        out.printf(Locale.ROOT, "%-6s %-5s %-7s %-14s %-9s %-3s %-3s %-6s %-22s %-22s%n", "epoch", "step", "sample",
                "x", "z", "ŷ", "y", "y − ŷ", "w, b before", "w, b after");
    }

    void perceptronRows(StepRecord r) {
        for (StepRecord.PerceptronRow row : r.perceptronRows()) {
            out.printf(Locale.ROOT, "%-6d %-5d %-7d %-14s %-9s %-3d %-3d %-6d %-22s %-22s%s%n", r.epoch(), r.step(),
                    row.sample(), vec(row.x()), Numbers.of((float) row.z()), row.predicted(), row.label(),
                    row.error(), vec(row.weightsBefore()) + ", " + Numbers.of(row.biasBefore()),
                    vec(row.weightsAfter()) + ", " + Numbers.of(row.biasAfter()), row.updated() ? "  updated" : "");
        }
    }

    void perceptronOutcome(TrainingLoop loop, List<StepRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        StepRecord.PerceptronRow last = records.get(records.size() - 1).perceptronRows().get(0);
        String w = vec(last.weightsAfter()) + ", b = " + Numbers.of(last.biasAfter());
        if (loop.converged()) {
            out.println("Converged after " + loop.epoch() + " epochs (the last one made no update): w = " + w);
        } else if (loop.finished()) {
            out.println("Stopped at the cap of " + loop.epoch() + " epochs without converging: no single line "
                    + "separates these classes. Last w = " + w);
        } else {
            out.println("Stopped after " + records.size() + " steps, as asked: w = " + w);
        }
    }

    private String show(TensorCopy t) {
        return Numbers.tensor(t.shape(), t.values(), limit);
    }

    private static String vec(float[] v) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(Numbers.of(v[i]));
        }
        return sb.append(')').toString();
    }

    private static String samples(int[] oneBased) {
        if (oneBased.length == 1) {
            return "sample " + oneBased[0];
        }
        StringBuilder sb = new StringBuilder("batch of " + oneBased.length + ": samples ");
        for (int i = 0; i < Math.min(oneBased.length, 12); i++) {
            sb.append(i == 0 ? "" : ", ").append(oneBased[i]);
        }
        return sb.append(oneBased.length > 12 ? ", …" : "").toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
