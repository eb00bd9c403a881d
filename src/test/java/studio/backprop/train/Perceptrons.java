package studio.backprop.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import studio.backprop.spec.Compilation;
import studio.backprop.spec.DocumentCompiler;
import studio.backprop.spec.DocumentFormat;
import studio.backprop.spec.NetworkDocument;

/** Perceptron documents written as files, and their trace rows as the lines of a hand-written trace table. */
final class Perceptrons {

    private Perceptrons() {
    }

    /**
     * A one-unit perceptron file.
     *
     * @param unit     extra settings of the Perceptron layer, e.g. "labels = -1/+1"
     * @param weights  the [weights unit] lines, or "" for zero weights
     * @param eta      η
     * @param training the [training] lines besides the epoch cap, e.g. "order = 3, 4, 1, 2"
     * @param data     the [data …] section
     */
    static NetworkDocument document(int inputs, String unit, String weights, String eta, int cap, String training,
                                    String data) {
        String text = "backprop-studio network 1\nname = test\ninput = " + inputs + "\n\n[layer unit]\n"
                + "type = Perceptron\n" + unit + "\n\n" + (weights.isEmpty() ? "" : "[weights unit]\n" + weights
                + "\n\n") + "[optimizer perceptron]\nlearning_rate = " + eta + "\n\n[training]\nepochs = " + cap
                + "\n" + training + "\n\n" + data + "\n";
        try {
            return DocumentFormat.read(text, "test.bps");
        } catch (studio.backprop.spec.DocumentFormatException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** A gate's truth table as a [data logic] section, rows (0,0), (0,1), (1,0), (1,1). */
    static String gate(String gate, String labels) {
        return "[data logic]\ngate = " + gate + "\nlabels = " + labels;
    }

    /** A loop over a document whose data the resolver reads (the truth tables, inline rows). */
    static TrainingLoop loop(NetworkDocument doc) {
        Compilation c = DocumentCompiler.compile(doc);
        if (!c.trainable()) {
            throw new AssertionError(c.whyNotTrainable());
        }
        TrainingLoop loop = new TrainingLoop(c, DataResolver.resolve(doc, Path.of("samples"), true,
                c.network().outputShape()));
        loop.setRecording(true);
        return loop;
    }

    /** The perceptron OR from zero weights with η = 1 and labels 0/1, in the given order. */
    static TrainingLoop or(String order) {
        return loop(document(2, "labels = 0/1", "", "1", 20, "order = " + order, gate("or", "0/1")));
    }

    /** Presents {@code samples} samples one at a time and returns their rows, as lines of a trace table. */
    static List<String> step(TrainingLoop loop, int samples) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            loop.stepSample();
            rows.add(line(loop.lastRecord()));
        }
        return rows;
    }

    /** Presents samples until training finishes and returns every row. */
    static List<String> run(TrainingLoop loop) {
        List<String> rows = new ArrayList<>();
        while (!loop.finished()) {
            rows.addAll(step(loop, 1));
        }
        return rows;
    }

    /**
     * One record's row: "epoch 1, sample 3: x (1, 0), z 0, ŷ 0, y 1, y − ŷ 1, update: (0, 0), 0 → (1, 0), 1";
     * a row without update ends "no update: (1, 0), 1".
     */
    static String line(StepRecord r) {
        StepRecord.PerceptronRow row = r.perceptronRows().get(0);
        String head = "epoch " + r.epoch() + ", sample " + row.sample() + ": x " + vec(row.x()) + ", z "
                + num(row.z()) + ", ŷ " + row.predicted() + ", y " + row.label() + ", y − ŷ " + row.error() + ", ";
        String before = vec(row.weightsBefore()) + ", " + num(row.biasBefore());
        return head + (row.updated() ? "update: " + before + " → " + vec(row.weightsAfter()) + ", "
                + num(row.biasAfter()) : "no update: " + before);
    }

    /** w and b now, as "(1, 1), 0". */
    static String weights(TrainingLoop loop) {
        float[] w = loop.network().parameters().get(0).value().toArray();
        float b = loop.network().parameters().get(1).value().toArray()[0];
        return vec(w) + ", " + num(b);
    }

    private static String vec(float[] v) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(num(v[i]));
        }
        return sb.append(')').toString();
    }

    /** Whole numbers without ".0", others as the shortest double of the float ("0.25"). */
    private static String num(double v) {
        double plain = Double.parseDouble(Float.toString((float) v));
        return plain == Math.rint(plain) ? String.valueOf((long) plain) : String.format(Locale.ROOT, "%s", plain);
    }
}
