package studio.backprop.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import studio.backprop.io.SessionFile;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.tensor.NonFiniteException;
import studio.backprop.tensor.Tensor;
import studio.backprop.train.TrainingData;
import studio.backprop.train.TrainingLoop;
import studio.backprop.train.metrics.ConfusionMatrix;
import studio.backprop.train.metrics.Labels;
import studio.backprop.train.metrics.MetricsText;
import studio.backprop.train.metrics.RegressionMetrics;

/**
 * {@code evaluate SESSION [--data FILE] [--split train|validation|test]}: loss, accuracy, the confusion matrix and the
 * per-class report of a saved session, on its own data or on the data of another network file.
 */
final class EvaluateCommand implements Command {

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String usage() {
        return "evaluate SESSION [--data FILE] [--split train|validation|test]   metrics and confusion matrix";
    }

    @Override
    public java.util.Set<String> options() {
        return java.util.Set.of("data", "split");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        args.maxPositional(1);
        TrainingLoop loop = SessionFile.open(Path.of(args.positional(0, "the session file")));
        TrainingData data = loop.data();
        if (args.option("data") != null) {
            Path file = Path.of(args.option("data"));
            NetworkDocument doc = Workspace.read(file);
            data = Workspace.data(doc, loop.compilation(), file, args.flag("allow-outside-data"));
        }
        String split = args.option("split") != null ? args.option("split")
                : data.hasValidation() ? "validation" : "train";
        Tensor x;
        Tensor y;
        switch (split) {
            case "train" -> {
                x = data.trainX();
                y = data.trainY();
            }
            case "validation" -> {
                if (!data.hasValidation()) {
                    throw new UsageException("evaluate: this data has no validation part; use --split train");
                }
                x = data.validX();
                y = data.validY();
            }
            case "test" -> {
                if (!data.hasTest()) {
                    throw new UsageException("evaluate: this data has no test split (set [training] test = 0.1 in the"
                            + " network file and train again); use --split train or validation");
                }
                x = data.testX();
                y = data.testY();
            }
            default -> throw new UsageException("evaluate: --split takes train, validation or test, not '" + split
                    + "'");
        }
        out.printf(Locale.ROOT, "Evaluated on the %s data: %d samples%n", split, x.dim(0));
        long bad = nonFiniteWeights(loop);
        float[] lossAcc;
        Tensor predictions;
        try {
            if (bad > 0) {
                throw new NonFiniteException("weights", bad + " saved weights are NaN or infinite");
            }
            lossAcc = loop.evaluate(x, y);
            predictions = loop.predict(x);
        } catch (NonFiniteException e) {
            out.println("loss      not a number: the network's outputs are not finite");
            err.println("The session's weights come from a run that diverged (" + e.getMessage() + "), so no "
                    + "metrics can be computed; train it again from the network file with a lower learning rate");
            return 1;
        }
        out.println("loss      " + Numbers.of(lossAcc[0]) + " (" + loop.compilation().loss().describe() + ")");
        if (data.classification()) {
            int classes = y.dim(1) == 1 ? 2 : y.dim(1);
            int[] actual = y.dim(1) == 1 ? binaryLabels(y, loop) : Labels.fromTargets(y, classes);
            ConfusionMatrix cm = y.dim(1) == 1 ? ConfusionMatrix.binary(predictions, actual, threshold(loop))
                    : ConfusionMatrix.fromScores(predictions, actual);
            cm = cm.withClassNames(data.classNames().size() == cm.classes() ? data.classNames()
                    : defaultNames(cm.classes()));
            out.println("accuracy  " + MetricsText.number(cm.accuracy()));
            out.println();
            out.println("Confusion matrix (rows: true class, columns: predicted class)");
            out.println(MetricsText.table(cm));
            out.println(MetricsText.report(cm));
        } else {
            RegressionMetrics r = RegressionMetrics.of(predictions, y);
            out.println("MSE       " + MetricsText.number(r.mse()));
            out.println("MAE       " + MetricsText.number(r.mae()));
            out.println("R²        " + MetricsText.number(r.r2()));
        }
        return 0;
    }

    /** How many saved weights are NaN or infinite. */
    private static long nonFiniteWeights(TrainingLoop loop) {
        long bad = 0;
        for (float[] values : loop.checkpoint().weights().values()) {
            for (float v : values) {
                bad += Float.isFinite(v) ? 0 : 1;
            }
        }
        return bad;
    }

    /** Class 1 for targets ≥ 0.5 (0/1 labels) or > 0 (±1 labels of the hinge losses). */
    private static int[] binaryLabels(Tensor y, TrainingLoop loop) {
        boolean signs = loop.compilation().outputKind() == studio.backprop.nn.loss.OutputKind.SCORE;
        float[] t = y.toArray();
        int[] labels = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            labels[i] = (signs ? t[i] > 0 : t[i] >= 0.5f) ? 1 : 0;
        }
        return labels;
    }

    private static double threshold(TrainingLoop loop) {
        return loop.compilation().outputKind().outputThreshold();
    }

    private static java.util.List<String> defaultNames(int classes) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(String.valueOf(c));
        }
        return names;
    }
}
