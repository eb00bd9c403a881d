package studio.backprop.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import studio.backprop.data.ColumnEncoding;
import studio.backprop.data.CsvLoader;
import studio.backprop.data.CsvOptions;
import studio.backprop.data.Curves;
import studio.backprop.data.Dataset;
import studio.backprop.data.DatasetException;
import studio.backprop.data.GateTable;
import studio.backprop.data.Generators;
import studio.backprop.data.IdxLoader;
import studio.backprop.data.ImageFolderLoader;
import studio.backprop.data.ImageFolderOptions;
import studio.backprop.data.Interpolation;
import studio.backprop.data.LabelLevels;
import studio.backprop.data.SampleData;
import studio.backprop.data.SequenceCsvLoader;
import studio.backprop.data.SequenceTasks;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.tensor.Excerpt;
import studio.backprop.tensor.MemoryBudget;
import studio.backprop.tensor.Tensor;

/**
 * The [data] sources besides inline rows, and how their samples meet the network: a dataset's features are
 * reshaped to the network's input when the sizes agree (784 ↔ 28×28×1), class labels become one-hot rows for a
 * network with one output per class, or a single 0/1 (or ±1) column for a network with one output.
 *
 * <pre>
 * [data generated]  generator = circle | xor | gaussians | spiral | moons | blobs; samples; noise; seed; classes
 * [data logic]      gate = and | or | nand | nor | xor; labels = 0/1 | -1/+1
 * [data curve]      function = sine | polynomial; samples; noise; seed; coefficients = 1, 0, -2
 * [data mnist]      count (at most 10000); targets = labels | inputs (an autoencoder reproduces its input)
 * [data csv]        file; label; header; delimiter; numeric = min_max | standardize | raw;
 *                   categorical = one_hot | ordinal
 * [data idx]        images; labels; classes
 * [data images]     folder; size = 28x28; color = grayscale | rgb
 * [data sequence]   task = delayed_copy | echo | sum | sine | parity | sort | copy; samples; steps; delay;
 *                   tokens; noise; seed
 * [data csv_sequence] file; sequence (column); target (column); features (per step); delimiter
 * </pre>
 */
final class DataSources {

    private DataSources() {
    }

    static TrainingData load(String source, ComponentSpec spec, int[] inputShape, int[] outputShape,
            DataFolder folder) {
        Settings s = new Settings(source, spec);
        try {
            Dataset d = switch (source) {
                case "generated" -> generated(s);
                case "logic" -> s.choice("gate", "xor", GateTable.class)
                        .dataset(s.text("labels", "0/1").equals("-1/+1") ? LabelLevels.MINUS_ONE_PLUS_ONE
                                : LabelLevels.ZERO_ONE);
                case "curve" -> curve(s);
                case "mnist" -> mnist(s);
                case "csv" -> CsvLoader.load(s.path(folder, "file"), csvOptions(s));
                case "idx" -> IdxLoader.load("idx", s.path(folder, "images"), s.path(folder, "labels"),
                        s.bounded("classes", 10, 2, 256));
                case "images" -> ImageFolderLoader.load(s.path(folder, "folder"), imageOptions(s));
                case "sequence" -> sequenceTask(s);
                case "csv_sequence" -> SequenceCsvLoader.load(s.path(folder, "file"), delimiter(s),
                        s.spec.get("sequence", "sequence").trim(), s.spec.get("target", "target").trim(),
                        s.bounded("features", 1, 1, 1_000_000));
                default -> throw new DataResolutionException("unknown data source '" + source + "'; the sources are "
                        + "inline, generated, logic, curve, mnist, csv, idx, images, sequence and csv_sequence");
            };
            boolean autoencoder = source.equals("mnist") && s.text("targets", "labels").equals("inputs");
            TrainingData fitted = fit(d, inputShape, outputShape, autoencoder);
            if (source.equals("sequence") && SequenceTasks.usesTokens(s.text("task", "delayed_copy"))) {
                // One-hot tokens per step are classes: accuracy counts a sequence right when every step is.
                List<String> tokens = java.util.stream.IntStream.range(0, s.bounded("tokens", 10, 2, 100_000))
                        .mapToObj(String::valueOf).toList();
                return TrainingData.of(fitted.trainX(), fitted.trainY(), tokens);
            }
            return fitted;
        } catch (DatasetException e) {
            throw new DataResolutionException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            if (e instanceof DataResolutionException) {
                throw e;
            }
            String m = e.getMessage() == null || e instanceof NumberFormatException
                    ? "a setting is not a number it can read" : Excerpt.message(e.getMessage(), 400, 10);
            throw new DataResolutionException("[data " + source + "]: " + m, e);
        }
    }

    /** The most samples a generated set or curve may have. */
    static final int MAX_SAMPLES = 10_000_000;
    /** The most classes of generated blobs. */
    static final int MAX_CLASSES = 1000;

    private static Dataset generated(Settings s) {
        int size = s.bounded("samples", 400, 1, MAX_SAMPLES);
        int classes = s.text("generator", "spiral").equals("blobs") ? s.bounded("classes", 3, 2, MAX_CLASSES) : 2;
        s.fits("samples", size, 2 + classes);
        double noise = s.decimal("noise", 0.1);
        long seed = s.integer("seed", 1);
        return switch (s.text("generator", "spiral")) {
            case "circle" -> Generators.circle(size, noise, seed);
            case "xor" -> Generators.xor(size, noise, seed);
            case "gaussians" -> Generators.gaussians(size, noise, seed);
            case "spiral" -> Generators.spiral(size, noise, seed);
            case "moons" -> Generators.moons(size, noise, seed);
            case "blobs" -> Generators.blobs(size, s.bounded("classes", 3, 2, MAX_CLASSES), noise, seed);
            default -> throw new DataResolutionException("[data generated]: generator '"
                    + Excerpt.of(s.text("generator", ""))
                    + "' is not one of circle, xor, gaussians, spiral, moons, blobs");
        };
    }

    private static Dataset sequenceTask(Settings s) {
        int samples = s.bounded("samples", 1000, 1, MAX_SAMPLES);
        int steps = s.bounded("steps", 8, 1, 10_000);
        int tokens = s.bounded("tokens", 10, 2, 100_000);
        s.fits("samples", samples, steps * (1 + tokens));
        return SequenceTasks.generate(s.text("task", "delayed_copy"), samples, steps, s.bounded("delay", 2, 0, 9_999),
                tokens, s.decimal("noise", 0.05), s.integer("seed", 1));
    }

    private static Dataset curve(Settings s) {
        int size = s.bounded("samples", 200, 1, MAX_SAMPLES);
        s.fits("samples", size, 2);
        double noise = s.decimal("noise", 0.05);
        long seed = s.integer("seed", 1);
        if (s.text("function", "sine").equals("polynomial")) {
            String[] parts = s.text("coefficients", "0, 1").split("\\s*,\\s*");
            if (parts.length > 64) {
                throw new DataResolutionException("[data curve], coefficients: " + parts.length + " given; a "
                        + "polynomial here has at most 64");
            }
            double[] c = new double[parts.length];
            for (int i = 0; i < c.length; i++) {
                c[i] = s.number("coefficients", parts[i]);
            }
            return Curves.polynomial(size, noise, seed, c);
        }
        return Curves.sine(size, noise, seed);
    }

    private static Dataset mnist(Settings s) throws DatasetException {
        Dataset all = SampleData.mnist10k();
        int count = s.integer("count", all.size());
        if (count < 1 || count > all.size()) {
            throw new DataResolutionException("[data mnist]: count must be between 1 and " + all.size() + ", got "
                    + count);
        }
        if (count == all.size()) {
            return all;
        }
        int[] first = new int[count];
        for (int i = 0; i < count; i++) {
            first[i] = i;
        }
        return all.subset(first);
    }

    private static CsvOptions csvOptions(Settings s) {
        CsvOptions o = CsvOptions.defaults().withHeader(Boolean.parseBoolean(s.text("header", "true")))
                .withDelimiter(delimiter(s));
        String label = s.text("label", "");
        if (!label.isEmpty()) {
            o = label.chars().allMatch(Character::isDigit) ? o.withLabel(s.bounded("label", 0, 0, 1_000_000))
                    : o.withLabel(label);
        }
        o = o.withNumericEncoding(s.choice("numeric", "min_max", ColumnEncoding.class));
        return o.withCategoricalEncoding(s.choice("categorical", "one_hot", ColumnEncoding.class));
    }

    private static char delimiter(Settings s) {
        String delimiter = s.spec.get("delimiter", ",");
        String trimmed = delimiter.trim().toLowerCase(Locale.ROOT);
        if (trimmed.equals("tab") || delimiter.equals("\t")) {
            return '\t';
        } else if (trimmed.length() == 1 && trimmed.charAt(0) != '"') {
            return trimmed.charAt(0);
        }
        throw new DataResolutionException("[data " + s.source + "], delimiter: '" + Excerpt.of(delimiter) + "' is not "
                + "one character; write e.g. 'delimiter = ;' or 'delimiter = tab'");
    }

    private static ImageFolderOptions imageOptions(Settings s) {
        ImageFolderOptions o = s.text("color", "grayscale").equals("rgb") ? ImageFolderOptions.rgb()
                : ImageFolderOptions.grayscale();
        String size = s.text("size", "").replace('×', 'x').replace(" ", "");
        if (!size.isEmpty()) {
            String[] hw = size.split("x", -1);
            try {
                if (hw.length > 2) {
                    throw new NumberFormatException();
                }
                int h = Integer.parseInt(hw[0]);
                int w = Integer.parseInt(hw[hw.length - 1]);
                if (h < 1 || w < 1 || h > ImageFolderOptions.MAX_SIDE || w > ImageFolderOptions.MAX_SIDE) {
                    throw new NumberFormatException();
                }
                o = o.resizedTo(h, w, Interpolation.BILINEAR);
            } catch (NumberFormatException e) {
                throw new DataResolutionException("[data images], size: '" + Excerpt.of(s.spec.get("size"))
                        + "' is not a size; write height x width, e.g. 28x28, each between 1 and "
                        + ImageFolderOptions.MAX_SIDE);
            }
        }
        return o;
    }

    /** Shapes a dataset to the network: features to the input shape, targets to the output width. */
    static TrainingData fit(Dataset d, int[] inputShape, int[] outputShape, boolean autoencoder) {
        Tensor x = d.features();
        int perSample = x.size() / x.dim(0);
        if (perSample == size(inputShape)) {
            x = x.reshape(prepend(x.dim(0), inputShape));
        }
        if (autoencoder) {
            Tensor y = d.features();
            if (y.size() / y.dim(0) == size(outputShape)) {
                y = y.reshape(prepend(y.dim(0), outputShape));
            }
            return TrainingData.of(x, y, List.of());
        }
        if (!d.task().isClassification()) {
            Tensor y = d.targets();
            if (outputShape.length > 1 && y.size() / y.dim(0) == size(outputShape)) {
                y = y.reshape(prepend(y.dim(0), outputShape)); // a target per step: (N, steps, outputs)
            }
            return TrainingData.of(x, y, List.of());
        }
        int outputs = size(outputShape);
        String memory = MemoryBudget.problem(MemoryBudget.product(d.size(), d.classCount(), MemoryBudget.FLOAT_BYTES));
        if (memory != null) {
            throw new DataResolutionException("the data has " + MemoryBudget.count(d.classCount()) + " classes for "
                    + MemoryBudget.count(d.size()) + " samples; as one-hot targets " + memory);
        }
        Tensor y = outputs == 1 && d.classCount() == 2 ? d.binaryTargets() : d.targets();
        return TrainingData.of(x, y, d.classNames());
    }

    private static int size(int[] shape) {
        int n = 1;
        for (int v : shape) {
            n *= v;
        }
        return n;
    }

    private static int[] prepend(int rows, int[] shape) {
        int[] s = new int[shape.length + 1];
        s[0] = rows;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return s;
    }

    /** Typed reading of a [data] section's settings, with messages naming the section and key. */
    private record Settings(String source, ComponentSpec spec) {

        String text(String key, String fallback) {
            return spec.get(key, fallback).trim().toLowerCase(Locale.ROOT);
        }

        /** A file or folder setting, resolved within the network file's folder. */
        Path path(DataFolder folder, String key) {
            return folder.resolve(source, key, required(key));
        }

        String required(String key) {
            String v = spec.get(key);
            if (v == null || v.isBlank()) {
                throw new DataResolutionException("[data " + source + "] needs '" + key + " = …'");
            }
            return v.trim();
        }

        /** A whole number between min and max, or a message naming the section, the key and the range. */
        int bounded(String key, int fallback, int min, int max) {
            String typed = text(key, String.valueOf(fallback));
            int n;
            try {
                n = Integer.parseInt(typed);
            } catch (NumberFormatException e) {
                n = typed.matches("-?\\d+") ? (typed.startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE) : 0;
                if (n == 0) {
                    throw new DataResolutionException("[data " + source + "], " + key + ": '"
                            + Excerpt.of(spec.get(key)) + "' is not a whole number");
                }
            }
            if (n < min || n > max) {
                throw new DataResolutionException("[data " + source + "], " + key + ": " + Excerpt.of(typed)
                        + " is out of range; it must be between " + MemoryBudget.count(min) + " and "
                        + MemoryBudget.count(max));
            }
            return n;
        }

        /**
         * Refuses a generated set whose samples of {@code values} floats each (features and targets), in the
         * copies loading and splitting make, would not fit the memory budget.
         */
        void fits(String key, int samples, int values) {
            String memory = MemoryBudget.problem(MemoryBudget.product(samples, values, MemoryBudget.FLOAT_BYTES, 4));
            if (memory != null) {
                throw new DataResolutionException("[data " + source + "], " + key + ": " + MemoryBudget.count(samples)
                        + " samples; " + memory + "; ask for fewer samples");
            }
        }

        /** One of an enum's constants, written in any case; a message listing them otherwise. */
        <E extends Enum<E>> E choice(String key, String fallback, Class<E> kind) {
            String typed = text(key, fallback);
            for (E e : kind.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(typed)) {
                    return e;
                }
            }
            List<String> names = java.util.Arrays.stream(kind.getEnumConstants())
                    .map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
            throw new DataResolutionException("[data " + source + "], " + key + ": '" + Excerpt.of(typed)
                    + "' is not one of " + String.join(", ", names));
        }

        double number(String key, String typed) {
            try {
                double v = Double.parseDouble(typed.trim());
                if (Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new DataResolutionException("[data " + source + "], " + key + ": '" + Excerpt.of(typed)
                    + "' is not a finite number");
        }

        int integer(String key, int fallback) {
            try {
                return Integer.parseInt(text(key, String.valueOf(fallback)));
            } catch (NumberFormatException e) {
                throw new DataResolutionException("[data " + source + "], " + key + ": '"
                        + Excerpt.of(spec.get(key)) + "' is not a whole number");
            }
        }

        double decimal(String key, double fallback) {
            try {
                return Double.parseDouble(text(key, String.valueOf(fallback)));
            } catch (NumberFormatException e) {
                throw new DataResolutionException("[data " + source + "], " + key + ": '"
                        + Excerpt.of(spec.get(key)) + "' is not a number");
            }
        }
    }
}
