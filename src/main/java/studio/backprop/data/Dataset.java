package studio.backprop.data;

import java.util.Arrays;
import java.util.List;
import studio.backprop.tensor.Tensor;

/**
 * An immutable set of samples: features of shape (N, …sample shape), targets, and the names a screen shows.
 *
 * <p>Classification sets keep an int label per sample (0 ≤ label &lt; k, in the order of {@link #classNames()})
 * and give one-hot targets of shape (N, k); two-class sets can also give one target column (N, 1) holding
 * {@link #binaryLevels()} (0/1 unless made otherwise). Regression sets keep targets of shape (N, outputs).
 *
 * <p>Every accessor returning a tensor or an array returns a fresh copy, so no caller can change the set;
 * {@link Batches} reads the storage directly instead of copying the whole set.
 */
public final class Dataset {

    private final String name;
    private final float[] features;
    private final int[] sampleShape;
    private final int sampleSize;
    private final int size;
    private final TaskKind task;
    private final int[] labels;
    private final float[] targets;
    private final int targetWidth;
    private final List<String> featureNames;
    private final List<String> classNames;
    private final List<String> targetNames;
    private final float[] binaryLevels;

    private Dataset(Builder b) {
        this.name = b.name;
        this.features = b.features;
        this.sampleShape = b.sampleShape;
        this.sampleSize = b.sampleSize;
        this.size = b.size;
        this.task = b.task;
        this.labels = b.labels;
        this.targets = b.targets;
        this.targetWidth = b.targetWidth;
        this.featureNames = List.copyOf(b.featureNames);
        this.classNames = List.copyOf(b.classNames);
        this.targetNames = List.copyOf(b.targetNames);
        this.binaryLevels = b.binaryLevels;
    }

    /**
     * A classification set.
     *
     * @param features     (N, …sample shape); copied
     * @param labels       N class indices in [0, classNames.size())
     * @param classNames   at least two names; their order defines the label numbers
     * @param featureNames one name per feature value, or empty (images)
     */
    public static Dataset classification(String name, Tensor features, int[] labels, List<String> classNames,
            List<String> featureNames) {
        Builder b = new Builder(name, features, featureNames);
        int k = classNames.size();
        if (k < 2) {
            throw new IllegalArgumentException(name + ": a classification set needs at least two classes, got "
                    + classNames);
        }
        if (labels.length != b.size) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels for " + b.size + " samples");
        }
        float[] oneHot = new float[b.size * k];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of sample " + i
                        + " is outside 0.." + (k - 1));
            }
            oneHot[i * k + labels[i]] = 1f;
        }
        b.task = k == 2 ? TaskKind.BINARY_CLASSIFICATION : TaskKind.MULTI_CLASS_CLASSIFICATION;
        b.labels = labels.clone();
        b.targets = oneHot;
        b.targetWidth = k;
        b.classNames = classNames;
        return new Dataset(b);
    }

    /**
     * A regression set.
     *
     * @param features    (N, …sample shape); copied
     * @param targets     (N, outputs) or (N); copied
     * @param targetNames one name per output column, or empty
     */
    public static Dataset regression(String name, Tensor features, Tensor targets, List<String> featureNames,
            List<String> targetNames) {
        Builder b = new Builder(name, features, featureNames);
        int[] ts = targets.shape();
        if (ts.length < 1 || ts.length > 2 || ts[0] != b.size) {
            throw new IllegalArgumentException(name + ": regression targets must have shape (N, outputs) with N = "
                    + b.size + ", got " + Arrays.toString(ts));
        }
        int width = ts.length == 1 ? 1 : ts[1];
        if (!targetNames.isEmpty() && targetNames.size() != width) {
            throw new IllegalArgumentException(name + ": " + targetNames.size() + " target names for " + width
                    + " target columns");
        }
        b.task = TaskKind.REGRESSION;
        b.targets = targets.contiguous().toArray();
        b.targetWidth = width;
        b.targetNames = targetNames;
        return new Dataset(b);
    }

    /** The same two-class set whose {@link #binaryTargets()} holds {@code negative} and {@code positive}. */
    public Dataset withBinaryLevels(float negative, float positive) {
        if (task != TaskKind.BINARY_CLASSIFICATION) {
            throw new IllegalStateException(name + ": binary levels need a two-class set, this is " + task);
        }
        Builder b = copyBuilder(name);
        b.binaryLevels = new float[] {negative, positive};
        return new Dataset(b);
    }

    /** The same samples under another name. */
    public Dataset withName(String newName) {
        return new Dataset(copyBuilder(newName));
    }

    /** The samples at {@code indices}, in that order (repeats allowed); names and task unchanged. */
    public Dataset subset(int[] indices) {
        Builder b = copyBuilder(name);
        b.size = indices.length;
        b.features = new float[indices.length * sampleSize];
        b.targets = new float[indices.length * targetWidth];
        b.labels = labels == null ? null : new int[indices.length];
        for (int j = 0; j < indices.length; j++) {
            int i = indices[j];
            if (i < 0 || i >= size) {
                throw new IndexOutOfBoundsException(name + ": sample index " + i + " is outside 0.." + (size - 1));
            }
            System.arraycopy(features, i * sampleSize, b.features, j * sampleSize, sampleSize);
            System.arraycopy(targets, i * targetWidth, b.targets, j * targetWidth, targetWidth);
            if (labels != null) {
                b.labels[j] = labels[i];
            }
        }
        return new Dataset(b);
    }

    public String name() {
        return name;
    }

    /** Number of samples N. */
    public int size() {
        return size;
    }

    /** The shape of one sample: (features) for tables, (height, width, channels) for images. */
    public int[] sampleShape() {
        return sampleShape.clone();
    }

    /** Number of float values in one sample (the product of the sample shape). */
    public int sampleSize() {
        return sampleSize;
    }

    public TaskKind task() {
        return task;
    }

    /** All features, shape (N, …sample shape); a copy. */
    public Tensor features() {
        return Tensor.wrap(features.clone(), featureShape(size));
    }

    /** Targets: one-hot (N, k) for classification, (N, outputs) for regression; a copy. */
    public Tensor targets() {
        return Tensor.wrap(targets.clone(), size, targetWidth);
    }

    /** Width of a target row: k for classification, the number of outputs for regression. */
    public int targetWidth() {
        return targetWidth;
    }

    /** The class index of every sample; a copy. Only for classification sets. */
    public int[] labels() {
        requireClassification("labels");
        return labels.clone();
    }

    /** The class index of sample i. */
    public int label(int i) {
        requireClassification("label");
        return labels[i];
    }

    /** One target column (N, 1) holding the negative or positive level of {@link #binaryLevels()}. */
    public Tensor binaryTargets() {
        if (task != TaskKind.BINARY_CLASSIFICATION) {
            throw new IllegalStateException(name + ": binaryTargets needs a two-class set, this is " + task);
        }
        float[] column = new float[size];
        for (int i = 0; i < size; i++) {
            column[i] = binaryLevels[labels[i]];
        }
        return Tensor.wrap(column, size, 1);
    }

    /** The values {@link #binaryTargets()} uses for class 0 and class 1. */
    public float[] binaryLevels() {
        return binaryLevels.clone();
    }

    /** Number of classes k (0 for regression). */
    public int classCount() {
        return classNames.size();
    }

    /** How many samples each class has, indexed by label. */
    public int[] classCounts() {
        requireClassification("classCounts");
        int[] counts = new int[classNames.size()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** One name per feature value, or empty for images. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** Class names in label order; empty for regression. */
    public List<String> classNames() {
        return classNames;
    }

    /** Names of the regression outputs; empty for classification. */
    public List<String> targetNames() {
        return targetNames;
    }

    /** One line for the UI, e.g. "spiral, 400 points, 2 features, 2 classes". */
    public String describe() {
        StringBuilder s = new StringBuilder(name).append(", ");
        if (sampleShape.length == 3) {
            s.append(count(size, "image")).append(" of ").append(sampleShape[0]).append('×').append(sampleShape[1])
                    .append('×').append(sampleShape[2]);
        } else {
            s.append(count(size, sampleShape.length == 1 ? "point" : "sample")).append(", ")
                    .append(count(sampleSize, "feature"));
        }
        s.append(", ").append(task.isClassification() ? count(classCount(), "class") : count(targetWidth, "target"));
        return s.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    float[] featureData() {
        return features;
    }

    float[] targetData() {
        return targets;
    }

    int[] labelData() {
        return labels;
    }

    int[] featureShape(int rows) {
        int[] shape = new int[sampleShape.length + 1];
        shape[0] = rows;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        return shape;
    }

    private static String count(int n, String noun) {
        String plural = noun.endsWith("s") ? noun + "es" : noun + "s";
        return n + " " + (n == 1 ? noun : plural);
    }

    private void requireClassification(String what) {
        if (labels == null) {
            throw new IllegalStateException(name + ": " + what + " needs a classification set, this is " + task);
        }
    }

    private Builder copyBuilder(String newName) {
        Builder b = new Builder(newName);
        b.features = features;
        b.sampleShape = sampleShape;
        b.sampleSize = sampleSize;
        b.size = size;
        b.task = task;
        b.labels = labels;
        b.targets = targets;
        b.targetWidth = targetWidth;
        b.featureNames = featureNames;
        b.classNames = classNames;
        b.targetNames = targetNames;
        b.binaryLevels = binaryLevels;
        return b;
    }

    /** Field holder so the constructor stays one assignment per field. */
    private static final class Builder {
        String name;
        float[] features;
        int[] sampleShape;
        int sampleSize;
        int size;
        TaskKind task;
        int[] labels;
        float[] targets;
        int targetWidth;
        List<String> featureNames = List.of();
        List<String> classNames = List.of();
        List<String> targetNames = List.of();
        float[] binaryLevels = {0f, 1f};

        Builder(String name) {
            this.name = name;
        }

        Builder(String name, Tensor featureTensor, List<String> featureNames) {
            this(name);
            int[] shape = featureTensor.shape();
            if (shape.length < 2) {
                throw new IllegalArgumentException(name + ": features need shape (N, …sample shape), got "
                        + Arrays.toString(shape));
            }
            this.size = shape[0];
            this.sampleShape = Arrays.copyOfRange(shape, 1, shape.length);
            this.sampleSize = shape[0] == 0 ? product(sampleShape) : featureTensor.size() / shape[0];
            this.features = featureTensor.contiguous().toArray();
            if (!featureNames.isEmpty() && featureNames.size() != sampleSize) {
                throw new IllegalArgumentException(name + ": " + featureNames.size() + " feature names for "
                        + sampleSize + " feature values per sample");
            }
            this.featureNames = featureNames;
        }

        private static int product(int[] shape) {
            int p = 1;
            for (int d : shape) {
                p *= d;
            }
            return p;
        }
    }
}
