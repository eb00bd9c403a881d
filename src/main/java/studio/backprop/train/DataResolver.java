package studio.backprop.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.spec.InlineRows;
import studio.backprop.spec.NetworkDocument;
import studio.backprop.tensor.Excerpt;
import studio.backprop.tensor.Tensor;

/**
 * Turns a document's [data] section into {@link TrainingData}.
 *
 * <p>Sources: {@code inline} (rows "x1, x2 -> y1, y2" in the file itself, as exercise sheets give them) and the
 * sources of {@link DataSources}. The training plan's validation fraction is split off afterwards. Every problem
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
            case "inline" -> toInputShape(inline(data, classification), doc.inputShape());
            case "none", "" -> throw new DataResolutionException("the network file has no data: add a [data] "
                    + "section (inline rows, a generated set, the MNIST sample or a file)");
            default -> DataSources.load(source, data, doc.inputShape(), outputShape,
                    new DataFolder(baseDir, allowOutside));
        };
        return split(all, doc);
    }

    /** Inline rows are flat; a sequence input (steps × features) reads each row's numbers step by step. */
    private static TrainingData toInputShape(TrainingData data, int[] inputShape) {
        Tensor x = data.trainX();
        int perRow = x.size() / Math.max(1, x.dim(0));
        if (inputShape.length < 2 || perRow != java.util.Arrays.stream(inputShape).reduce(1, (a, b) -> a * b)) {
            return data;
        }
        int[] shape = new int[inputShape.length + 1];
        shape[0] = x.dim(0);
        System.arraycopy(inputShape, 0, shape, 1, inputShape.length);
        return TrainingData.of(x.reshape(shape), data.trainY(), data.classNames());
    }

    /** Rows "x1, x2 -> y1, y2", one per line. */
    static TrainingData inline(ComponentSpec data, boolean classification) {
        InlineRows rows;
        try {
            rows = InlineRows.parse(data.get("rows"));
        } catch (IllegalArgumentException e) {
            throw new DataResolutionException(e.getMessage(), e);
        }
        Tensor x = stack(rows.inputs());
        Tensor y = stack(rows.targets());
        return TrainingData.of(x, y, classification ? classNames(y) : List.of());
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

    /** Splits off the plan's validation fraction: the last rows, or a seeded shuffle. */
    static TrainingData split(TrainingData all, NetworkDocument doc) {
        String text = doc.training().get("validation");
        double fraction;
        try {
            fraction = text == null ? 0 : Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new DataResolutionException("[training], validation: '" + Excerpt.of(text) + "' is not a number; "
                    + "write a fraction such as 0.2");
        }
        if (fraction <= 0 || all.hasValidation()) {
            return all;
        }
        int n = all.trainSize();
        int valid = (int) Math.round(n * fraction);
        if (valid < 1 || valid >= n) {
            throw new DataResolutionException("a validation fraction of " + fraction + " leaves "
                    + (valid < 1 ? "no validation sample" : "no training sample") + " from " + n + " samples");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (!"last".equals(doc.training().get("split", "shuffled").trim())) {
            long seed;
            try {
                seed = Long.parseLong(doc.training().get("seed", "1").trim());
            } catch (NumberFormatException e) {
                throw new DataResolutionException("[training], seed: '" + Excerpt.of(doc.training().get("seed"))
                        + "' is not a whole number");
            }
            new studio.backprop.tensor.Rng(seed ^ 0x5EEDL).shuffle(order);
        }
        return new TrainingData(rows(all.trainX(), order, 0, n - valid), rows(all.trainY(), order, 0, n - valid),
                rows(all.trainX(), order, n - valid, n), rows(all.trainY(), order, n - valid, n), all.classNames());
    }

    private static Tensor rows(Tensor t, int[] order, int from, int to) {
        int[] shape = t.shape();
        int row = t.size() / shape[0];
        shape[0] = to - from;
        float[] src = t.contiguous().buffer();
        float[] dst = new float[shape[0] * row];
        for (int i = from; i < to; i++) {
            System.arraycopy(src, order[i] * row, dst, (i - from) * row, row);
        }
        return Tensor.of(dst, shape);
    }
}
