package studio.backprop.ui.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import studio.backprop.data.CsvLoader;
import studio.backprop.data.CsvOptions;
import studio.backprop.data.Dataset;
import studio.backprop.data.DatasetException;
import studio.backprop.data.Generators;
import studio.backprop.data.IdxLoader;
import studio.backprop.data.ImageFolderLoader;
import studio.backprop.data.ImageFolderOptions;
import studio.backprop.data.Split;
import studio.backprop.data.Splits;
import studio.backprop.spec.ComponentSpec;
import studio.backprop.tensor.Rng;
import studio.backprop.train.TrainingData;

/**
 * The data the Playground trains on: a generated two-dimensional set (with its noise, size, train/test ratio and
 * seed), points drawn or erased by hand, or a loaded file. Every change publishes a fresh {@link TrainingData}
 * (training points, and the test points as validation) on {@link #dataProperty()}; the app rebuilds its trainer
 * when it changes. Problems (a file that does not load) appear in words on {@link #messageProperty()} and leave
 * the previous data in place.
 *
 * <p>Thread: the JavaFX application thread (the properties need no running toolkit, so tests use it directly).
 */
public final class DatasetViewModel {

    /** The generated sets, with the names a [data generated] section uses. */
    public enum Generator {
        CIRCLE, XOR, GAUSSIANS, SPIRAL, MOONS, BLOBS;

        /** The name in files: "circle", "xor", … */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return this == XOR ? "XOR" : name().charAt(0) + key().substring(1);
        }
    }

    /** Where the current data came from: a generator, the user's hand, the network file's rows, a data file. */
    public enum Source { GENERATED, DRAWN, ROWS, FILE }

    /** The {@link #drawToolProperty() drawing tool} that erases points. */
    public static final int ERASE = -1;

    /** Drawn coordinates are rounded to this step, so saved rows stay short. */
    private static final double DRAW_STEP = 0.01;

    private final ObjectProperty<Generator> generator = new SimpleObjectProperty<>(Generator.CIRCLE);
    private final DoubleProperty noise = new SimpleDoubleProperty(0.1);
    private final IntegerProperty size = new SimpleIntegerProperty(400);
    private final DoubleProperty trainFraction = new SimpleDoubleProperty(0.7);
    private final LongProperty seed = new SimpleLongProperty(1);
    private final IntegerProperty classes = new SimpleIntegerProperty(3);
    private final IntegerProperty outputUnits = new SimpleIntegerProperty(1);
    private final IntegerProperty drawTool = new SimpleIntegerProperty(0);
    private final ReadOnlyObjectWrapper<TrainingData> data = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<DataPoint>> points = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<Source> source = new ReadOnlyObjectWrapper<>(Source.GENERATED);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Extent> extent = new ReadOnlyObjectWrapper<>(Extent.DEFAULT);
    private List<String> classNames = List.of("class 0", "class 1");
    private Dataset fileTrain;
    private Dataset fileTest;
    private ComponentSpec fileSpec;

    /** Starts with the generated circle set (400 points, noise 0.1, 70 % training, seed 1). */
    public DatasetViewModel() {
        outputUnits.addListener((o, a, b) -> publish());
        points.addListener((o, a, b) -> extent.set(planeFor(b)));
        regenerate();
    }

    /** Generates the chosen set afresh from the current settings (discarding drawn points). */
    public void regenerate() {
        try {
            Dataset all = generate();
            Split split = Splits.shuffled(all, trainFraction.get(), 0, 1 - trainFraction.get(), new Rng(seed.get()));
            classNames = all.classNames();
            fileSpec = null;
            source.set(Source.GENERATED);
            points.set(PointSets.points(split));
            message.set("");
            publish();
        } catch (IllegalArgumentException e) {
            message.set("Could not generate the set: " + e.getMessage());
        }
    }

    private Dataset generate() {
        int n = size.get();
        double level = noise.get();
        long s = seed.get();
        return switch (generator.get()) {
            case CIRCLE -> Generators.circle(n, level, s);
            case XOR -> Generators.xor(n, level, s);
            case GAUSSIANS -> Generators.gaussians(n, level, s);
            case SPIRAL -> Generators.spiral(n, level, s);
            case MOONS -> Generators.moons(n, level, s);
            case BLOBS -> Generators.blobs(n, classes.get(), level, s);
        };
    }

    /** Adds a training point of class {@code label} at (x, y) (rounded to 0.01); the set becomes a drawn one. */
    public void addPoint(double x, double y, int label) {
        if (!drawable()) {
            message.set("Points can only be drawn on two-dimensional data.");
            return;
        }
        if (label < 0 || label >= classNames.size()) {
            throw new IllegalArgumentException("class " + label + " does not exist (0.." + (classNames.size() - 1)
                    + ")");
        }
        List<DataPoint> next = new ArrayList<>(points.get());
        next.add(new DataPoint(round(x), round(y), label, false));
        changePoints(next);
    }

    /** Removes every point within {@code radius} of (x, y); returns how many were removed. */
    public int erase(double x, double y, double radius) {
        List<DataPoint> next = new ArrayList<>(points.get());
        int before = next.size();
        next.removeIf(p -> Math.hypot(p.x() - x, p.y() - y) <= radius);
        int removed = before - next.size();
        if (removed > 0) {
            changePoints(next);
        }
        return removed;
    }

    /** Removes every point, to draw a set from nothing (the class names stay). */
    public void clearPoints() {
        fileTrain = null;
        changePoints(List.of());
    }

    private void changePoints(List<DataPoint> next) {
        fileSpec = null;
        source.set(Source.DRAWN);
        points.set(List.copyOf(next));
        message.set("");
        publish();
    }

    private static double round(double v) {
        return Math.round(v / DRAW_STEP) * DRAW_STEP;
    }

    /** Loads a CSV file (header, label in the last column, numbers scaled to [0, 1]); false with a message if not. */
    public boolean loadCsv(Path file) {
        return load(file, () -> CsvLoader.load(file, CsvOptions.defaults()),
                new ComponentSpec("csv", Map.of("file", file.toString())));
    }

    /** Loads MNIST-format IDX images and labels (gzip or not); false with a message if they do not load. */
    public boolean loadIdx(Path images, Path labels) {
        return load(images, () -> IdxLoader.load(images.getFileName().toString(), images, labels),
                new ComponentSpec("idx", Map.of("images", images.toString(), "labels", labels.toString())));
    }

    /** Loads a folder of images with one sub-folder per class (grayscale); false with a message if not. */
    public boolean loadImageFolder(Path folder) {
        return load(folder, () -> ImageFolderLoader.load(folder, ImageFolderOptions.grayscale()),
                new ComponentSpec("images", Map.of("folder", folder.toString())));
    }

    /** Something that reads a dataset or says in words why it cannot. */
    private interface Loader {
        Dataset load() throws DatasetException;
    }

    private boolean load(Path what, Loader loader, ComponentSpec spec) {
        try {
            useLoaded(loader.load(), spec);
            return true;
        } catch (DatasetException | RuntimeException e) {
            message.set("Could not load " + what.getFileName() + ": " + e.getMessage());
            return false;
        }
    }

    /** Uses a loaded set (split by the train ratio and seed); {@code spec} is how a document names the file. */
    private void useLoaded(Dataset all, ComponentSpec spec) {
        if (!all.task().isClassification()) {
            throw new IllegalArgumentException(all.name() + " has no classes; the Playground classifies");
        }
        Split split = Splits.shuffled(all, trainFraction.get(), 0, 1 - trainFraction.get(), new Rng(seed.get()));
        boolean twoD = all.sampleShape().length == 1 && all.sampleSize() == 2;
        fileTrain = twoD ? null : split.train();
        fileTest = twoD || split.test().size() == 0 ? null : split.test();
        classNames = all.classNames();
        fileSpec = spec;
        source.set(Source.FILE);
        points.set(twoD ? PointSets.points(split) : List.of());
        message.set("");
        publish();
    }

    private void publish() {
        Dataset train = fileTrain != null ? fileTrain : PointSets.dataset(points.get(), false, classNames);
        Dataset test = fileTrain != null ? fileTest : PointSets.dataset(points.get(), true, classNames);
        if (train == null) {
            data.set(null);
            description.set("No training points: draw some, or regenerate.");
            return;
        }
        data.set(PointSets.trainingData(train, test, outputUnits.get()));
        description.set(describe(train.size(), test == null ? 0 : test.size()));
    }

    private String describe(int train, int test) {
        return sourceName() + ": " + train + " training, " + test + " test points, " + classNames.size()
                + " classes";
    }

    /** What the data is, in a few words: "Spiral", "Drawn set", "Rows of the file", "CSV file". */
    public String sourceName() {
        return switch (source.get()) {
            case GENERATED -> generator.get().toString();
            case DRAWN -> "Drawn set";
            case ROWS -> "Rows of the file";
            case FILE -> fileSpec == null ? "File" : fileSpec.type().toUpperCase(Locale.ROOT) + " file";
        };
    }

    /**
     * The plane for these points: fitted to them (so the four points of a logic gate in [0, 1]² fill the plot,
     * while generated sets keep the Playground's [−6, 6]²); while the user draws, the plane stays put and only
     * grows when a point falls outside it, so it never jumps under the pointer.
     */
    private Extent planeFor(List<DataPoint> shown) {
        if (source.get() == Source.DRAWN) {
            Extent now = extent.get();
            boolean inside = shown.stream().allMatch(p -> p.x() >= now.xMin() && p.x() <= now.xMax()
                    && p.y() >= now.yMin() && p.y() <= now.yMax());
            return inside ? now : Extent.around(shown);
        }
        return Extent.fitting(shown);
    }

    /** True when the samples are points of the plane (generated, drawn, or a two-column file). */
    public boolean drawable() {
        return fileTrain == null;
    }

    /**
     * The data as a document's [data] section: a generated set with its settings, drawn points as inline rows
     * "x1, x2 -> label" (one-hot targets for more than two classes), a loaded file by its name.
     */
    public ComponentSpec toDataSpec() {
        if (source.get() == Source.FILE && fileSpec != null) {
            return fileSpec;
        }
        if (source.get() == Source.DRAWN || source.get() == Source.ROWS) {
            return new ComponentSpec("inline", Map.of("rows", PointSets.inlineRows(points.get(), classNames.size())));
        }
        Map<String, String> s = new LinkedHashMap<>();
        s.put("generator", generator.get().key());
        s.put("samples", String.valueOf(size.get()));
        s.put("noise", PointSets.number(noise.get()));
        s.put("seed", String.valueOf(seed.get()));
        if (generator.get() == Generator.BLOBS) {
            s.put("classes", String.valueOf(classes.get()));
        }
        return new ComponentSpec("generated", s);
    }

    /**
     * Takes a document's [data generated] or [data inline] section (with two inputs) as the current data.
     *
     * @return false (with a message) for other sources, which the app resolves itself
     */
    public boolean applyDataSpec(ComponentSpec spec) {
        try {
            switch (spec.type().trim().toLowerCase(Locale.ROOT)) {
                case "generated" -> applyGenerated(spec);
                case "inline" -> applyInline(spec.get("rows", ""));
                default -> {
                    message.set("[data " + spec.type() + "] is not drawn in the dataset panel");
                    return false;
                }
            }
            return true;
        } catch (IllegalArgumentException e) {
            message.set("The data section could not be read: " + e.getMessage());
            return false;
        }
    }

    private void applyGenerated(ComponentSpec spec) {
        Generator g = Generator.valueOf(spec.get("generator", "spiral").trim().toUpperCase(Locale.ROOT));
        generator.set(g);
        size.set(Integer.parseInt(spec.get("samples", "400").trim()));
        noise.set(Double.parseDouble(spec.get("noise", "0.1").trim()));
        seed.set(Long.parseLong(spec.get("seed", "1").trim()));
        classes.set(Integer.parseInt(spec.get("classes", "3").trim()));
        regenerate();
    }

    /**
     * The network file's own rows as the points of the plane, their classes named by their targets ("0", "1", …;
     * "-1" and "+1" for sign labels). Rows whose targets are numbers rather than classes (a regression sheet) are
     * refused: the panel draws classes, and the network trains on the rows as they are.
     */
    private void applyInline(String rows) {
        PointSets.Rows parsed = PointSets.parseRows(rows);
        List<String> names = new ArrayList<>();
        if (parsed.signLabels()) {
            names.addAll(List.of("-1", "+1"));
        } else {
            int k = Math.max(2, parsed.points().stream().mapToInt(DataPoint::label).max().orElse(1) + 1);
            for (int i = 0; i < k; i++) {
                names.add(String.valueOf(i));
            }
        }
        classNames = List.copyOf(names);
        fileTrain = null;
        fileSpec = null;
        source.set(Source.ROWS);
        points.set(parsed.points());
        message.set("");
        publish();
    }

    // ---------------------------------------------------------------- properties

    public ObjectProperty<Generator> generatorProperty() {
        return generator;
    }

    /** Noise level in [0, 1] (the panel offers 0 to 0.5). */
    public DoubleProperty noiseProperty() {
        return noise;
    }

    /** Number of generated points. */
    public IntegerProperty sizeProperty() {
        return size;
    }

    /** The share of points used for training, the rest being the test (validation) points. */
    public DoubleProperty trainFractionProperty() {
        return trainFraction;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    /** The number of blobs for {@link Generator#BLOBS}. */
    public IntegerProperty classesProperty() {
        return classes;
    }

    /** The network's output units: 1 gives two-class data one 0/1 target column, more give one-hot rows. */
    public IntegerProperty outputUnitsProperty() {
        return outputUnits;
    }

    /** What a click on a plot does: add a point of this class, or erase ({@link #ERASE}). */
    public IntegerProperty drawToolProperty() {
        return drawTool;
    }

    /** The data to train on (null when there is no training point). */
    public ReadOnlyObjectProperty<TrainingData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    /** The points of the plane (empty for data that is not two-dimensional); an immutable list. */
    public ReadOnlyObjectProperty<List<DataPoint>> pointsProperty() {
        return points.getReadOnlyProperty();
    }

    /** The part of the plane the plots show (see {@link #planeFor}). */
    public ReadOnlyObjectProperty<Extent> extentProperty() {
        return extent.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Source> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** The last problem in words, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** One line about the current data: "Spiral: 280 training, 120 test points, 2 classes". */
    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    public List<String> classNames() {
        return classNames;
    }

    public List<DataPoint> points() {
        return points.get();
    }
}
