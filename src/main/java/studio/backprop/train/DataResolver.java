package studio.backprop.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import studio.backprop.data.HoldOut;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.InlineRows;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.tensor.Excerpt;
import studio.backprop.tensor.Tensor;

/**
 * Turns a document's [data] section into {@link TrainingData}.
 *
 * <p>Sources: {@code inline} (rows "x1, x2 -> y1, y2" in the file itself, as exercise sheets give them) and the
 * sources of {@link DataSources}. The training plan's validation and test fractions are split off afterwards. Every problem
 * is a {@link DataResolutionException} in words.
 */
public final class DataResolver {

    private DataResolver() {
    }

    /**
     * @param baseDir     the folder relative file names in the document are resolved against
     * @param outputShape the network's per-sample output shape (decides one-hot or single-column targets)
     */
    public static TrainingData resolve(NetworkDocument doc, Path baseDir, boolean classification, int[] outputShape) {
        return resolve(doc, baseDir, classification, outputShape, false);
    }

    /**
     * As {@link #resolve(NetworkDocument, Path, boolean, int[])}; data files outside {@code baseDir} (and the
     * bundled samples) are read only when {@code allowOutside} says the user agreed (see {@link DataFolder}).
     *
     * @throws DataOutsideFolderException when a data path lies outside and consent was not given
     */
    public static TrainingData resolve(NetworkDocument doc, Path baseDir, boolean classification, int[] outputShape,
            boolean allowOutside) {
        ComponentSpec data = doc.data();
        String source = data.type().trim().toLowerCase(Locale.ROOT);
        TrainingData all = switch (source) {
            case "inline" -> inline(data, classification, doc.inputShape(), outputShape);
            case "none", "" -> throw new DataResolutionException("the network file has no data: add a [data] "
                    + "section (inline rows, a generated set, the MNIST sample or a file)");
            default -> DataSources.load(source, data, doc.inputShape(), outputShape,
                    new DataFolder(baseDir, allowOutside));
        };
        return split(all, doc);
    }

    /** Rows "x1, x2 -> y1, y2", one per line, each read as a flat vector. */
    static TrainingData inline(ComponentSpec data, boolean classification) {
        return inline(data, classification, null, null);
    }

    /**
     * Rows "x1, x2 -> y1, y2", one per line. A row of H·W·C inputs feeds an image-shaped input H×W×C: the numbers
     * are read row by row of the image, channels last ({@code x[i, j, c]} is number (i·W + j)·C + c, counting from
     * 0), as a Flatten layer would lay them out. Targets whose count matches an image-shaped output are reshaped
     * the same way.
     *
     * @param inputShape  the network's per-sample input shape, or null to keep flat rows
     * @param outputShape the network's per-sample output shape, or null to keep flat targets
     * @throws DataResolutionException in words when a row's count does not fill an image-shaped input
     */
    static TrainingData inline(ComponentSpec data, boolean classification, int[] inputShape, int[] outputShape) {
        InlineRows rows;
        try {
            rows = InlineRows.parse(data.get("rows"));
        } catch (IllegalArgumentException e) {
            throw new DataResolutionException(e.getMessage(), e);
        }
        Tensor x = stack(rows.inputs());
        Tensor y = stack(rows.targets());
        if (inputShape != null && inputShape.length > 1) {
            x = toShape(x, inputShape, "input");
        }
        if (outputShape != null && outputShape.length > 1 && y.dim(1) == count(outputShape)) {
            y = y.reshape(withBatch(y.dim(0), outputShape));
        }
        return TrainingData.of(x, y, classification ? classNames(y) : List.of());
    }

    private static Tensor toShape(Tensor flat, int[] shape, String what) {
        long wanted = count(shape);
        if (flat.dim(1) != wanted) {
            throw new DataResolutionException("inline data: each row has " + flat.dim(1) + " " + what + "s but the "
                    + "network's " + what + " is " + times(shape) + " = " + wanted + " numbers; write "
                    + wanted + " numbers before the '->', the image row by row (channels last), or change the "
                    + "network's input shape");
        }
        return flat.reshape(withBatch(flat.dim(0), shape));
    }

    /** "28x28x1", as the file's {@code input =} line writes a shape. */
    private static String times(int[] shape) {
        StringBuilder b = new StringBuilder();
        for (int d : shape) {
            b.append(b.length() == 0 ? "" : "x").append(d);
        }
        return b.toString();
    }

    private static int count(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    private static int[] withBatch(int batch, int[] shape) {
        int[] out = new int[shape.length + 1];
        out[0] = batch;
        System.arraycopy(shape, 0, out, 1, shape.length);
        return out;
    }

    private static Tensor stack(List<float[]> rows) {
        int cols = rows.get(0).length;
        float[] flat = new float[rows.size() * cols];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, flat, r * cols, cols);
        }
        return Tensor.of(flat, rows.size(), cols);
    }

    /** "0", "1", … for one-hot targets; "0" and "1" for a single 0/1 or ±1 column. */
    static List<String> classNames(Tensor y) {
        int cols = y.dim(1);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < Math.max(2, cols); c++) {
            names.add(String.valueOf(c));
        }
        return names;
    }

    /**
     * Splits off the plan's validation and test fractions with {@link HoldOut}: the last rows, or a seeded shuffle
     * (the same split the data-handling lesson shows).
     */
    static TrainingData split(TrainingData all, NetworkDocument doc) {
        double validation = fraction(doc, "validation");
        double test = fraction(doc, "test");
        if (validation <= 0 && test <= 0 || all.hasValidation()) {
            return all;
        }
        boolean last = "last".equals(doc.training().get("split", "shuffled").trim());
        HoldOut parts;
        try {
            parts = HoldOut.of(all.trainSize(), validation, test, last, seed(doc));
        } catch (IllegalArgumentException e) {
            throw new DataResolutionException(e.getMessage(), e);
        }
        boolean v = parts.validation().length > 0;
        boolean t = parts.test().length > 0;
        return new TrainingData(rows(all.trainX(), parts.train()), rows(all.trainY(), parts.train()),
                v ? rows(all.trainX(), parts.validation()) : null, v ? rows(all.trainY(), parts.validation()) : null,
                t ? rows(all.trainX(), parts.test()) : null, t ? rows(all.trainY(), parts.test()) : null,
                all.classNames());
    }

    private static double fraction(NetworkDocument doc, String key) {
        String text = doc.training().get(key);
        try {
            return text == null ? 0 : Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new DataResolutionException("[training], " + key + ": '" + Excerpt.of(text) + "' is not a number; "
                    + "write a fraction such as 0.2");
        }
    }

    /** The plan's seed as the splitter reads it. */
    public static long seed(NetworkDocument doc) {
        try {
            return Long.parseLong(doc.training().get("seed", "1").trim());
        } catch (NumberFormatException e) {
            throw new DataResolutionException("[training], seed: '" + Excerpt.of(doc.training().get("seed"))
                    + "' is not a whole number");
        }
    }

    private static Tensor rows(Tensor t, int[] picked) {
        int[] shape = t.shape();
        int row = t.size() / shape[0];
        shape[0] = picked.length;
        float[] src = t.contiguous().buffer();
        float[] dst = new float[shape[0] * row];
        for (int i = 0; i < picked.length; i++) {
            System.arraycopy(src, picked[i] * row, dst, i * row, row);
        }
        return Tensor.of(dst, shape);
    }
}
