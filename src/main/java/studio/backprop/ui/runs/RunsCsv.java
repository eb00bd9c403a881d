package studio.backprop.ui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import studio.backprop.io.AtomicFile;
import studio.backprop.train.Series;

/**
 * The kept runs' curves as one CSV table, a row per value: run, its settings, the curve, the point's number, its
 * epoch on the charts' x axis and the value. A curve thinned by its history (each value the mean of {@code stride}
 * steps or epochs) is written as stored, at the x of its last step or epoch, as the charts draw it.
 */
public final class RunsCsv {

    static final String HEADER = "run,optimizer,learning_rate,batch_size,seed,curve,point,epoch,value";

    private RunsCsv() {
    }

    /** The table of {@code runs}. */
    public static String table(List<KeptRun> runs) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (KeptRun run : runs) {
            curve(out, run, "loss per step", run.stepLoss(), run.stepsPerEpoch());
            curve(out, run, "train loss", run.trainLoss(), 1);
            curve(out, run, "validation loss", run.validLoss(), 1);
            curve(out, run, "train accuracy", run.trainAccuracy(), 1);
            curve(out, run, "validation accuracy", run.validAccuracy(), 1);
            curve(out, run, "learning rate", run.learningRates(), run.stepsPerEpoch());
        }
        return out.toString();
    }

    /**
     * Writes the table in one atomic step (the previous file stays whole if writing fails).
     *
     * @throws IOException naming the file and the reason
     */
    public static void write(Path file, List<KeptRun> runs) throws IOException {
        AtomicFile.writeString(file, table(runs));
    }

    private static void curve(StringBuilder out, KeptRun run, String name, Series.View values, double perEpoch) {
        RunSettings s = run.settings();
        String prefix = quoted(run.name()) + ',' + quoted(s.optimizer()) + ',' + number(s.learningRate()) + ','
                + s.batchSize() + ',' + s.seed() + ',' + name + ',';
        for (int i = 0; i < values.size(); i++) {
            double epoch = (double) (i + 1) * values.stride() / perEpoch;
            out.append(prefix).append((long) (i + 1) * values.stride()).append(',').append(number(epoch))
                    .append(',').append(value(values.get(i))).append('\n');
        }
    }

    /** A stored float in its shortest form that reads back to the same float; empty for NaN (no accuracy). */
    private static String value(float v) {
        return Float.isNaN(v) ? "" : Float.toString(v);
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.9g", v).replaceAll("0+(e|$)", "$1").replaceAll("\\.(e|$)", "$1");
    }

    /** A field in double quotes when it holds a comma, a quote or a line break (quotes doubled). */
    static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
