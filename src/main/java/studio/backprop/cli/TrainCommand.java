package studio.backprop.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import studio.backprop.io.SessionFile;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.train.TrainingDivergedException;
import studio.backprop.train.TrainingLoop;

/**
 * {@code train FILE [--epochs N] [--save SESSION]}: trains as the file's plan says, showing progress (a bar on a
 * terminal, one line per epoch otherwise), then the final metrics; optionally saves a session.
 */
final class TrainCommand implements Command {

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String usage() {
        return "train FILE [--epochs N] [--save SESSION] [--keep-best]  trains and prints progress and final metrics"
                + "\n  train FILE.bpgan [--epochs N] [--save STEM]  k D steps, one G step; saves STEM-generator.bps "
                + "and STEM-discriminator.bps";
    }

    @Override
    public java.util.Set<String> options() {
        return java.util.Set.of("epochs", "save");
    }

    @Override
    public java.util.Set<String> flags() {
        return java.util.Set.of("keep-best");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        if (GanWorkspace.isGan(args)) {
            return GanCommands.train(args, out, err);
        }
        Path session = args.option("save") == null ? null : Path.of(args.option("save"));
        if (session != null) {
            checkSessionName(session);
        }
        Workspace.Loaded loaded = Workspace.load(args);
        NetworkDocument doc = loaded.doc();
        Compilation c = loaded.compilation();
        int epochs = args.intOption("epochs", c.plan().epochs(), 1);
        TrainingLoop loop = new TrainingLoop(c, loaded.data());
        loop.setKeepBest(args.flag("keep-best"));
        boolean terminal = System.console() != null && out == System.out;
        out.printf(Locale.ROOT, "Training '%s' on %d samples%s for %d epochs%n",
                studio.backprop.tensor.Excerpt.of(doc.name()), loop.data().trainSize(),
                loop.data().hasValidation() ? " (+" + loop.data().validX().dim(0) + " for validation)" : "", epochs);
        if (loop.data().hasTest()) {
            out.printf(Locale.ROOT, "Holding out %d samples as the test split: never trained on, scored once at the "
                    + "end%n", loop.data().testX().dim(0));
        }
        long start = System.nanoTime();
        int code = 0;
        try {
            while (loop.epoch() < epochs && !loop.earlyStopped() && !loop.converged()) {
                TrainingLoop.StepOutcome o = loop.stepBatch();
                if (terminal) {
                    progressBar(out, loop, epochs);
                }
                if (o.epochEnded()) {
                    epochLine(out, loop, terminal);
                }
            }
        } catch (TrainingDivergedException e) {
            err.println(e.getMessage());
            code = 1;
        }
        out.printf(Locale.ROOT, "%d steps in %.2f s%s%n", loop.steps(), (System.nanoTime() - start) / 1e9,
                loop.earlyStopped() ? " (early stopping: the validation loss stopped improving)" : "");
        int best = loop.restoredBestEpoch() > 0 ? loop.restoredBestEpoch() : loop.putBackBest();
        if (best > 0 && loop.data().hasValidation()) {
            float[] lossAcc = loop.evaluate(loop.data().validX(), loop.data().validY());
            out.printf(Locale.ROOT, "kept the weights of epoch %d (the best validation loss): validation loss %s%s%n",
                    best, Numbers.of(lossAcc[0]), Float.isNaN(lossAcc[1]) ? ""
                    : String.format(Locale.ROOT, ", accuracy %.2f%%", 100 * lossAcc[1]));
        }
        float[] test = loop.testScore();
        if (test != null) {
            out.printf(Locale.ROOT, "test split (%d samples): loss %s%s%n", loop.data().testX().dim(0),
                    Numbers.of(test[0]), Float.isNaN(test[1]) ? "" : "  accuracy " + percent(test[1]));
        }
        if (session != null) {
            return save(session, loop, out, err) ? code : 2;
        }
        return code;
    }

    /** Before training: a session never replaces a network file, and it ends in .bpsession. */
    private static void checkSessionName(Path session) throws UsageException {
        String name = String.valueOf(session.getFileName());
        if (!name.toLowerCase(Locale.ROOT).endsWith(".bpsession")) {
            throw new UsageException("train: --save writes a session, whose name ends in '.bpsession', not '"
                    + studio.backprop.tensor.Excerpt.of(name) + "'" + (name.endsWith(".bps")
                    ? " (a .bps network file would be replaced)" : "") + "; e.g. --save "
                    + studio.backprop.tensor.Excerpt.of(name.replaceFirst("\\.[^.]*$", "")) + ".bpsession");
        }
        if (Files.isDirectory(session)) {
            throw new UsageException("train: --save " + session + " is a folder; name a session file");
        }
        try {
            SessionFile.refuseNetworkFile(session);
        } catch (java.io.IOException e) {
            throw new UsageException("train: " + e.getMessage());
        }
    }

    /**
     * Saves the run; when that fails (a full disk, a name too long, no permission) the run is not lost: it goes to
     * the temporary folder, and the message says where.
     */
    private static boolean save(Path session, TrainingLoop loop, PrintStream out, PrintStream err) {
        try {
            SessionFile.save(session, loop);
            out.println("Saved the session to " + session);
            return true;
        } catch (java.io.IOException e) {
            err.println(e.getMessage());
        }
        Path rescue = Path.of(System.getProperty("java.io.tmpdir"), "backprop-studio-rescued-"
                + System.currentTimeMillis() + ".bpsession");
        try {
            SessionFile.save(rescue, loop);
            err.println("The trained run was kept: it is saved as " + rescue);
        } catch (java.io.IOException again) {
            err.println("The trained run could not be kept either: " + again.getMessage());
        }
        return false;
    }

    private static void epochLine(PrintStream out, TrainingLoop loop, boolean terminal) {
        StringBuilder sb = new StringBuilder(terminal ? "\r" : "");
        sb.append(String.format(Locale.ROOT, "epoch %d  loss %s", loop.epoch(), Numbers.of(loop.trainLoss().last())));
        if (!Float.isNaN(loop.trainAccuracy().last())) {
            sb.append("  accuracy ").append(percent(loop.trainAccuracy().last()));
        }
        if (loop.validLoss().size() > 0) {
            sb.append("  validation loss ").append(Numbers.of(loop.validLoss().last()));
            if (!Float.isNaN(loop.validAccuracy().last())) {
                sb.append("  validation accuracy ").append(percent(loop.validAccuracy().last()));
            }
        }
        out.println(sb + (terminal ? "          " : ""));
    }

    private static void progressBar(PrintStream out, TrainingLoop loop, int epochs) {
        int width = 30;
        int done = (int) ((long) width * loop.position() / loop.data().trainSize());
        out.printf(Locale.ROOT, "\repoch %d/%d [%s%s] loss %s ", loop.epoch() + 1, epochs, "=".repeat(done),
                " ".repeat(width - done), Numbers.of(loop.lastLoss()));
        out.flush();
    }

    private static String percent(float v) {
        return String.format(Locale.ROOT, "%.2f%%", v * 100);
    }
}
