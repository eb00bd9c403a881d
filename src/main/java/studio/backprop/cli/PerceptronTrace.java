package studio.backprop.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import studio.backprop.nn.perceptron.PerceptronTrainer;
import studio.backprop.nn.perceptron.SampleStep;
import studio.backprop.nn.perceptron.TrainingResult;
import studio.backprop.nn.perceptron.Vec;

/** The perceptron rule's trace: one row per sample, as on an exercise sheet, then the outcome. */
final class PerceptronTrace {

    private PerceptronTrace() {
    }

    /** Runs until converged or the cap and prints every step (or, with json, returns them as JSON). */
    static void run(PerceptronTrainer trainer, String name, boolean json, PrintStream out) {
        TrainingResult result = trainer.runUntilConvergedOrCap();
        if (json) {
            List<Object> steps = new ArrayList<>();
            for (SampleStep s : trainer.history()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("epoch", s.epoch());
                row.put("step", s.step());
                row.put("sample", s.sampleNumber());
                row.put("x", s.x().toArray());
                row.put("z", s.z());
                row.put("prediction", s.predicted());
                row.put("label", s.label());
                row.put("error", s.error());
                row.put("updated", s.updated());
                row.put("w_before", s.weightsBefore().toArray());
                row.put("b_before", s.biasBefore());
                row.put("w_after", s.weightsAfter().toArray());
                row.put("b_after", s.biasAfter());
                steps.add(row);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("network", name);
            root.put("rule", "perceptron");
            root.put("steps", steps);
            root.put("converged", result.converged());
            root.put("epochs", result.epochsRun());
            root.put("weights", result.weights().toArray());
            root.put("bias", result.bias());
            out.println(Json.write(root));
            return;
        }
        out.println("Perceptron rule on '" + name + "': w ← w + η(y − ŷ)x, b ← b + η(y − ŷ), η = "
                + trainer.config().learningRate());
        out.printf(Locale.ROOT, "%-6s %-5s %-7s %-14s %-9s %-3s %-3s %-6s %-22s %-22s%n", "epoch", "step", "sample",
                "x", "z", "ŷ", "y", "y − ŷ", "w, b before", "w, b after");
        for (SampleStep s : trainer.history()) {
            out.printf(Locale.ROOT, "%-6d %-5d %-7d %-14s %-9s %-3d %-3d %-6d %-22s %-22s%s%n", s.epoch(), s.step(),
                    s.sampleNumber(), vec(s.x()), number(s.z()), s.predicted(), s.label(), s.error(),
                    vec(s.weightsBefore()) + ", " + number(s.biasBefore()),
                    vec(s.weightsAfter()) + ", " + number(s.biasAfter()), s.updated() ? "  updated" : "");
        }
        out.println(result.converged()
                ? "Converged after " + result.epochsRun() + " epochs (the last one made no update): w = "
                + vec(result.weights()) + ", b = " + number(result.bias())
                : "Stopped at the cap of " + result.epochsRun() + " epochs without converging: no single line "
                + "separates these classes. Last w = " + vec(result.weights()) + ", b = " + number(result.bias()));
    }

    private static String vec(Vec v) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(number(v.get(i)));
        }
        return sb.append(')').toString();
    }

    /** Whole numbers as such; others to 10 significant digits, so 0.1 + 0.2 reads 0.3. */
    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf((long) d);
        }
        return new java.math.BigDecimal(d).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
    }
}
