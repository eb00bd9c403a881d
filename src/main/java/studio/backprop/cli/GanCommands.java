package studio.backprop.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import studio.backprop.nn.ModelSummary;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.GanCompilation;
import studio.backprop.spec.GanSettings;
import studio.backprop.spec.Problem;
import studio.backprop.tensor.Excerpt;
import studio.backprop.train.GanRule;
import studio.backprop.train.GanRun;
import studio.backprop.train.GanStep;

/**
 * What {@code summary}, {@code train} and {@code trace} do with a GAN file: both networks' tables; the alternating
 * rule (k discriminator steps, one generator step) run for the file's plan with both losses per epoch, then both
 * trained networks saved; and the step records in order, each labelled by the network that stepped.
 */
final class GanCommands {

    private GanCommands() {
    }

    /** {@code summary FILE.bpgan}: the generator's and the discriminator's tables, the rule, every problem. */
    static int summary(Args args, PrintStream out, PrintStream err) throws Exception {
        GanWorkspace.Loaded loaded = GanWorkspace.load(args, false);
        GanCompilation c = loaded.compilation();
        out.println("GAN '" + Excerpt.of(loaded.doc().name()) + "': noise z of " + loaded.doc().latent()
                + " values, samples of shape " + studio.backprop.tensor.Shapes.str(loaded.doc().sampleShape()));
        table(out, "Generator (z → one sample)", c.generator());
        table(out, "Discriminator (one sample → the logit of 'real')", c.discriminator());
        for (Problem p : c.problems()) {
            out.println((p.error() ? "Problem: " : "Warning: ") + GanWorkspace.where(loaded.file(), loaded.text(),
                    p.subject()) + p.message());
        }
        if (!c.trainable()) {
            err.println("the GAN cannot be trained until the problems above are fixed");
            return 2;
        }
        out.println("Rule: " + rule(c.settings()) + "; generator optimizer " + c.generator().optimizer().describe()
                + ", discriminator optimizer " + c.discriminator().optimizer().describe());
        return 0;
    }

    private static void table(PrintStream out, String title, Compilation part) {
        out.println();
        out.println(title);
        if (part.network() != null) {
            out.print(ModelSummary.of(part.network()).format(studio.backprop.nn.MultiplyAdds.of(part.network())));
        }
    }

    static String rule(GanSettings s) {
        return s.discriminatorSteps() + " discriminator step" + (s.discriminatorSteps() == 1 ? "" : "s")
                + " then 1 generator step, " + s.generatorLoss().id().replace('_', '-') + " generator loss"
                + (s.conditional() ? ", conditional on " + s.conditionalClasses() + " classes" : "");
    }

    /** {@code train FILE.bpgan [--epochs N] [--save STEM]}. */
    static int train(Args args, PrintStream out, PrintStream err) throws Exception {
        if (args.flag("keep-best")) {
            throw new UsageException("train: --keep-best keeps the epoch with the best validation loss; a GAN has no "
                    + "validation loss (its two losses play against each other), so leave it out");
        }
        Path stem = GanSaving.stem(args.option("save"));
        GanWorkspace.Loaded loaded = GanWorkspace.load(args, true);
        GanCompilation c = loaded.compilation();
        int epochs = args.intOption("epochs", c.plan().epochs(), 1);
        GanRun run = loaded.prepare();
        out.printf(Locale.ROOT, "Training the GAN '%s' on %d real samples for %d epochs of %d steps (batch %d): %s%n",
                Excerpt.of(loaded.doc().name()), run.real().dim(0), epochs, run.stepsPerEpoch(), run.batchSize(),
                rule(c.settings()));
        long start = System.nanoTime();
        EpochLosses tally = new EpochLosses();
        int code = 0;
        while (run.epochs() < epochs) {
            run.step();
            GanRule rule = run.rule();
            boolean d = rule.lastPhase() == GanRule.Phase.DISCRIMINATOR;
            float loss = d ? rule.discriminatorLoss() : rule.generatorLoss();
            if (!Float.isFinite(loss)) {
                err.printf(Locale.ROOT, "the GAN diverged at step %d: %s's loss is %s (first at '%s'); lower the "
                        + "learning rates or the batch size%n", run.steps(), d ? "the discriminator" : "the generator",
                        loss, rule.firstNonFinite());
                code = 1;
                break;
            }
            tally.add(d, loss);
            if (run.steps() % run.stepsPerEpoch() == 0) {
                out.println(tally.line(run.epochs()));
                tally = new EpochLosses();
            }
        }
        out.printf(Locale.ROOT, "%d steps (%d discriminator, %d generator) in %.2f s%n", run.steps(),
                tally.total(run, true), tally.total(run, false), (System.nanoTime() - start) / 1e9);
        if (stem != null && code == 0) {
            return GanSaving.save(stem, c, run, out, err) ? 0 : 2;
        }
        return code;
    }

    /** The mean of each network's losses over one epoch. */
    private static final class EpochLosses {
        private double dSum;
        private double gSum;
        private int dCount;
        private int gCount;

        void add(boolean discriminator, float loss) {
            if (discriminator) {
                dSum += loss;
                dCount++;
            } else {
                gSum += loss;
                gCount++;
            }
        }

        String line(long epoch) {
            return String.format(Locale.ROOT, "epoch %d  L_D %s (%d steps)  L_G %s (%d steps)", epoch,
                    dCount == 0 ? "–" : Numbers.of((float) (dSum / dCount)), dCount,
                    gCount == 0 ? "–" : Numbers.of((float) (gSum / gCount)), gCount);
        }

        /** Steps of one network so far: k of every k + 1, counted from the round structure. */
        long total(GanRun run, boolean discriminator) {
            int k = run.rule().settings().discriminatorSteps();
            long rounds = run.steps() / (k + 1);
            long rest = run.steps() % (k + 1);
            return discriminator ? rounds * k + rest : rounds;
        }
    }

    /** {@code trace FILE.bpgan [--steps N] [--json] [--full]}. */
    static int trace(Args args, PrintStream out, PrintStream err) throws Exception {
        GanWorkspace.Loaded loaded = GanWorkspace.load(args, true);
        GanCompilation c = loaded.compilation();
        GanRun run = loaded.prepare();
        int k = c.settings().discriminatorSteps();
        int steps = args.intOption("steps", c.plan().steps() > 0 ? c.plan().steps() : k + 1, 1);
        run.setRecording(true);
        List<GanStep> records = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            run.step();
            records.add(run.lastStep());
        }
        if (args.flag("json")) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("gan", loaded.doc().name());
            root.put("rule", "gan");
            root.put("k", k);
            root.put("generator_loss", c.settings().generatorLoss().id());
            root.put("generator_optimizer", c.generator().optimizer().describe());
            root.put("discriminator_optimizer", c.discriminator().optimizer().describe());
            root.put("steps", records.stream().map(GanCommands::json).toList());
            out.println(Json.write(root));
            return 0;
        }
        out.println("Trace of the GAN '" + Excerpt.of(loaded.doc().name()) + "': " + records.size() + " step"
                + (records.size() == 1 ? "" : "s") + ", " + rule(c.settings()));
        boolean full = args.flag("full");
        StepRecordText text = new StepRecordText(out, full ? Integer.MAX_VALUE : 24, full);
        for (GanStep step : records) {
            out.println();
            out.println(heading(step, k));
            text.step(step.record());
        }
        return 0;
    }

    /** "[D] the discriminator, D step 1 of 2: L_D = 1.35 = 0.68 on real (D on real) + 0.67 on fake (D on fake)". */
    static String heading(GanStep step, int k) {
        if (step.network() == GanRule.Phase.DISCRIMINATOR) {
            return String.format(Locale.ROOT, "[D] the discriminator, D step %d of %d: L_D = %s = %s on real "
                    + "(D on real) + %s on fake (D on fake)", step.roundStep(), k, Numbers.of(step.record().loss()),
                    Numbers.of(step.lossOnReal()), Numbers.of(step.lossOnFake()));
        }
        return String.format(Locale.ROOT, "[G] the generator, after %d D step%s: L_G = %s", k, k == 1 ? "" : "s",
                Numbers.of(step.record().loss()));
    }

    private static Object json(GanStep step) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", step.label());
        m.put("round_step", step.roundStep());
        if (step.network() == GanRule.Phase.DISCRIMINATOR) {
            m.put("loss_on_real", step.lossOnReal());
            m.put("loss_on_fake", step.lossOnFake());
        }
        m.putAll(StepRecordJson.of(step.record()));
        return m;
    }
}
