package studio.backprop.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import studio.backprop.nn.ModelSummary;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.spec.Problem;

/** {@code summary FILE}: the model summary table, then every problem and warning of the document. */
final class SummaryCommand implements Command {

    @Override
    public String name() {
        return "summary";
    }

    @Override
    public String usage() {
        return "summary FILE                               the model summary table";
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        if (GanWorkspace.isGan(args)) {
            return GanCommands.summary(args, out, err);
        }
        args.maxPositional(1);
        Path file = Path.of(args.positional(0, "the network file"));
        String text = Workspace.text(file);
        NetworkDocument doc = Workspace.read(file);
        Compilation c = DocumentCompiler.compile(doc);
        out.println("Network '" + studio.backprop.tensor.Excerpt.of(doc.name()) + "'");
        if (c.network() != null) {
            ModelSummary s = ModelSummary.of(c.network());
            out.print(s.format(studio.backprop.nn.MultiplyAdds.of(c.network())));
        }
        for (Problem p : c.problems()) {
            out.println((p.error() ? "Problem: " : "Warning: ") + Workspace.where(file, text, p.subject())
                    + p.message());
        }
        if (!c.trainable()) {
            err.println("the network cannot be trained until the problems above are fixed");
            return 2;
        }
        out.println(c.perceptron()
                ? "Learning rule: the perceptron rule (η = " + c.document().optimizer().get("learning_rate", "1").trim()
                + "), one sample at a time, until an epoch makes no update or after " + c.plan().epochs() + " epochs"
                : "Loss: " + c.loss().describe() + "; optimizer: " + c.optimizer().describe()
                + (c.optimizer().clipNorm() > 0 ? ", gradients clipped to norm " + c.optimizer().clipNorm() : ""));
        return 0;
    }
}
